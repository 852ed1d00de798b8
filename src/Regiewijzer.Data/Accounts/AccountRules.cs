using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Accounts;

/// <summary>
/// The account rules shared by the web app and the CLI: passwords of at least 12 characters without composition rules
/// (NIST SP 800-63B), unique e-mail addresses as user names, and lockout after repeated failed sign-ins.
/// </summary>
public static class AccountRules
{
    /// <summary>Failed sign-ins before an account is locked.</summary>
    public const int DefaultMaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan DefaultLockout = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options, int maxFailedAttempts = DefaultMaxFailedAttempts, TimeSpan? lockout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = maxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = lockout ?? DefaultLockout;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The Identity store on <see cref="RegiewijzerDb"/> with Dutch error messages.</summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services, Action<IdentityOptions>? configure = null) =>
        services.AddIdentityCore<AccountRow>(o =>
            {
                Configure(o);
                configure?.Invoke(o);
            })
            .AddEntityFrameworkStores<RegiewijzerDb>()
            .AddErrorDescriber<DutchIdentityErrors>();
}
