using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>The starting point of a what-if on a stored region.</summary>
/// <param name="Question">The stored question (members with a task).</param>
/// <param name="Current">The stored distribution, or null when no member has a task.</param>
/// <param name="StockWithoutTask">
/// Latest stock of members without a task, by code: with it a what-if can try a task for them. Members without
/// stock are not in it and cannot be distributed.
/// </param>
public sealed record WhatIfStart(RegionQuestion Question, RegionDistribution? Current, IReadOnlyDictionary<string, StockRow> StockWithoutTask)
{
    public HousingRegionRow Region => Question.Region;
}

/// <summary>Loads a region for a what-if: the stored question, its distribution and the stock of members without a task.</summary>
public static class LoadWhatIf
{
    /// <returns>The start, or null when no region has the id (WD19; case-insensitive).</returns>
    public static async Task<WhatIfStart?> RunAsync(RegiewijzerDb db, string regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(regionId);
        var id = regionId.Trim().ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        var question = await LoadRegionInput.RunAsync(db, region, ct).ConfigureAwait(false);
        var stock = ImmutableDictionary<string, StockRow>.Empty.WithComparers(StringComparer.Ordinal);
        if (!question.WithoutTask.IsEmpty)
        {
            var codes = question.WithoutTask.Select(m => m.Code).ToList();
            var rows = await db.Stock.AsNoTracking().Where(s => codes.Contains(s.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false);
            stock = rows.GroupBy(s => s.MunicipalityCode, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.MaxBy(s => s.ReferenceYear)!, StringComparer.Ordinal);
        }

        var scenario = question.Scenario;
        var current = scenario.Region.Municipalities.IsEmpty ? null : Distribution.DistributeCancellable(scenario.Region, scenario.Norms, ct);
        return new WhatIfStart(question, current, stock);
    }
}
