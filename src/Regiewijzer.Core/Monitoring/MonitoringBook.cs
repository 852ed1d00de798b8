using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// Everything monitoring decides, over Core records loaded once (plans, realisations, targets, trajectory weights):
/// which target counts (the adopted agreement over the computed distribution), each subject's as-of year, the summed
/// trajectory, progress, forecasts, the order of warnings and why a municipality has no target.
/// </summary>
public class MonitoringBook
{
    /// <summary>The groups an agreement sets targets for (social, middle, free) and their sums.</summary>
    public static readonly ImmutableArray<SegmentGroup> AssessedGroups =
        [SegmentGroup.SocialRent, SegmentGroup.Middle, SegmentGroup.Free, SegmentGroup.Affordable, SegmentGroup.All];

    private readonly Dictionary<string, MonitoredMunicipality> municipalities;
    private readonly Dictionary<string, MonitoredArea> regions;
    private readonly Dictionary<string, MonitoredArea> provinces;
    private readonly ImmutableArray<ComputedDistribution> distributions;
    private readonly Dictionary<string, (SegmentHomes Target, TargetSource Source)> targets;
    private readonly Dictionary<string, int[]> weights;
    private readonly IReadOnlyDictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>> plansByMunicipality;
    private readonly ILookup<string, RealisationFacts> realisationsByMunicipality;

    // A book never changes after it is built, so each subject's progress and each province's warnings are computed once
    // (the nation's progress goes over every plan: with 150.000 plans that is the bulk of a request).
    private readonly ConcurrentDictionary<(MonitoringSubject, EscalationStep), Lazy<SubjectProgress>> progressMemo = new();
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<MonitoringWarning>>> warningsMemo = new(StringComparer.Ordinal);

    // What each municipality's plans add to a report (per as-of year) and to its provenance, summed once per book: a
    // subject's are the sums of its members', so the nation's progress adds 342 tallies instead of going over every
    // plan, and after a plan change only the changed municipalities' are summed again (KeepProgressFrom).
    private readonly ConcurrentDictionary<(string Municipality, int AsOf), PlanTally> tallies = new();
    private readonly ConcurrentDictionary<string, PlanSummary> summaries = new(StringComparer.Ordinal);

    /// <param name="firstYear">First year of the agreements' period.</param>
    /// <param name="lastYear">Last year of the period (inclusive).</param>
    /// <param name="municipalities">Every municipality with its province and region.</param>
    /// <param name="regions">Every housing region.</param>
    /// <param name="provinces">Every province.</param>
    /// <param name="distributions">The regions' computed distributions, in the order a "why no target" is looked up.</param>
    /// <param name="agreements">The adopted agreements in force (at most one per region): they win over the computed distribution.</param>
    /// <param name="plansByMunicipality">The plans with their facts per municipality code (<see cref="GroupPlans"/>), in a fixed order (the stored row order).</param>
    /// <param name="realisations">The realisation rows (any year).</param>
    /// <param name="weights">Per region id a yearly profile from <paramref name="firstYear"/>; a profile of zeros means linear.</param>
    public MonitoringBook(
        int firstYear,
        int lastYear,
        IEnumerable<MonitoredMunicipality> municipalities,
        IEnumerable<MonitoredArea> regions,
        IEnumerable<MonitoredArea> provinces,
        IEnumerable<ComputedDistribution> distributions,
        IEnumerable<AdoptedAgreement> agreements,
        IReadOnlyDictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>> plansByMunicipality,
        IEnumerable<RealisationFacts> realisations,
        IReadOnlyDictionary<string, int[]> weights)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(plansByMunicipality);
        ArgumentNullException.ThrowIfNull(realisations);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        FirstYear = firstYear;
        LastYear = lastYear;
        this.municipalities = municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        this.regions = regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        this.provinces = provinces.ToDictionary(p => p.Id, StringComparer.Ordinal);
        this.distributions = [.. distributions];
        targets = new(StringComparer.Ordinal);
        var adopted = agreements.ToDictionary(a => a.RegionId, StringComparer.Ordinal);
        foreach (var distribution in this.distributions)
        {
            if (adopted.Remove(distribution.RegionId, out var agreement))
            {
                AddTargets(distribution.RegionId, distribution.RegionName, agreement, agreement.Shares);
            }
            else if (distribution.Shares is not null)
            {
                AddTargets(distribution.RegionId, distribution.RegionName, null, distribution.Shares);
            }
        }

        foreach (var agreement in adopted.Values.Where(a => this.regions.ContainsKey(a.RegionId))) // a region without a computed distribution
        {
            AddTargets(agreement.RegionId, this.regions[agreement.RegionId].Name, agreement, agreement.Shares);
        }

        this.weights = weights.Where(kv => kv.Value.Any(x => x != 0)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var realisationList = realisations.ToList();
        this.plansByMunicipality = plansByMunicipality;
        realisationsByMunicipality = realisationList.ToLookup(r => r.Realisation.Municipality.Value, StringComparer.Ordinal);
        AsOfYear = LatestAsOf(firstYear, lastYear, realisationList.Select(r => r.Realisation.Year));
    }

    /// <summary>First year of the agreements' period.</summary>
    public int FirstYear { get; }

    /// <summary>Last year of the period.</summary>
    public int LastYear { get; }

    /// <summary>
    /// The latest peiljaar: the last year in the period with any realisation (or the year before the period). A
    /// subject's own peiljaar (its report's AsOfYear) can be earlier.
    /// </summary>
    public int AsOfYear { get; }

    /// <summary>The forecast parameters used (the documented defaults).</summary>
    public ForecastParameters Parameters { get; } = ForecastParameterSets.Default;

    /// <summary>The warning thresholds used.</summary>
    public WarningThresholds Thresholds { get; } = WarningThresholdSets.Default;

    /// <summary>The last year from <paramref name="firstYear"/> to <paramref name="lastYear"/> among <paramref name="years"/>, or the year before the period when none lies in it.</summary>
    public static int LatestAsOf(int firstYear, int lastYear, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return years.Where(y => y >= firstYear && y <= lastYear).DefaultIfEmpty(firstYear - 1).Max();
    }

    /// <summary>The subject for a level and id (GM code, WD id, PV code, "NL"); null when unknown.</summary>
    public MonitoringSubject? Find(MonitoringLevel level, string id) => level switch
    {
        MonitoringLevel.Municipality => municipalities.TryGetValue(id, out var m) ? new(level, m.Code, m.Name) : null,
        MonitoringLevel.Region => regions.TryGetValue(id, out var r) ? new(level, r.Id, r.Name) : null,
        MonitoringLevel.Province => provinces.TryGetValue(id, out var p) ? new(level, p.Id, p.Name) : null,
        _ => id == MonitoringSubject.Nation.Id ? MonitoringSubject.Nation : null,
    };

    /// <summary>The municipalities of a subject (all, with or without target).</summary>
    public IReadOnlyList<string> MunicipalitiesOf(MonitoringSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Level switch
        {
            MonitoringLevel.Municipality => [subject.Id],
            MonitoringLevel.Region => [.. municipalities.Values.Where(m => m.RegionId == subject.Id).Select(m => m.Code).Order(StringComparer.Ordinal)],
            MonitoringLevel.Province => [.. municipalities.Values.Where(m => m.ProvinceCode == subject.Id).Select(m => m.Code).Order(StringComparer.Ordinal)],
            _ => [.. municipalities.Keys.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The municipality's target for the period, if it has one.</summary>
    public SegmentHomes? TargetOf(string municipality) => targets.TryGetValue(municipality, out var t) ? t.Target : null;

    /// <summary>Where the municipality's target comes from (adopted agreement or computed distribution); null without a target.</summary>
    public TargetSource? TargetSourceOf(string municipality) => targets.TryGetValue(municipality, out var t) ? t.Source : null;

    /// <summary>The distinct sources of the targets of these municipalities, by region.</summary>
    public IReadOnlyList<TargetSource> TargetSourcesOf(IEnumerable<string> members) =>
        [.. members.Select(TargetSourceOf).OfType<TargetSource>().Distinct().OrderBy(t => t.RegionName, StringComparer.Ordinal)];

    /// <summary>Plans of one municipality with their facts, by name.</summary>
    public IEnumerable<(Plan Plan, PlanFacts Facts)> PlansOf(string municipality) => PlansIn(municipality).OrderBy(p => p.Plan.Name, StringComparer.Ordinal);

    /// <summary>The plans grouped per municipality code, each group in the order given (what the constructor takes).</summary>
    public static IReadOnlyDictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>> GroupPlans(IEnumerable<(Plan Plan, PlanFacts Facts)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.GroupBy(p => p.Plan.Municipality.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    private ImmutableArray<(Plan Plan, PlanFacts Facts)> PlansIn(string municipality) =>
        plansByMunicipality.TryGetValue(municipality, out var plans) ? plans : [];

    /// <summary>All realisation rows of one municipality (any year), by year.</summary>
    public IEnumerable<RealisationFacts> RealisationsOf(string municipality) => realisationsByMunicipality[municipality].OrderBy(r => r.Realisation.Year);

    /// <summary>
    /// Why a municipality has no target, to follow its name and a colon: it lies in no housing region; its region is
    /// not distributed (no member has a task); or it has no task itself and the region was distributed without it.
    /// </summary>
    public string WhyNoTarget(string municipality)
    {
        var distribution = distributions.FirstOrDefault(d => d.WithoutTask.Contains(municipality, StringComparer.Ordinal));
        if (distribution is null)
        {
            return "ligt in geen woningbouwregio";
        }

        return distribution.Shares is null
            ? $"{distribution.RegionName} is niet verdeeld (geen gemeente heeft een opgave voor {distribution.PeriodFrom}-{distribution.PeriodTo})"
            : $"geen opgave voor {distribution.PeriodFrom}-{distribution.PeriodTo} in {distribution.RegionName}; de regio is zonder deze gemeente verdeeld";
    }

    /// <summary>The trajectory weights of a region, when it has a custom profile.</summary>
    public IReadOnlyList<int>? WeightsOf(string regionId) => weights.TryGetValue(regionId, out var w) ? w : null;

    /// <summary>The progress of a subject at the end of its as-of year (at most <see cref="AsOfYear"/>), computed once per book.</summary>
    public SubjectProgress Progress(MonitoringSubject subject, EscalationStep lastStepTaken = EscalationStep.None)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return progressMemo.GetOrAdd((subject, lastStepTaken), key => new Lazy<SubjectProgress>(() => ComputeProgress(key.Item1, key.Item2))).Value;
    }

    /// <summary>
    /// Takes over the progress <paramref name="previous"/> already computed for every subject none of whose
    /// municipalities is in <paramref name="changed"/>. Only for a book that differs from <paramref name="previous"/> in
    /// the plans of those municipalities alone (the same period, municipalities, targets, realisations and weights): the
    /// progress of the other subjects is then the same, so after one plan changed only its municipality, region,
    /// province and the nation are computed again.
    /// </summary>
    public void KeepProgressFrom(MonitoringBook previous, IReadOnlySet<string> changed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(changed);
        foreach (var (key, progress) in previous.progressMemo)
        {
            if (progress.IsValueCreated && !Touches(key.Item1, changed))
            {
                progressMemo.TryAdd(key, progress);
            }
        }

        foreach (var (key, tally) in previous.tallies)
        {
            if (!changed.Contains(key.Municipality))
            {
                tallies.TryAdd(key, tally);
            }
        }

        foreach (var (municipality, summary) in previous.summaries)
        {
            if (!changed.Contains(municipality))
            {
                summaries.TryAdd(municipality, summary);
            }
        }
    }

    /// <summary>Whether any municipality of <paramref name="subject"/> is one of <paramref name="municipalities"/> (e.g. those whose plans changed).</summary>
    public bool Touches(MonitoringSubject subject, IReadOnlySet<string> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return MunicipalitiesOf(subject).Any(municipalities.Contains);
    }

    private SubjectProgress ComputeProgress(MonitoringSubject subject, EscalationStep lastStepTaken)
    {
        var all = MunicipalitiesOf(subject);
        var withTarget = all.Where(targets.ContainsKey).ToImmutableArray();
        var hasTarget = !withTarget.IsEmpty;
        var members = hasTarget ? withTarget : [.. all];
        var trajectory = TrajectoryOf(members, out var text);
        var asOf = AsOfOf(members);
        var realisations = members.SelectMany(m => realisationsByMunicipality[m])
            .Where(r => r.Realisation.Year >= FirstYear && r.Realisation.Year <= asOf).ToImmutableArray();
        var hasRealisations = asOf >= FirstYear;
        var plans = members.SelectMany(m => PlansIn(m)).ToImmutableArray();
        var report = Monitoring.Progress.Compute(
            trajectory,
            realisations.Select(r => r.Realisation),
            PlanTally.Sum([.. members.Select(m => TallyOf(m, asOf))], FirstYear, LastYear, asOf),
            subject.Level,
            Thresholds,
            lastStepTaken,
            hasTarget ? AssessedGroups : [],
            segmentsUnknown: realisations.Any(SaysNothingAboutSegments),
            evidence: EvidenceText.Of(hasRealisations, realisations.Any(r => r.IsEstimate)));
        return new SubjectProgress(
            subject,
            members,
            [.. all.Where(m => !targets.ContainsKey(m))],
            hasTarget,
            trajectory.Target,
            text,
            report,
            hasRealisations,
            realisations,
            plans)
        {
            Summarise = () => PlanSummary.Combine(members.Select(SummaryOf)),
        };
    }

    /// <summary>What a municipality's plans add to a report as of <paramref name="asOf"/>, summed once per book.</summary>
    private PlanTally TallyOf(string municipality, int asOf) =>
        tallies.GetOrAdd((municipality, asOf), key => PlanTally.Of(PlansIn(key.Municipality).Select(p => p.Plan), FirstYear, LastYear, key.AsOf));

    /// <summary>A municipality's plans summed for provenance and notes, once per book.</summary>
    private PlanSummary SummaryOf(string municipality) => summaries.GetOrAdd(municipality, m => PlanSummary.Of(PlansIn(m)));

    /// <summary>
    /// The Monte Carlo forecast of a subject's deliveries: plans from the year after the as-of year,
    /// realised homes up to it counted as they are. The same seed gives the same result.
    /// </summary>
    public ForecastResult Forecast(SubjectProgress progress, int runs = ForecastRequest.DefaultRuns, ulong seed = ForecastRequest.DefaultSeed, int? maxDegreeOfParallelism = null) =>
        ForecastCancellable(progress, runs, seed, CancellationToken.None, maxDegreeOfParallelism);

    /// <summary><see cref="Forecast"/> that stops when <paramref name="cancellationToken"/> is cancelled (the request went away).</summary>
    public ForecastResult ForecastCancellable(SubjectProgress progress, int runs, ulong seed, CancellationToken cancellationToken, int? maxDegreeOfParallelism = null) =>
        Monitoring.Forecast.RunCancellable(ForecastInputOf(progress, runs, seed), cancellationToken, maxDegreeOfParallelism);

    /// <summary>What <see cref="Forecast"/> computes from: the subject's plans from the year after its as-of year, its realised homes up to it.</summary>
    public ForecastInput ForecastInputOf(SubjectProgress progress, int runs = ForecastRequest.DefaultRuns, ulong seed = ForecastRequest.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new ForecastInput(
            FirstYear,
            LastYear,
            progress.Target,
            new PlanList(progress.Plans),
            Parameters,
            runs,
            seed,
            progress.Report.AsOfYear + 1,
            [.. progress.Realisations.Select(r => r.Realisation)]);
    }

    /// <summary>
    /// A province's warnings, worst first (tier, then ratio, level, name): the province itself, the regions that
    /// have members in it (whole regions) and its municipalities, for every subject with a target
    /// whose worst assessed group is not on track.
    /// </summary>
    public IReadOnlyList<MonitoringWarning> Warnings(string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(provinceCode);
        return warningsMemo.GetOrAdd(provinceCode, code => new Lazy<IReadOnlyList<MonitoringWarning>>(() => ComputeWarnings(code))).Value;
    }

    private IReadOnlyList<MonitoringWarning> ComputeWarnings(string provinceCode)
    {
        if (!provinces.TryGetValue(provinceCode, out var province))
        {
            return [];
        }

        var inProvince = municipalities.Values.Where(m => m.ProvinceCode == provinceCode).ToList();
        var subjects = new List<MonitoringSubject> { new(MonitoringLevel.Province, province.Id, province.Name) };
        subjects.AddRange(inProvince.Select(m => m.RegionId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new MonitoringSubject(MonitoringLevel.Region, id, regions[id].Name)));
        subjects.AddRange(inProvince.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new MonitoringSubject(MonitoringLevel.Municipality, m.Code, m.Name)));
        return
        [
            .. subjects.Select(s => Progress(s))
                .Where(p => p.HasTarget && p.Report.WorstTier != WarningTier.OnTrack && p.Report.WorstGroup is not null)
                .Select(p => new MonitoringWarning(p.Subject, p.Report.WorstTier, p.Report.WorstGroup!.Value, p.Report[p.Report.WorstGroup!.Value], p.Report.Suggestion, p.UsesEstimates) { Evidence = p.Report.Evidence })
                .OrderByDescending(w => w.Tier)
                .ThenBy(w => w.Progress.Ratio)
                .ThenBy(w => w.Subject.Level)
                .ThenBy(w => w.Subject.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// A realisation row with homes of unknown segment, or an estimate of zero homes (the proxy of a
    /// municipality whose stock shrank): either way its segments are not known.
    /// </summary>
    private static bool SaysNothingAboutSegments(RealisationFacts r) =>
        r.Realisation.Homes.Unknown > 0 || (r.IsEstimate && r.Realisation.Homes.Total == 0);

    private void AddTargets(string regionId, string regionName, AdoptedAgreement? agreement, IReadOnlyDictionary<string, SegmentHomes> shares)
    {
        var source = new TargetSource(regionId, regionName, agreement);
        foreach (var (code, target) in shares.Where(s => municipalities.ContainsKey(s.Key)))
        {
            targets[code] = (target, source);
        }
    }

    /// <summary>
    /// The subject's as-of year: the last year in the period up to <see cref="AsOfYear"/> for which
    /// EVERY member has a realisation row (so a municipality that already entered next year's figure
    /// does not make the others look behind); the year before the period when a member has none.
    /// </summary>
    private int AsOfOf(IReadOnlyList<string> members)
    {
        var asOf = AsOfYear;
        foreach (var m in members)
        {
            asOf = Math.Min(asOf, LatestAsOf(FirstYear, AsOfYear, realisationsByMunicipality[m].Select(r => r.Realisation.Year)));
        }

        return members.Count == 0 ? FirstYear - 1 : asOf;
    }

    /// <summary>The sum of the members' trajectories: each municipality's target spread by its region's weights, or linearly.</summary>
    private Trajectory TrajectoryOf(IReadOnlyList<string> members, out string text)
    {
        var years = LastYear - FirstYear + 1;
        var perYear = new SegmentHomes[years];
        var custom = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            if (!targets.TryGetValue(m, out var entry))
            {
                continue;
            }

            var regionId = municipalities[m].RegionId;
            var profile = regionId is not null && weights.TryGetValue(regionId, out var w) ? w : null;
            if (profile is not null)
            {
                custom.Add(regionId!);
            }

            var t = profile is null ? Trajectory.Linear(FirstYear, LastYear, entry.Target) : Trajectory.Weighted(FirstYear, profile, entry.Target);
            for (var y = 0; y < years; y++)
            {
                perYear[y] += t.PerYear[y];
            }
        }

        text = custom.Count == 0
            ? "lineair: per gemeente en per segment ⌊doel·k/n⌋ na k van n jaar; een totaal is de som van zijn segmenten"
            : $"aangepast jaarprofiel ({string.Join(", ", custom.Order(StringComparer.Ordinal).Select(id => regions[id].Name))})";
        return Trajectory.Custom(FirstYear, perYear);
    }

    /// <summary>The plans of a progress as a list of plans, without copying them (the nation's are 150.000).</summary>
    private sealed class PlanList(ImmutableArray<(Plan Plan, PlanFacts Facts)> plans) : IReadOnlyList<Plan>
    {
        public int Count => plans.Length;

        public Plan this[int index] => plans[index].Plan;

        public IEnumerator<Plan> GetEnumerator()
        {
            foreach (var (plan, _) in plans)
            {
                yield return plan;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
