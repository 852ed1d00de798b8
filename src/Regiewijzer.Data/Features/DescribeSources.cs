using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>How many stored tasks have one origin and method.</summary>
/// <param name="Origin">Agreed or derived.</param>
/// <param name="Method">How a derived task was made; null for agreed tasks.</param>
/// <param name="Tasks">Number of task rows.</param>
public sealed record TaskMethodCount(TaskOrigin Origin, string? Method, int Tasks);

/// <summary>What the stored data rests on: the loaded data sets and how far each assumption reaches.</summary>
/// <param name="DataSets">Provenance rows of the seeded files, by file name.</param>
/// <param name="TaskMethods">Stored tasks by origin and method.</param>
/// <param name="LatestStock">The latest stock row per municipality (its year, metric and whether it is estimated).</param>
/// <param name="Regions">All regions (deal total and its precision).</param>
/// <param name="Memberships">Municipalities in a region.</param>
/// <param name="IndicativeMemberships">Memberships constructed rather than taken from a deal text.</param>
/// <param name="MembersWithoutTask">Members without a task for their region's period.</param>
public sealed record SourcesFacts(
    IReadOnlyList<DataSetRow> DataSets,
    IReadOnlyList<TaskMethodCount> TaskMethods,
    IReadOnlyList<StockRow> LatestStock,
    IReadOnlyList<HousingRegionRow> Regions,
    int Memberships,
    int IndicativeMemberships,
    int MembersWithoutTask);

/// <summary>Loads the facts for "Bronnen en aannames" in a handful of small queries.</summary>
public static class DescribeSources
{
    public static async Task<SourcesFacts> RunAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dataSets = await db.DataSets.AsNoTracking().OrderBy(d => d.File).ToListAsync(ct).ConfigureAwait(false);
        var tasks = await db.Tasks.AsNoTracking()
            .Select(t => new { t.MunicipalityCode, t.PeriodFrom, t.PeriodTo, t.Origin, t.Method })
            .ToListAsync(ct).ConfigureAwait(false);
        var stock = await db.Stock.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        var members = await db.Memberships.AsNoTracking()
            .Select(m => new { m.MunicipalityCode, m.RegionId, m.Indicative })
            .ToListAsync(ct).ConfigureAwait(false);

        var periods = regions.ToDictionary(r => r.Id, r => (r.PeriodFrom, r.PeriodTo), StringComparer.Ordinal);
        var withTask = tasks.Select(t => (t.MunicipalityCode, t.PeriodFrom, t.PeriodTo)).ToHashSet();
        var withoutTask = members.Count(m => !periods.TryGetValue(m.RegionId, out var p) || !withTask.Contains((m.MunicipalityCode, p.PeriodFrom, p.PeriodTo)));
        var methods = tasks
            .GroupBy(t => (t.Origin, t.Method))
            .Select(g => new TaskMethodCount(g.Key.Origin, g.Key.Method, g.Count()))
            .OrderBy(m => m.Origin).ThenByDescending(m => m.Tasks).ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToList();
        var latest = stock.GroupBy(s => s.MunicipalityCode, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.ReferenceYear)!)
            .OrderBy(s => s.MunicipalityCode, StringComparer.Ordinal)
            .ToList();
        return new SourcesFacts(dataSets, methods, latest, regions, members.Count, members.Count(m => m.Indicative), withoutTask);
    }
}
