using Microsoft.AspNetCore.Builder;
using Regiewijzer.Data.Database;
using Regiewijzer.Web;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// The real web app (Kestrel, the same <see cref="WebApp.BuildAsync"/> as Program.cs) on a free loopback port,
/// over a given database. Tests talk to it with a plain <see cref="HttpClient"/>.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The app's services, for tests that call a singleton (a cache) directly.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="database">The test's database.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="extraArgs">More configuration, e.g. <c>"--Accounts:SignInPerMinute", "3"</c> (later values win).</param>
    public static async Task<RunningApp> StartAsync(DatabaseOptions database, CancellationToken ct = default, params string[] extraArgs)
    {
        ArgumentNullException.ThrowIfNull(database);
        var app = await WebApp.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Database:Provider", database.Provider,
            "--Database:ConnectionString", database.ConnectionString,
            "--Logging:LogLevel:Default", "Warning",
            // Tests sign in many times from one address; the rate limit itself is tested with its default.
            "--Accounts:SignInPerMinute", "100000",
            // The monitoring is prepared at the first request, not beside the test (MonitoringWarmUpTests turns it on).
            "--Monitoring:WarmUp", "false",
            .. extraArgs,
        ]).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Urls.First(); // after start: the bound address with its real port
        return new RunningApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
