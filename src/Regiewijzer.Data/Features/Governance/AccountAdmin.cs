using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>One role of one account as the administration page lists it.</summary>
public sealed record AccountLine(
    string AccountId, string Name, string Email, string OrganisationId, string OrganisationName, OrganisationKind Kind,
    int RoleId, AccountRole Role, int RoleVersion, DateTimeOffset? LockedUntil)
{
    /// <summary>Blocked by an administrator (locked until far in the future), not merely locked after failed sign-ins.</summary>
    public bool Blocked => LockedUntil >= AccountAdmin.BlockedUntil;
}

/// <summary>
/// Account administration (issue 6): an organisation's administrators manage its accounts, the Rijk's administrators
/// every organisation's (<see cref="Permissions.CanManageAccounts"/>). Every change goes through the audited
/// <see cref="RegiewijzerDb"/> (the trail leaves out password hashes and stamps).
/// </summary>
public static class AccountAdmin
{
    /// <summary>A blocked account is locked until this moment (Identity's lockout; sign-in and bearer tokens refuse it).</summary>
    public static readonly DateTimeOffset BlockedUntil = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The accounts (one line per role) of every organisation the actor manages, by organisation and name.</summary>
    public static async Task<Outcome<IReadOnlyList<AccountLine>>> ListAsync(RegiewijzerDb db, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var managed = Managed(actor);
        if (managed.Count == 0 && !IsRijkAdministrator(actor))
        {
            return Outcome<IReadOnlyList<AccountLine>>.Forbidden("Alleen beheerders van een organisatie beheren accounts.");
        }

        var lines = await LinesAsync(db, IsRijkAdministrator(actor) ? null : managed, null, ct).ConfigureAwait(false);
        return Outcome<IReadOnlyList<AccountLine>>.Ok([.. lines.OrderBy(l => l.OrganisationId, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.CurrentCulture)]);
    }

    /// <summary>The organisation new accounts of this actor belong to by default (its own), or null when it manages none.</summary>
    public static string? HomeOrganisation(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganisationsWith(AccountRole.Administrator).Select(o => o.Id).FirstOrDefault();
    }

    public static bool IsRijkAdministrator(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganisationsWith(AccountRole.Administrator).Any(o => o.Kind == OrganisationKind.Rijk);
    }

    /// <summary>Creates an account with one role (see <see cref="CreateAccount"/>) in an organisation the actor manages.</summary>
    public static async Task<Outcome<string>> CreateAsync(
        UserManager<AccountRow> users, RegiewijzerDb db, Actor actor, AccountInput input, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var organisation = (input.Organisation ?? string.Empty).Trim().ToUpperInvariant();
        if (!Permissions.CanManageAccounts(actor, organisation))
        {
            return Outcome<string>.Forbidden($"U beheert de accounts van organisatie '{organisation}' niet.");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(new(nameof(AccountInput.Email), "Vul een e-mailadres in."));
        }

        if (!RoleNames.TryParse(input.Role, out var role))
        {
            errors.Add(new(nameof(AccountInput.Role), "Kies een rol: lezer, bewerker of beheerder."));
        }

        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }

        AuditActing.For(db, actor, organisation);
        var created = await CreateAccount.RunAsync(users, db, input.Email!, input.Name ?? string.Empty, input.Password ?? string.Empty, organisation, role, now, ct).ConfigureAwait(false);
        return created.Created
            ? Outcome<string>.Ok(created.AccountId!)
            : Outcome<string>.Invalid([.. created.Errors.Select(e => new FieldError(FieldOf(e), e))]);
    }

    /// <summary>
    /// Changes one role if it is still at the version the administrator saw; never one's own role (no lock-out of oneself),
    /// never the last active administrator's of an organisation (<see cref="LastAdministrator"/>).
    /// </summary>
    public static async Task<Outcome<AccountLine>> ChangeRoleAsync(RegiewijzerDb db, Actor actor, int roleId, string? role, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.AccountRoles.FirstOrDefaultAsync(r => r.Id == roleId, ct).ConfigureAwait(false);
        if (row is null || !Permissions.CanManageAccounts(actor, row.OrganisationId))
        {
            return row is null ? Outcome<AccountLine>.NotFound("Deze rol bestaat niet (meer).") : Outcome<AccountLine>.Forbidden("U beheert de accounts van deze organisatie niet.");
        }

        if (row.AccountId == actor.Id)
        {
            return Outcome<AccountLine>.Invalid("Role", "U kunt uw eigen rol niet wijzigen; vraag een andere beheerder.");
        }

        if (!RoleNames.TryParse(role, out var wanted))
        {
            return Outcome<AccountLine>.Invalid("Role", "Kies een rol: lezer, bewerker of beheerder.");
        }

        if (row.Version != version)
        {
            return Outcome<AccountLine>.Conflict("Iemand anders heeft deze rol intussen gewijzigd.", await LineAsync(db, roleId, ct).ConfigureAwait(false));
        }

        if (row.Role == AccountRole.Administrator && wanted != AccountRole.Administrator &&
            await LastAdministrator.RefusalAsync(db, row.AccountId, [row.OrganisationId], blocking: false, ct).ConfigureAwait(false) is { } last)
        {
            return Outcome<AccountLine>.Invalid("Role", last);
        }

        AuditActing.For(db, actor, row.OrganisationId);
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.Role = wanted;
        if (await db.Accounts.FirstOrDefaultAsync(a => a.Id == row.AccountId, ct).ConfigureAwait(false) is { } account)
        {
            NewStamp(account); // the account's cookies and tokens end at once (AccountSetup checks the stamp on every request)
        }

        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            return Outcome<AccountLine>.Conflict("Iemand anders heeft deze rol intussen gewijzigd.", await LineAsync(db, roleId, ct).ConfigureAwait(false));
        }

        return Outcome<AccountLine>.Ok((await LineAsync(db, roleId, ct).ConfigureAwait(false))!);
    }

    /// <summary>
    /// Blocks (locked until <see cref="BlockedUntil"/>) or unblocks an account whose every organisation the actor manages;
    /// never oneself, never an organisation's last active administrator (<see cref="LastAdministrator"/>).
    /// </summary>
    public static async Task<Outcome<string>> SetBlockedAsync(UserManager<AccountRow> users, RegiewijzerDb db, Actor actor, string accountId, bool blocked, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var (account, refused) = await ManagedAccountAsync(users, db, actor, accountId, ct).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        if (blocked)
        {
            var administered = await db.AccountRoles.AsNoTracking().Where(r => r.AccountId == accountId && r.Role == AccountRole.Administrator)
                .Select(r => r.OrganisationId).ToListAsync(ct).ConfigureAwait(false);
            if (await LastAdministrator.RefusalAsync(db, accountId, administered, blocking: true, ct).ConfigureAwait(false) is { } last)
            {
                return Outcome<string>.Invalid("Account", last);
            }
        }

        await users.SetLockoutEnabledAsync(account!, true).ConfigureAwait(false);
        if (blocked)
        {
            NewStamp(account!); // saved with the lockout: the account's cookies and tokens end at once
        }

        var result = await users.SetLockoutEndDateAsync(account!, blocked ? BlockedUntil : null).ConfigureAwait(false);
        if (result.Succeeded && !blocked)
        {
            await users.ResetAccessFailedCountAsync(account!).ConfigureAwait(false);
        }

        return result.Succeeded ? Outcome<string>.Ok(account!.Id) : Outcome<string>.Invalid("Account", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Sets a new password (same rules as a new account: at least 12 characters) and signs the account out everywhere (new security stamp).</summary>
    public static async Task<Outcome<string>> ResetPasswordAsync(UserManager<AccountRow> users, RegiewijzerDb db, Actor actor, string accountId, string? password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var (account, refused) = await ManagedAccountAsync(users, db, actor, accountId, ct).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account!, password ?? string.Empty).ConfigureAwait(false);
            errors.AddRange(check.Errors.Select(e => new FieldError("Password", e.Description)));
        }

        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }

        account!.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
        await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        return Outcome<string>.Ok(account.Id);
    }

    private static async Task<(AccountRow? Account, Outcome<string>? Refused)> ManagedAccountAsync(
        UserManager<AccountRow> users, RegiewijzerDb db, Actor actor, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var account = await users.FindByIdAsync(accountId).ConfigureAwait(false);
        if (account is null)
        {
            return (null, Outcome<string>.NotFound("Dit account bestaat niet (meer)."));
        }

        var organisations = await db.AccountRoles.AsNoTracking().Where(r => r.AccountId == accountId).Select(r => r.OrganisationId).ToListAsync(ct).ConfigureAwait(false);
        if (organisations.Count == 0 ? !IsRijkAdministrator(actor) : !organisations.All(o => Permissions.CanManageAccounts(actor, o)))
        {
            return (null, Outcome<string>.Forbidden("U beheert dit account niet: het heeft een rol in een organisatie die u niet beheert."));
        }

        if (account.Id == actor.Id)
        {
            return (null, Outcome<string>.Invalid("Account", "Dit is uw eigen account; vraag een andere beheerder (uw wachtwoord wijzigen: vraag een nieuw wachtwoord aan een andere beheerder)."));
        }

        AuditActing.For(db, actor, organisations.Order(StringComparer.Ordinal).FirstOrDefault() ?? HomeOrganisation(actor));
        return (account, null);
    }

    /// <summary>A new security stamp (as Identity's UpdateSecurityStampAsync): every cookie and bearer token issued before is refused.</summary>
    private static void NewStamp(AccountRow account)
    {
        account.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private static List<string> Managed(Actor actor) => [.. actor.OrganisationsWith(AccountRole.Administrator).Select(o => o.Id)];

    private static async Task<List<AccountLine>> LinesAsync(RegiewijzerDb db, List<string>? organisations, int? roleId, CancellationToken ct)
    {
        var roles = db.AccountRoles.AsNoTracking();
        if (organisations is not null)
        {
            roles = roles.Where(r => organisations.Contains(r.OrganisationId));
        }

        if (roleId is { } id)
        {
            roles = roles.Where(r => r.Id == id);
        }

        var rows = await (
                from r in roles
                join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                select new { a.Id, a.DisplayName, a.Email, OrganisationId = o.Id, o.Name, o.Kind, RoleId = r.Id, r.Role, r.Version, a.LockoutEnd })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(x => new AccountLine(x.Id, x.DisplayName, x.Email ?? "", x.OrganisationId, x.Name, x.Kind, x.RoleId, x.Role, x.Version, x.LockoutEnd))];
    }

    private static async Task<AccountLine?> LineAsync(RegiewijzerDb db, int roleId, CancellationToken ct) =>
        (await LinesAsync(db, null, roleId, ct).ConfigureAwait(false)).FirstOrDefault();

    private static string FieldOf(string error) =>
        error.Contains("wachtwoord", StringComparison.OrdinalIgnoreCase) ? nameof(AccountInput.Password)
        : error.Contains("e-mail", StringComparison.OrdinalIgnoreCase) ? nameof(AccountInput.Email)
        : error.Contains("organisatie", StringComparison.OrdinalIgnoreCase) ? nameof(AccountInput.Organisation)
        : nameof(AccountInput.Name);
}

/// <summary>A new account as the administration form posts it.</summary>
public sealed class AccountInput
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Organisation { get; set; }

    /// <summary>"lezer", "bewerker" or "beheerder".</summary>
    public string? Role { get; set; }

    public string? Password { get; set; }
}
