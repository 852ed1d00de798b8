using System.Collections.Concurrent;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The monitoring snapshot (plans, realisations, targets) and the forecasts computed from it (a forecast is
/// deterministic for a snapshot, subject, runs and seed), kept until the data they are built from change: evicted by
/// <see cref="ReadModelEviction"/> after a change stored here or, seen by <see cref="DataVersionWatch"/>, elsewhere.
/// </summary>
public sealed partial class MonitoringCache(IServiceScopeFactory scopes, CountryCache country, DataVersionWatch watch, ILogger<MonitoringCache> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Forecasts forecasts = new(null, new()); // the standard forecasts of one snapshot
    private readonly SemaphoreSlim custom = new(1, 1);
    private readonly ForecastParts parts = new(); // the run totals of the nation, provinces and regions, kept across snapshots
    private long generation; // raised by every eviction: a snapshot loaded before an eviction is not kept after it
    private int stale = (int)MonitoringParts.All; // the parts of the rows to read again
    private MonitoringRows? rows;
    private MonitoringSnapshot? current;
    private MonitoringSnapshot? built; // the last snapshot built from rows (also when it was not kept)

    public async Task<MonitoringSnapshot> GetAsync(CancellationToken ct = default)
    {
        await watch.CatchUpAsync(ct).ConfigureAwait(false);
        if (current is { } c)
        {
            return c;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (current is { } again)
            {
                return again;
            }

            var before = Interlocked.Read(ref generation);
            var read = (MonitoringParts)Interlocked.Exchange(ref stale, 0);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var check = await country.GetAsync(ct).ConfigureAwait(false);
                var checkedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
                var edition = rows?.Plans.Edition ?? 0;
                rows = await LoadMonitoring.LoadRowsAsync(db, read, rows, ct).ConfigureAwait(false); // only what changed
                parts.Changed(edition, rows.Plans.Edition, read.HasFlag(MonitoringParts.Reference) ? null : rows.ChangedPlans);
                var readAt = System.Diagnostics.Stopwatch.GetTimestamp();
                var snapshot = LoadMonitoring.Build(check, rows);
                var keptForecasts = new ConcurrentDictionary<(MonitoringLevel, string), Lazy<ForecastResult>>();
                if (read == MonitoringParts.Plans && rows.ChangedPlans is { } changes && built is not null && ReferenceEquals(built.Country, check))
                {
                    // Only plans changed: the subjects without a changed plan keep their progress and their forecast.
                    var touched = PlanChange.MunicipalitiesOf(changes);
                    snapshot.KeepProgressFrom(built, touched);
                    var previous = forecasts;
                    foreach (var (subject, forecast) in previous.Snapshot == built ? previous.Results : [])
                    {
                        if (forecast.IsValueCreated && snapshot.Find(subject.Item1, subject.Item2) is { } s && !snapshot.Touches(s, touched))
                        {
                            keptForecasts[subject] = forecast;
                        }
                    }
                }

                built = snapshot;
                var checkMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started, checkedAt).TotalMilliseconds;
                var readMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(checkedAt, readAt).TotalMilliseconds;
                var buildMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(readAt).TotalMilliseconds;
                Log.Built(logger, read, rows.Plans.Count, rows.ChangedPlans?.Count, checkMs, readMs, buildMs);
                if (Interlocked.Read(ref generation) == before)
                {
                    forecasts = new Forecasts(snapshot, keptForecasts);
                    current = snapshot;
                }

                return snapshot;
            }
            catch
            {
                Interlocked.Or(ref stale, (int)read); // not read: still stale
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The forecast of a subject from this snapshot with the standard runs and seed, computed once per subject and kept
    /// with the snapshot (what the pages show).
    /// </summary>
    public ForecastResult Forecast(MonitoringSnapshot snapshot, SubjectProgress progress)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(progress);
        var kept = forecasts;
        if (current != snapshot || kept.Snapshot != snapshot) // an older snapshot (evicted since) is not brought into the kept run totals
        {
            return snapshot.Forecast(progress);
        }

        var key = (progress.Subject.Level, progress.Subject.Id);
        return kept.Results.GetOrAdd(key, _ => new Lazy<ForecastResult>(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (result, simulated) = parts.Forecast(snapshot, progress);
            var ms = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Forecast(logger, progress.Subject.Id, progress.Plans.Length, simulated, ms);
            return result;
        })).Value;
    }

    /// <summary>
    /// The forecast a request asks for. The standard runs and seed come from the shared result above. Any other runs or
    /// seed are computed for this request only: not kept (a visitor cannot fill the memory by varying the seed), one
    /// such forecast at a time (so concurrent requests of up to <see cref="ForecastRequest.MaxRuns"/> runs cannot take
    /// every core), and stopped when the request is cancelled (the client went away), also while it waits its turn.
    /// </summary>
    public async Task<ForecastResult> ForecastAsync(MonitoringSnapshot snapshot, SubjectProgress progress, int runs, ulong seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(progress);
        if (runs == ForecastRequest.DefaultRuns && seed == ForecastRequest.DefaultSeed)
        {
            return Forecast(snapshot, progress);
        }

        await custom.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => snapshot.ForecastCancellable(progress, runs, seed, ct), ct).ConfigureAwait(false);
        }
        finally
        {
            custom.Release();
        }
    }

    /// <summary>
    /// Forget the snapshot and its forecasts: <paramref name="changed"/> (plans, realisations, or the reference rows,
    /// trajectories, agreements and the country check) are read again at the next request, the rest is kept.
    /// </summary>
    public void Invalidate(MonitoringParts changed)
    {
        Interlocked.Or(ref stale, (int)changed);
        Interlocked.Increment(ref generation);
        current = null;
    }

    public void Dispose()
    {
        gate.Dispose();
        custom.Dispose();
    }

    /// <summary>The standard forecasts computed from one snapshot, per subject.</summary>
    private sealed record Forecasts(MonitoringSnapshot? Snapshot, ConcurrentDictionary<(MonitoringLevel, string), Lazy<ForecastResult>> Results);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring snapshot built (read again: {Parts}; {Plans} plans; changed plans read: {Changed}, empty when all were read): country check {CheckMs} ms, rows read {ReadMs} ms, book {BuildMs} ms")]
        public static partial void Built(ILogger logger, MonitoringParts parts, int plans, int? changed, long checkMs, long readMs, long buildMs);

        [LoggerMessage(Level = LogLevel.Information, Message = "Forecast of {Subject} computed ({Plans} plans; {Simulated} plans simulated) in {Ms} ms")]
        public static partial void Forecast(ILogger logger, string subject, int plans, int simulated, long ms);
    }
}
