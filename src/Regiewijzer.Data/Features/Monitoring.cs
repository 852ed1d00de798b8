using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>Whose progress: a municipality (GM code), a region (WD id), a province (PV code) or the nation (id "NL").</summary>
public sealed record MonitoringSubject(MonitoringLevel Level, string Id, string Name)
{
    public static MonitoringSubject Nation { get; } = new(MonitoringLevel.Nation, "NL", "Nederland");
}

/// <summary>What a plan in a progress report or forecast is, for display (the Core plan has no storage facts).</summary>
/// <param name="RowId">Database id (the forecast's plan id is "p" + RowId).</param>
/// <param name="Code">The project's own code.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Assumption">Assumptions made when storing it, if any.</param>
/// <param name="Version">Optimistic concurrency version.</param>
public sealed record PlanFacts(int RowId, string Code, string Source, string? Assumption, int Version);

/// <summary>A stored realisation with its provenance.</summary>
public sealed record RealisationFacts(Realisation Realisation, int RowId, string Source, bool IsEstimate, string? Note, int Version);

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

    /// <summary>Why a group has no tier (Dutch), or null when it has one.</summary>
    public string? WhyNotAssessed(GroupProgress group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return !HasTarget ? NoTargetText : group.NotAssessed?.Dutch();
    }
}

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

/// <summary>One line of a province's list of warnings.</summary>
public sealed record MonitoringWarning(MonitoringSubject Subject, WarningTier Tier, SegmentGroup Group, GroupProgress Progress, EscalationStep Suggestion, bool UsesEstimates)
{
    /// <summary>What the warning rests on; an indicative warning (not measured) carries no step on the ladder.</summary>
    public Evidence Evidence { get; init; } = Evidence.Measured;

    /// <summary>True when the warning rests on estimated or missing figures.</summary>
    public bool IsIndicative => Evidence != Evidence.Measured;
}

/// <summary>
/// Everything monitoring needs, loaded once (plans, realisations, targets from the current
/// distributions, trajectory weights): progress, forecasts and warnings are computed from it in memory.
/// </summary>
public sealed class MonitoringSnapshot
{
    /// <summary>The groups an agreement sets targets for (social, middle, free) and their sums.</summary>
    public static readonly ImmutableArray<SegmentGroup> AssessedGroups =
        [SegmentGroup.SocialRent, SegmentGroup.Middle, SegmentGroup.Free, SegmentGroup.Affordable, SegmentGroup.All];

    private readonly Dictionary<string, MunicipalityRow> municipalities;
    private readonly Dictionary<string, HousingRegionRow> regions;
    private readonly Dictionary<string, ProvinceRow> provinces;
    private readonly Dictionary<string, (SegmentHomes Target, TargetSource Source)> targets;
    private readonly Dictionary<string, int[]> weights;
    private readonly ILookup<string, (Plan Plan, PlanFacts Facts)> plansByMunicipality;
    private readonly ILookup<string, RealisationFacts> realisationsByMunicipality;

    internal MonitoringSnapshot(
        int firstYear,
        int lastYear,
        int asOfYear,
        CountryCheck country,
        IEnumerable<MunicipalityRow> municipalities,
        IEnumerable<HousingRegionRow> regions,
        IEnumerable<ProvinceRow> provinces,
        IEnumerable<(Plan Plan, PlanFacts Facts)> plans,
        IEnumerable<RealisationFacts> realisations,
        Dictionary<string, int[]> weights,
        IEnumerable<AdoptedAgreement>? agreements = null)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        AsOfYear = asOfYear;
        Country = country;
        this.municipalities = municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        this.regions = regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        this.provinces = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        targets = new(StringComparer.Ordinal);
        var adopted = (agreements ?? []).ToDictionary(a => a.RegionId, StringComparer.Ordinal);
        foreach (var outcome in country.Regions)
        {
            var region = outcome.Question.Region;
            if (adopted.Remove(region.Id, out var agreement))
            {
                AddTargets(region.Id, region.Name, agreement, agreement.Shares.Select(kv => (kv.Key, kv.Value)));
            }
            else if (outcome.Result is not null)
            {
                AddTargets(region.Id, region.Name, null, outcome.Result.Municipalities.Select(m => (m.Code.Value, new SegmentHomes(m.Social, m.Middle, 0, m.Free, 0))));
            }
        }

        foreach (var agreement in adopted.Values.Where(a => this.regions.ContainsKey(a.RegionId))) // a region the country check did not distribute
        {
            AddTargets(agreement.RegionId, this.regions[agreement.RegionId].Name, agreement, agreement.Shares.Select(kv => (kv.Key, kv.Value)));
        }

        this.weights = weights;
        plansByMunicipality = plans.ToLookup(p => p.Plan.Municipality.Value, StringComparer.Ordinal);
        realisationsByMunicipality = realisations.ToLookup(r => r.Realisation.Municipality.Value, StringComparer.Ordinal);
    }

    /// <summary>First year of the agreements' period.</summary>
    public int FirstYear { get; }

    /// <summary>Last year of the period.</summary>
    public int LastYear { get; }

    /// <summary>
    /// The latest peiljaar: the last year in the period with any realisation in the database (or the
    /// year before the period). A subject's own peiljaar (its report's AsOfYear) can be earlier.
    /// </summary>
    public int AsOfYear { get; }

    /// <summary>The distributions the targets come from.</summary>
    public CountryCheck Country { get; }

    /// <summary>The forecast parameters used (the documented defaults).</summary>
    public ForecastParameters Parameters { get; } = ForecastParameterSets.Default;

    /// <summary>The warning thresholds used.</summary>
    public WarningThresholds Thresholds { get; } = WarningThresholdSets.Default;

    /// <summary>The subject for a level and id (GM code, WD id, PV code, "NL"); null when unknown.</summary>
    public MonitoringSubject? Find(MonitoringLevel level, string id) => level switch
    {
        MonitoringLevel.Municipality => municipalities.TryGetValue(id, out var m) ? new(level, m.Code, m.Name) : null,
        MonitoringLevel.Region => regions.TryGetValue(id, out var r) ? new(level, r.Id, r.Name) : null,
        MonitoringLevel.Province => provinces.TryGetValue(id, out var p) ? new(level, p.Code, p.Name) : null,
        _ => id == MonitoringSubject.Nation.Id ? MonitoringSubject.Nation : null,
    };

    /// <summary>The municipalities of a subject (all, with or without target).</summary>
    public IReadOnlyList<string> MunicipalitiesOf(MonitoringSubject subject) => subject.Level switch
    {
        MonitoringLevel.Municipality => [subject.Id],
        MonitoringLevel.Region => [.. municipalities.Values.Where(m => m.Membership?.RegionId == subject.Id).Select(m => m.Code).Order(StringComparer.Ordinal)],
        MonitoringLevel.Province => [.. municipalities.Values.Where(m => m.ProvinceCode == subject.Id).Select(m => m.Code).Order(StringComparer.Ordinal)],
        _ => [.. municipalities.Keys.Order(StringComparer.Ordinal)],
    };

    /// <summary>The municipality's target for the period, if it has one.</summary>
    public SegmentHomes? TargetOf(string municipality) => targets.TryGetValue(municipality, out var t) ? t.Target : null;

    /// <summary>Where the municipality's target comes from (adopted agreement or computed distribution); null without a target.</summary>
    public TargetSource? TargetSourceOf(string municipality) => targets.TryGetValue(municipality, out var t) ? t.Source : null;

    /// <summary>The distinct sources of the targets of these municipalities, by region.</summary>
    public IReadOnlyList<TargetSource> TargetSourcesOf(IEnumerable<string> members) =>
        [.. members.Select(TargetSourceOf).OfType<TargetSource>().Distinct().OrderBy(t => t.RegionName, StringComparer.Ordinal)];

    /// <summary>Plans of one municipality with their facts, by name.</summary>
    public IEnumerable<(Plan Plan, PlanFacts Facts)> PlansOf(string municipality) => plansByMunicipality[municipality].OrderBy(p => p.Plan.Name, StringComparer.Ordinal);

    /// <summary>All realisation rows of one municipality (any year), by year.</summary>
    public IEnumerable<RealisationFacts> RealisationsOf(string municipality) => realisationsByMunicipality[municipality].OrderBy(r => r.Realisation.Year);

    /// <summary>
    /// Why a municipality has no target, to follow its name and a colon: it lies in no housing region; its region is
    /// not distributed (no member has a task); or it has no task itself and the region was distributed without it.
    /// </summary>
    public string WhyNoTarget(string municipality)
    {
        var outcome = Country.Regions.FirstOrDefault(r => r.Question.WithoutTask.Any(m => m.Code == municipality));
        if (outcome is null)
        {
            return "ligt in geen woningbouwregio";
        }

        var region = outcome.Question.Region;
        return outcome.Result is null
            ? $"{region.Name} is niet verdeeld (geen gemeente heeft een opgave voor {region.PeriodFrom}-{region.PeriodTo})"
            : $"geen opgave voor {region.PeriodFrom}-{region.PeriodTo} in {region.Name}; de regio is zonder deze gemeente verdeeld";
    }

    /// <summary>The trajectory weights of a region, when it has a custom profile.</summary>
    public IReadOnlyList<int>? WeightsOf(string regionId) => weights.TryGetValue(regionId, out var w) ? w : null;

    /// <summary>The progress of a subject at the end of <see cref="AsOfYear"/>.</summary>
    public SubjectProgress Progress(MonitoringSubject subject, EscalationStep lastStepTaken = EscalationStep.None)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var all = MunicipalitiesOf(subject);
        var withTarget = all.Where(targets.ContainsKey).ToImmutableArray();
        var hasTarget = !withTarget.IsEmpty;
        var members = hasTarget ? withTarget : [.. all];
        var trajectory = TrajectoryOf(members, out var text);
        var asOf = AsOfOf(members);
        var realisations = members.SelectMany(m => realisationsByMunicipality[m])
            .Where(r => r.Realisation.Year >= FirstYear && r.Realisation.Year <= asOf).ToImmutableArray();
        var hasRealisations = asOf >= FirstYear;
        var plans = members.SelectMany(m => plansByMunicipality[m]).ToImmutableArray();
        var report = Core.Monitoring.Progress.Compute(
            trajectory,
            realisations.Select(r => r.Realisation),
            plans.Select(p => p.Plan),
            asOf,
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
            plans);
    }

    /// <summary>
    /// The Monte Carlo forecast of a subject's deliveries: plans from the year after the as-of year,
    /// realised homes up to it counted as they are. The same seed gives the same result.
    /// </summary>
    public ForecastResult Forecast(SubjectProgress progress, int runs = ForecastRequest.DefaultRuns, ulong seed = ForecastRequest.DefaultSeed, int? maxDegreeOfParallelism = null) =>
        ForecastCancellable(progress, runs, seed, CancellationToken.None, maxDegreeOfParallelism);

    /// <summary><see cref="Forecast"/> that stops when <paramref name="cancellationToken"/> is cancelled.</summary>
    public ForecastResult ForecastCancellable(SubjectProgress progress, int runs, ulong seed, CancellationToken cancellationToken, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Core.Monitoring.Forecast.RunCancellable(
            new ForecastInput(
                FirstYear,
                LastYear,
                progress.Target,
                [.. progress.Plans.Select(p => p.Plan)],
                Parameters,
                runs,
                seed,
                progress.Report.AsOfYear + 1,
                [.. progress.Realisations.Select(r => r.Realisation)]),
            cancellationToken,
            maxDegreeOfParallelism);
    }

    /// <summary>
    /// A province's warnings, worst first (tier, then ratio): the province itself, the regions that
    /// have members in it (whole regions) and its municipalities, for every subject with a target
    /// whose worst assessed group is not on track.
    /// </summary>
    public IReadOnlyList<MonitoringWarning> Warnings(string provinceCode)
    {
        if (!provinces.TryGetValue(provinceCode, out var province))
        {
            return [];
        }

        var inProvince = municipalities.Values.Where(m => m.ProvinceCode == provinceCode).ToList();
        var subjects = new List<MonitoringSubject> { new(MonitoringLevel.Province, province.Code, province.Name) };
        subjects.AddRange(inProvince.Select(m => m.Membership?.RegionId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
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

    private void AddTargets(string regionId, string regionName, AdoptedAgreement? agreement, IEnumerable<(string Code, SegmentHomes Target)> shares)
    {
        var source = new TargetSource(regionId, regionName, agreement);
        foreach (var (code, target) in shares.Where(s => municipalities.ContainsKey(s.Code)))
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
            var last = realisationsByMunicipality[m].Select(r => r.Realisation.Year).Where(y => y >= FirstYear && y <= AsOfYear).DefaultIfEmpty(FirstYear - 1).Max();
            asOf = Math.Min(asOf, last);
        }

        return members.Count == 0 ? FirstYear - 1 : asOf;
    }

    /// <summary>
    /// A realisation row with homes of unknown segment, or an estimate of zero homes (the proxy of a
    /// municipality whose stock shrank): either way its segments are not known.
    /// </summary>
    private static bool SaysNothingAboutSegments(RealisationFacts r) =>
        r.Realisation.Homes.Unknown > 0 || (r.IsEstimate && r.Realisation.Homes.Total == 0);

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

            var regionId = municipalities[m].Membership?.RegionId;
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
}

/// <summary>Loads the monitoring snapshot in a few queries.</summary>
public static class LoadMonitoring
{
    /// <param name="db">The database.</param>
    /// <param name="country">The country check to take targets from (loaded when null).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<MonitoringSnapshot> RunAsync(RegiewijzerDb db, CountryCheck? country = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        country ??= await CheckCountry.RunAsync(db, ct).ConfigureAwait(false);
        var municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Membership).ToListAsync(ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var planRows = await db.Plans.AsNoTracking().Include(p => p.Deliveries).ToListAsync(ct).ConfigureAwait(false);
        var realisationRows = await db.Realisations.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var weightRows = await db.TrajectoryWeights.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var agreementRows = await db.Agreements.AsNoTracking().Include(a => a.Shares)
            .Where(a => a.Status == Core.Governance.AgreementStatus.Adopted).ToListAsync(ct).ConfigureAwait(false);
        var inForce = agreementRows.GroupBy(a => a.RegionId, StringComparer.Ordinal).Select(g => g.MaxBy(a => a.Number)!)
            .Select(a => new AdoptedAgreement(
                a.Id,
                a.RegionId,
                a.Number,
                a.AdoptedAt ?? a.CreatedAt,
                a.Shares.ToDictionary(x => x.MunicipalityCode, x => new SegmentHomes(x.SocialRent, x.Middle, 0, x.Free, 0), StringComparer.Ordinal)));

        var first = regions.Count == 0 ? Reference.ReferenceSeeder.PeriodFrom : regions.Min(r => r.PeriodFrom);
        var last = regions.Count == 0 ? Reference.ReferenceSeeder.PeriodTo : regions.Max(r => r.PeriodTo);
        var inPeriod = realisationRows.Where(r => r.Year >= first && r.Year <= last).Select(r => r.Year).ToList();
        var asOf = inPeriod.Count == 0 ? first - 1 : inPeriod.Max();
        var weights = weightRows.GroupBy(w => w.RegionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Enumerable.Range(first, last - first + 1).Select(y => g.FirstOrDefault(w => w.Year == y)?.Weight ?? 0).ToArray(), StringComparer.Ordinal);
        foreach (var (id, w) in weights.Where(kv => kv.Value.All(x => x == 0)).ToList())
        {
            weights.Remove(id);
        }

        return new MonitoringSnapshot(
            first,
            last,
            asOf,
            country,
            municipalities,
            regions,
            provinces,
            planRows.Select(p => (ToPlan(p), new PlanFacts(p.Id, p.Code, p.Source, p.Assumption, p.Version))),
            realisationRows.Select(r => new RealisationFacts(new Realisation(new MunicipalityCode(r.MunicipalityCode), r.Year, Homes(r)), r.Id, r.Source, r.IsEstimate, r.Note, r.Version)),
            weights,
            inForce);
    }

    /// <summary>The Core plan of a stored plan: id "p" + row id.</summary>
    public static Plan ToPlan(PlanRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!PlanningStatuses.TryParse(p.Status, out var status))
        {
            throw new InvalidDataException($"Plan {p.Id} heeft een onbekende planstatus '{p.Status}'.");
        }
        return new Plan(
            $"p{p.Id}",
            new MunicipalityCode(p.MunicipalityCode),
            p.Name,
            status,
            p.PriceLevelYear,
            p.Deliveries.Select(d => new PlanDelivery(d.Year, Homes(d))),
            p.Contracted,
            p.Contracted ? p.ContractedOn : null);
    }

    /// <summary>The stored segment columns as homes.</summary>
    public static SegmentHomes Homes(ISegmentColumns c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.SocialRent, c.MiddleRent, c.AffordableOwnership, c.FreeRent, c.FreeOwnership, c.UnknownSegment);
    }
}
