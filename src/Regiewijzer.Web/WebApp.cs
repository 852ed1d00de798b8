using System.Globalization;
using Microsoft.AspNetCore.ResponseCompression;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Web.Accounts;
using Regiewijzer.Web.Api;
using Regiewijzer.Web.Components;
using Regiewijzer.Web.Components.Pages.Overview;
using Regiewijzer.Web.Components.Pages.Progress;
using Regiewijzer.Web.Components.Pages.Regions;
using Regiewijzer.Web.Components.Pages.Regions.Scenarios;
using Regiewijzer.Web.Components.Pages.Sources;
using Regiewijzer.Web.Downloads;
using Regiewijzer.Web.Hosting;

using Regiewijzer.Web.Notifications;

namespace Regiewijzer.Web;

/// <summary>The one host: Razor pages (static SSR), downloads and the REST API. Tests start it the same way on a free port.</summary>
public static class WebApp
{
    /// <summary>Builds the app and prepares its database (migrate and seed, idempotent).</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls http://127.0.0.1:0 --Database:Provider postgres</c>.</param>
    /// <param name="configure">Extra configuration for tests.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Serve wwwroot and the npm assets from the build output in every environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        // Serve the static files exactly as the build's manifest describes them, also when running from the build output
        // (`dotnet run`, tests): fingerprinted files immutable for a year, the precompressed gzip and brotli variants, their
        // ETags and 304s. The runtime handler that would otherwise watch wwwroot sends every file with no-cache and, once a
        // file's timestamp differs from the manifest, an uncompressed "gzip" without its ETag. Turn it back on with
        // --ReloadStaticAssetsAtRuntime true to edit CSS or scripts without rebuilding.
        if (builder.Configuration["ReloadStaticAssetsAtRuntime"] is null)
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        }
        RequestLimits.Configure(builder); // body and form limits, explicit (RequestLimits.MaxBodyBytes)
        builder.AddProduction(); // proxy, HSTS, public address, health, logs, OpenTelemetry (Hosting/ProductionSetup.cs)
        configure?.Invoke(builder);

        var database = DatabaseOptions.From(
            builder.Configuration["Database:Provider"] ?? builder.Configuration["REGIEWIJZER_DB_PROVIDER"],
            builder.Configuration["Database:ConnectionString"] ?? builder.Configuration["REGIEWIJZER_DB"]);
        builder.Services.AddSingleton(database);
        builder.Services.AddScoped<RegiewijzerDb>(sp =>
        {
            var db = sp.GetRequiredService<DatabaseOptions>().CreateContext();
            db.Actor = Accounts.AuditActors.Of(sp.GetService<IHttpContextAccessor>()?.HttpContext?.User); // the audit trail's "who"
            db.Changes = sp.GetRequiredService<DataChangeSignal>(); // the one write signal: ReadModelEviction listens
            return db;
        });
        builder.Services.AddSingleton<DataChangeSignal>();
        builder.Services.AddSingleton<ReadModelEviction>();
        builder.Services.AddSingleton<DataVersionWatch>(); // changes stored by other instances or the CLI: seen on the next request
        builder.Services.AddHostedService<Hosting.DesignationDates>(); // a designation dated in the future takes effect on its date
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CountryCache>();
        builder.Services.AddSingleton<MonitoringCache>();
        builder.Services.AddSingleton<Hosting.MonitoringWarmUp>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Hosting.MonitoringWarmUp>()); // the nation's monitoring ready before the first visitor
        builder.Services.AddOutputCache(o => o.AddPolicy(ReferencePages.Policy, ReferencePages.Configure));

        builder.AddNotifications(); // Mijn Regiewijzer: notifications, the mail outbox, sign-in visits (Notifications/)
        builder.AddAccounts(); // Identity (cookie for pages, bearer token for the API), lockout, sign-in rate limit, OIDC by configuration
        builder.Services.AddRazorComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddApi(); // OpenAPI document, CORS, JSON options of /api/v1
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        // Pages are compressed per response: "optimal" (gzip 6, brotli 4) rather than the default "fastest" makes the
        // overview with its map (inline SVG, about 250 KB) about a third smaller for a millisecond or two more.
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);

        var app = builder.Build();
        app.Services.GetRequiredService<DataChangeSignal>().Listen(app.Services.GetRequiredService<DataVersionWatch>().OnStoredAsync);
        app.UseNotifications(); // the pump listens to the same write signal
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
            var report = await DatabaseSetup.MigrateAndSeedAsync(db).ConfigureAwait(false);
            StartupLog.Prepared(app.Logger, database, report.AppliedMigrations.Count, report.Seeded, (long)report.SeedTime.TotalMilliseconds);
            await app.Services.GetRequiredService<DataVersionWatch>().StartAsync(db, CancellationToken.None).ConfigureAwait(false);
        }

        app.UseProductionFront(); // forwarded headers from known proxies (the real client and scheme), request logging if on
        app.UseSecurityHeaders(); // CSP, nosniff, Referrer-Policy, X-Frame-Options on every response (SecurityHeaders.cs)
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseDatabaseOutage(); // the database went away: 503 with Retry-After (Dutch page or problem+json), not 500

        app.UseResponseCompression();
        app.UseApi(); // API-Version header, problem+json for every error, no trailing slashes (Api/ApiConventions.cs)
        app.UseRequestLimits(); // a Dutch 413/400 page or problem for a body above RequestLimits.MaxBodyBytes or a form that cannot be read
        // Pages get a Dutch HTML error page; the API answers with application/problem+json (see Api/).
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), a => a.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true));
        app.UseRouting(); // after the status-code pages, so a re-executed request (/niet-gevonden) is routed again
        app.UseCors(); // between routing and the endpoints: the API's endpoints carry the CORS policy
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // sign-in attempts per address (Accounts/AccountSetup.cs)
        app.UseOutputCache(); // after authentication: signed-in requests are never served from or stored in the cache // only pages marked [OutputCache(PolicyName = ReferencePages.Policy)]
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealth(); // /health/live, /health/ready
        app.MapApi();
        app.MapAccounts();
        app.MapDownloads(CountryDownloads.Map, RegionDownloads.Map, ScenarioDownloads.Map, SourceDownloads.Map, ProgressDownloads.Map);
        app.MapRazorComponents<App>();
        return app;
    }
}

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database}: {Migrations} migrations applied, seeded: {Seeded} ({SeedMs} ms)")]
    public static partial void Prepared(ILogger logger, DatabaseOptions database, int migrations, bool seeded, long seedMs);
}
