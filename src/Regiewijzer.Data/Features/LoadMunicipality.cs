using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>A municipality with its province, its region and that region's distribution, and its own stock and task.</summary>
/// <param name="Municipality">The municipality, with its province.</param>
/// <param name="Membership">Its region membership (with the region), or null when it lies in no region.</param>
/// <param name="Region">The region's distribution (or why there is none); null without a region.</param>
/// <param name="Stock">Its latest stock row, if any.</param>
/// <param name="Task">Its task for the region's period, if any.</param>
public sealed record MunicipalityFacts(
    MunicipalityRow Municipality,
    RegionMembershipRow? Membership,
    RegionOutcome? Region,
    StockRow? Stock,
    TaskRow? Task)
{
    /// <summary>Its numbers in the region's distribution; null when it has no region or no task.</summary>
    public MunicipalityDistribution? Distribution =>
        Region?.Result?.Municipalities.FirstOrDefault(m => string.Equals(m.Code.Value, Municipality.Code, StringComparison.Ordinal));
}

/// <summary>Loads a municipality for its page: one query for the municipality, one region distribution (three queries).</summary>
public static class LoadMunicipality
{
    /// <param name="db">The database.</param>
    /// <param name="code">CBS code, any case (gm0228 finds GM0228).</param>
    /// <param name="ct">Cancels the queries.</param>
    /// <returns>The facts, or null when no municipality has that code.</returns>
    public static async Task<MunicipalityFacts?> RunAsync(RegiewijzerDb db, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(code);
        var key = code.Trim().ToUpperInvariant();
        var municipality = await db.Municipalities.AsNoTracking()
            .Include(m => m.Province)
            .Include(m => m.Membership).ThenInclude(m => m!.Region)
            .FirstOrDefaultAsync(m => m.Code == key, ct).ConfigureAwait(false);
        if (municipality is null)
        {
            return null;
        }

        var membership = municipality.Membership;
        if (membership?.Region is not { } region)
        {
            return new MunicipalityFacts(municipality, null, null, await LatestStockAsync(db, key, ct).ConfigureAwait(false), null);
        }

        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false);
        var question = outcome.Question;
        var stock = question.Stock.GetValueOrDefault(key) ?? await LatestStockAsync(db, key, ct).ConfigureAwait(false);
        var task = question.Tasks.GetValueOrDefault(key) ?? await db.Tasks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.MunicipalityCode == key && t.PeriodFrom == region.PeriodFrom && t.PeriodTo == region.PeriodTo, ct)
            .ConfigureAwait(false);
        return new MunicipalityFacts(municipality, membership, outcome, stock, task);
    }

    private static Task<StockRow?> LatestStockAsync(RegiewijzerDb db, string code, CancellationToken ct) =>
        db.Stock.AsNoTracking().Where(s => s.MunicipalityCode == code).OrderByDescending(s => s.ReferenceYear).FirstOrDefaultAsync(ct);
}
