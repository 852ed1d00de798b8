using Microsoft.AspNetCore.OutputCaching;

namespace Regiewijzer.Web;

/// <summary>
/// Output caching of the pages that show only reference data (overview, provinces, regions, municipalities, sources):
/// the rendered page is kept until the data change, like <see cref="CountryCache"/> keeps the country check, so both show
/// the same data.
/// </summary>
/// <remarks>
/// Only GET/HEAD answers with status 200 and without cookies are stored (what-if posts and forms with an antiforgery
/// token never are). Kept per path and query string, for at most <see cref="Lifetime"/>. A change stored by this instance
/// evicts the tag <see cref="Tag"/> at once (<see cref="ReadModelEviction"/>); before a page is looked up,
/// <see cref="DataVersionWatch"/> evicts what another instance or the command line changed.
/// </remarks>
public static class ReferencePages
{
    public const string Policy = "referentiegegevens";

    public const string Tag = "referentiegegevens";

    /// <summary>The longest a page is kept when nothing changes (texts that depend on the date stay current).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static void Configure(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.AddPolicy<CatchUpFirst>().Expire(Lifetime).Tag(Tag).SetVaryByQuery("*");
    }

    /// <summary>Before the cache is looked up: evict what other processes changed (<see cref="DataVersionWatch"/>).</summary>
    private sealed class CatchUpFirst(DataVersionWatch watch) : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => watch.CatchUpAsync(cancellation);

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
