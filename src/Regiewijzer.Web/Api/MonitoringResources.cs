using System.ComponentModel;
using System.Text.Json;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

// Representations of monitoring (progress, forecast, warnings, plans, realisations) shared by several resources.

[Description("Een code met haar Nederlandse omschrijving.")]
internal sealed record CodeLabel(
    [property: Description("Stabiele code (Engels, camelCase), bijvoorbeeld seriouslyBehind of administrativeConsultation.")] string Code,
    [property: Description("Omschrijving in het Nederlands.")] string Label);

[Description("Een exacte breuk en dezelfde waarde als getal.")]
internal sealed record ExactNumber(
    [property: Description("Exact, als a/b (of een geheel getal), bijvoorbeeld 2011/2245.")] string Exact,
    [property: Description("Afgerond op vier decimalen.")] decimal Value)
{
    public static ExactNumber From(Fraction f) => new(f.ToString(), f.ToDecimal(4));
}

[Description("Woningen per segment, met de groepen. Woningen van onbekend segment tellen alleen mee in total.")]
internal sealed record SegmentsResource(
    [property: Description("Sociale huur.")] int SocialRent,
    [property: Description("Middenhuur.")] int MiddleRent,
    [property: Description("Betaalbare koop.")] int AffordableOwnership,
    [property: Description("Vrije huur.")] int FreeRent,
    [property: Description("Vrije koop.")] int FreeOwnership,
    [property: Description("Segment onbekend (bijvoorbeeld CBS-tellingen of plancapaciteit zonder splitsing).")] int Unknown,
    [property: Description("Middensegment: middenhuur + betaalbare koop.")] int Middle,
    [property: Description("Vrije sector: vrije huur + vrije koop.")] int Free,
    [property: Description("Betaalbaar: sociale huur + middensegment.")] int Affordable,
    [property: Description("Alle woningen, ook die van onbekend segment.")] int Total)
{
    public static SegmentsResource From(SegmentHomes h) =>
        new(h.SocialRent, h.MiddleRent, h.AffordableOwnership, h.FreeRent, h.FreeOwnership, h.Unknown, h.Middle, h.Free, h.Affordable, h.Total);
}

[Description("Wiens voortgang: het land, een provincie, een woningbouwregio of een gemeente.")]
internal sealed record SubjectResource(
    [property: Description("nation, province, region of municipality.")] string Level,
    [property: Description("NL, een provinciecode (PV25), een regio-id (WD19) of een CBS-gemeentecode (GM0228).")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("De voortgang van dit onderwerp.")] string Href)
{
    public static SubjectResource From(MonitoringSubject s) => new(MonitoringCodes.Level(s.Level), s.Id, s.Name, MonitoringCodes.Href(s, "voortgang"));
}

[Description("Een gemeente van het onderwerp.")]
internal sealed record MonitoringMember(
    [property: Description("CBS-code.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Waarom de gemeente geen doel heeft; null als ze er een heeft.")] string? WithoutTargetReason,
    [property: Description("De voortgang van de gemeente.")] string Href);

[Description("Eén jaar van het traject: verschuldigd, gerealiseerd en gepland.")]
internal sealed record ProgressYearResource(
    [property: Description("Kalenderjaar.")] int Year,
    [property: Description("True tot en met het peiljaar: gerealiseerd is bekend.")] bool IsRealised,
    [property: Description("Traject van dit jaar.")] SegmentsResource Due,
    [property: Description("Traject vanaf het eerste jaar tot en met dit jaar.")] SegmentsResource CumulativeDue,
    [property: Description("Opgeleverd in dit jaar; 0 na het peiljaar.")] SegmentsResource Realised,
    [property: Description("Opgeleverd vanaf het eerste jaar tot en met dit jaar.")] SegmentsResource CumulativeRealised,
    [property: Description("Woningen van alle plannen verwacht in dit jaar (nominaal, zonder planuitval); 0 tot en met het peiljaar.")] SegmentsResource Planned,
    [property: Description("Het deel daarvan in harde plannen (1a-1c).")] SegmentsResource PlannedHard)
{
    public static ProgressYearResource From(ProgressYear y) => new(
        y.Year,
        y.IsRealised,
        SegmentsResource.From(y.Due),
        SegmentsResource.From(y.CumulativeDue),
        SegmentsResource.From(y.Realised),
        SegmentsResource.From(y.CumulativeRealised),
        SegmentsResource.From(y.Planned),
        SegmentsResource.From(y.PlannedHard));
}

[Description("Een segment of groep aan het eind van het peiljaar, met de signaleringsfase.")]
internal sealed record GroupProgressResource(
    [property: Description("Segment of groep: socialRent, middleRent, affordableOwnership, freeRent, freeOwnership, middle, free, affordable of all.")] CodeLabel Group,
    [property: Description("Doel voor de hele periode.")] int Target,
    [property: Description("Traject tot en met het peiljaar (cumulatief).")] int Due,
    [property: Description("Gerealiseerd tot en met het peiljaar (cumulatief).")] int Realised,
    [property: Description("Gerealiseerd / traject, exact; null als er nog niets verschuldigd is of de groep niet beoordeeld wordt.")] ExactNumber? Ratio,
    [property: Description("Signaleringsfase: onTrack (≥ 95%), attention (≥ 85%), behind (≥ 75%) of seriouslyBehind; precies op een drempel telt de betere fase. Null als de groep niet beoordeeld wordt.")] CodeLabel? Tier,
    [property: Description("Waarom de groep niet beoordeeld wordt (noTarget, noOwnTarget of unknownSegment); null als ze een fase heeft.")] CodeLabel? NotAssessed,
    [property: Description("Achterstand op het traject: max(0, traject − gerealiseerd); null als de groep niet beoordeeld wordt.")] int? Shortfall,
    [property: Description("Woningen in plannen na het peiljaar tot het eind van de periode (nominaal).")] int Planned,
    [property: Description("Het deel daarvan in harde plannen.")] int PlannedHard)
{
    public static GroupProgressResource From(GroupProgress g, bool hasTarget) => new(
        MonitoringCodes.Group(g.Group),
        g.Target,
        g.Due,
        g.Realised,
        g.Ratio is { } r ? ExactNumber.From(r) : null,
        g.Tier is { } t ? MonitoringCodes.Tier(t) : null,
        !hasTarget ? MonitoringCodes.NoTarget : g.NotAssessed is { } n ? MonitoringCodes.NotAssessed(n) : null,
        hasTarget && g.IsAssessed ? g.Shortfall : null,
        g.Planned,
        g.PlannedHard);
}

[Description("De plannen van één planstatus, naar wanneer ze verwacht worden.")]
internal sealed record PipelineRowResource(
    [property: Description("Planstatus: 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b.")] CodeLabel Status,
    [property: Description("True voor harde plannen (1a-1c).")] bool Hard,
    [property: Description("Aantal plannen.")] int Plans,
    [property: Description("Verwacht tot en met het peiljaar maar niet opgeleverd (achterstallig).")] SegmentsResource Overdue,
    [property: Description("Verwacht na het peiljaar, binnen de periode.")] SegmentsResource Remaining,
    [property: Description("Verwacht na de periode.")] SegmentsResource AfterPeriod,
    [property: Description("Het gecontracteerde deel van remaining.")] SegmentsResource ContractedRemaining)
{
    public static PipelineRowResource From(PipelineRow p) => new(
        MonitoringCodes.Status(p.Status),
        p.IsHard,
        p.Plans,
        SegmentsResource.From(p.Overdue),
        SegmentsResource.From(p.Remaining),
        SegmentsResource.From(p.AfterPeriod),
        SegmentsResource.From(p.ContractedRemaining));
}

/// <summary>Codes and Dutch labels of the monitoring enums, as the API writes them.</summary>
internal static class MonitoringCodes
{
    public static readonly CodeLabel NoTarget = new("noTarget", SubjectProgress.NoTargetText);

    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string Level(MonitoringLevel level) => Code(level);

    public static CodeLabel Group(SegmentGroup g) => new(Code(g), g.Dutch());

    public static CodeLabel Tier(WarningTier t) => new(Code(t), t.Dutch());

    public static CodeLabel Step(EscalationStep s) => new(Code(s), s.Dutch());

    public static CodeLabel Evidence(Evidence e) => new(Code(e), e.Dutch());

    public static CodeLabel Status(PlanningStatus s) => new(s.Code(), s.Dutch());

    public static CodeLabel NotAssessed(NotAssessedReason reason) => new(Code(reason), reason.Dutch());

    /// <summary>The address of a subject's resource below /api/v1, e.g. /api/v1/regios/WD19/voortgang.</summary>
    public static string Href(MonitoringSubject s, string resource) => s.Level switch
    {
        MonitoringLevel.Municipality => $"{ApiConventions.BasePath}/gemeenten/{s.Id}/{resource}",
        MonitoringLevel.Region => $"{ApiConventions.BasePath}/regios/{s.Id}/{resource}",
        MonitoringLevel.Province => $"{ApiConventions.BasePath}/provincies/{s.Id}/{resource}",
        _ => $"{ApiConventions.BasePath}/{resource}",
    };
}
