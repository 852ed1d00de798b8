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
        var members = await db.Memberships.AsNoTracking().Where(m => m.RegionId == region.Id)
            .Join(db.Municipalities.AsNoTracking(), m => m.MunicipalityCode, g => g.Code, (m, g) => g)
            .ToListAsync(ct).ConfigureAwait(false);
        var codes = members.Select(m => m.Code).ToList();
        var stockRows = await db.Stock.AsNoTracking().Where(s => codes.Contains(s.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false);
        var stock = stockRows.GroupBy(s => s.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.ReferenceYear).First(), StringComparer.Ordinal);
        var tasks = (await db.Tasks.AsNoTracking()
                .Where(t => codes.Contains(t.MunicipalityCode) && t.PeriodFrom == region.PeriodFrom && t.PeriodTo == region.PeriodTo)
                .ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(t => t.MunicipalityCode, StringComparer.Ordinal);

        var inputs = ImmutableArray.CreateBuilder<MunicipalityInput>();
        var missing = ImmutableArray.CreateBuilder<MunicipalityRow>();
        foreach (var m in members.OrderBy(m => m.Code, StringComparer.Ordinal))
        {
            if (!tasks.TryGetValue(m.Code, out var task) || !stock.TryGetValue(m.Code, out var s))
            {
                missing.Add(m);
                continue;
            }

            inputs.Add(new MunicipalityInput(new MunicipalityCode(m.Code), m.Name, task.Homes, s.TotalStock, s.SocialStock));
        }

        var key = region.Key switch
        {
            "lagging-first" => DistributionKey.LaggingFirst,
            "gap-weighted" => DistributionKey.GapWeighted,
            _ => DistributionKey.Proportional,
        };
        var scenario = new Scenario(
            $"{region.Name} {region.PeriodFrom}-{region.PeriodTo}",
            new YearRange(region.PeriodFrom, region.PeriodTo),
            NormSets.Default,
            new RegionInput(region.Name, inputs.ToImmutable(), key));
        return new RegionQuestion(region, scenario, missing.ToImmutable(), tasks, stock);
    }
}
