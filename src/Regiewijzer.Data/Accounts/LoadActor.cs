using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Accounts;

/// <summary>
/// The actor behind an account id, with its grants read fresh from the database on every request: a role that is
/// taken away, or an account that is locked or blocked, takes effect at once (not when a cookie expires).
/// </summary>
public static class LoadActor
{
    /// <summary>How an account is named as an actor, in the audit trail and in the records it writes: "Naam (e-mailadres)".</summary>
    public static string ActorName(string displayName, string? email) => displayName + " (" + email + ")";

    public static async Task<Actor> RunAsync(RegiewijzerDb db, string? accountId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(accountId))
        {
            return Actor.Anonymous;
        }

        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.Id, a.Email, a.DisplayName, a.LockoutEnd })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (account is null || account.LockoutEnd > now)
        {
            return Actor.Anonymous;
        }

        var grants = await (
                from r in db.AccountRoles.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                where r.AccountId == accountId
                orderby o.Id
                select new { o.Id, o.Kind, o.ProvinceCode, r.Role })
            .ToListAsync(ct).ConfigureAwait(false);
        return new Actor(
            account.Id,
            ActorName(account.DisplayName, account.Email),
            [.. grants.Select(g => new Grant(new OrganisationRef(g.Id, g.Kind, g.ProvinceCode), g.Role))]);
    }
}
