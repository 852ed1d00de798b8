using System.ComponentModel;
using System.Text.Json.Serialization;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Api;

[Description("Herkomst van de opgaven van de leden: afgesproken (uit de woondeal), afgeleid (uit een regiototaal) of onbekend.")]
internal sealed record TaskOriginCounts(
    [property: Description("Gemeenten met een afgesproken opgave.")] int Agreed,
    [property: Description("Gemeenten met een afgeleide opgave.")] int Derived,
    [property: Description("Gemeenten zonder opgave voor de periode: die worden niet verdeeld.")] int WithoutTask,
    [property: Description("Samenvatting in het Nederlands, bijvoorbeeld 'afgesproken' of '3 afgesproken, 10 afgeleid'.")] string Description);

[Description("Het totaal uit de woondeal, met de precisie zoals de bron het noemt.")]
internal sealed record DealResource(
    [property: Description("Woningen in de woondeal voor de hele regio; null als geen bron het noemt.")] int? Total,
    [property: Description("Precisie van dat getal, in het Nederlands.")] string Precision);

[Description("Een woningbouwregio met haar opgave, de herkomst daarvan en de uitkomst van de verdeling.")]
internal record RegionResource(
    [property: Description("Regio-id, WD01 tot en met WD35.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("Provincie(s), in de volgorde van de woondeal.")] IReadOnlyList<string> Provinces,
    [property: Description("Periode van de opgave.")] PeriodResource Period,
    [property: Description("Verdeelsleutel van de regio: proportional, lagging-first of gap-weighted.")] string Key,
    [property: Description("Aantal gemeenten.")] int Municipalities,
    [property: Description("Gemeenten waarvan het lidmaatschap indicatief is (niet uit de tekst van de woondeal).")] int IndicativeMembers,
    [property: Description("Som van de opgaven van de leden met een opgave.")] int Task,
    [property: Description("Herkomst van die opgaven.")] TaskOriginCounts TaskOrigin,
    [property: Description("Totaal volgens de woondeal.")] DealResource Deal,
    [property: Description("True als minstens één lid een opgave heeft, zodat de regio verdeeld is.")] bool Distributed,
    [property: Description("Totalen van de verdeling tegen de normen; null als er niets te verdelen is.")] Totals? Totals,
    [property: Description("Deze resource.")] string Href)
{
    public static RegionResource From(RegionSummary s, RegionOutcome outcome)
    {
        var r = outcome.Question.Region;
        return new(
            s.Id,
            s.Name,
            [.. s.Provinces.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            new PeriodResource(r.PeriodFrom, r.PeriodTo),
            ScenarioWriter.KeyText(outcome.Question.Scenario.Region.Key),
            s.Municipalities,
            s.IndicativeMembers,
            s.Task,
            new TaskOriginCounts(s.Agreed, s.Derived, s.WithoutTask, s.Origin),
            new DealResource(s.DealTotal, DealPrecision.Dutch(s.DealPrecision)),
            outcome.Result is not null,
            outcome.Result is { } result ? Totals.From(result) : null,
            $"{ApiConventions.BasePath}/regios/{s.Id}");
    }
}

[Description("De opgave van een gemeente met haar herkomst.")]
internal sealed record TaskResource(
    [property: Description("Nieuwe woningen in de periode.")] int Homes,
    PeriodResource Period,
    [property: Description("agreed (afgesproken) of derived (afgeleid).")] string Origin,
    [property: Description("Hoe een afgeleide opgave berekend is.")] string? Method,
    [property: Description("Bron.")] string Source)
{
    public static TaskResource From(TaskRow t) =>
        new(t.Homes, new PeriodResource(t.PeriodFrom, t.PeriodTo), t.Origin == TaskOrigin.Agreed ? "agreed" : "derived", t.Method, t.Source);
}

[Description("De woningvoorraad van een gemeente op 1 januari van het peiljaar.")]
internal sealed record StockResource(
    [property: Description("T: alle woningen.")] int Total,
    [property: Description("S: corporatiewoningen volgens de maatstaf.")] int Social,
    [property: Description("s = S / T, vier decimalen.")] decimal Share,
    [property: Description("Peiljaar van de voorraad.")] int ReferenceYear,
    [property: Description("Welke woningen als sociaal tellen.")] string SocialMetric,
    [property: Description("Jaar van het aandeel corporatiewoningen.")] int SocialShareYear,
    [property: Description("True als S geschat is (aandeel van een ander jaar maal de voorraad van dit jaar).")] bool Estimate,
    [property: Description("Bron.")] string Source)
{
    public static StockResource From(StockRow s) => new(
        s.TotalStock,
        s.SocialStock,
        s.TotalStock > 0 ? ApiNumbers.Share(new Core.Fraction(s.SocialStock, s.TotalStock)) : 0m,
        s.ReferenceYear,
        s.SocialMetric,
        s.SocialShareYear,
        s.IsEstimate,
        s.Source);
}

[Description("Een gemeente in een regio, met de invoer van de verdeling en haar doelen.")]
internal sealed record MemberResource(
    [property: Description("CBS-code.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("CBS-provinciecode.")] string Province,
    [property: Description("True als het lidmaatschap indicatief is.")] bool Indicative,
    [property: Description("Bron van het lidmaatschap.")] string MembershipSource,
    [property: Description("De opgave; null als die niet bekend is (dan wordt de gemeente niet verdeeld).")] TaskResource? Task,
    [property: Description("De voorraad die in de verdeling gebruikt is.")] StockResource? Stock,
    [property: Description("Achterblijvend segment: social of middle.")] string? LaggingSegment,
    [property: Description("Doelen uit de verdeling.")] TargetsResource? Targets,
    [property: Description("De gemeente, met de uitleg stap voor stap.")] string Href);

[Description("Een woningbouwregio met haar leden, normen en bevindingen.")]
internal sealed record RegionDetail(
    string Id,
    string Name,
    IReadOnlyList<string> Provinces,
    PeriodResource Period,
    string Key,
    int Municipalities,
    int IndicativeMembers,
    int Task,
    TaskOriginCounts TaskOrigin,
    DealResource Deal,
    bool Distributed,
    Totals? Totals,
    string Href,
    [property: JsonPropertyOrder(1), Description("Waarom er niets verdeeld is; null als de regio verdeeld is.")] string? NotDistributedReason,
    [property: JsonPropertyOrder(1), Description("Bron van het woondealtotaal.")] string? DealSource,
    [property: JsonPropertyOrder(1), Description("Opmerkingen bij de regio.")] string? Notes,
    [property: JsonPropertyOrder(1), Description("De normenset van de verdeling.")] NormsResource Norms,
    [property: JsonPropertyOrder(1), Description("Bevindingen en signalen van de verdeling.")] IReadOnlyList<FindingResource> Findings,
    [property: JsonPropertyOrder(1), Description("De leden, op CBS-code.")] IReadOnlyList<MemberResource> Members,
    [property: JsonPropertyOrder(1), Description("De verdeling in het uitvoerformaat van het scenarioformaat (zie /api#scenario).")] string DistributionHref,
    [property: JsonPropertyOrder(1), Description("De invoer als scenario (scenarioformaat, zie /api#scenario); aan te passen en te posten naar /verdelingen.")] string ScenarioHref)
    : RegionResource(Id, Name, Provinces, Period, Key, Municipalities, IndicativeMembers, Task, TaskOrigin, Deal, Distributed, Totals, Href)
{
    public static RegionDetail From(RegionResource s, RegionOutcome outcome, IReadOnlyList<RegionMembershipRow> memberships)
    {
        var q = outcome.Question;
        var targets = outcome.Result?.Municipalities.ToDictionary(m => m.Code.Value, StringComparer.Ordinal);
        var members = memberships.OrderBy(m => m.MunicipalityCode, StringComparer.Ordinal).Select(m =>
        {
            var row = targets?.GetValueOrDefault(m.MunicipalityCode);
            return new MemberResource(
                m.MunicipalityCode,
                m.Municipality?.Name ?? m.MunicipalityCode,
                m.Municipality?.ProvinceCode ?? string.Empty,
                m.IndicativeNow,
                m.Source,
                q.Tasks.TryGetValue(m.MunicipalityCode, out var t) ? TaskResource.From(t) : null,
                q.Stock.TryGetValue(m.MunicipalityCode, out var st) ? StockResource.From(st) : null,
                row is null ? null : ApiNumbers.Segment(row.Lagging),
                row is null ? null : TargetsResource.From(row),
                $"{ApiConventions.BasePath}/gemeenten/{m.MunicipalityCode}");
        });
        return new RegionDetail(
            s.Id, s.Name, s.Provinces, s.Period, s.Key, s.Municipalities, s.IndicativeMembers, s.Task, s.TaskOrigin, s.Deal, s.Distributed, s.Totals, s.Href,
            outcome.NotDistributed,
            q.Region.DealSource,
            q.Region.Notes,
            NormsResource.From(outcome.Result?.Norms ?? q.Scenario.Norms),
            outcome.Result is { } r ? [.. r.Findings.Select(f => FindingResource.Region(s.Id, s.Name, f))] : [],
            [.. members],
            $"{s.Href}/verdeling",
            $"{s.Href}/scenario");
    }
}
