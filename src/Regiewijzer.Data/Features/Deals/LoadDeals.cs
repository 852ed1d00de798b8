using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Data.Features.Deals;

/// <summary>Loads the woondeals as Core <see cref="Deal"/>s (all, or one by id).</summary>
public static class LoadDeals
{
    public static async Task<IReadOnlyList<Deal>> AllAsync(RegiewijzerDb db, CancellationToken ct = default) =>
        await LoadAsync(db, id: null, ct).ConfigureAwait(false);

    /// <summary>One deal by id (case-insensitive), or null.</summary>
    public static async Task<Deal?> OneAsync(RegiewijzerDb db, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var deals = await LoadAsync(db, id.Trim().ToUpperInvariant(), ct).ConfigureAwait(false);
        return deals.Count == 0 ? null : deals[0];
    }

    private static async Task<IReadOnlyList<Deal>> LoadAsync(RegiewijzerDb db, string? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Deals.AsNoTracking().Where(d => id == null || d.Id == id).OrderBy(d => d.Id).ToListAsync(ct).ConfigureAwait(false);
        var parties = (await db.DealParties.AsNoTracking().Where(p => id == null || p.DealId == id).ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.DealId, StringComparer.Ordinal);
        var numbers = (await db.DealNumbers.AsNoTracking().Where(n => id == null || n.DealId == id).ToListAsync(ct).ConfigureAwait(false)).ToLookup(n => n.DealId, StringComparer.Ordinal);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. rows.Select(d => new Deal(
            d.Id,
            d.Name,
            [.. d.Provinces.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            new DealTotal(d.Total, Precision(d.Precision), d.PrecisionWording),
            [.. parties[d.Id].OrderBy(p => p.MunicipalityCode, StringComparer.Ordinal).Select(p => new DealParty(
                new MunicipalityCode(p.MunicipalityCode),
                municipalities[p.MunicipalityCode].Name,
                new ProvinceCode(municipalities[p.MunicipalityCode].ProvinceCode),
                Certainty(p.Certainty),
                p.Source))],
            [.. numbers[d.Id].OrderBy(n => n.MunicipalityCode, StringComparer.Ordinal).Select(n => new PublishedNumber(new MunicipalityCode(n.MunicipalityCode), n.Homes, n.Source))],
            d.SplitSource is null ? null : new DealSplit(d.SocialRent, d.MiddleRent, d.AffordablePurchase, d.AffordableTotal, d.SplitSource, d.SplitQuote ?? string.Empty),
            d.PeriodFrom,
            d.PeriodTo,
            d.Source,
            d.Notes))];
    }

    private static DealTotalPrecision Precision(string code) =>
        Enum.GetValues<DealTotalPrecision>().First(p => string.Equals(DealPrecisions.Code(p), code, StringComparison.Ordinal));

    private static PartyCertainty Certainty(string code) =>
        Enum.GetValues<PartyCertainty>().First(p => string.Equals(DealPrecisions.Dutch(p), code, StringComparison.Ordinal));
}
