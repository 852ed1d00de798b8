using System.Globalization;
using Regiewijzer.Core.Reports;
using ScottPlot;

namespace Regiewijzer.Data.Reports;

/// <summary>Draws a report's charts on the server as PNG (ScottPlot on SkiaSharp), in the report's font and colours.</summary>
public static class ReportCharts
{
    /// <summary>Width and height of a chart in points on the page (A4 text width); the image has <see cref="Scale"/> pixels per point.</summary>
    public const int Width = 480;

    public const int Height = 260;

    /// <summary>Pixels per point: sharp in print and on screen.</summary>
    public const int Scale = 3;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The chart as a PNG of <see cref="Width"/> x <see cref="Height"/> points at <see cref="Scale"/>.</summary>
    public static byte[] Png(ReportChart chart, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.ScaleFactor = Scale;
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#E0E0E0");
        switch (chart.Spec)
        {
            case StackedBarChart bars:
                Bars(plot, bars);
                break;
            case YearLineChart lines:
                Lines(plot, lines);
                break;
            default:
                throw new InvalidOperationException($"Onbekend soort grafiek: {chart.Spec.GetType().Name}.");
        }

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = 11;
            axis.TickLabelStyle.FontSize = 10;
        }

        plot.Legend.FontSize = 10;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot.GetImageBytes(Width * Scale, height * Scale, ImageFormat.Png);
    }

    /// <summary>The height in points a bar chart needs for its categories (at least <see cref="Height"/>).</summary>
    public static int HeightOf(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Spec is StackedBarChart bars ? Math.Max(Height, 90 + (22 * bars.Categories.Length)) : Height;
    }

    private static void Bars(Plot plot, StackedBarChart spec)
    {
        var bars = new List<Bar>();
        var n = spec.Categories.Length;
        for (var i = 0; i < n; i++)
        {
            var position = n - 1 - i; // first category on top
            var start = 0.0;
            foreach (var series in spec.Series)
            {
                var value = series.Values[i];
                bars.Add(new Bar { Position = position, ValueBase = start, Value = start + value, FillColor = Color.FromHex(series.Color), LineWidth = 0, Size = 0.7 });
                start += value;
            }
        }

        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. spec.Categories]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = spec.ValueAxis;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => spec.Shares ? (v * 100).ToString("0", Dutch) + "%" : v.ToString("#,0", Dutch),
        };
        if (spec.Shares)
        {
            plot.Axes.SetLimitsX(0, 1.03);
        }
        else
        {
            plot.Axes.SetLimitsX(0, spec.Series.Sum(s => s.Values.DefaultIfEmpty(0).Max()) * 1.05);
        }

        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        foreach (var series in spec.Series)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Name, FillColor = Color.FromHex(series.Color) });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
    }

    private static void Lines(Plot plot, YearLineChart spec)
    {
        double[] xs = [.. spec.Years.Select(y => (double)y)];
        if (spec.Band is { } band)
        {
            var fill = plot.Add.FillY(xs, [.. band.Low], [.. band.High]);
            fill.FillColor = Color.FromHex(band.Color).WithAlpha(0.35);
            fill.LineWidth = 0;
            fill.LegendText = band.Name;
        }

        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted };
        var index = 0;
        foreach (var line in spec.Lines)
        {
            var points = xs.Zip(line.Values).Where(p => !double.IsNaN(p.Second)).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second).ToArray());
            scatter.Color = Color.FromHex(line.Color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 4;
            scatter.LinePattern = patterns[index++ % patterns.Length];
            scatter.LegendText = line.Name;
        }

        if (spec.Target is { } target)
        {
            var h = plot.Add.HorizontalLine(target);
            h.Color = Color.FromHex("#D52B1E");
            h.LineWidth = 1.5f;
            h.LinePattern = LinePattern.Dashed;
            h.LegendText = "Doel van de periode";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("0", CultureInfo.InvariantCulture) : string.Empty,
            IntegerTicksOnly = true,
        };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,0", Dutch) };
        plot.Axes.Left.Label.Text = spec.ValueAxis;
        plot.Axes.Bottom.Label.Text = "Jaar";
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, Math.Max(spec.Target ?? 0, spec.Lines.SelectMany(l => l.Values).Where(v => !double.IsNaN(v)).Concat(spec.Band?.High ?? []).DefaultIfEmpty(1).Max()) * 1.08);
        plot.ShowLegend(Edge.Bottom);
    }
}
