using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Regiewijzer.Data.Telemetry;
using Regiewijzer.IntegrationTests.Web;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Issue 17, observability: logs at Warning by default (before: every request at Information, 971 MB in 2 minutes of
/// load), health endpoints and Regiewijzer's own counters.
/// </summary>
public sealed class ObservabilityTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LogLevel_DefaultIsWarning_RequestsAreNotLogged_StartupIs()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        // The app as Program.cs builds it: no logging arguments (RunningApp sets none of the log levels this test checks).
        var app = await WebApp.BuildAsync(["--urls", "http://127.0.0.1:0", "--Database:Provider", db.Options.Provider, "--Database:ConnectionString", db.Options.ConnectionString]);
        await using (app)
        {
            var logs = app.Services.GetRequiredService<ILoggerFactory>();

            Assert.False(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information)); // "Request starting ..."
            Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
            Assert.True(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
            Assert.True(logs.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information)); // "Now listening on ..."
            Assert.False(logs.CreateLogger("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware").IsEnabled(LogLevel.Information));
        }
    }

    [Fact]
    public async Task RequestLogging_OnBySetting()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var app = await WebApp.BuildAsync(["--urls", "http://127.0.0.1:0", "--Database:Provider", db.Options.Provider, "--Database:ConnectionString", db.Options.ConnectionString, "--Logging:Requests", "true"]);
        await using (app)
        {
            Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware").IsEnabled(LogLevel.Information));
        }
    }

    [Fact]
    public async Task Health_LiveAndReady_OnASeededDatabase()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var live = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
        using var ready = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"status\":\"gezond\"", body, StringComparison.Ordinal);
        Assert.Contains("bijgewerkt", body, StringComparison.Ordinal);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task BusinessCounters_ADistributionIsCounted()
    {
        var seen = new List<(long Value, string? Source)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RegiewijzerMetrics.MeterName && instrument.Name == "regiewijzer.distributions")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "bron")
                {
                    lock (seen)
                    {
                        seen.Add((value, tag.Value as string));
                    }
                }
            }
        });
        listener.Start();
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var content = new StringContent("""{ "formatVersion": 1, "municipalities": [ { "code": "GM0228", "stock": 52436, "socialStock": 11012, "task": 7000 } ] }""", Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync(new Uri("/api/v1/verdelingen", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (seen)
        {
            Assert.Contains((1L, "scenario"), seen);
        }
    }
}
