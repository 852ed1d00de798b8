using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Issue 11: a forecast a visitor asks for with their own runs or seed is work for that request only. It is not kept
/// (varying the seed cannot fill the memory), one runs at a time, and it stops when the request is cancelled, also
/// while it waits for its turn.
/// </summary>
[Collection(ApiGroup.Name)]
public sealed class ForecastRequestLimitTests(ApiApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StandardForecast_IsKeptWithTheSnapshot_AnOwnSeedIsComputedEachTime()
    {
        var (cache, snapshot, progress) = await FoodvalleyAsync();

        var first = await cache.ForecastAsync(snapshot, progress, ForecastRequest.DefaultRuns, ForecastRequest.DefaultSeed, Ct);
        var again = await cache.ForecastAsync(snapshot, progress, ForecastRequest.DefaultRuns, ForecastRequest.DefaultSeed, Ct);
        var own = await cache.ForecastAsync(snapshot, progress, 500, 7, Ct);
        var ownAgain = await cache.ForecastAsync(snapshot, progress, 500, 7, Ct);

        Assert.Same(first, again);
        Assert.NotSame(own, ownAgain);
        Assert.Equal(Percentiles(own), Percentiles(ownAgain)); // deterministic all the same
        Assert.Equal((500, 7UL), (own.Runs, own.Seed));
    }

    [Fact]
    public async Task OwnSeedForecast_CancelledRequest_StopsWithoutAResult()
    {
        var (cache, snapshot, progress) = await FoodvalleyAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cache.ForecastAsync(snapshot, progress, ForecastRequest.MaxRuns, 11, cancelled.Token));

        // The turn was given back: the next request's forecast runs.
        var next = await cache.ForecastAsync(snapshot, progress, 200, 11, Ct);
        Assert.Equal(200, next.Runs);
    }

    private async Task<(MonitoringCache Cache, MonitoringSnapshot Snapshot, SubjectProgress Progress)> FoodvalleyAsync()
    {
        var app = await apps.AppAsync(Provider.Sqlite);
        var cache = app.Services.GetRequiredService<MonitoringCache>();
        var snapshot = await cache.GetAsync(Ct);
        var subject = snapshot.Find(MonitoringLevel.Region, "WD19") ?? throw new InvalidOperationException("WD19 ontbreekt");
        return (cache, snapshot, snapshot.Progress(subject));
    }

    private static List<int> Percentiles(ForecastResult result) =>
        [.. result.Series.SelectMany(s => s.Cumulative.Select(b => b.P50))];
}
