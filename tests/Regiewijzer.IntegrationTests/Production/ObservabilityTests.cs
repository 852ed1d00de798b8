using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
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
/// load), health endpoints, Regiewijzer's own counters, and OpenTelemetry exported by OTLP to a real listener.
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

    [Fact]
    public async Task OpenTelemetry_TracesExportedByOtlp_ToAConfiguredEndpoint()
    {
        // A real OTLP/HTTP receiver in miniature: it accepts the exporter's POSTs and records their paths.
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var port = ((IPEndPoint)receiver.LocalEndpoint).Port;
        var paths = new List<string>();
        var firstTrace = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await receiver.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var path = await ReadRequestAsync(stream, stop.Token);
                lock (paths)
                {
                    paths.Add(path);
                }

                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
                if (path == "/v1/traces")
                {
                    firstTrace.TrySetResult();
                }
            }
        }, stop.Token);

        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using (var app = await RunningApp.StartAsync(db.Options, Ct, "--Telemetry:OtlpEndpoint", $"http://127.0.0.1:{port}", "--Telemetry:ExportIntervalMs", "1000"))
        {
            using var page = await app.Client.GetAsync(new Uri("/api/v1/regios/WD19", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

            // The batch exporter sends within its interval (5 s); a generous bound for a busy machine, not a timing claim.
            await firstTrace.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        }

        await stop.CancelAsync();
        lock (paths)
        {
            Assert.Contains("/v1/traces", paths);
        }

        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Reads one HTTP request (headers and body) and returns its path.</summary>
    private static async Task<string> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var received = new MemoryStream();
        int headerEnd;
        while (true)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0)
            {
                return string.Empty;
            }

            received.Write(buffer, 0, n);
            var text = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length);
            headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0)
            {
                var head = text[..headerEnd];
                var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                while (received.Length < headerEnd + 4 + length)
                {
                    var m = await stream.ReadAsync(buffer, ct);
                    if (m == 0)
                    {
                        break;
                    }

                    received.Write(buffer, 0, m);
                }

                return head.Split(' ')[1];
            }
        }
    }
}
