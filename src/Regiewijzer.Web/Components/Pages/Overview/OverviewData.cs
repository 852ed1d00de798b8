using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>
/// The country indicators (every municipality with its province, region, stock and targets) for the current country
/// check. Built once per <see cref="CountryCheck"/> instance, so it lives exactly as long as <see cref="CountryCache"/>
/// keeps that check; the overview, province, region-list and search pages and their downloads read it per request.
/// </summary>
internal static class OverviewData
{
    /// <summary>Municipality names in Dutch alphabetical order.</summary>
    public static StringComparer NameOrder { get; } = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    private static readonly ConditionalWeakTable<CountryCheck, Task<CountryIndicators>> Built = [];

    public static async Task<CountryIndicators> GetAsync(CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var check = await cache.GetAsync(ct).ConfigureAwait(false);
        var build = Built.GetValue(check, c => BuildAsync(scopes, c));
        try
        {
            return await build.WaitAsync(ct).ConfigureAwait(false);
        }
        catch when (build.IsFaulted)
        {
            Built.Remove(check); // a failed load is not kept: the next request tries again
            throw;
        }
    }

    /// <summary>The indicator's value for every municipality (by code), computed once per data and indicator: exact shares are costly to format 342 times per request.</summary>
    public static IReadOnlyDictionary<string, MapValue> Values(CountryIndicators data, MapIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return (IReadOnlyDictionary<string, MapValue>)Memo.GetValue(data, _ => new())
            .GetOrAdd("values:" + indicator.Key, _ => data.Municipalities.ToDictionary(m => m.Code, indicator.Value, StringComparer.Ordinal));
    }

    /// <summary>The map's SVG for an indicator and a province (or the country), drawn once per data.</summary>
    public static string Map(CountryIndicators data, MapIndicator indicator, string? province, IEnumerable<MunicipalityIndicator> items)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return (string)Memo.GetValue(data, _ => new())
            .GetOrAdd($"map:{indicator.Key}:{province}", _ => MapSvg.Write(indicator, items, Values(data, indicator), MapShapes.All));
    }

    /// <summary>The colour range of a continuous indicator over these municipalities.</summary>
    public static MapRange Range(CountryIndicators data, MapIndicator indicator, IEnumerable<MunicipalityIndicator> items)
    {
        var values = Values(data, indicator);
        return MapRange.Of(items.Select(m => values[m.Code].Number).OfType<double>());
    }

    private static readonly ConditionalWeakTable<CountryIndicators, ConcurrentDictionary<string, object>> Memo = [];

    // Its own scope and no request token: other requests may be waiting for the same load.
    private static async Task<CountryIndicators> BuildAsync(IServiceScopeFactory scopes, CountryCheck check)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
        return await MunicipalityIndicators.RunAsync(db, check, CancellationToken.None).ConfigureAwait(false);
    }
}
