using Microsoft.AspNetCore.OutputCaching;

namespace Regiewijzer.Web;

/// <summary>
/// Output caching of the pages that show only reference data (overview, provinces, regions, municipalities, sources):
/// the rendered page is kept as long as <see cref="CountryCache"/> keeps the country check, so both show the same data.
/// </summary>
/// <remarks>
/// Only GET/HEAD answers with status 200 and without cookies are stored (what-if posts and forms with an antiforgery
/// token never are). Kept per path and query string, for <see cref="CountryCache.Lifetime"/>; a change made through the
/// web app evicts the tag <see cref="Tag"/>. An import through the CLI (another process) shows within that lifetime.
/// </remarks>
public static class ReferencePages
{
    public const string Policy = "referentiegegevens";

    public const string Tag = "referentiegegevens";

    public static void Configure(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Expire(CountryCache.Lifetime).Tag(Tag).SetVaryByQuery("*");
    }
}
