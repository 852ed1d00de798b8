using System.ComponentModel;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

[Description("Verwijzing naar een provincie.")]
internal sealed record ProvinceRef(string Code, string Name, string Href)
{
    public static ProvinceRef Of(string code, string name) => new(code, name, $"{ApiConventions.BasePath}/provincies/{code}");
}

[Description("Verwijzing naar een woningbouwregio.")]
internal sealed record RegionRef(string Id, string Name, string Href)
{
    public static RegionRef Of(string id, string name) => new(id, name, $"{ApiConventions.BasePath}/regios/{id}");
}

[Description("Een gemeente met haar regio, opgave, voorraadaandeel en doelen.")]
internal sealed record MunicipalityResource(
    [property: Description("CBS-code, GM en vier cijfers.")] string Code,
    [property: Description("Naam.")] string Name,
    ProvinceRef Province,
    [property: Description("De woningbouwregio; null als de gemeente in geen regio ligt.")] RegionRef? Region,
    [property: Description("True als het lidmaatschap indicatief is.")] bool IndicativeMember,
    [property: Description("Opgave in de periode van de regio; null als die niet bekend is.")] int? Task,
    [property: Description("agreed (afgesproken) of derived (afgeleid); null zonder opgave.")] string? TaskOrigin,
    [property: Description("Aandeel corporatiewoningen s = S / T (laatste peiljaar), vier decimalen.")] decimal? StockShare,
    [property: Description("Achterblijvend segment: social of middle.")] string? LaggingSegment,
    [property: Description("Doelen uit de verdeling van de regio; null zonder opgave.")] TargetsResource? Targets,
    [property: Description("De gemeente met de uitleg stap voor stap.")] string Href)
{
    public static MunicipalityResource From(MunicipalityIndicator m) => new(
        m.Code,
        m.Name,
        ProvinceRef.Of(m.ProvinceCode, m.ProvinceName),
        m.RegionId is { } id ? RegionRef.Of(id, m.RegionName!) : null,
        m.IndicativeMember,
        m.Task?.Homes,
        m.Task is { } t ? TaskResource.From(t).Origin : null,
        m.StockShare is { } s ? ApiNumbers.Share(s) : null,
        m.Lagging is { } l ? ApiNumbers.Segment(l) : null,
        m.Distribution is { } d ? TargetsResource.From(d) : null,
        $"{ApiConventions.BasePath}/gemeenten/{m.Code}");
}

[Description("Sociale huur en middensegment.")]
internal sealed record SocialMiddle(int Social, int Middle);

[Description("Indicatoren van de voorraad (stap 1, 2 en 8 van de uitleg).")]
internal sealed record IndicatorsResource(
    [property: Description("s = S / T, vier decimalen.")] decimal StockShare,
    [property: Description("social als s onder de drempel ligt, anders middle (precies op de drempel telt als middle).")] string LaggingSegment,
    [property: Description("Inhaalbehoefte: ⌈(drempel × T − S) / (1 − drempel)⌉ sociale huurwoningen, 0 als de drempel al bereikt is.")] long CatchUpNeed,
    [property: Description("(S + sociaal) / (T + N): het aandeel na de periode als de doelen gebouwd worden; null zonder verdeling.")] decimal? ProjectedStockShare);

[Description("De getallen van de gemeente in de verdeling van haar regio.")]
internal sealed record MunicipalShareResource(
    [property: Description("Verdeelsleutel van de regio.")] string Key,
    [property: Description("Normenset.")] string NormSet,
    [property: Description("N: opgave.")] int Task,
    [property: Description("U: opgave min gecontracteerd.")] int Uncontracted,
    [property: Description("capA: opgave min gecontracteerde vrije sector.")] int AffordableCapacity,
    [property: Description("Ondergrenzen (stap 4).")] SocialMiddle Floor,
    [property: Description("Regionaal aandeel (stappen 5 en 6).")] SocialMiddle RegionalShare,
    [property: Description("Doelen (stap 7).")] TargetsResource Targets,
    [property: Description("Betaalbaar: sociaal + midden.")] int Affordable,
    [property: Description("De hele verdeling van de regio.")] string DistributionHref);

[Description("Een waarde in een stap van de uitleg, zoals getoond (Nederlandse notatie).")]
internal sealed record ExplanationValueResource(string Name, string Value);

[Description("Eén stap van 'Hoe komt dit getal tot stand?'.")]
internal sealed record ExplanationStepResource(
    [property: Description("1 tot en met 8.")] int Number,
    string Title,
    [property: Description("Wat er berekend is, met de getallen.")] string Text,
    IReadOnlyList<ExplanationValueResource> Values,
    [property: Description("De regel.")] string Rule,
    [property: Description("Bron van de invoer en de regel.")] string Source)
{
    public static ExplanationStepResource From(ExplanationStep s) =>
        new(s.Number, s.Title, s.Text, [.. s.Values.Select(v => new ExplanationValueResource(v.Name, v.Value))], s.Rule, s.Source);
}

[Description("Een gemeente: invoer, indicatoren, haar deel van de verdeling en de uitleg in acht stappen.")]
internal sealed record MunicipalityDetail(
    string Code,
    string Name,
    ProvinceRef Province,
    RegionRef? Region,
    bool IndicativeMember,
    [property: Description("Bron van het lidmaatschap.")] string? MembershipSource,
    [property: Description("Opgave met herkomst; null als die niet bekend is.")] TaskResource? Task,
    [property: Description("Voorraad (laatste peiljaar) met bron.")] StockResource? Stock,
    IndicatorsResource? Indicators,
    [property: Description("Haar deel van de verdeling; null als er niets verdeeld is.")] MunicipalShareResource? Distribution,
    [property: Description("De acht stappen van de uitleg; leeg zonder verdeling.")] IReadOnlyList<ExplanationStepResource> Explanation,
    [property: Description("Bevindingen en signalen over deze gemeente.")] IReadOnlyList<FindingResource> Findings,
    [property: Description("Waarom de gemeente niet verdeeld is; null als ze verdeeld is.")] string? NotDistributedReason,
    string Href)
{
    public static MunicipalityDetail From(MunicipalityFacts facts)
    {
        var m = facts.Municipality;
        var region = facts.Region;
        var result = region?.Result;
        var d = facts.Distribution;
        var regionRef = facts.Membership?.Region is { } r ? RegionRef.Of(r.Id, r.Name) : null;
        return new MunicipalityDetail(
            m.Code,
            m.Name,
            ProvinceRef.Of(m.ProvinceCode, m.Province?.Name ?? m.ProvinceCode),
            regionRef,
            facts.Membership?.IndicativeNow ?? false,
            facts.Membership?.Source,
            facts.Task is { } t ? TaskResource.From(t) : null,
            facts.Stock is { } s ? StockResource.From(s) : null,
            IndicatorsOf(facts, result?.Norms ?? NormSets.Default),
            d is null || result is null ? null : new MunicipalShareResource(
                ScenarioWriter.KeyText(result.Key),
                result.Norms.Id,
                d.Task,
                d.Uncontracted,
                d.AffordableCapacity,
                new SocialMiddle(d.FloorSocial, d.FloorMiddle),
                new SocialMiddle(d.RegionalSocial, d.RegionalMiddle),
                TargetsResource.From(d),
                d.Affordable,
                $"{regionRef!.Href}/verdeling"),
            d is null || result is null ? [] : [.. result.Explain(d.Code).Select(ExplanationStepResource.From)],
            result is null || regionRef is null ? [] : [.. result.Findings.Where(f => f.Municipality == d?.Code).Select(f => FindingResource.Region(regionRef.Id, regionRef.Name, f))],
            d is not null ? null : NotDistributed(facts),
            $"{ApiConventions.BasePath}/gemeenten/{m.Code}");
    }

    private static IndicatorsResource? IndicatorsOf(MunicipalityFacts facts, NormSet norms)
    {
        if (facts.Distribution is { } d)
        {
            return new(ApiNumbers.Share(d.StockShare), ApiNumbers.Segment(d.Lagging), d.CatchUpNeed, ApiNumbers.Share(d.ProjectedStockShare));
        }

        if (facts.Stock is not { TotalStock: > 0 } s)
        {
            return null;
        }

        var share = new Fraction(s.SocialStock, s.TotalStock);
        var threshold = norms.LaggingThreshold.Value;
        var lagging = share < threshold ? LaggingSegment.Social : LaggingSegment.Middle;
        return new(ApiNumbers.Share(share), ApiNumbers.Segment(lagging), Core.Distributions.Indicators.CatchUpNeed(s.TotalStock, s.SocialStock, threshold), null);
    }

    private static string NotDistributed(MunicipalityFacts facts) => facts.Membership is null
        ? $"{facts.Municipality.Name} ligt in geen woningbouwregio."
        : facts.Task is null
            ? $"{facts.Municipality.Name} heeft geen opgave voor de periode van de regio; voer een regiototaal of een gemeentelijke opgave in."
            : $"{facts.Municipality.Name} heeft geen voorraadgegevens; zonder voorraad kan de gemeente niet verdeeld worden.";
}
