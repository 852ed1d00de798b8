using System.Reflection;

namespace Regiewijzer.Data.Reports;

/// <summary>One shipped data set (data/SOURCES.md) as the documents and the sheet "Bron" name it.</summary>
/// <param name="File">File name in data/reference.</param>
/// <param name="What">What it holds.</param>
/// <param name="ReferenceDate">Its reference date (peildatum).</param>
/// <param name="Publisher">Who publishes it.</param>
/// <param name="Caveat">What to keep in mind; empty when nothing.</param>
public sealed record ShippedDataSet(string File, string What, string ReferenceDate, string Publisher, string Caveat);

/// <summary>
/// The sources, reference dates and assumptions every document and spreadsheet names: the shipped data sets (the Dutch
/// summary of data/SOURCES.md), the assumptions that hold for all figures, and the software version.
/// </summary>
public static class ReportSources
{
    public static IReadOnlyList<ShippedDataSet> DataSets { get; } =
    [
        new("gemeenten-2025.csv", "342 gemeenten met provincie", "indeling 1 januari 2025", "CBS", "controle van de codes 2025 gedeeltelijk"),
        new("woningvoorraad-2024.csv", "woningvoorraad 2022-2024, eigendomsverhouding 2022, corporatiewoningen", "1 januari 2024 (voorraad), 1 januari 2022 (eigendom)", "CBS",
            "corporatiewoningen 2024 geschat (aandeel 2022 maal voorraad 2024); aandelen als hele procenten"),
        new("woondeals.csv", "35 regionale woondeals met hun totalen", "ondertekend december 2022 - april 2023", "BZK en provincies (persberichten)", "5 totalen niet gevonden; sommige afgerond of minimum"),
        new("woondeal-gemeenten.csv", "gemeente naar woondealregio", "indeling 2025", "samengesteld voor Regiewijzer", "lidmaatschap dat niet uit een woondealtekst komt heet indicatief"),
        new("woondeal-taken-gemeenten.csv", "gepubliceerde gemeentelijke aantallen in woondeals", "2023", "persberichten bij de woondeals", "alleen Foodvalley volledig"),
        new("provinciale-bouwafspraken-2022.csv", "provinciale bouwafspraken", "13 oktober 2022", "BZK", string.Empty),
        new("plancapaciteit-2021.csv", "harde en zachte plancapaciteit per gemeente", "circa 2021", "provincies via Data Bewijst / Follow the Money", "fasering per provincie verschillend"),
        new("nieuwbouw-2012-2020.csv", "nieuwbouw en voorraadmutaties per jaar", "2012-2020", "CBS (StatLine 81955NED)", "2021-2024 niet beschikbaar"),
        new("gemeenten-2024.geojson", "gemeentegrenzen (vereenvoudigd)", "Wijk- en Buurtkaart 2024", "CBS / PDOK (Kadaster)", string.Empty),
    ];

    /// <summary>Assumptions that hold for every figure of Regiewijzer (each also labelled where it applies).</summary>
    public static IReadOnlyList<string> Assumptions { get; } =
    [
        "Corporatiewoningen op 1 januari 2024 zijn geschat: het aandeel van 2022 maal de voorraad van 2024.",
        "Een opgave die niet in een woondealtekst staat, is afgeleid uit het regiototaal naar aandeel in de plancapaciteit 2021 (of de voorraad 2024) en heet afgeleid.",
        "Een gemeente waarvan het lidmaatschap van de woningbouwregio niet uit een woondealtekst komt, heet indicatief lid.",
        "Voor 2022 en 2023 telt de netto groei van de woningvoorraad als benadering van de realisatie (schatting, segment onbekend).",
        "De kansen van de prognose en de drempels van de signalering (95, 85 en 75 procent) zijn aannames, geen wettelijke normen.",
    ];

    /// <summary>Licence of the open data: CBS and PDOK publish under CC BY 4.0.</summary>
    public const string Licence = "Open data van CBS en PDOK onder CC BY 4.0 (Bron: CBS; grenzen: PDOK/Kadaster).";

    /// <summary>The product's version ("1.0.0+abc123" without the commit).</summary>
    public static string SoftwareVersion { get; } = Version();

    private static string Version()
    {
        var informational = typeof(ReportSources).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "onbekend";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 && informational.Length > plus + 8 ? informational[..(plus + 8)] : informational;
    }
}
