using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Hosting;

/// <summary>
/// Prepares the monitoring right after a start, before a visitor asks for it: reads the snapshot and computes the
/// nation's progress and forecast (<see cref="MonitoringCache"/>), so the first visitor of <c>/voortgang</c> does not
/// wait for all plans to be read and simulated (with 150.000 plans about 8 s on two cores). A request that comes
/// earlier waits for the same work, as it would without this. Off with <c>--Monitoring:WarmUp false</c>.
/// </summary>
internal sealed partial class MonitoringWarmUp(MonitoringCache cache, IConfiguration configuration, ILogger<MonitoringWarmUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource<(MonitoringSnapshot Snapshot, ForecastResult Forecast)?> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The snapshot and the nation's forecast prepared after the start; null when switched off, stopped or failed.</summary>
    public Task<(MonitoringSnapshot Snapshot, ForecastResult Forecast)?> Done => done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Monitoring:WarmUp", true))
        {
            done.TrySetResult(null);
            return;
        }

        try
        {
            await Task.Yield(); // let the host finish starting
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var snapshot = await cache.GetAsync(stoppingToken).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            var forecast = cache.Forecast(snapshot, snapshot.Progress(MonitoringSubject.Nation));
            var ms = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Prepared(logger, ms);
            done.TrySetResult((snapshot, forecast));
        }
        catch (OperationCanceledException)
        {
            done.TrySetResult(null);
        }
        catch (Exception e)
        {
            // Not fatal: the first request reads and computes it again, and says what is wrong if it still is.
            Log.Failed(logger, e);
            done.TrySetResult(null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring prepared after the start (snapshot, the nation's progress and forecast) in {Ms} ms")]
        public static partial void Prepared(ILogger logger, long ms);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Monitoring could not be prepared after the start; the first request will try again")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
