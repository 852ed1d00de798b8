using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Accounts;

/// <summary>
/// Identity's sign-in with two changes, so that neither the answer nor its time tells which addresses have an account
/// (account enumeration): an unknown address and a locked account cost the same password-hash work as a wrong password
/// of an existing account, and an unknown address is "locked" after as many failures as a real account
/// (<see cref="UnknownAddressLockouts"/>).
/// </summary>
public sealed class AccountSignIns(
    UserManager<AccountRow> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AccountRow> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AccountRow>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AccountRow> confirmation,
    UnknownAddressLockouts unknownAddresses)
    : SignInManager<AccountRow>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash made by the app's hasher (same algorithm and iterations as real ones) of a password nobody has.</summary>
    private static readonly AccountRow Nobody = new() { DisplayName = string.Empty };

    private static string? dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName).ConfigureAwait(false);
        if (user is null)
        {
            VerifyAgainstNobody(password);
            var locked = lockoutOnFailure ? unknownAddresses.Fail(userName) : unknownAddresses.IsLocked(userName);
            return locked ? SignInResult.LockedOut : SignInResult.Failed;
        }

        if (await UserManager.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            // Identity answers a locked account before it checks the password: spend the same time as for the others.
            VerifyAgainstNobody(password);
            return SignInResult.LockedOut;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure).ConfigureAwait(false);
    }

    /// <summary>The same verification as for an existing account, against a hash no password matches; its result is ignored.</summary>
    private void VerifyAgainstNobody(string? password)
    {
        var hasher = UserManager.PasswordHasher;
        dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, dummyHash, password ?? string.Empty);
    }
}
