using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>A region's distribution question from the database, with what is missing.</summary>
/// <param name="Region">The stored region.</param>
/// <param name="Scenario">The scenario (members with a task), ready for <see cref="Distribution.Distribute"/>.</param>
/// <param name="WithoutTask">Members without a task for the period: they are left out, and the page says so.</param>
/// <param name="Tasks">The task rows used, by municipality code (origin and method).</param>
/// <param name="Stock">The stock rows used, by municipality code (reference year, metric, estimate).</param>
public sealed record RegionQuestion(
    HousingRegionRow Region,
    Scenario Scenario,
    ImmutableArray<MunicipalityRow> WithoutTask,
    IReadOnlyDictionary<string, TaskRow> Tasks,
    IReadOnlyDictionary<string, StockRow> Stock)
{
    public bool IsComplete => WithoutTask.IsEmpty;
}

/// <summary>Builds a region's scenario from stored members, stock (latest year) and tasks.</summary>
public static class LoadRegionInput
{
    public static async Task<RegionQuestion> RunAsync(RegiewijzerDb db, HousingRegionRow region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(region);
        var rows = await LoadAsync(db, m => m.RegionId == region.Id, ct).ConfigureAwait(false);
        return Build(region, rows);
    }

    /// <summary>Members (with their municipality), stock and tasks of the memberships that match, in three queries.</summary>
    internal static async Task<RegionRows> LoadAsync(RegiewijzerDb db, System.Linq.Expressions.Expression<Func<RegionMembershipRow, bool>> members, CancellationToken ct)
    {
        var memberRows = await db.Memberships.AsNoTracking().Where(members)
            .Join(db.Municipalities.AsNoTracking(), m => m.MunicipalityCode, g => g.Code, (m, g) => new { m.RegionId, Municipality = g })
            .ToListAsync(ct).ConfigureAwait(false);
        var codes = memberRows.Select(m => m.Municipality.Code).ToList();
        var stock = await db.Stock.AsNoTracking().Where(s => codes.Contains(s.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false);
        var tasks = await db.Tasks.AsNoTracking().Where(t => codes.Contains(t.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false);
        return new RegionRows(
            memberRows.ToLookup(m => m.RegionId, m => m.Municipality, StringComparer.Ordinal),
            stock.GroupBy(s => s.MunicipalityCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ReferenceYear)!, StringComparer.Ordinal),
            tasks.ToLookup(t => t.MunicipalityCode, StringComparer.Ordinal));
    }

    /// <summary>The region's question from loaded rows: the latest stock and the task for the region's period.</summary>
    internal static RegionQuestion Build(HousingRegionRow region, RegionRows rows)
    {
        var inputs = ImmutableArray.CreateBuilder<MunicipalityInput>();
        var missing = ImmutableArray.CreateBuilder<MunicipalityRow>();
        var tasks = new Dictionary<string, TaskRow>(StringComparer.Ordinal);
        var stock = new Dictionary<string, StockRow>(StringComparer.Ordinal);
        foreach (var m in rows.Members[region.Id].OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            var task = rows.Tasks[m.Code].FirstOrDefault(t => t.PeriodFrom == region.PeriodFrom && t.PeriodTo == region.PeriodTo);
            if (task is null || !rows.LatestStock.TryGetValue(m.Code, out var s))
            {
                missing.Add(m);
                continue;
            }

            tasks[m.Code] = task;
            stock[m.Code] = s;
            inputs.Add(new MunicipalityInput(new MunicipalityCode(m.Code), m.Name, task.Homes, s.TotalStock, s.SocialStock));
        }

        // Each municipality's province (domain.md §5b): a region across a border is distributed per province part.
        // Either all members have a known province or none (then the region is one part).
        var provinces = rows.Members[region.Id].ToDictionary(m => m.Code, m => m.ProvinceCode, StringComparer.Ordinal);
        if (inputs.All(i => ProvinceCode.IsValid(provinces[i.Code.Value])))
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                inputs[i] = inputs[i] with { Province = new ProvinceCode(provinces[inputs[i].Code.Value]) };
            }
        }

        var key = DistributionKeys.TryParse(region.Key, out var stored) ? stored : DistributionKey.Proportional;
        var scenario = new Scenario(
            $"{region.Name} {region.PeriodFrom}-{region.PeriodTo}",
            new YearRange(region.PeriodFrom, region.PeriodTo),
            NormSets.Default,
            new RegionInput(region.Name, inputs.ToImmutable(), key));
        return new RegionQuestion(region, scenario, missing.ToImmutable(), tasks, stock);
    }
}

/// <summary>Rows loaded for one or more regions: members by region id, latest stock and tasks by municipality code.</summary>
internal sealed record RegionRows(
    ILookup<string, MunicipalityRow> Members,
    IReadOnlyDictionary<string, StockRow> LatestStock,
    ILookup<string, TaskRow> Tasks);
