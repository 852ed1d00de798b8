namespace Regiewijzer.Core.Norms;

/// <summary>
/// The catalogue of norm sets: the law as data. Each value carries its source and confidence
/// (domain.md section 4). Nothing else in the code base states these numbers.
/// </summary>
public static class NormSets
{
    private const string Law = "Wet versterking regie volkshuisvesting (36512) en Besluit versterking regie volkshuisvesting";

    /// <summary>The statutory norms as known in November 2026 (target entry into force 1 July 2026).</summary>
    public static NormSet Law2026 { get; } = new(
        Id: "wvrv-2026",
        Name: "Wet versterking regie volkshuisvesting (2026)",
        AffordableShare: new("affordableShare", "Aandeel betaalbaar (regio, provincie, land)", new Fraction(2, 3), Law, Confidence.Verified),
        SocialShare: new("socialShare", "Aandeel sociale huur (regio, provincie, land)", new Fraction(3, 10), Law, Confidence.Verified),
        LaggingThreshold: new(
            "laggingThreshold",
            "Drempel achterblijvend segment (aandeel corporatiewoningen in de voorraad)",
            new Fraction(3, 10),
            Law,
            Confidence.Verified,
            "Aanname: een aandeel precies op de drempel telt als niet-achterblijvend in sociale huur (dus middensegment)."),
        SocialFloor: new("socialFloor", "Ondergrens sociale huur bij achterstand in sociale huur (van de ongecontracteerde opgave)", new Fraction(3, 10), Law, Confidence.Verified),
        MiddleFloor: new("middleFloor", "Ondergrens middensegment bij achterstand in middensegment (van de ongecontracteerde opgave)", new Fraction(2, 5), Law, Confidence.Verified),
        HighSocialSignal: new(
            "highSocialSignal",
            "Signaalniveau: sociale huur als deel van de opgave van een gemeente",
            new Fraction(1, 2),
            "Regiewijzer, weergaveparameter",
            Confidence.Assumption,
            "Geen wettelijke norm: alleen een signaal dat een verdeling kan gaan schuren."),
        PeriodYears: 10,
        StockMetric: "Corporatiewoningen (DAEB) gedeeld door de totale woningvoorraad (aanname; alternatief: alle gereguleerde huur)");

    /// <summary>The default norm set.</summary>
    public static NormSet Default => Law2026;

    /// <summary>Keys of the shares that a province may not raise above the law's value.</summary>
    public static IReadOnlyList<string> StatutoryShareKeys { get; } = ["affordableShare", "socialShare", "socialFloor", "middleFloor"];
}
