using System.ComponentModel;
using Regiewijzer.Core.Deals;

namespace Regiewijzer.Web.Api;

[Description("Een gemeente die partij is bij de woondeal; een gemeente kan partij zijn bij meer dan één woondeal.")]
internal sealed record DealPartyResource(
    [property: Description("CBS-gemeentecode.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("CBS-provinciecode van de gemeente.")] string Province,
    [property: Description("genoemd (in een bron over de deal), indicatief (samengesteld voor dit project) of afgeleid (uit andere cijfers, niet bevestigd).")] string Certainty,
    [property: Description("Bron.")] string Source);

[Description("Een gemeentelijk aantal dat binnen de woondeal is gepubliceerd.")]
internal sealed record DealNumberResource(
    [property: Description("CBS-gemeentecode.")] string Code,
    [property: Description("Woningen in de periode van de woondeal.")] int Homes,
    [property: Description("Bron; zegt het als het getal een minimum of afgerond is.")] string Source);

[Description("De verdeling die de woondeal zelf afsprak, voor zover een bron die noemt; null waar niet genoemd.")]
internal sealed record DealSplitResource(
    [property: Description("Sociale huur.")] int? SocialRent,
    [property: Description("Middenhuur.")] int? MiddleRent,
    [property: Description("Betaalbare koop.")] int? AffordablePurchase,
    [property: Description("Betaalbaar totaal: zoals genoemd, anders de som van de drie delen als alle drie genoemd zijn.")] int? AffordableTotal,
    [property: Description("Bron.")] string Source,
    [property: Description("Citaat uit de bron.")] string Quote);

[Description("Eén segment van de eigen verdeling naast wat de wet van hetzelfde totaal vraagt.")]
internal sealed record SegmentLawResource(
    [property: Description("sociale huur of betaalbaar.")] string Segment,
    [property: Description("Afgesproken in de woondeal; null als de bron geen aantal noemt.")] int? Agreed,
    [property: Description("Wat de wet vraagt: ⌈aandeel × totaal van de woondeal⌉.")] int Required,
    [property: Description("Het wettelijke aandeel als breuk, bijvoorbeeld 3/10.")] string Share,
    [property: Description("Zoveel woningen meer moet de woondeal afspreken; 0 als ze voldoet; null als niet te beoordelen.")] int? Shortfall);

[Description("De eigen verdeling van een woondeal tegen de wet (2/3 betaalbaar, 30% sociale huur van hetzelfde totaal).")]
internal sealed record DealLawResource(
    [property: Description("Id van de woondeal.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("Totaal van de woondeal; null als onbekend.")] int? Total,
    [property: Description("True als de woondeal een eigen verdeling heeft gepubliceerd.")] bool HasSplit,
    [property: Description("True als beide segmenten voldoen, false als één tekortschiet, null als niet te beoordelen.")] bool? MeetsLaw,
    [property: Description("Sociale huur; null zonder bekend totaal.")] SegmentLawResource? Social,
    [property: Description("Betaalbaar; null zonder bekend totaal.")] SegmentLawResource? Affordable,
    [property: Description("De uitkomst in zinnen, bijvoorbeeld 'Regio Rotterdam: 28.000 sociale huur afgesproken, de wet vraagt 30.000: 2.000 meer.'.")] IReadOnlyList<string> Sentences,
    [property: Description("Kanttekeningen (afgerond of minimaal totaal, delen die niet optellen tot het totaal).")] IReadOnlyList<string> Notes)
{
    public static DealLawResource From(DealLawComparison c) => new(
        c.Deal.Id,
        c.Deal.Name,
        c.Deal.Total.Homes,
        c.HasSplit,
        c.MeetsLaw,
        Segment(c.Social),
        Segment(c.Affordable),
        c.Sentences,
        c.Notes);

    private static SegmentLawResource? Segment(SegmentAgainstLaw? s) =>
        s is null ? null : new(s.Segment, s.Agreed, s.Required, s.Share.Value.ToString(), s.Shortfall);
}

[Description("Een woondeal zoals gepubliceerd: een afspraak tussen partijen, los van de woningbouwregio's.")]
internal sealed record WoondealResource(
    [property: Description("Id, WD01 tot en met WD35.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("Provincies die partij zijn.")] IReadOnlyList<string> Provinces,
    [property: Description("Totaal in woningen; null als geen bron het noemt.")] int? Total,
    [property: Description("exact, afgerond, minimaal of onbekend.")] string Precision,
    [property: Description("Hoe de bron het totaal noemt (zoals geleverd).")] string PrecisionWording,
    [property: Description("Eerste jaar van de periode.")] int PeriodFrom,
    [property: Description("Laatste jaar van de periode (inclusief).")] int PeriodTo,
    [property: Description("Bron van het totaal.")] string? Source,
    [property: Description("Gemeenten die partij zijn.")] IReadOnlyList<DealPartyResource> Parties,
    [property: Description("Gepubliceerde gemeentelijke aantallen.")] IReadOnlyList<DealNumberResource> PublishedNumbers,
    [property: Description("De eigen verdeling; null als niet gepubliceerd.")] DealSplitResource? Split,
    [property: Description("De eigen verdeling tegen de wet.")] DealLawResource AgainstLaw,
    [property: Description("Deze resource.")] string Href)
{
    public static WoondealResource From(Deal d) => new(
        d.Id,
        d.Name,
        d.Provinces,
        d.Total.Homes,
        DealPrecisions.Code(d.Total.Precision),
        d.Total.Wording,
        d.PeriodFrom,
        d.PeriodTo,
        d.Source,
        [.. d.Parties.Select(p => new DealPartyResource(p.Municipality.Value, p.Name, p.Province.Value, DealPrecisions.Dutch(p.Certainty), p.Source))],
        [.. d.Numbers.Select(n => new DealNumberResource(n.Municipality.Value, n.Homes, n.Source))],
        d.Split is { } s ? new DealSplitResource(s.SocialRent, s.MiddleRent, s.AffordablePurchase, s.AffordableTotal, s.Source, s.Quote) : null,
        DealLawResource.From(DealAgainstLaw.Compare(d, Core.Norms.NormSets.Default)),
        $"{ApiConventions.BasePath}/woondeals/{d.Id}");
}

[Description("Een gemeente die partij is bij twee woondeals: een som over woondeals telt haar woningen dubbel.")]
internal sealed record DealOverlapResource(
    [property: Description("CBS-gemeentecode.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("De woondeals.")] IReadOnlyList<string> Deals,
    [property: Description("genoemd of afgeleid.")] string Certainty,
    [property: Description("Haar gepubliceerde aantal in één van de woondeals (zoveel woningen telt die deal mee); null als niet gepubliceerd.")] int? PublishedHomes,
    [property: Description("De woondeal met dat aantal.")] string? PublishedIn);

[Description("Een gepubliceerd cijfer om de woondeals mee te vergelijken.")]
internal sealed record PublishedFigureResource(
    [property: Description("Aantal woningen.")] int Homes,
    [property: Description("Hoe de bron het noemt.")] string Wording,
    [property: Description("Bron.")] string? Source,
    [property: Description("False als het cijfer niet in een openbare bron is teruggevonden.")] bool Verified);

[Description("De som van woondeals voor zover bekend tegen een gepubliceerd cijfer. De som is nooit de opgave zolang er totalen ontbreken.")]
internal sealed record ReconciliationLineResource(
    [property: Description("NL of de CBS-provinciecode.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Aantal woondeals in de som.")] int Deals,
    [property: Description("Som van de bekende totalen (exact, afgerond en minimaal).")] int KnownSum,
    [property: Description("Aantal woondeals met een bekend totaal.")] int KnownDeals,
    [property: Description("Woondeals zonder bekend totaal (id's).")] IReadOnlyList<string> UnknownDeals,
    [property: Description("Woondeals met een afgerond totaal.")] IReadOnlyList<string> RoundedDeals,
    [property: Description("Woondeals met een minimum als totaal.")] IReadOnlyList<string> MinimumDeals,
    [property: Description("Gemeenten in twee woondeals.")] IReadOnlyList<DealOverlapResource> Overlaps,
    [property: Description("Woningen dubbel geteld voor zover gepubliceerd.")] int DoubleCountedPublished,
    [property: Description("Het gepubliceerde cijfer; null als er geen is.")] PublishedFigureResource? Published,
    [property: Description("Gepubliceerd min de bekende som; null zonder gepubliceerd cijfer.")] int? Gap,
    [property: Description("sluit, sluit-niet of niet-te-beoordelen.")] string Verdict,
    [property: Description("Het oordeel in een zin, met wat ontbreekt.")] string VerdictText,
    [property: Description("Wat ontbreekt voor een oordeel.")] IReadOnlyList<string> Missing)
{
    public static ReconciliationLineResource From(ReconciliationLine l) => new(
        l.Code,
        l.Name,
        l.Sum.Deals,
        l.Sum.Known,
        l.Sum.KnownCount,
        [.. l.Sum.Unknown.Select(d => d.Id)],
        [.. l.Sum.Rounded.Select(d => d.Id)],
        [.. l.Sum.Minimum.Select(d => d.Id)],
        [.. l.Overlaps.Select(o => new DealOverlapResource(o.Municipality.Value, o.Name, o.DealIds, DealPrecisions.Dutch(o.Certainty), o.PublishedHomes, o.PublishedIn))],
        l.DoubleCountedPublished,
        l.Published is { } p ? new PublishedFigureResource(p.Homes, p.Wording, p.Source, p.Verified) : null,
        l.Gap,
        l.Verdict switch { ReconciliationVerdict.Matches => "sluit", ReconciliationVerdict.Differs => "sluit-niet", _ => "niet-te-beoordelen" },
        DealText.Verdict(l),
        l.Missing);
}

[Description("De woondeals van een provincie: de woondeals binnen de provincie tegen haar eigen gepubliceerde totaal; woondeals over de grens apart.")]
internal sealed record ProvinceReconciliationResource(
    [property: Description("De woondeals geheel binnen de provincie.")] ReconciliationLineResource Line,
    [property: Description("Woondeals over de provinciegrens (id's): niet in de som, het deel in deze provincie is niet gepubliceerd.")] IReadOnlyList<string> CrossBorderDeals,
    [property: Description("De som met de woondeals over de grens geheel meegeteld: een bovengrens, nooit de opgave.")] int WithCrossBorderWhole,
    [property: Description("De provinciale woningbouwafspraak 2022-2030 (13 oktober 2022); null als onbekend.")] PublishedFigureResource? Agreement2022,
    [property: Description("De provincie.")] string Href)
{
    public static ProvinceReconciliationResource From(ProvinceReconciliation p) => new(
        ReconciliationLineResource.From(p.Line),
        [.. p.CrossBorder.Select(d => d.Id)],
        p.WithCrossBorderWhole,
        p.Figures.Agreement2022 is { } a ? new PublishedFigureResource(a.Homes, a.Wording, a.Source, a.Verified) : null,
        $"{ApiConventions.BasePath}/provincies/{p.Figures.Code.Value}");
}

[Description("De landelijke en provinciale afstemming van de woondeals.")]
internal sealed record DealReconciliationResource(
    [property: Description("Alle woondeals tegen het landelijke cijfer 936.349.")] ReconciliationLineResource Nation,
    [property: Description("De landelijke afstemming in zinnen.")] IReadOnlyList<string> NationText,
    [property: Description("Per provincie.")] IReadOnlyList<ProvinceReconciliationResource> Provinces)
{
    public static DealReconciliationResource From(DealReconciliation r) => new(
        ReconciliationLineResource.From(r.Nation),
        [.. DealText.National(r.Nation)],
        [.. r.Provinces.Select(ProvinceReconciliationResource.From)]);
}
