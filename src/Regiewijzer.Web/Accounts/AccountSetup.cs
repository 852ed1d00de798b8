using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Regiewijzer.Data.Accounts;

namespace Regiewijzer.Web.Accounts;

/// <summary>
/// Sign-in for pages (Identity cookie) and for the API (bearer tokens from POST /api/v1/aanmelden), lockout and a
/// per-address rate limit on sign-in, and OpenID Connect when configured (section Authentication:Oidc).
/// The API never accepts the cookie: a cross-site page cannot make a browser send an authenticated API call (CSRF).
/// </summary>
public static class AccountSetup
{
    public const string Scheme = "regiewijzer";
    public const string OidcScheme = "oidc";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddHttpContextAccessor();
        // Cookies and API tokens are protected with the Data Protection key ring. By default it lives in the database, so
        // every instance on one database shares it (a cookie from one instance works on the others); a folder can be
        // chosen instead (DataProtection:KeysDirectory).
        var protection = services.AddDataProtection().SetApplicationName("Regiewijzer");
        if (config["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        else
        {
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new Hosting.DatabaseKeyRing(scopes));
        }

        services.AddScoped<CurrentActor>();
        services.AddSingleton<UnknownAddressLockouts>();
        services.AddCascadingAuthenticationState();
        services.AddAccountStore(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Accounts:MaxFailedAttempts", AccountRules.DefaultMaxFailedAttempts);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Accounts:LockoutMinutes", AccountRules.DefaultLockout.TotalMinutes));
            })
            .AddSignInManager<AccountSignIns>() // unknown addresses cost the same hash work as wrong passwords
            .AddDefaultTokenProviders();

        // A new security stamp (password reset, role change, blocking) ends the account's sessions at once: the cookie's
        // stamp is checked on every request (not every 30 minutes), and a bearer token's in ValidateBearerStampAsync.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie (pagina's) of bearer token (API)", o => o.ForwardDefaultSelector = c =>
                c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = ValidateBearerStampAsync;
            });
        authentication.AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
        {
            o.Cookie.Name = "regiewijzer";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/aanmelden";
            o.LogoutPath = "/afmelden";
            o.AccessDeniedPath = "/geen-toegang";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        }));

        var oidc = config.GetSection("Authentication:Oidc");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc["DisplayName"] ?? "organisatie-account", o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.CallbackPath = "/signin-oidc";
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.RequireHttpsMetadata = oidc.GetValue("RequireHttpsMetadata", true);
                o.Scope.Clear();
                foreach (var scope in (oidc["Scopes"] ?? "openid profile email").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }
            });
        }

        services.AddAuthorization();
        var perMinute = config.GetValue("Accounts:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Sign-in attempts per client address: slows down password guessing across accounts (lockout protects each account).
            // API forecasts (up to 100,000 runs each) at most two at a time, the rest queued: they use every core.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c =>
                IsSignIn(c.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "aanmelden " + (c.Connection.RemoteIpAddress?.ToString() ?? "onbekend"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : IsForecast(c.Request)
                        ? RateLimitPartition.GetConcurrencyLimiter("prognose", _ => new ConcurrencyLimiterOptions { PermitLimit = 2, QueueLimit = 16 })
                        : RateLimitPartition.GetNoLimiter(string.Empty));
        });
    }

    /// <summary>
    /// Refuses a bearer token whose account has a new security stamp since the token was issued (password reset, role
    /// change, blocking), or that no longer exists: the token handler itself checks only signature and expiry.
    /// </summary>
    private static async Task ValidateBearerStampAsync(Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext context)
    {
        const string Prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header[Prefix.Length..].Trim());
        if (ticket?.Principal.Identity?.IsAuthenticated != true)
        {
            return; // the handler refuses an unreadable or expired token itself
        }

        var signIns = context.HttpContext.RequestServices.GetRequiredService<SignInManager<Data.Model.AccountRow>>();
        if (await signIns.ValidateSecurityStampAsync(ticket.Principal).ConfigureAwait(false) is null)
        {
            context.Fail("Het token hoort bij een afgemelde sessie: het wachtwoord, de rol of de blokkade van het account is gewijzigd.");
        }
    }

    /// <summary>Whether OpenID Connect sign-in is configured.</summary>
    public static bool HasOidc(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Authentication:Oidc:Authority"]);

    private static bool IsForecast(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && request.Path.Value!.EndsWith("/prognose", StringComparison.OrdinalIgnoreCase);

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        (request.Path.Equals("/aanmelden", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/v1/aanmelden", StringComparison.OrdinalIgnoreCase));
}
