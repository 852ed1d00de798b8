using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// Read-only queries of the reference data that pages, endpoints and downloads show as they are (provinces, a region's
/// members, a municipality's plans and realisations): the one place in which Web's loaders reach the database.
/// </summary>
public static class ReferenceQueries
{
    /// <summary>Every province, by code.</summary>
    public static async Task<IReadOnlyList<ProvinceRow>> ProvincesAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One province by code (PV25, any case), or null.</summary>
    public static Task<ProvinceRow?> ProvinceAsync(RegiewijzerDb db, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(code);
        var key = code.Trim().ToUpperInvariant();
        return db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == key, ct);
    }

    /// <summary>The stored id of a region (any case, spaces around it ignored), or null when there is none.</summary>
    public static Task<string?> RegionIdAsync(RegiewijzerDb db, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(id);
        var key = id.Trim().ToUpperInvariant();
        return db.Regions.AsNoTracking().Where(r => r.Id == key).Select(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A municipality (with its province) and its newest stock row, or null when either is not stored.</summary>
    public static async Task<(MunicipalityRow Municipality, StockRow Stock)?> MunicipalityStockAsync(RegiewijzerDb db, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var municipality = await db.Municipalities.AsNoTracking().Include(m => m.Province).FirstOrDefaultAsync(m => m.Code == code, ct).ConfigureAwait(false);
        if (municipality is null)
        {
            return null;
        }

        var stock = await db.Stock.AsNoTracking().Where(s => s.MunicipalityCode == code).OrderByDescending(s => s.ReferenceYear).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return stock is null ? null : (municipality, stock);
    }

    /// <summary>The codes of the municipalities that lie in a province.</summary>
    public static async Task<IReadOnlySet<string>> MunicipalitiesInProvinceAsync(RegiewijzerDb db, string provinceCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(provinceCode);
        var key = provinceCode.Trim().ToUpperInvariant();
        var codes = await db.Municipalities.AsNoTracking().Where(m => m.ProvinceCode == key).Select(m => m.Code).ToListAsync(ct).ConfigureAwait(false);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A region's memberships with their municipalities.</summary>
    public static async Task<IReadOnlyList<RegionMembershipRow>> MembersAsync(RegiewijzerDb db, string regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(regionId);
        return await db.Memberships.AsNoTracking().Include(m => m.Municipality).Where(m => m.RegionId == regionId).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A municipality's plans with their deliveries, by name then code; null when there is no such municipality.</summary>
    public static async Task<IReadOnlyList<PlanRow>?> PlansAsync(RegiewijzerDb db, string municipality, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(municipality);
        var key = municipality.Trim().ToUpperInvariant();
        if (!await db.Municipalities.AsNoTracking().AnyAsync(m => m.Code == key, ct).ConfigureAwait(false))
        {
            return null;
        }

        var rows = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.MunicipalityCode == key).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>A municipality's realisations, by year; null when there is no such municipality.</summary>
    public static async Task<IReadOnlyList<RealisationRow>?> RealisationsAsync(RegiewijzerDb db, string municipality, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(municipality);
        var key = municipality.Trim().ToUpperInvariant();
        if (!await db.Municipalities.AsNoTracking().AnyAsync(m => m.Code == key, ct).ConfigureAwait(false))
        {
            return null;
        }

        var rows = await db.Realisations.AsNoTracking().Where(r => r.MunicipalityCode == key).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Year)];
    }
}
