using System.Globalization;
using System.Text.Json;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;

namespace Regiewijzer.Web.Components.Pages.Progress;

/// <summary>
/// The JSON of the fan chart (js/progress.js, kind "fan") of one group: per year the cumulative trajectory, the
/// cumulative realised homes up to the as-of year, the forecast's cumulative P10/P50/P90 from the as-of year on, and
/// the target. Tooltip lines are written here, in Dutch, with Dutch number notation.
/// </summary>
internal static class FanChartData
{
    public static string Json(ProgressView view, SegmentGroup group, string description)
    {
        ArgumentNullException.ThrowIfNull(view);
        var years = view.Report.Years;
        var forecast = view.Forecast[group].Cumulative;
        var hasTarget = view.Progress.HasTarget;
        var target = view.Report[group].Target;
        var bandFrom = Math.Max(view.AsOfYear, view.Snapshot.FirstYear);
        int? Band(PercentileBand b, int value) => b.Year >= bandFrom ? value : null;
        var data = new
        {
            description,
            years = years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToArray(),
            target = hasTarget ? target : (int?)null,
            targetLabel = hasTarget ? $"doel {Format.Count(target)}" : null,
            names = new
            {
                trajectory = "traject (cumulatief)",
                realised = "gerealiseerd (cumulatief)",
                band = "prognose P10–P90",
                median = "prognose P50 (mediaan)",
            },
            trajectory = hasTarget ? years.Select(y => (int?)y.CumulativeDue[group]).ToArray() : null,
            realised = years.Select(y => y.IsRealised ? y.CumulativeRealised[group] : (int?)null).ToArray(),
            p10 = forecast.Select(b => Band(b, b.P10)).ToArray(),
            p50 = forecast.Select(b => Band(b, b.P50)).ToArray(),
            p90 = forecast.Select(b => Band(b, b.P90)).ToArray(),
            tooltip = years.Select((y, i) => Tooltip(y, forecast[i], group, hasTarget, bandFrom)).ToArray(),
        };
        return JsonSerializer.Serialize(data);
    }

    private static string[] Tooltip(ProgressYear year, PercentileBand band, SegmentGroup group, bool hasTarget, int bandFrom)
    {
        var lines = new List<string>();
        if (hasTarget)
        {
            lines.Add($"Traject t/m {year.Year}: {Format.Count(year.CumulativeDue[group])}");
        }

        lines.Add(year.IsRealised ? $"Gerealiseerd t/m {year.Year}: {Format.Count(year.CumulativeRealised[group])}" : "Gerealiseerd: nog niet bekend");
        if (year.Year >= bandFrom)
        {
            lines.Add($"Prognose P10–P90: {Format.Count(band.P10)} – {Format.Count(band.P90)}");
            lines.Add($"Prognose P50: {Format.Count(band.P50)}");
        }

        return [.. lines];
    }
}
