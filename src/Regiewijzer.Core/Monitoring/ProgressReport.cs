using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>One year of a progress report.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Due">Trajectory of this year.</param>
/// <param name="CumulativeDue">Trajectory from the first year up to and including this year.</param>
/// <param name="Realised">Completed in this year; zero after the as-of year.</param>
/// <param name="CumulativeRealised">Completed from the first year up to and including this year (constant after the as-of year).</param>
/// <param name="Planned">Homes of all plans expected in this year (nominal, no drop-out); zero up to the as-of year.</param>
/// <param name="PlannedHard">The part of <paramref name="Planned"/> in hard plans (1a-1c).</param>
/// <param name="IsRealised">True up to and including the as-of year.</param>
public sealed record ProgressYear(
    int Year,
    SegmentHomes Due,
    SegmentHomes CumulativeDue,
    SegmentHomes Realised,
    SegmentHomes CumulativeRealised,
    SegmentHomes Planned,
    SegmentHomes PlannedHard,
    bool IsRealised);

/// <summary>Where a segment (or group) stands at the end of the as-of year.</summary>
/// <param name="Group">Segment or group of segments.</param>
/// <param name="Target">Target of the whole period.</param>
/// <param name="Due">Cumulative trajectory through the as-of year.</param>
/// <param name="Realised">Cumulative completions through the as-of year.</param>
/// <param name="Ratio">Realised / due, exact; null when nothing is due yet or the group is not assessed.</param>
/// <param name="Tier">Early-warning tier of the ratio; null when the group is not assessed.</param>
/// <param name="Shortfall">Homes behind the trajectory: max(0, due - realised).</param>
/// <param name="Planned">Homes of all plans expected after the as-of year up to the end of the period (nominal).</param>
/// <param name="PlannedHard">The part of <paramref name="Planned"/> in hard plans.</param>
/// <param name="NotAssessed">Why the group has no tier; null when it has one.</param>
public sealed record GroupProgress(
    SegmentGroup Group,
    int Target,
    int Due,
    int Realised,
    Fraction? Ratio,
    WarningTier? Tier,
    int Shortfall,
    int Planned,
    int PlannedHard,
    NotAssessedReason? NotAssessed = null)
{
    /// <summary>True when the group has a tier.</summary>
    public bool IsAssessed => NotAssessed is null;
}

/// <summary>Why a group of a progress report has no tier.</summary>
public enum NotAssessedReason
{
    /// <summary>The agreement sets no target for this group on its own (e.g. middle rent apart from the middle segment).</summary>
    NoOwnTarget,

    /// <summary>Some realised homes have no known segment (e.g. CBS counts), so only the total can be judged.</summary>
    UnknownSegment,
}

/// <summary>Dutch texts of <see cref="NotAssessedReason"/>.</summary>
public static class NotAssessedReasons
{
    public static string Dutch(this NotAssessedReason reason) => reason switch
    {
        NotAssessedReason.NoOwnTarget => "niet te beoordelen: geen eigen doel",
        NotAssessedReason.UnknownSegment => "niet te beoordelen: segment onbekend",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

/// <summary>Plan homes of one planning status by when they are expected, relative to the as-of year and the period.</summary>
/// <param name="Status">Planning status.</param>
/// <param name="Plans">Number of plans with this status.</param>
/// <param name="Overdue">Expected up to and including the as-of year but not completed (achterstallig).</param>
/// <param name="Remaining">Expected after the as-of year, up to and including the period's last year.</param>
/// <param name="AfterPeriod">Expected after the period.</param>
/// <param name="ContractedRemaining">The part of <paramref name="Remaining"/> in contracted plans.</param>
public sealed record PipelineRow(
    PlanningStatus Status,
    int Plans,
    SegmentHomes Overdue,
    SegmentHomes Remaining,
    SegmentHomes AfterPeriod,
    SegmentHomes ContractedRemaining)
{
    public bool IsHard => Status.IsHard();
}

/// <summary>
/// Progress of one municipality, region, province or the nation against its trajectory at the end
/// of <see cref="AsOfYear"/>: per year, per segment group with its tier, the pipeline per planning
/// status, and the worst tier with the suggested escalation step.
/// </summary>
/// <param name="Level">Whose progress.</param>
/// <param name="AsOfYear">Last year with complete realisations (peiljaar).</param>
/// <param name="Trajectory">The trajectory checked against.</param>
/// <param name="ThresholdsId">Id of the <see cref="WarningThresholds"/> used.</param>
/// <param name="Years">Every year of the period.</param>
/// <param name="Groups">The five segments, middle, free, affordable and all (order of <see cref="SegmentGroups.All"/>).</param>
/// <param name="Pipeline">One row per planning status, 1a first.</param>
/// <param name="WorstTier">The worst tier of any assessed group with homes due.</param>
/// <param name="WorstGroup">The group with that tier and the lowest ratio (first in order on a tie); null when all are on track.</param>
/// <param name="Suggestion">Suggested next step on the escalation ladder for the worst tier; <see cref="EscalationStep.CompleteData"/> when the figures are not measured.</param>
/// <param name="Evidence">What the realised figures rest on; tiers on anything but measured figures are indicative.</param>
public sealed record ProgressReport(
    MonitoringLevel Level,
    int AsOfYear,
    Trajectory Trajectory,
    string ThresholdsId,
    ImmutableArray<ProgressYear> Years,
    ImmutableArray<GroupProgress> Groups,
    ImmutableArray<PipelineRow> Pipeline,
    WarningTier WorstTier,
    SegmentGroup? WorstGroup,
    EscalationStep Suggestion,
    Evidence Evidence = Evidence.Measured)
{
    /// <summary>True when the tiers rest on estimated or missing figures: shown as indicative, with no step on the ladder.</summary>
    public bool IsIndicative => Evidence != Evidence.Measured;

    /// <summary>The progress of one group.</summary>
    public GroupProgress this[SegmentGroup group] => Groups[(int)group];
}
