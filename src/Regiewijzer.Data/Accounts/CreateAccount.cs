using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Accounts;

/// <summary>Creates a local account with one role in one organisation (the CLI's first administrator, the admin pages).</summary>
public static class CreateAccount
{
    /// <summary>The new account's id, or the Dutch reasons it was not created (nothing is stored then).</summary>
    public sealed record Result(string? AccountId, IReadOnlyList<string> Errors)
    {
        public bool Created => AccountId is not null;
    }

    /// <summary>As the other overload, with <paramref name="actor"/> (the operator at the command line) as the audit trail's "who".</summary>
    public static Task<Result> RunAsync(
        Actor actor, UserManager<AccountRow> users, RegiewijzerDb db, string email, string displayName, string password,
        string organisationId, AccountRole role, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Features.Governance.AuditActing.For(db, actor, null);
        return RunAsync(users, db, email, displayName, password, organisationId, role, now, ct);
    }

    public static async Task<Result> RunAsync(
        UserManager<AccountRow> users, RegiewijzerDb db, string email, string displayName, string password,
        string organisationId, AccountRole role, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new List<string>();
        email = email.Trim();
        displayName = displayName.Trim();
        if (displayName.Length is 0 or > 200)
        {
            errors.Add("Geef een naam van 1 tot 200 tekens.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct).ConfigureAwait(false))
        {
            errors.Add($"Onbekende organisatie '{organisationId}': gebruik RIJK, een provinciecode (PV26) of een gemeentecode (GM0228).");
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, null!, password).ConfigureAwait(false);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var account = new AccountRow { UserName = email, Email = email, DisplayName = displayName, CreatedAt = now, EmailConfirmed = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var created = await users.CreateAsync(account, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return new Result(null, [.. created.Errors.Select(e => e.Description)]);
        }

        db.AccountRoles.Add(new AccountRoleRow { AccountId = account.Id, OrganisationId = organisationId, Role = role });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Result(account.Id, []);
    }
}
