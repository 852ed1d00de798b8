using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The country read model: the country check (all regions distributed, province and national totals) and the
/// data-quality report, kept for a short while. The overview, province, region, municipality and sources pages and
/// the API read them on every request; they change only when data changes.
/// </summary>
/// <remarks>
/// A change saved by this web app evicts them at once (<see cref="ReadModelEviction"/>, fed by the database's one write
/// signal); an import through the CLI (another process) shows within <see cref="Lifetime"/>.
/// </remarks>
public sealed class CountryCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (CountryCheck Check, DateTimeOffset At)? current;
    private (DataQualityReport Report, DateTimeOffset At)? quality;

    public Task<CountryCheck> GetAsync(CancellationToken ct = default) =>
        GetAsync(() => current, (c, at) => current = (c, at), CheckCountry.RunAsync, ct);

    /// <summary>The data-quality findings of the stored reference data (<see cref="CheckDataQuality"/>).</summary>
    public Task<DataQualityReport> GetQualityAsync(CancellationToken ct = default) =>
        GetAsync(() => quality, (q, at) => quality = (q, at), CheckDataQuality.RunAsync, ct);

    /// <summary>Forget the cached check and report (the reference data changed).</summary>
    public void Invalidate()
    {
        current = null;
        quality = null;
    }

    public void Dispose() => gate.Dispose();

    private async Task<T> GetAsync<T>(
        Func<(T Value, DateTimeOffset At)?> read,
        Action<T, DateTimeOffset> write,
        Func<RegiewijzerDb, CancellationToken, Task<T>> load,
        CancellationToken ct)
    {
        if (read() is { } c && clock.GetUtcNow() - c.At < Lifetime)
        {
            return c.Value;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (read() is { } again && clock.GetUtcNow() - again.At < Lifetime)
            {
                return again.Value;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
            var value = await load(db, ct).ConfigureAwait(false);
            write(value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            gate.Release();
        }
    }
}
