using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Whose progress: a municipality (GM code), a region (WD id), a province (PV code) or the nation (id "NL").</summary>
public sealed record MonitoringSubject(MonitoringLevel Level, string Id, string Name)
{
    public static MonitoringSubject Nation { get; } = new(MonitoringLevel.Nation, "NL", "Nederland");
}

/// <summary>A municipality as monitoring sees it: where it lies (province, housing region).</summary>
/// <param name="Code">GM code.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProvinceCode">PV code of its province.</param>
/// <param name="RegionId">WD id of its housing region, or null when it lies in none.</param>
public sealed record MonitoredMunicipality(string Code, string Name, string ProvinceCode, string? RegionId);

/// <summary>A region or province by id and name.</summary>
public sealed record MonitoredArea(string Id, string Name);

/// <summary>
/// A region's distribution by the law's rules, as far as monitoring needs it.
/// </summary>
/// <param name="RegionId">WD id.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="PeriodFrom">First year of its period (inclusive).</param>
/// <param name="PeriodTo">Last year of its period (inclusive).</param>
/// <param name="WithoutTask">Members without a task for the period (left out of the distribution).</param>
/// <param name="Shares">Per municipality code: social rent, middle (as middle rent) and free (as free rent); null when the region could not be distributed.</param>
public sealed record ComputedDistribution(
    string RegionId,
    string RegionName,
    int PeriodFrom,
    int PeriodTo,
    ImmutableArray<string> WithoutTask,
    IReadOnlyDictionary<string, SegmentHomes>? Shares);

/// <summary>What a plan in a progress report or forecast is, for display (the Core plan has no storage facts).</summary>
/// <param name="RowId">Database id (the forecast's plan id is "p" + RowId).</param>
/// <param name="Code">The project's own code.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Assumption">Assumptions made when storing it, if any.</param>
/// <param name="Version">Optimistic concurrency version.</param>
public sealed record PlanFacts(int RowId, string Code, string Source, string? Assumption, int Version);

/// <summary>A stored realisation with its provenance.</summary>
public sealed record RealisationFacts(Realisation Realisation, int RowId, string Source, bool IsEstimate, string? Note, int Version);

/// <summary>The version in force of a region's agreement (the last adopted one) with its shares per municipality.</summary>
/// <param name="Id">Agreement version id (page /afspraak/{Id}).</param>
/// <param name="RegionId">The region.</param>
/// <param name="Number">Version number within the region.</param>
/// <param name="AdoptedAt">When it was adopted.</param>
/// <param name="Shares">Per municipality code: social rent, middle (as middle rent) and free (as free rent).</param>
public sealed record AdoptedAgreement(int Id, string RegionId, int Number, DateTimeOffset AdoptedAt, IReadOnlyDictionary<string, SegmentHomes> Shares);

/// <summary>
/// Where a municipality's target comes from: the adopted agreement of its region when there is one (domain.md: progress
/// is measured against the agreed numbers), otherwise the distribution computed by the law's rules.
/// </summary>
/// <param name="RegionId">The region whose agreement or distribution it is.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="Agreement">The adopted agreement, or null when the target is the computed distribution.</param>
public sealed record TargetSource(string RegionId, string RegionName, AdoptedAgreement? Agreement);

/// <summary>
/// The progress of one subject (domain.md section 7). Only municipalities with an agreed target
/// count (<see cref="Members"/>): their targets, plans and realisations; others are listed in
/// <see cref="WithoutTarget"/>. The target per municipality is the regional distribution's
/// social, middle and free homes, so social, middle, free, affordable and the total are assessed;
/// middle rent and affordable ownership on their own are not.
/// </summary>
/// <param name="Subject">Whose progress.</param>
/// <param name="Members">Municipalities counted (those with a target, or for a subject without any target all its municipalities).</param>
/// <param name="WithoutTarget">Municipalities of the subject without an agreed target (not counted in a subject that has one).</param>
/// <param name="HasTarget">False when no municipality of the subject has a target: then no tier is given.</param>
/// <param name="Target">The target of the period per segment: social in social rent, middle in middle rent, free in free rent (the agreement does not split them further).</param>
/// <param name="TrajectoryText">"lineair" or how the custom trajectory was set.</param>
/// <param name="Report">The report; with no target every group is not assessed.</param>
/// <param name="HasRealisations">False when some member has no realisation row in the period: then the report's as-of year is the year before the period. Otherwise the report's as-of year is the last year every member has a row for.</param>
/// <param name="Realisations">The realisation rows in the period up to the as-of year (for provenance).</param>
/// <param name="Plans">The plans counted, with their facts.</param>
public sealed record SubjectProgress(
    MonitoringSubject Subject,
    ImmutableArray<string> Members,
    ImmutableArray<string> WithoutTarget,
    bool HasTarget,
    SegmentHomes Target,
    string TrajectoryText,
    ProgressReport Report,
    bool HasRealisations,
    ImmutableArray<RealisationFacts> Realisations,
    ImmutableArray<(Plan Plan, PlanFacts Facts)> Plans)
{
    /// <summary>Shown instead of a tier when the subject has no target at all.</summary>
    public const string NoTargetText = "niet te beoordelen: geen doel";

    /// <summary>True when some realised homes counted are estimates or proxies.</summary>
    public bool UsesEstimates => Realisations.Any(r => r.IsEstimate);

    /// <summary>The plans summed for provenance and notes, computed once (a progress is kept with its snapshot).</summary>
    public PlanSummary PlanSummary => field ??= Summarise is { } summarise ? summarise() : PlanSummary.Of(Plans);

    /// <summary>How the book sums <see cref="PlanSummary"/> from its members' (the same result as over <see cref="Plans"/>, without going over them).</summary>
    internal Func<PlanSummary>? Summarise { get; init; }

    /// <summary>Why a group has no tier (Dutch), or null when it has one.</summary>
    public string? WhyNotAssessed(GroupProgress group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return !HasTarget ? NoTargetText : group.NotAssessed?.Dutch();
    }
}

/// <summary>One line of a province's list of warnings.</summary>
public sealed record MonitoringWarning(MonitoringSubject Subject, WarningTier Tier, SegmentGroup Group, GroupProgress Progress, EscalationStep Suggestion, bool UsesEstimates)
{
    /// <summary>What the warning rests on; an indicative warning (not measured) carries no step on the ladder.</summary>
    public Evidence Evidence { get; init; } = Evidence.Measured;

    /// <summary>True when the warning rests on estimated or missing figures.</summary>
    public bool IsIndicative => Evidence != Evidence.Measured;
}
