using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The country read model: the country check (all regions distributed, province and national totals) and the
/// data-quality report, kept for a short while. The overview, province, region, municipality and sources pages and
/// the API read them on every request; they change only when data changes.
/// </summary>
/// <remarks>
/// Kept until the data they are built from change: a change stored by this instance evicts them at once
/// (<see cref="ReadModelEviction"/>, fed by the database's one write signal), one stored by another instance or the
/// command line on the next request (<see cref="DataVersionWatch"/>). No timer.
/// </remarks>
public sealed class CountryCache(IServiceScopeFactory scopes, DataVersionWatch watch) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private long generation; // raised by every eviction: a value loaded before an eviction is not kept after it
    private CountryCheck? current;
    private DataQualityReport? quality;

    public Task<CountryCheck> GetAsync(CancellationToken ct = default) =>
        GetAsync(() => current, c => current = c, CheckCountry.RunAsync, ct);

    /// <summary>The data-quality findings of the stored reference data (<see cref="CheckDataQuality"/>).</summary>
    public Task<DataQualityReport> GetQualityAsync(CancellationToken ct = default) =>
        GetAsync(() => quality, q => quality = q, CheckDataQuality.RunAsync, ct);

    /// <summary>Forget the cached check and report (the reference data changed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
        quality = null;
    }

    public void Dispose() => gate.Dispose();

    private async Task<T> GetAsync<T>(
        Func<T?> read,
        Action<T> write,
        Func<RegiewijzerDb, CancellationToken, Task<T>> load,
        CancellationToken ct)
        where T : class
    {
        await watch.CatchUpAsync(ct).ConfigureAwait(false);
        if (read() is { } c)
        {
            return c;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (read() is { } again)
            {
                return again;
            }

            var before = Interlocked.Read(ref generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
            var value = await load(db, ct).ConfigureAwait(false);
            if (Interlocked.Read(ref generation) == before)
            {
                write(value);
            }

            return value;
        }
        finally
        {
            gate.Release();
        }
    }
}
