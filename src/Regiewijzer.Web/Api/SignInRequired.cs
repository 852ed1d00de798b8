using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The one sign-in check of the API's write groups (and of the downloads and reads that need an account): a request
/// whose actor is not an account (no token, an expired or revoked token, an account that is blocked or locked, see
/// <see cref="Data.Accounts.LoadActor"/>) gets 401 niet-aangemeld before the handler runs. The same rule as
/// <see cref="Outcomes.ToApi"/>: not signed in is 401, signed in without the role is 403.
/// </summary>
internal static class SignInRequired
{
    /// <summary>Every endpoint of <paramref name="builder"/> needs a signed-in account: 401 problem+json otherwise.</summary>
    public static TBuilder RequireSignIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await IsSignedInAsync(context.HttpContext).ConfigureAwait(false) ? await next(context).ConfigureAwait(false) : Problems.NotSignedIn(context.HttpContext));

    /// <summary>For a browser address (a download): not signed in sends the browser to the sign-in page.</summary>
    public static TBuilder RequireSignInPage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await IsSignedInAsync(context.HttpContext).ConfigureAwait(false) ? await next(context).ConfigureAwait(false) : Results.Challenge());

    private static async Task<bool> IsSignedInAsync(HttpContext http) =>
        (await http.RequestServices.GetRequiredService<CurrentActor>().GetAsync(http.RequestAborted).ConfigureAwait(false)).IsAuthenticated;

    /// <summary>
    /// Whether the request is signed in: the request's actor is an account (once loaded; before that, the
    /// authentication cookie or token).
    /// </summary>
    public static bool IsSignedIn(HttpContext http) =>
        http.RequestServices.GetService<CurrentActor>()?.Loaded is { } actor ? actor.IsAuthenticated : http.User.Identity?.IsAuthenticated == true;
}
