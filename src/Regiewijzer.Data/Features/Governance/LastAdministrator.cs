using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// An organisation that has an active (not blocked) administrator keeps at least one: demoting or blocking its last
/// one is refused, so nobody can lock an organisation out of managing its own accounts (docs/rules.md, Governance).
/// </summary>
internal static class LastAdministrator
{
    /// <summary>
    /// Why taking the administrator role away from account <paramref name="accountId"/> in <paramref name="organisationIds"/>
    /// (the organisations in which it would stop being an active administrator) is refused, or null when it is allowed.
    /// <paramref name="blocking"/>: the account is blocked rather than its role lowered (only the wording differs).
    /// </summary>
    public static async Task<string?> RefusalAsync(RegiewijzerDb db, string accountId, IReadOnlyCollection<string> organisationIds, bool blocking, CancellationToken ct)
    {
        if (organisationIds.Count == 0)
        {
            return null;
        }

        var admins = await (
                from r in db.AccountRoles.AsNoTracking()
                where organisationIds.Contains(r.OrganisationId) && r.Role == AccountRole.Administrator
                join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                select new { r.OrganisationId, r.AccountId, a.DisplayName, a.LockoutEnd })
            .ToListAsync(ct).ConfigureAwait(false);
        var self = admins.FirstOrDefault(a => a.AccountId == accountId);
        if (self is null || self.LockoutEnd >= AccountAdmin.BlockedUntil)
        {
            return null; // not an active administrator: nothing is taken away
        }

        var orphaned = organisationIds
            .Where(o => !admins.Any(a => a.OrganisationId == o && a.AccountId != accountId && !(a.LockoutEnd >= AccountAdmin.BlockedUntil)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (orphaned.Count == 0)
        {
            return null;
        }

        var names = await db.Organisations.AsNoTracking().Where(o => orphaned.Contains(o.Id)).Select(o => o.Name).ToListAsync(ct).ConfigureAwait(false);
        var organisation = string.Join(" en ", names.Order(StringComparer.CurrentCulture));
        var change = blocking ? "kunt u dit account niet blokkeren" : "kunt u de rol niet verlagen";
        return $"{self.DisplayName} is de laatste beheerder van {organisation} die niet geblokkeerd is; daarom {change}. "
            + $"Maak eerst een ander account beheerder van {organisation}, anders kan niemand van {organisation} nog de eigen accounts beheren.";
    }
}
