namespace Regiewijzer.Data.Model;

/// <summary>A woondeal as published: an agreement between parties, apart from the woningbouwregio's (see data/SOURCES.md).</summary>
public sealed class DealRow
{
    /// <summary>WD01..WD35 for the shipped deals.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Province name(s) as in the deal, "Groningen; Drenthe" for a deal across a border.</summary>
    public required string Provinces { get; set; }

    /// <summary>Homes agreed for the whole deal over its period; null when no source gives it.</summary>
    public int? Total { get; set; }

    /// <summary>exact, afgerond, minimaal or onbekend (Core DealTotalPrecision as its Dutch code).</summary>
    public required string Precision { get; set; }

    /// <summary>The source's wording of the precision as shipped (woondeals.csv, column precisie).</summary>
    public required string PrecisionWording { get; set; }

    public string? Source { get; set; }

    public string? Notes { get; set; }

    public int PeriodFrom { get; set; } = 2022;

    public int PeriodTo { get; set; } = 2030;

    public int? SocialRent { get; set; }

    public int? MiddleRent { get; set; }

    public int? AffordablePurchase { get; set; }

    /// <summary>The affordable total the deal states (not a sum made here).</summary>
    public int? AffordableTotal { get; set; }

    public string? SplitSource { get; set; }

    public string? SplitQuote { get; set; }

    public int Version { get; set; }
}

/// <summary>A municipality that is a party to a deal; a municipality may be party to more than one deal.</summary>
public sealed class DealPartyRow
{
    public int Id { get; set; }

    public required string DealId { get; set; }

    public required string MunicipalityCode { get; set; }

    /// <summary>genoemd, indicatief or afgeleid.</summary>
    public required string Certainty { get; set; }

    public required string Source { get; set; }
}

/// <summary>A municipal number published within a deal.</summary>
public sealed class DealNumberRow
{
    public int Id { get; set; }

    public required string DealId { get; set; }

    public required string MunicipalityCode { get; set; }

    public int Homes { get; set; }

    public required string Source { get; set; }
}

/// <summary>A province's own published total of its deals (provinciale-bouwafspraken-2022.csv, woondeals_totaal_gepubliceerd).</summary>
public sealed class ProvinceDealFigureRow
{
    public required string ProvinceCode { get; set; }

    public int? PublishedTotal { get; set; }

    public string? Wording { get; set; }

    public string? Source { get; set; }
}
