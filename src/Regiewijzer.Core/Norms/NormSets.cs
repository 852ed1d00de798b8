namespace Regiewijzer.Core.Norms;

/// <summary>
/// The catalogue of norm sets: the law as data. Each value carries its source and confidence; only a value
/// that names an article of a law or decree may be labelled verified. Nothing else in the code base states these numbers.
/// </summary>
public static class NormSets
{
    private const string Bill = "Wetsvoorstel Wet versterking regie volkshuisvesting (Kamerstuk 36512) en de kamerbrieven erover";

    private const string NotChecked =
        "Secundaire bron: de waarde staat in de kamerstukken en de woondeals, maar het artikel in de wet of het Besluit versterking regie volkshuisvesting is niet nagelopen; zolang dat zo is, heet de waarde 'secundaire bron'.";

    /// <summary>
    /// The statutory norms as known in November 2026 (target entry into force 1 July 2026). None names an article of
    /// the law or the decree yet, so none is labelled verified: the shares are taken from secondary sources, the
    /// municipal rules are our reading of them.
    /// </summary>
    public static NormSet Law2026 { get; } = new(
        Id: "wvrv-2026",
        Name: "Wet versterking regie volkshuisvesting (2026)",
        AffordableShare: new("affordableShare", "Aandeel betaalbaar (regio, provincie, land)", new Fraction(2, 3), Bill, Confidence.Secondary, NotChecked),
        SocialShare: new("socialShare", "Aandeel sociale huur (regio, provincie, land)", new Fraction(3, 10), Bill, Confidence.Secondary, NotChecked),
        LaggingThreshold: new(
            "laggingThreshold",
            "Drempel achterblijvend segment (aandeel corporatiewoningen in de voorraad)",
            new Fraction(3, 10),
            Bill,
            Confidence.Assumption,
            "Aanname: openbare bronnen spreken van \"een lager aandeel sociale huur dan 30%\" of \"bovengemiddeld\"; de drempel 30% op het aandeel corporatiewoningen is onze lezing. "
            + "Een aandeel precies op de drempel telt als niet-achterblijvend in sociale huur (dus middensegment)."),
        SocialFloor: new(
            "socialFloor",
            "Ondergrens sociale huur bij achterstand in sociale huur (van de ongecontracteerde opgave)",
            new Fraction(3, 10),
            Bill,
            Confidence.Assumption,
            "Aanname: openbare bronnen noemen ten minste 30% sociale huur voor een gemeente met weinig sociale huur; dat dit geldt voor het nog niet gecontracteerde deel van de opgave is onze lezing."),
        MiddleFloor: new(
            "middleFloor",
            "Ondergrens middensegment bij achterstand in middensegment (van de ongecontracteerde opgave)",
            new Fraction(2, 5),
            Bill,
            Confidence.Assumption,
            "Aanname: openbare bronnen noemen ten minste 40% voor middeninkomens voor een gemeente met veel sociale huur; dat dit geldt voor het nog niet gecontracteerde deel van de opgave is onze lezing."),
        HighSocialSignal: new(
            "highSocialSignal",
            "Signaalniveau: sociale huur als deel van de opgave van een gemeente",
            new Fraction(1, 2),
            "Regiewijzer, weergaveparameter",
            Confidence.Assumption,
            "Geen wettelijke norm: alleen een signaal dat een verdeling kan gaan schuren."),
        PeriodYears: 10,
        StockMetric: "Woningen in bezit van woningcorporaties (CBS: alle corporatiewoningen) gedeeld door de totale woningvoorraad. "
            + "Aanname: de wettekst noemt de maat niet eenduidig. Alternatieven: alleen DAEB-woningen (de sociale huur van corporaties, een deel van alle corporatiewoningen) "
            + "of alle gereguleerde huur, ook particulier; voor die maten zijn geen cijfers per gemeente gevonden.");

    /// <summary>The default norm set.</summary>
    public static NormSet Default => Law2026;

    /// <summary>Keys of the shares that a province may not raise above the law's value.</summary>
    public static IReadOnlyList<string> StatutoryShareKeys { get; } = ["affordableShare", "socialShare", "socialFloor", "middleFloor"];
}
