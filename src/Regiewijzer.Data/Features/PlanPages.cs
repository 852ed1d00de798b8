using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>How a plan list is ordered.</summary>
public enum PlanOrder
{
    /// <summary>Plan code (ordinal), the default.</summary>
    Code,

    /// <summary>Name (Dutch alphabetical order), then code.</summary>
    Name,

    /// <summary>Planning status (1a first), then code.</summary>
    Status,

    /// <summary>First delivery year (plans without deliveries last), then code.</summary>
    Year,

    /// <summary>Homes over all years and segments, then code.</summary>
    Homes,
}

/// <summary>
/// Which plans a list shows and in which order. Null filters are off.
/// </summary>
/// <param name="Status">Only plans with this planning status code ("1a" … "4b").</param>
/// <param name="Year">Only plans with homes delivered in this year.</param>
/// <param name="Segment">Only plans with homes in this segment column (0 social rent, 1 middle rent, 2 affordable ownership, 3 free rent, 4 free ownership, 5 unknown).</param>
/// <param name="Order">The order.</param>
/// <param name="Descending">Reverse the order (ties stay by code, ascending).</param>
public sealed record PlanQuery(string? Status = null, int? Year = null, int? Segment = null, PlanOrder Order = PlanOrder.Code, bool Descending = false)
{
    /// <summary>Everything, by code.</summary>
    public static PlanQuery All { get; } = new();

    /// <summary>True when a filter is on.</summary>
    public bool Filters => Status is not null || Year is not null || Segment is not null;
}

/// <summary>One page of a municipality's plans (filtered and ordered by a <see cref="PlanQuery"/>), with the totals over all plans that pass the filters.</summary>
/// <param name="Items">The plans on this page with their deliveries (read-only), in the query's order (by default by code, ordinal).</param>
/// <param name="Total">Number of plans of the municipality that pass the filters.</param>
/// <param name="Page">This page, from 1 (clamped to the pages that exist).</param>
/// <param name="PageSize">Plans per page.</param>
/// <param name="Totals">Homes over all plans and years per segment column: social rent, middle rent, affordable ownership, free rent, free ownership, unknown.</param>
/// <param name="Shipped">How many plans come from the shipped plan capacity ~2021.</param>
/// <param name="ShippedAssumption">The assumption of the first shipped plan (all share it), or null.</param>
/// <param name="Query">The filters and order the page was made with.</param>
/// <param name="Unfiltered">Number of plans of the municipality without the filters.</param>
public sealed record PlanPage(IReadOnlyList<PlanRow> Items, int Total, int Page, int PageSize, IReadOnlyList<long> Totals, int Shipped, string? ShippedAssumption, PlanQuery? Query = null, int? Unfiltered = null)
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
/// page of <see cref="DefaultSize"/>, not megabytes. Filtered by status, delivery year and segment, ordered by code (ordinal,
/// as before paging), name, status, first year or homes; the per-plan homes and the totals are summed by the database over
/// all plans that pass the filters.
/// </summary>
public static class PlanPages
{
    /// <summary>Plans per page unless asked otherwise.</summary>
    public const int DefaultSize = 100;

    private static readonly StringComparer NameOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    /// <summary>
    /// The page <paramref name="page"/> (from 1; out of range is clamped) of <paramref name="municipality"/>'s plans that
    /// pass <paramref name="query"/>'s filters, in its order; or, when <paramref name="page"/> is null and
    /// <paramref name="containing"/> is one of them, the page with that plan.
    /// </summary>
    public static async Task<PlanPage> GetAsync(RegiewijzerDb db, string municipality, int? page, int? containing = null, int pageSize = DefaultSize, PlanQuery? query = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        query ??= PlanQuery.All;
        var code = municipality.ToUpperInvariant();
        var all = db.Plans.AsNoTracking().Where(p => p.MunicipalityCode == code);
        var plans = Filter(all, query);
        var keys = await plans.Select(p => new
        {
            p.Id,
            p.Code,
            p.Name,
            p.Status,
            p.Source,
            Homes = p.Deliveries.Sum(d => (long)d.SocialRent + d.MiddleRent + d.AffordableOwnership + d.FreeRent + d.FreeOwnership + d.UnknownSegment),
            First = p.Deliveries.Min(d => (int?)d.Year),
        }).ToListAsync(ct).ConfigureAwait(false);
        var byCode = keys.OrderBy(k => k.Code, StringComparer.Ordinal);
        var ordered = (query.Order switch
        {
            PlanOrder.Name => query.Descending ? keys.OrderByDescending(k => k.Name, NameOrder) : keys.OrderBy(k => k.Name, NameOrder),
            PlanOrder.Status => query.Descending ? keys.OrderByDescending(k => StatusRank(k.Status)) : keys.OrderBy(k => StatusRank(k.Status)),
            PlanOrder.Year => query.Descending ? keys.OrderByDescending(k => k.First ?? int.MinValue) : keys.OrderBy(k => k.First ?? int.MaxValue),
            PlanOrder.Homes => query.Descending ? keys.OrderByDescending(k => k.Homes) : keys.OrderBy(k => k.Homes),
            _ => query.Descending ? keys.OrderByDescending(k => k.Code, StringComparer.Ordinal) : byCode,
        }).ThenBy(k => k.Code, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (ordered.Count + pageSize - 1) / pageSize);
        var at = containing is { } id ? ordered.FindIndex(k => k.Id == id) : -1;
        var number = Math.Clamp(page ?? (at >= 0 ? (at / pageSize) + 1 : 1), 1, pages);
        var ids = ordered.Skip((number - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();

        var rows = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        var position = ids.Select((planId, i) => (planId, i)).ToDictionary(x => x.planId, x => x.i);
        var items = rows.OrderBy(p => position[p.Id]).ToList();

        var sums = await db.PlanDeliveries.AsNoTracking()
            .Where(d => plans.Any(p => p.Id == d.PlanId))
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
        var unfiltered = query.Filters ? await all.CountAsync(ct).ConfigureAwait(false) : ordered.Count;
        return new PlanPage(items, ordered.Count, number, pageSize, sums, shipped.Count, assumption, query, unfiltered);
    }

    private static IQueryable<PlanRow> Filter(IQueryable<PlanRow> plans, PlanQuery query)
    {
        if (query.Status is { } status)
        {
            plans = plans.Where(p => p.Status == status);
        }

        if (query.Year is { } year)
        {
            plans = plans.Where(p => p.Deliveries.Any(d => d.Year == year));
        }

        return query.Segment switch
        {
            null => plans,
            0 => plans.Where(p => p.Deliveries.Any(d => d.SocialRent > 0)),
            1 => plans.Where(p => p.Deliveries.Any(d => d.MiddleRent > 0)),
            2 => plans.Where(p => p.Deliveries.Any(d => d.AffordableOwnership > 0)),
            3 => plans.Where(p => p.Deliveries.Any(d => d.FreeRent > 0)),
            4 => plans.Where(p => p.Deliveries.Any(d => d.FreeOwnership > 0)),
            5 => plans.Where(p => p.Deliveries.Any(d => d.UnknownSegment > 0)),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Segment, "Segment 0 tot en met 5."),
        };
    }

    /// <summary>1a first, unknown codes last.</summary>
    private static int StatusRank(string code) =>
        Regiewijzer.Core.Monitoring.PlanningStatuses.TryParse(code, out var s) ? (int)s : int.MaxValue;
}
