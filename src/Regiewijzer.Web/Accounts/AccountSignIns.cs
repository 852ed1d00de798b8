using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Accounts;

/// <summary>
/// Identity's sign-in with one change: an unknown address costs the same password-hash work as a wrong password of an
/// existing account, so the answer time does not tell which addresses have an account (account enumeration by timing).
/// </summary>
public sealed class AccountSignIns(
    UserManager<AccountRow> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AccountRow> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AccountRow>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AccountRow> confirmation)
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
            // The same verification as for an existing account, against a hash no password matches; its result is ignored.
            var hasher = UserManager.PasswordHasher;
            dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            _ = hasher.VerifyHashedPassword(Nobody, dummyHash, password ?? string.Empty);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure).ConfigureAwait(false);
    }
}
