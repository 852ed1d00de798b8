using System.Collections.Concurrent;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The monitoring snapshot (plans, realisations, targets) kept as long as <see cref="CountryCache"/> keeps the country
/// check, and the forecasts computed from it (a forecast is deterministic for a snapshot, subject, runs and seed).
/// Evicted by <see cref="ReadModelEviction"/> after a change.
/// </summary>
public sealed class MonitoringCache(IServiceScopeFactory scopes, CountryCache country, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<(MonitoringLevel, string, int, ulong), Lazy<ForecastResult>> forecasts = new();
    private (MonitoringSnapshot Snapshot, DateTimeOffset At)? current;

    public async Task<MonitoringSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (current is { } c && clock.GetUtcNow() - c.At < CountryCache.Lifetime)
        {
            return c.Snapshot;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (current is { } again && clock.GetUtcNow() - again.At < CountryCache.Lifetime)
            {
                return again.Snapshot;
            }

            var check = await country.GetAsync(ct).ConfigureAwait(false);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
            var snapshot = await LoadMonitoring.RunAsync(db, check, ct).ConfigureAwait(false);
            forecasts.Clear();
            current = (snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The forecast of a subject from this snapshot, computed once per (subject, runs, seed).</summary>
    public ForecastResult Forecast(MonitoringSnapshot snapshot, SubjectProgress progress, int runs = ForecastRequest.DefaultRuns, ulong seed = ForecastRequest.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(progress);
        if (current?.Snapshot != snapshot)
        {
            return snapshot.Forecast(progress, runs, seed);
        }

        var key = (progress.Subject.Level, progress.Subject.Id, runs, seed);
        return forecasts.GetOrAdd(key, _ => new Lazy<ForecastResult>(() => snapshot.Forecast(progress, runs, seed))).Value;
    }

    /// <summary>Forget the snapshot and its forecasts (plans, realisations, trajectories, agreements or the country check changed).</summary>
    public void Invalidate()
    {
        current = null;
        forecasts.Clear();
    }

    public void Dispose() => gate.Dispose();
}
