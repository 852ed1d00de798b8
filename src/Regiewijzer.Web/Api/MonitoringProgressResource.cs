using System.ComponentModel;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

[Description("Een bron van de gerealiseerde woningen.")]
internal sealed record RealisationSourceResource(
    [property: Description("Bron.")] string Source,
    [property: Description("True als het een schatting of benadering is (bijvoorbeeld netto groei van de voorraad in plaats van nieuwbouw).")] bool IsEstimate,
    [property: Description("Eerste jaar uit deze bron (binnen de periode, tot en met het peiljaar).")] int FromYear,
    [property: Description("Laatste jaar uit deze bron.")] int ToYear,
    [property: Description("Aantal rijen (gemeente en jaar).")] int Rows,
    [property: Description("Woningen uit deze bron.")] int Homes,
    [property: Description("De toelichtingen bij de rijen, de meest voorkomende eerst.")] IReadOnlyList<string> Notes);

[Description("Een bron van de plannen, met de aanname die bij het opslaan gemaakt is.")]
internal sealed record PlanSourceResource(
    [property: Description("Bron (zonder de gemeente: het deel vóór de eerste ';').")] string Source,
    [property: Description("Aanname bij het opslaan; null als er geen is.")] string? Assumption,
    [property: Description("Aantal plannen.")] int Plans,
    [property: Description("Woningen in die plannen (alle jaren).")] int Homes);

[Description("De drempels van de signalering: exacte waarde, bron en zekerheid.")]
internal sealed record ThresholdsResource(
    [property: Description("Versie, bijvoorbeeld hdt-2018.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("onTrack, attention en behind, elk met bron en zekerheid.")] IReadOnlyList<NormValue> Parameters)
{
    public static ThresholdsResource From(WarningThresholds t) =>
        new(t.Id, t.Name, [NormValue.From(t.OnTrack), NormValue.From(t.Attention), NormValue.From(t.Behind)]);
}

[Description("Waar de doelen van de meetellende gemeenten van één regio vandaan komen.")]
internal sealed record TargetSourceResource(
    [property: Description("Regio-id (WD19).")] string Region,
    [property: Description("Naam van de regio.")] string RegionName,
    [property: Description("agreement: de vastgestelde afspraak (de geldende versie); distribution: de verdeling volgens de regels van de wet, zolang er geen vastgestelde afspraak is.")] string Kind,
    [property: Description("Aantal meetellende gemeenten met hun doel uit deze bron.")] int Municipalities,
    [property: Description("Id van de geldende afspraakversie; null bij distribution.")] int? AgreementId,
    [property: Description("Versienummer binnen de regio; null bij distribution.")] int? AgreementNumber,
    [property: Description("Wanneer die versie is vastgesteld; null bij distribution.")] DateTimeOffset? AdoptedAt,
    [property: Description("De afspraakversie of de verdeling van de regio.")] string Href);

[Description("Waar de getallen vandaan komen.")]
internal sealed record MonitoringProvenance(
    [property: Description("Per regio: komen de doelen uit de vastgestelde afspraak of uit de berekende verdeling?")] IReadOnlyList<TargetSourceResource> Targets,
    [property: Description("True als een deel van de gerealiseerde woningen een schatting of benadering is.")] bool UsesEstimates,
    [property: Description("Bronnen van de gerealiseerde woningen.")] IReadOnlyList<RealisationSourceResource> Realisations,
    [property: Description("Bronnen van de plannen.")] IReadOnlyList<PlanSourceResource> Plans,
    [property: Description("De drempels van de signalering.")] ThresholdsResource Thresholds);

[Description("De voortgang van het land, een provincie, een regio of een gemeente tegen het traject van de afgesproken doelen.")]
internal sealed record ProgressResource(
    SubjectResource Subject,
    [property: Description("Periode van de afspraken.")] PeriodResource Period,
    [property: Description("Peiljaar: het laatste jaar met gerealiseerde woningen; plannen tellen vanaf het jaar erna.")] int AsOfYear,
    [property: Description("False als geen enkele gemeente van het onderwerp een afgesproken doel heeft: dan geen signaleringsfase.")] bool HasTarget,
    [property: Description("Waarom er geen doel is; null als er een is.")] string? NoTargetReason,
    [property: Description("Aantal gemeenten dat meetelt (die met een doel; zonder enig doel alle gemeenten).")] int MembersCounted,
    [property: Description("De gemeenten die meetellen.")] IReadOnlyList<MonitoringMember> Members,
    [property: Description("Gemeenten van het onderwerp zonder afgesproken doel, met de reden; ze tellen niet mee als het onderwerp een doel heeft.")] IReadOnlyList<MonitoringMember> WithoutTarget,
    [property: Description("Het doel van de periode per segment: sociaal in socialRent, midden in middleRent, vrij in freeRent (de afspraak splitst niet verder).")] SegmentsResource Target,
    [property: Description("Hoe het traject over de jaren verdeeld is, bijvoorbeeld lineair.")] string Trajectory,
    [property: Description("Elk jaar van de periode.")] IReadOnlyList<ProgressYearResource> Years,
    [property: Description("De vijf segmenten, middensegment, vrije sector, betaalbaar en totaal.")] IReadOnlyList<GroupProgressResource> Groups,
    [property: Description("De plannen per planstatus, 1a eerst.")] IReadOnlyList<PipelineRowResource> Pipeline,
    [property: Description("De slechtste fase van een beoordeelde groep met verschuldigde woningen.")] CodeLabel WorstTier,
    [property: Description("De groep met die fase; null als alles op koers is.")] CodeLabel? WorstGroup,
    [property: Description("Voorgestelde volgende stap op de escalatieladder: none, conversation, administrativeConsultation, provinceInstruction, rijkInstruction, of completeData (gegevens aanvullen) als de cijfers geschat zijn of ontbreken.")] CodeLabel Suggestion,
    [property: Description("Waar de gerealiseerde cijfers op berusten: measured (gemeten), estimated (geschat) of missing (ontbrekend). Alleen op gemeten cijfers draagt de fase een stap op de escalatieladder; anders is ze indicatief.")] CodeLabel Evidence,
    [property: Description("Herkomst van de cijfers.")] MonitoringProvenance Provenance,
    [property: Description("Wat je moet weten om de cijfers te lezen, in het Nederlands.")] IReadOnlyList<string> Notes,
    [property: Description("De prognose (Monte Carlo) van dit onderwerp.")] string ForecastHref)
{
    public static ProgressResource From(MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var report = p.Report;
        var members = p.Members.Select(code => Member(snapshot, code, null)).ToList();
        var without = p.WithoutTarget.Select(code => Member(snapshot, code, snapshot.WhyNoTarget(code))).ToList();
        return new ProgressResource(
            SubjectResource.From(p.Subject),
            new PeriodResource(snapshot.FirstYear, snapshot.LastYear),
            report.AsOfYear,
            p.HasTarget,
            p.HasTarget ? null : MonitoringNotes.NoTargetReason(snapshot, p),
            p.Members.Length,
            members,
            without,
            SegmentsResource.From(p.Target),
            p.TrajectoryText,
            [.. report.Years.Select(ProgressYearResource.From)],
            [.. report.Groups.Select(g => GroupProgressResource.From(g, p.HasTarget))],
            [.. report.Pipeline.Select(PipelineRowResource.From)],
            MonitoringCodes.Tier(report.WorstTier),
            report.WorstGroup is { } g ? MonitoringCodes.Group(g) : null,
            MonitoringCodes.Step(report.Suggestion),
            MonitoringCodes.Evidence(report.Evidence),
            ProvenanceOf(snapshot, p),
            MonitoringNotes.Progress(snapshot, p),
            MonitoringCodes.Href(p.Subject, "prognose"));
    }

    private static MonitoringMember Member(MonitoringSnapshot snapshot, string code, string? reason) => new(
        code,
        snapshot.Find(MonitoringLevel.Municipality, code)?.Name ?? code,
        reason,
        $"{ApiConventions.BasePath}/gemeenten/{code}/voortgang");

    private static MonitoringProvenance ProvenanceOf(MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var realisations = p.Realisations
            .GroupBy(r => (r.Source, r.IsEstimate))
            .Select(g => new RealisationSourceResource(
                g.Key.Source,
                g.Key.IsEstimate,
                g.Min(r => r.Realisation.Year),
                g.Max(r => r.Realisation.Year),
                g.Count(),
                g.Sum(r => r.Realisation.Homes.Total),
                [.. g.Where(r => !string.IsNullOrWhiteSpace(r.Note)).GroupBy(r => r.Note!, StringComparer.Ordinal)
                    .OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key)]))
            .OrderBy(s => s.FromYear)
            .ThenBy(s => s.Source, StringComparer.Ordinal);
        var plans = p.PlanSummary.Groups
            .Select(g => new PlanSourceResource(g.DataSet, g.Assumption, g.Plans, g.Homes))
            .OrderByDescending(s => s.Plans)
            .ThenBy(s => s.Source, StringComparer.Ordinal)
            .ThenBy(s => s.Assumption, StringComparer.Ordinal);
        var targets = p.HasTarget
            ? p.Members.Select(m => snapshot.TargetSourceOf(m)).OfType<TargetSource>()
                .GroupBy(t => t)
                .Select(g => new TargetSourceResource(
                    g.Key.RegionId,
                    g.Key.RegionName,
                    g.Key.Agreement is null ? "distribution" : "agreement",
                    g.Count(),
                    g.Key.Agreement?.Id,
                    g.Key.Agreement?.Number,
                    g.Key.Agreement?.AdoptedAt,
                    g.Key.Agreement is { } a ? $"{ApiConventions.BasePath}/afspraken/{a.Id}" : $"{ApiConventions.BasePath}/regios/{g.Key.RegionId}/verdeling"))
                .OrderBy(t => t.RegionName, StringComparer.Ordinal)
                .ToList()
            : [];
        return new MonitoringProvenance(targets, p.UsesEstimates, [.. realisations], [.. plans], ThresholdsResource.From(snapshot.Thresholds));
    }
}
