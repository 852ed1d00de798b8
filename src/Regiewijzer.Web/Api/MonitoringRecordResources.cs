using System.ComponentModel;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Api;

[Description("De woningen die een plan in één jaar verwacht op te leveren.")]
internal sealed record PlanDeliveryResource(
    [property: Description("Kalenderjaar van oplevering.")] int Year,
    [property: Description("Woningen per segment.")] SegmentsResource Homes);

[Description("Een opgeslagen plan (plancapaciteit) van een gemeente.")]
internal sealed record PlanResource(
    [property: Description("Id in de database.")] int Id,
    [property: Description("Eigen code van het project (uniek binnen de gemeente).")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Planstatus: 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b.")] CodeLabel Status,
    [property: Description("True voor harde plannen (1a-1c).")] bool Hard,
    [property: Description("Prijspeil: het jaar van de prijsgrenzen waarmee de woningen ingedeeld zijn.")] int PriceLevelYear,
    [property: Description("True als het plan gecontracteerd is (telt zoals het is).")] bool Contracted,
    [property: Description("Datum van het contract (jjjj-mm-dd); null als onbekend.")] string? ContractedOn,
    [property: Description("Verwachte opleveringen per jaar.")] IReadOnlyList<PlanDeliveryResource> Deliveries,
    [property: Description("Alle woningen van het plan.")] SegmentsResource Homes,
    [property: Description("Bron.")] string Source,
    [property: Description("Aanname bij het opslaan; null als er geen is.")] string? Assumption,
    [property: Description("Versie (optimistische gelijktijdigheid): hoger na elke wijziging.")] int Version,
    [property: Description("Laatst gewijzigd.")] DateTimeOffset UpdatedAt)
{
    public static PlanResource From(PlanRow p)
    {
        var deliveries = p.Deliveries.OrderBy(d => d.Year).Select(d => (d.Year, Homes: LoadMonitoring.Homes(d))).ToList();
        var status = PlanningStatuses.TryParse(p.Status, out var s) ? s : (PlanningStatus?)null;
        return new(
            p.Id,
            p.Code,
            p.Name,
            status is { } known ? MonitoringCodes.Status(known) : new CodeLabel(p.Status, "onbekende planstatus"),
            status?.IsHard() ?? false,
            p.PriceLevelYear,
            p.Contracted,
            p.ContractedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. deliveries.Select(d => new PlanDeliveryResource(d.Year, SegmentsResource.From(d.Homes)))],
            SegmentsResource.From(deliveries.Aggregate(SegmentHomes.Zero, (sum, d) => sum + d.Homes)),
            p.Source,
            p.Assumption,
            p.Version,
            p.UpdatedAt);
    }
}

[Description("Opgeleverde woningen (realisatie) van een gemeente in één jaar.")]
internal sealed record RealisationResource(
    [property: Description("Kalenderjaar.")] int Year,
    [property: Description("Woningen per segment.")] SegmentsResource Homes,
    [property: Description("Bron.")] string Source,
    [property: Description("True als het een schatting of benadering is (bijvoorbeeld netto groei van de voorraad in plaats van nieuwbouw).")] bool IsEstimate,
    [property: Description("Toelichting.")] string? Note,
    [property: Description("Versie (optimistische gelijktijdigheid): hoger na elke wijziging.")] int Version,
    [property: Description("Laatst gewijzigd.")] DateTimeOffset UpdatedAt)
{
    public static RealisationResource From(RealisationRow r) =>
        new(r.Year, SegmentsResource.From(LoadMonitoring.Homes(r)), r.Source, r.IsEstimate, r.Note, r.Version, r.UpdatedAt);
}

[Description("Eén signalering: een onderwerp met een doel waarvan de slechtste beoordeelde groep niet op koers is.")]
internal sealed record WarningResource(
    SubjectResource Subject,
    [property: Description("Signaleringsfase.")] CodeLabel Tier,
    [property: Description("De groep met die fase.")] CodeLabel Group,
    [property: Description("Doel van de periode voor die groep.")] int Target,
    [property: Description("Traject tot en met het peiljaar.")] int Due,
    [property: Description("Gerealiseerd tot en met het peiljaar.")] int Realised,
    [property: Description("Gerealiseerd / traject, exact.")] ExactNumber? Ratio,
    [property: Description("Achterstand op het traject.")] int Shortfall,
    [property: Description("Voorgestelde volgende stap op de escalatieladder.")] CodeLabel Suggestion,
    [property: Description("True als een deel van het gerealiseerde een schatting of benadering is.")] bool UsesEstimates,
    [property: Description("Waar de signalering op berust: measured, estimated of missing; alleen gemeten cijfers dragen een stap op de escalatieladder.")] CodeLabel Evidence)
{
    public static WarningResource From(MonitoringWarning w) => new(
        SubjectResource.From(w.Subject),
        MonitoringCodes.Tier(w.Tier),
        MonitoringCodes.Group(w.Group),
        w.Progress.Target,
        w.Progress.Due,
        w.Progress.Realised,
        w.Progress.Ratio is { } r ? ExactNumber.From(r) : null,
        w.Progress.Shortfall,
        MonitoringCodes.Step(w.Suggestion),
        w.UsesEstimates,
        MonitoringCodes.Evidence(w.Evidence));
}

[Description("De signaleringen van een provincie, de slechtste eerst (fase, dan de laagste verhouding).")]
internal sealed record WarningsResource(
    [property: Description("De provincie.")] ProvinceRef Province,
    [property: Description("Peiljaar van de voortgang.")] int AsOfYear,
    [property: Description("De provincie zelf, de regio's met gemeenten erin (hele regio's) en haar gemeenten, voor zover niet op koers.")] IReadOnlyList<WarningResource> Warnings,
    [property: Description("De drempels van de signalering.")] ThresholdsResource Thresholds,
    [property: Description("Wat je moet weten om de lijst te lezen.")] IReadOnlyList<string> Notes);
