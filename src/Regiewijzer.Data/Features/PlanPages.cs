using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>One page of a municipality's plans (ordered by code), with the totals over all its plans.</summary>
/// <param name="Items">The plans on this page with their deliveries (read-only), ordered by code (ordinal).</param>
/// <param name="Total">Number of plans of the municipality.</param>
/// <param name="Page">This page, from 1 (clamped to the pages that exist).</param>
/// <param name="PageSize">Plans per page.</param>
/// <param name="Totals">Homes over all plans and years per segment column: social rent, middle rent, affordable ownership, free rent, free ownership, unknown.</param>
/// <param name="Shipped">How many plans come from the shipped plan capacity ~2021.</param>
/// <param name="ShippedAssumption">The assumption of the first shipped plan (all share it), or null.</param>
public sealed record PlanPage(IReadOnlyList<PlanRow> Items, int Total, int Page, int PageSize, IReadOnlyList<long> Totals, int Shipped, string? ShippedAssumption)
{
    /// <summary>Number of pages, at least 1.</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Position (from 1) of the first plan on this page; 0 when there are none.</summary>
    public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    /// <summary>Position of the last plan on this page.</summary>
    public int Last => (Page - 1) * PageSize + Items.Count;
}

/// <summary>
/// The plans of a municipality a page at a time (the web list): a municipality with tens of thousands of plans gives a
/// page of <see cref="DefaultSize"/>, not megabytes. The order is the plan code (ordinal, as before paging), the totals are
/// summed by the database over all plans.
/// </summary>
public static class PlanPages
{
    /// <summary>Plans per page unless asked otherwise.</summary>
    public const int DefaultSize = 100;

    /// <summary>
    /// The page <paramref name="page"/> (from 1; out of range is clamped) of <paramref name="municipality"/>'s plans, or,
    /// when <paramref name="page"/> is null and <paramref name="containing"/> is a plan of the municipality, the page with that plan.
    /// </summary>
    public static async Task<PlanPage> GetAsync(RegiewijzerDb db, string municipality, int? page, int? containing = null, int pageSize = DefaultSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var code = municipality.ToUpperInvariant();
        var keys = await db.Plans.AsNoTracking().Where(p => p.MunicipalityCode == code)
            .Select(p => new { p.Id, p.Code, p.Source }).ToListAsync(ct).ConfigureAwait(false);
        var ordered = keys.OrderBy(k => k.Code, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (ordered.Count + pageSize - 1) / pageSize);
        var at = containing is { } id ? ordered.FindIndex(k => k.Id == id) : -1;
        var number = Math.Clamp(page ?? (at >= 0 ? (at / pageSize) + 1 : 1), 1, pages);
        var ids = ordered.Skip((number - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();

        var rows = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        var items = rows.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();

        var sums = await db.PlanDeliveries.AsNoTracking()
            .Where(d => db.Plans.Any(p => p.Id == d.PlanId && p.MunicipalityCode == code))
            .GroupBy(d => 1)
            .Select(g => new[]
            {
                g.Sum(d => (long)d.SocialRent), g.Sum(d => (long)d.MiddleRent), g.Sum(d => (long)d.AffordableOwnership),
                g.Sum(d => (long)d.FreeRent), g.Sum(d => (long)d.FreeOwnership), g.Sum(d => (long)d.UnknownSegment),
            })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? new long[6];

        var shipped = ordered.Where(k => EditPlans.IsShippedSource(k.Source)).Select(k => k.Id).ToList();
        var assumption = shipped.Count == 0
            ? null
            : await db.Plans.AsNoTracking().Where(p => p.Id == shipped[0]).Select(p => p.Assumption).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new PlanPage(items, ordered.Count, number, pageSize, sums, shipped.Count, assumption);
    }
}
