using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Database;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// The monitoring book (<see cref="MonitoringBook"/>: every monitoring decision, in Core) with the country check its
/// computed targets come from.
/// </summary>
public sealed class MonitoringSnapshot(
    CountryCheck country,
    int firstYear,
    int lastYear,
    IEnumerable<MonitoredMunicipality> municipalities,
    IEnumerable<MonitoredArea> regions,
    IEnumerable<MonitoredArea> provinces,
    IEnumerable<AdoptedAgreement> agreements,
    MonitoringPlans plans,
    IEnumerable<RealisationFacts> realisations,
    IReadOnlyDictionary<string, int[]> weights)
    : MonitoringBook(firstYear, lastYear, municipalities, regions, provinces, LoadMonitoring.Computed(country), agreements, plans.ByMunicipality, realisations, weights)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object>> kept = new(StringComparer.Ordinal);

    /// <summary>The distributions the computed targets come from.</summary>
    public CountryCheck Country { get; } = country;

    /// <summary>The plans this snapshot holds.</summary>
    public MonitoringPlans Plans { get; } = plans;

    /// <summary>
    /// Something built from this snapshot alone (an API answer, a page's summary), built once per key and kept as long
    /// as the snapshot: a snapshot never changes, and a change of the data makes a new one.
    /// </summary>
    public T Keep<T>(string key, Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        return (T)kept.GetOrAdd(key, _ => new Lazy<object>(() => build())).Value;
    }
}

/// <summary>The parts of the monitoring rows that are loaded separately (what a change makes stale).</summary>
[Flags]
public enum MonitoringParts
{
    None = 0,

    /// <summary>Municipalities, regions, provinces, adopted agreements, trajectory weights (small).</summary>
    Reference = 1,

    /// <summary>Plans with their deliveries (the bulk: up to hundreds of thousands).</summary>
    Plans = 2,

    /// <summary>Realisations.</summary>
    Realisations = 4,

    All = Reference | Plans | Realisations,
}

/// <summary>
/// The stored rows monitoring works on, as Core records, in <see cref="MonitoringParts"/>; with
/// <see cref="ChangedPlans"/>, the plans that changed since the rows these were read after (each before and after;
/// null when the plans were read whole, so what changed is not known).
/// </summary>
public sealed record MonitoringRows(
    int FirstYear,
    int LastYear,
    IReadOnlyList<MonitoredMunicipality> Municipalities,
    IReadOnlyList<MonitoredArea> Regions,
    IReadOnlyList<MonitoredArea> Provinces,
    IReadOnlyList<AdoptedAgreement> Agreements,
    IReadOnlyDictionary<string, int[]> Weights,
    MonitoringPlans Plans,
    IReadOnlyList<RealisationFacts> Realisations,
    IReadOnlyList<PlanChange>? ChangedPlans = null);

/// <summary>A plan as it was and as it is after a change (null before an insert, null after a delete).</summary>
public sealed record PlanChange(Plan? Before, Plan? After)
{
    /// <summary>The municipalities these changes touched: where each plan was and where it is.</summary>
    public static IReadOnlySet<string> MunicipalitiesOf(IEnumerable<PlanChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.SelectMany(c => new[] { c.Before, c.After }).OfType<Plan>().Select(p => p.Municipality.Value).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// The stored plans as monitoring holds them between reads: by row id, and per municipality in row id order (what the
/// book takes), with the number of the last plan change read (<see cref="PlanChanges"/>). A change replaces only the
/// groups of the municipalities it touched; the other groups are shared with the plans before it.
/// </summary>
public sealed class MonitoringPlans
{
    private static long editions;
    private readonly Dictionary<int, (Plan Plan, PlanFacts Facts)> byId;

    private MonitoringPlans(Dictionary<int, (Plan Plan, PlanFacts Facts)> byId, IReadOnlyDictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>> byMunicipality, long seq)
    {
        this.byId = byId;
        ByMunicipality = byMunicipality;
        Seq = seq;
        Edition = Interlocked.Increment(ref editions);
    }

    /// <summary>A number of its own for each set of plans in this process (what a kept forecast was computed from).</summary>
    public long Edition { get; }

    /// <summary>No plans.</summary>
    public static MonitoringPlans Empty { get; } = new([], new Dictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>>(StringComparer.Ordinal), 0);

    /// <summary>The plans per municipality code, each group in row id order.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>> ByMunicipality { get; }

    /// <summary>The number of the last plan change these plans include (<see cref="PlanChanges"/>).</summary>
    public long Seq { get; }

    /// <summary>Number of plans.</summary>
    public int Count => byId.Count;

    /// <summary>All plans, read whole (in row id order), up to change number <paramref name="seq"/> at least.</summary>
    public static MonitoringPlans All(IReadOnlyList<(Plan Plan, PlanFacts Facts)> plans, long seq)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return new(plans.ToDictionary(p => p.Facts.RowId), MonitoringBook.GroupPlans(plans), seq);
    }

    /// <summary>
    /// These plans with the plans of row ids <paramref name="changed"/> replaced by <paramref name="stored"/> (what is
    /// stored now under those ids; an id without a stored plan was deleted), and what each change was.
    /// </summary>
    public MonitoringPlans With(IReadOnlyCollection<int> changed, IReadOnlyList<(Plan Plan, PlanFacts Facts)> stored, long seq, out IReadOnlyList<PlanChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(stored);
        var now = stored.ToDictionary(p => p.Facts.RowId);
        var ids = new Dictionary<int, (Plan Plan, PlanFacts Facts)>(byId);
        var list = new List<PlanChange>(changed.Count);
        foreach (var id in changed.Distinct())
        {
            var before = ids.Remove(id, out var was) ? was.Plan : null;
            var after = now.TryGetValue(id, out var @is) ? @is.Plan : null;
            if (after is not null)
            {
                ids[id] = @is;
            }

            if (before is not null || after is not null)
            {
                list.Add(new PlanChange(before, after));
            }
        }

        var groups = new Dictionary<string, ImmutableArray<(Plan Plan, PlanFacts Facts)>>(ByMunicipality, StringComparer.Ordinal);
        var changedIds = changed.ToHashSet();
        foreach (var municipality in PlanChange.MunicipalitiesOf(list))
        {
            var group = groups.GetValueOrDefault(municipality, []).Where(p => !changedIds.Contains(p.Facts.RowId))
                .Concat(stored.Where(p => p.Plan.Municipality.Value == municipality))
                .OrderBy(p => p.Facts.RowId)
                .ToImmutableArray();
            if (group.IsEmpty)
            {
                groups.Remove(municipality);
            }
            else
            {
                groups[municipality] = group;
            }
        }

        changes = list;
        return new MonitoringPlans(ids, groups, seq);
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
        return Build(country, await LoadRowsAsync(db, MonitoringParts.All, null, ct).ConfigureAwait(false));
    }

    /// <summary>The snapshot of these rows with the country check's computed targets (no database).</summary>
    public static MonitoringSnapshot Build(CountryCheck country, MonitoringRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new MonitoringSnapshot(country, rows.FirstYear, rows.LastYear, rows.Municipalities, rows.Regions, rows.Provinces, rows.Agreements, rows.Plans, rows.Realisations, rows.Weights);
    }

    /// <summary>
    /// Loads <paramref name="parts"/> and takes the rest from <paramref name="previous"/> (all parts when there is none):
    /// after a plan was saved only the plans are read again, not the realisations and the reference rows.
    /// </summary>
    public static async Task<MonitoringRows> LoadRowsAsync(RegiewijzerDb db, MonitoringParts parts, MonitoringRows? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (previous is null)
        {
            parts = MonitoringParts.All;
        }

        var rows = previous!;
        if (parts.HasFlag(MonitoringParts.Reference))
        {
            rows = await LoadReferenceAsync(db, rows, ct).ConfigureAwait(false);
        }

        rows = rows with { ChangedPlans = [] };
        if (parts.HasFlag(MonitoringParts.Plans))
        {
            rows = await ReadPlansAsync(db, rows, previous is null, ct).ConfigureAwait(false);
        }

        if (parts.HasFlag(MonitoringParts.Realisations))
        {
            var realisationRows = await db.Realisations.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            rows = rows with
            {
                Realisations = [.. realisationRows.Select(r => new RealisationFacts(new Realisation(new MunicipalityCode(r.MunicipalityCode), r.Year, Homes(r)), r.Id, r.Source, r.IsEstimate, r.Note, r.Version))],
            };
        }

        return rows;
    }

    /// <summary>Most changed plans read one by one; after more (a large import) every plan is read again.</summary>
    public const int MostChangedPlans = 5_000;

    /// <summary>
    /// The plans after a change: only those changed since the number the previous rows were read at
    /// (<see cref="PlanChanges"/>), or all when there are no previous rows or too many changed.
    /// </summary>
    private static async Task<MonitoringRows> ReadPlansAsync(RegiewijzerDb db, MonitoringRows rows, bool first, CancellationToken ct)
    {
        if (!first && await PlanChanges.SinceAsync(db, rows.Plans.Seq, MostChangedPlans, ct).ConfigureAwait(false) is var (ids, latest))
        {
            var stored = ids.Count == 0 ? [] : await LoadPlansAsync(db, ids, ct).ConfigureAwait(false);
            return rows with { Plans = rows.Plans.With(ids, stored, latest, out var changes), ChangedPlans = changes };
        }

        var seq = await PlanChanges.LatestAsync(db, ct).ConfigureAwait(false); // before the plans: a change in between is read again next time
        return rows with { Plans = MonitoringPlans.All(await LoadPlansAsync(db, null, ct).ConfigureAwait(false), seq), ChangedPlans = null };
    }

    /// <summary>
    /// The plans with their facts (those of row ids <paramref name="only"/>, or every plan), in row id order: two flat projections (plans, then all deliveries) joined in memory.
    /// With 150.000 plans this reads about twice as fast as loading the entities with their deliveries included (no
    /// entity materialisation and no fix-up of the included collections).
    /// </summary>
    private static async Task<IReadOnlyList<(Plan Plan, PlanFacts Facts)>> LoadPlansAsync(RegiewijzerDb db, IReadOnlyList<int>? only, CancellationToken ct)
    {
        var planRows = db.Plans.AsNoTracking();
        var deliveryRows = db.PlanDeliveries.AsNoTracking();
        if (only is not null)
        {
            planRows = planRows.Where(p => only.Contains(p.Id));
            deliveryRows = deliveryRows.Where(d => only.Contains(d.PlanId));
        }

        var plans = await planRows.OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.MunicipalityCode, p.Code, p.Name, p.Status, p.PriceLevelYear, p.Contracted, p.ContractedOn, p.Source, p.Assumption, p.Version })
            .ToListAsync(ct).ConfigureAwait(false);
        var deliveries = await deliveryRows
            .Select(d => new { d.PlanId, d.Year, d.SocialRent, d.MiddleRent, d.AffordableOwnership, d.FreeRent, d.FreeOwnership, d.UnknownSegment })
            .ToListAsync(ct).ConfigureAwait(false);
        var byPlan = new Dictionary<int, List<PlanDelivery>>(plans.Count);
        foreach (var d in deliveries)
        {
            if (!byPlan.TryGetValue(d.PlanId, out var list))
            {
                byPlan[d.PlanId] = list = new List<PlanDelivery>(2);
            }

            list.Add(new PlanDelivery(d.Year, new SegmentHomes(d.SocialRent, d.MiddleRent, d.AffordableOwnership, d.FreeRent, d.FreeOwnership, d.UnknownSegment)));
        }

        var result = new (Plan Plan, PlanFacts Facts)[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            result[i] = (
                ToPlan(p.Id, p.MunicipalityCode, p.Name, p.Status, p.PriceLevelYear, byPlan.TryGetValue(p.Id, out var list) ? list : [], p.Contracted, p.ContractedOn),
                new PlanFacts(p.Id, p.Code, p.Source, p.Assumption, p.Version));
        }

        return result;
    }

    private static async Task<MonitoringRows> LoadReferenceAsync(RegiewijzerDb db, MonitoringRows? previous, CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Membership).ToListAsync(ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Members.Any()).ToListAsync(ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
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
        var weights = weightRows.GroupBy(w => w.RegionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Enumerable.Range(first, last - first + 1).Select(y => g.FirstOrDefault(w => w.Year == y)?.Weight ?? 0).ToArray(), StringComparer.Ordinal);
        return new MonitoringRows(
            first,
            last,
            [.. municipalities.Select(m => new MonitoredMunicipality(m.Code, m.Name, m.ProvinceCode, m.Membership?.RegionId))],
            [.. regions.Select(r => new MonitoredArea(r.Id, r.Name))],
            [.. provinces.Select(p => new MonitoredArea(p.Code, p.Name))],
            [.. inForce],
            weights,
            previous?.Plans ?? MonitoringPlans.Empty,
            previous?.Realisations ?? []);
    }

    /// <summary>The country check's distributions as monitoring sees them, in the check's order.</summary>
    internal static IEnumerable<ComputedDistribution> Computed(CountryCheck country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Regions.Select(o => new ComputedDistribution(
            o.Question.Region.Id,
            o.Question.Region.Name,
            o.Question.Region.PeriodFrom,
            o.Question.Region.PeriodTo,
            [.. o.Question.WithoutTask.Select(m => m.Code)],
            o.Result?.Municipalities.ToDictionary(m => m.Code.Value, m => new SegmentHomes(m.Social, m.Middle, 0, m.Free, 0), StringComparer.Ordinal)));
    }

    /// <summary>The Core plan of a stored plan: id "p" + row id.</summary>
    public static Plan ToPlan(PlanRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return ToPlan(p.Id, p.MunicipalityCode, p.Name, p.Status, p.PriceLevelYear, p.Deliveries.Select(d => new PlanDelivery(d.Year, Homes(d))), p.Contracted, p.ContractedOn);
    }

    private static Plan ToPlan(int id, string municipality, string name, string statusCode, int priceLevelYear, IEnumerable<PlanDelivery> deliveries, bool contracted, DateOnly? contractedOn)
    {
        if (!PlanningStatuses.TryParse(statusCode, out var status))
        {
            throw new InvalidDataException($"Plan {id} heeft een onbekende planstatus '{statusCode}'.");
        }

        return new Plan(
            $"p{id}",
            new MunicipalityCode(municipality),
            name,
            status,
            priceLevelYear,
            deliveries,
            contracted,
            Plan.ContractDateAllowed(contracted, contractedOn is not null) ? contractedOn : null); // a stored date on a plan no longer contracted is not used
    }

    /// <summary>The stored segment columns as homes.</summary>
    public static SegmentHomes Homes(ISegmentColumns c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.SocialRent, c.MiddleRent, c.AffordableOwnership, c.FreeRent, c.FreeOwnership, c.UnknownSegment);
    }
}
