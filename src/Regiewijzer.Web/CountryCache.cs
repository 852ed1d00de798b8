using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The country check (all regions distributed, province and national totals) kept for a short while: the overview
/// and province pages read it on every request, and it changes only when data is imported.
/// </summary>
/// <remarks>Kept for <see cref="Lifetime"/>; an import through the CLI shows on the pages within that time.</remarks>
public sealed class CountryCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (CountryCheck Check, DateTimeOffset At)? current;

    public async Task<CountryCheck> GetAsync(CancellationToken ct = default)
    {
        if (current is { } c && clock.GetUtcNow() - c.At < Lifetime)
        {
            return c.Check;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (current is { } again && clock.GetUtcNow() - again.At < Lifetime)
            {
                return again.Check;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
            var check = await CheckCountry.RunAsync(db, ct).ConfigureAwait(false);
            current = (check, clock.GetUtcNow());
            return check;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forget the cached check (after a change made through the web app).</summary>
    public void Invalidate() => current = null;

    public void Dispose() => gate.Dispose();
}
