using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Progress monitoring (domain.md section 7): realised and planned homes against the trajectory.</summary>
public static class Progress
{
    /// <summary>
    /// The progress report at the end of <paramref name="asOfYear"/>. The caller passes the
    /// realisations and plans of the subject only; realisations outside the period or after the
    /// as-of year are ignored. Plans are counted nominally (no drop-out; the forecast handles that).
    /// </summary>
    /// <param name="trajectory">The agreed trajectory.</param>
    /// <param name="realisations">Completions of the subject (any municipality field).</param>
    /// <param name="plans">Plans of the subject that are not yet completed.</param>
    /// <param name="asOfYear">Last year with complete realisations: from trajectory.FirstYear - 1 (nothing realised yet) to trajectory.LastYear.</param>
    /// <param name="level">Whose progress (for the escalation suggestion).</param>
    /// <param name="thresholds">Tier thresholds; default <see cref="WarningThresholdSets.Default"/>.</param>
    /// <param name="lastStepTaken">Heaviest escalation step already taken in this period.</param>
    /// <param name="assessed">
    /// Groups with a target of their own (default all). Others get no tier
    /// (<see cref="NotAssessedReason.NoOwnTarget"/>); a regional agreement sets social, middle and
    /// free, so middle rent and affordable ownership on their own are not assessed. Whatever this
    /// says, when realised homes of unknown segment exist only <see cref="SegmentGroup.All"/> is
    /// assessed.
    /// </param>
    /// <param name="segmentsUnknown">
    /// True when the realisations say nothing about segments even where they hold no homes of
    /// unknown segment (e.g. an estimated row of zero homes): then, too, only the total is assessed.
    /// </param>
    /// <param name="evidence">
    /// What the realised figures rest on. The tiers are computed either way, but only on measured
    /// figures do they carry an escalation step; otherwise the report is indicative and suggests
    /// <see cref="EscalationStep.CompleteData"/>. Where no group is assessed (no target) nothing is judged, so no step either.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">asOfYear outside the allowed range.</exception>
    /// <exception cref="ArgumentException">The thresholds are out of order.</exception>
    public static ProgressReport Compute(
        Trajectory trajectory,
        IEnumerable<Realisation> realisations,
        IEnumerable<Plan> plans,
        int asOfYear,
        MonitoringLevel level,
        WarningThresholds? thresholds = null,
        EscalationStep lastStepTaken = EscalationStep.None,
        IReadOnlyCollection<SegmentGroup>? assessed = null,
        bool segmentsUnknown = false,
        Evidence evidence = Evidence.Measured)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentOutOfRangeException.ThrowIfLessThan(asOfYear, trajectory.FirstYear - 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(asOfYear, trajectory.LastYear);
        var tally = PlanTally.Of(plans, trajectory.FirstYear, trajectory.LastYear, asOfYear);
        return Compute(trajectory, realisations, tally, level, thresholds, lastStepTaken, assessed, segmentsUnknown, evidence);
    }

    /// <summary>
    /// <see cref="Compute(Trajectory, IEnumerable{Realisation}, IEnumerable{Plan}, int, MonitoringLevel, WarningThresholds?, EscalationStep, IReadOnlyCollection{SegmentGroup}?, bool, Evidence)"/>
    /// with the plans already summed as of the report's year (e.g. per municipality, kept while their plans do not change).
    /// </summary>
    internal static ProgressReport Compute(
        Trajectory trajectory,
        IEnumerable<Realisation> realisations,
        PlanTally plans,
        MonitoringLevel level,
        WarningThresholds? thresholds = null,
        EscalationStep lastStepTaken = EscalationStep.None,
        IReadOnlyCollection<SegmentGroup>? assessed = null,
        bool segmentsUnknown = false,
        Evidence evidence = Evidence.Measured)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(plans);
        var asOfYear = plans.AsOfYear;
        ArgumentOutOfRangeException.ThrowIfLessThan(asOfYear, trajectory.FirstYear - 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(asOfYear, trajectory.LastYear);
        if (plans.FirstYear != trajectory.FirstYear || plans.LastYear != trajectory.LastYear)
        {
            throw new ArgumentException($"Plans summed for {plans.FirstYear}-{plans.LastYear}, the trajectory runs {trajectory.FirstYear}-{trajectory.LastYear}.", nameof(plans));
        }

        thresholds = (thresholds ?? WarningThresholdSets.Default).Validate();
        var (first, last) = (trajectory.FirstYear, trajectory.LastYear);
        var realised = Realisation.PerYear(realisations, first, last);
        var years = ImmutableArray.CreateBuilder<ProgressYear>(realised.Length);
        var (cumDue, cumRealised, restPlanned, restHard) = (SegmentHomes.Zero, SegmentHomes.Zero, SegmentHomes.Zero, SegmentHomes.Zero);
        for (var i = 0; i < realised.Length; i++)
        {
            var isRealised = first + i <= asOfYear;
            var done = isRealised ? realised[i] : SegmentHomes.Zero;
            cumDue += trajectory.PerYear[i];
            cumRealised += done;
            restPlanned += plans.Planned(i);
            restHard += plans.PlannedHard(i);
            years.Add(new ProgressYear(first + i, trajectory.PerYear[i], cumDue, done, cumRealised, plans.Planned(i), plans.PlannedHard(i), isRealised));
        }

        var due = trajectory.CumulativeThrough(asOfYear);
        var groups = SegmentGroups.All.Select(g =>
        {
            NotAssessedReason? reason = assessed is not null && !assessed.Contains(g) ? NotAssessedReason.NoOwnTarget
                : g != SegmentGroup.All && (segmentsUnknown || cumRealised.Unknown > 0) ? NotAssessedReason.UnknownSegment
                : null;
            var ratio = reason is null ? WarningThresholds.Ratio(cumRealised[g], due[g]) : null;
            WarningTier? tier = reason is null ? thresholds.TierOf(ratio) : null;
            return new GroupProgress(g, trajectory.Target[g], due[g], cumRealised[g], ratio, tier, Math.Max(0, due[g] - cumRealised[g]), restPlanned[g], restHard[g], reason);
        }).ToImmutableArray();
        var worst = groups.Where(g => g.Tier is { } t && t != WarningTier.OnTrack).OrderByDescending(g => g.Tier).ThenBy(g => g.Ratio).FirstOrDefault();
        var worstTier = worst?.Tier ?? WarningTier.OnTrack;
        return new ProgressReport(
            level,
            asOfYear,
            trajectory,
            thresholds.Id,
            years.MoveToImmutable(),
            groups,
            [.. PlanningStatuses.All.Select(plans.Row)],
            worstTier,
            worst?.Group,
            Escalation.Suggest(worstTier, level, lastStepTaken, groups.Any(g => g.IsAssessed) ? evidence : Evidence.Measured),
            evidence);
    }
}
