using System.Net;
using Regiewijzer.Data.Database;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Issue 17: PostgreSQL stopped while the app runs. Before, users got HTTP 500; now pages and the API answer 503 with
/// Retry-After and a Dutch text, /health/ready says "niet gereed", and after PostgreSQL is back the same app answers
/// 200 again without a restart. Uses its own PostgreSQL server (the shared one serves the other tests).
/// </summary>
public sealed class OutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgresStoppedAndStarted_503WithRetryAfterMeanwhile_200AfterWithoutRestart()
    {
        await using var server = new PostgresServer();
        await server.StartOrRecordFailureAsync();
        var connection = await server.CreateDatabaseAsync(ct: Ct);
        var options = DatabaseOptions.From(DatabaseOptions.Postgres, connection);
        await using var app = await RunningApp.StartAsync(options, Ct);

        using (var before = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.StopServerAsync();

        using (var page = await app.Client.GetAsync(new Uri("/regio/WD19", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseErrors.UnavailableRetryAfterSeconds), page.Headers.RetryAfter?.Delta);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("niet bereikbaar", html, StringComparison.Ordinal);
            Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
        }

        using (var api = await app.Client.GetAsync(new Uri("/api/v1/regios/WD19", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("database-onbereikbaar", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.NotNull(api.Headers.RetryAfter);
        }

        using (var ready = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("niet gereed", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var live = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode); // the process is fine: do not restart it
        }

        await server.StartAgainAsync();

        using var after = await app.Client.GetAsync(new Uri("/gemeente/GM0228", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var readyAfter = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }
}
