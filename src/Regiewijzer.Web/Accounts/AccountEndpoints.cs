using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;
using Regiewijzer.Web.Api;

namespace Regiewijzer.Web.Accounts;

/// <summary>Sign-out (form POST with antiforgery), OpenID Connect sign-in, and the API's token sign-in and "who am I".</summary>
public static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        // The handler has no form parameters, so nothing would refuse a missing token: it validates the token itself (CSRF).
        app.MapPost("/afmelden", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AccountRow> signIns) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.BadRequest();
            }

            await signIns.SignOutAsync().ConfigureAwait(false);
            return Results.Redirect("/");
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/aanmelden/extern", (string? returnUrl, SignInManager<AccountRow> signIns) =>
        {
            var properties = signIns.ConfigureExternalAuthenticationProperties(AccountSetup.OidcScheme, "/aanmelden/extern/terug?returnUrl=" + Uri.EscapeDataString(LocalPaths.Safe(returnUrl)));
            return Results.Challenge(properties, [AccountSetup.OidcScheme]);
        }).ExcludeFromDescription();

        app.MapGet("/aanmelden/extern/terug", ExternalCallbackAsync).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithTags("Accounts");
        api.MapPost("/aanmelden", TokenAsync)
            .WithName("aanmelden")
            .WithSummary("Aanmelden: een bearer token voor de API")
            .WithDescription("Geef e-mailadres en wachtwoord; het antwoord bevat accessToken (1 uur geldig) voor de header Authorization: Bearer. " +
                             "Na herhaald mislukte pogingen wordt het account tijdelijk geblokkeerd (423), en per adres geldt een limiet (429).");
        api.MapGet("/ik", MeAsync).RequireSignIn().WithName("ikOphalen").WithSummary("Wie ben ik: het aangemelde account met zijn rollen per organisatie");
    }

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record MeResource(string Id, string Name, IReadOnlyList<GrantResource> Roles);

    public sealed record GrantResource(string Organisation, string Kind, string Role);

    private static async Task<IResult> TokenAsync([FromBody] TokenRequest request, SignInManager<AccountRow> signIns, HttpContext http)
    {
        signIns.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIns.PasswordSignInAsync(request.Email?.Trim() ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Results.Empty; // the bearer handler has written the token
        }

        return result.IsLockedOut
            ? Problems.Status(http, Problems.LockedType, "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw.")
            : Problems.Status(http, Problems.SignInFailedType, "E-mailadres of wachtwoord klopt niet.");
    }

    private static async Task<IResult> MeAsync(CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new MeResource(actor.Id, actor.Name,
            [.. actor.Grants.Select(g => new GrantResource(g.Organisation.Id, RoleNames.Dutch(g.Organisation.Kind), RoleNames.Dutch(g.Role)))]));
    }

    /// <summary>
    /// Back from the identity provider: sign in the local account linked to this external login, or the account
    /// with the same (verified) e-mail address, which is then linked. Nobody gets an account by signing in: an
    /// administrator creates it first, with its roles.
    /// </summary>
    private static async Task<IResult> ExternalCallbackAsync(string? returnUrl, SignInManager<AccountRow> signIns, UserManager<AccountRow> users, HttpContext http)
    {
        var info = await signIns.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            return Results.Redirect("/aanmelden");
        }

        var signedIn = await signIns.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true).ConfigureAwait(false);
        if (!signedIn.Succeeded && !signedIn.IsLockedOut && info.Principal.FindFirstValue(ClaimTypes.Email) is { } email &&
            await users.FindByEmailAsync(email).ConfigureAwait(false) is { } account)
        {
            await users.AddLoginAsync(account, info).ConfigureAwait(false);
            await signIns.SignInAsync(account, isPersistent: false, info.LoginProvider).ConfigureAwait(false);
            signedIn = Microsoft.AspNetCore.Identity.SignInResult.Success;
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme).ConfigureAwait(false);
        return signedIn.Succeeded ? Results.Redirect(LocalPaths.Safe(returnUrl)) : Results.Redirect("/geen-toegang");
    }
}
