using Microsoft.AspNetCore.Components;

namespace Regiewijzer.Web.Components.Shared;

/// <summary>
/// The scripts a chart needs, for its element's <c>data-scripts</c> attribute: ECharts, the chart start-up (js/charts.js)
/// and the chart kind's own file. js/site.js loads them only on a page that has a chart, so pages without one never
/// download the chart library.
/// </summary>
internal static class ChartScripts
{
    /// <summary>Space-separated fingerprinted URLs, in the order they must run.</summary>
    /// <param name="assets">The component's <c>Assets</c> (fingerprinted URLs from the static-assets manifest).</param>
    /// <param name="kindScript">The chart kind's file under wwwroot, e.g. <c>js/bars.js</c>.</param>
    public static string For(ResourceAssetCollection assets, string kindScript) =>
        string.Join(' ', assets["lib/echarts/echarts.min.js"], assets["js/charts.js"], assets[kindScript]);
}
