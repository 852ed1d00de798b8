using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.IntegrationTests.Web;
using Regiewijzer.Web;
using Regiewijzer.Web.Hosting;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>
/// Issue 19: the nation's monitoring is prepared right after a start (the snapshot, its progress and its forecast), so
/// the first visitor of /voortgang gets what is kept instead of waiting for every plan to be read and simulated.
/// </summary>
public sealed class MonitoringWarmUpTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterAStart_TheNationsSnapshotAndForecastAreReady_TheFirstVisitorGetsThem()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Monitoring:WarmUp", "true");

        var prepared = await app.Services.GetRequiredService<MonitoringWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.NotNull(prepared);
        var cache = app.Services.GetRequiredService<MonitoringCache>();
        var snapshot = await cache.GetAsync(Ct);
        Assert.Same(prepared.Value.Snapshot, snapshot); // not read again
        Assert.Same(prepared.Value.Forecast, cache.Forecast(snapshot, snapshot.Progress(MonitoringSubject.Nation))); // kept, not computed again
        Assert.True(prepared.Value.Forecast.Plans > 0);
        using var page = await app.Client.GetAsync(new Uri("/voortgang", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Same(snapshot, await cache.GetAsync(Ct));
    }

    [Fact]
    public async Task SwitchedOff_NothingIsPrepared()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct); // the tests' default: off

        Assert.Null(await app.Services.GetRequiredService<MonitoringWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(1), Ct));
    }
}
