using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>One region in the overview: provinces, members and the origin of its tasks.</summary>
public sealed record RegionSummary(
    string Id,
    string Name,
    string Provinces,
    int Municipalities,
    int IndicativeMembers,
    int Task,
    int Agreed,
    int Derived,
    int WithoutTask,
    int? DealTotal,
    string DealPrecision)
{
    /// <summary>Dutch description of where the task numbers come from.</summary>
    public string Origin =>
        WithoutTask == Municipalities ? "geen opgave bekend"
        : Derived == 0 && WithoutTask == 0 ? "afgesproken"
        : Agreed == 0 && WithoutTask == 0 ? "afgeleid"
        : string.Join(", ", new[] { (Agreed, "afgesproken"), (Derived, "afgeleid"), (WithoutTask, "zonder opgave") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"));
}

/// <summary>Lists the woningbouwregio's.</summary>
public static class ListRegions
{
    public static Task<IReadOnlyList<RegionSummary>> RunAsync(RegiewijzerDb db, CancellationToken ct = default) =>
        RunAsync(db, regionId: null, ct);

    /// <summary>One region's summary (or all when <paramref name="regionId"/> is null); loads only that region's members and tasks.</summary>
    public static async Task<IReadOnlyList<RegionSummary>> RunAsync(RegiewijzerDb db, string? regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Regions.AsNoTracking().Where(r => (regionId == null && r.Members.Any()) || r.Id == regionId).OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        var memberRows = await db.Memberships.AsNoTracking().Where(m => regionId == null || m.RegionId == regionId).ToListAsync(ct).ConfigureAwait(false);
        var members = memberRows.ToLookup(m => m.RegionId, StringComparer.Ordinal);
        var codes = memberRows.Select(m => m.MunicipalityCode).ToList();
        var tasks = (await db.Tasks.AsNoTracking().Where(t => regionId == null || codes.Contains(t.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(t => t.MunicipalityCode, StringComparer.Ordinal);
        return [.. regions.Select(r =>
        {
            var ms = members[r.Id].ToList();
            var ts = ms.Select(m => tasks[m.MunicipalityCode].FirstOrDefault(t => t.PeriodFrom == r.PeriodFrom && t.PeriodTo == r.PeriodTo)).ToList();
            return new RegionSummary(
                r.Id,
                r.Name,
                r.Provinces,
                ms.Count,
                ms.Count(m => m.Indicative && m.DesignationProvince == null),
                ts.Sum(t => t?.Homes ?? 0),
                ts.Count(t => t?.Origin == TaskOrigin.Agreed),
                ts.Count(t => t?.Origin == TaskOrigin.Derived),
                ts.Count(t => t is null),
                r.DealTotal,
                r.DealPrecision);
        })];
    }
}
