using Microsoft.EntityFrameworkCore;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Which plans changed since a reader last looked (<see cref="Model.PlanChangeRow"/>). Database triggers on
/// <c>plans</c> and <c>plan_deliveries</c> give a plan a new, higher number with every insert, update or delete of the
/// plan or one of its deliveries, inside the writing transaction, whoever writes. On PostgreSQL the writers of plans
/// take their turn (a transaction-level lock taken before the first plan row is written), so the numbers rise in the
/// order the changes are committed and a reader that saw number n never misses a later commit with a lower one; SQLite
/// has one writer at a time anyway.
/// </summary>
public static class PlanChanges
{
    public const string Table = "plan_changes";

    /// <summary>The highest number so far; 0 before any plan was written.</summary>
    public static async Task<long> LatestAsync(RegiewijzerDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PlanChanges.MaxAsync(c => (long?)c.Seq, ct).ConfigureAwait(false) ?? 0;
    }

    /// <summary>
    /// The plans changed after number <paramref name="since"/> with the highest number among them (or
    /// <paramref name="since"/> when none changed); null when more than <paramref name="limit"/> changed (read them all).
    /// </summary>
    public static async Task<(IReadOnlyList<int> Plans, long Latest)?> SinceAsync(RegiewijzerDb db, long since, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PlanChanges.AsNoTracking().Where(c => c.Seq > since).OrderBy(c => c.Seq).Take(limit + 1)
            .Select(c => new { c.PlanId, c.Seq }).ToListAsync(ct).ConfigureAwait(false);
        if (rows.Count > limit)
        {
            return null;
        }

        return ([.. rows.Select(r => r.PlanId)], rows.Count == 0 ? since : rows[^1].Seq);
    }
}
