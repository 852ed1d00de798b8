using System.Globalization;
using System.Net;
using System.Text;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>The colour range of a continuous indicator: the values rounded out to tens of percent (0-100 without values).</summary>
internal readonly record struct MapRange(double Min, double Max)
{
    public static MapRange Of(IEnumerable<double> numbers)
    {
        var list = numbers.ToList();
        return list.Count == 0 ? new(0, 100) : new(Math.Floor(list.Min() / 10) * 10, Math.Ceiling(list.Max() / 10) * 10);
    }
}

/// <summary>
/// The map of municipalities coloured by one indicator, drawn on the server as inline SVG (ADR 0004): one path per
/// municipality with its colour and a title (name, value, province, region, task) that a pointer shows. The page needs
/// no chart library for it; a click opens the municipality (js/site.js); the keyboard and screen-reader route is the
/// table under the map. Longitude is drawn at 0,62 of latitude (cos 52°), as the map looked before.
/// </summary>
internal static class MapSvg
{
    public const string NoDataColor = "#BDBDBD";

    /// <summary>Sequential, colour-blind safe (ColorBrewer YlGnBu), from the range's minimum to its maximum.</summary>
    public static IReadOnlyList<string> Sequential { get; } = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

    private const double AspectScale = 0.62;

    /// <summary>The grid the shapes are drawn on, in thousandths of a degree: about 1/1.200 of the map's height (2 for the
    /// whole country, 1 for a province), under half a pixel on a map of 40rem.</summary>
    public static int Step(int heightInThousandths) => Math.Max(1, heightInThousandths / 1200);

    /// <summary>A continuous value's colour: linear between the five colours over the range (as the chart library did).</summary>
    public static string Colour(double value, MapRange range)
    {
        var t = range.Max > range.Min ? Math.Clamp((value - range.Min) / (range.Max - range.Min), 0, 1) : 0;
        var position = t * (Sequential.Count - 1);
        var i = Math.Min((int)Math.Floor(position), Sequential.Count - 2);
        var f = position - i;
        var (a, b) = (Rgb(Sequential[i]), Rgb(Sequential[i + 1]));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}");

        static int Mix(int x, int y, double f) => (int)Math.Round(x + ((y - x) * f), MidpointRounding.AwayFromZero);
    }

    /// <summary>The colour of one value of an indicator.</summary>
    public static string Colour(MapIndicator indicator, MapValue value, MapRange range)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return value switch
        {
            { Category: { } c } when indicator.IsCategorical => indicator.Categories[c].Color,
            { Number: { } n } when !indicator.IsCategorical => Colour(n, range),
            _ => NoDataColor,
        };
    }

    /// <summary>The map as an SVG element (hidden from assistive technology: the element around it is the image).</summary>
    public static string Write(MapIndicator indicator, IEnumerable<MunicipalityIndicator> municipalities, IReadOnlyDictionary<string, MapValue> values, IReadOnlyDictionary<string, MapShape> shapes)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shapes);
        var items = municipalities.Where(m => shapes.ContainsKey(m.Code)).ToList();
        var range = MapRange.Of(items.Select(m => values[m.Code].Number).OfType<double>());
        var all = items.SelectMany(m => shapes[m.Code].Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var step = Step(all.Max(p => p.Y) - all.Min(p => p.Y));
        var drawn = items.Select(m => (Municipality: m, Rings: Rings(shapes[m.Code], step))).ToList();
        var points = drawn.SelectMany(d => d.Rings).SelectMany(r => r).ToList();
        var (minX, maxX, minY, maxY) = (points.Min(p => p.X), points.Max(p => p.X), points.Min(p => p.Y), points.Max(p => p.Y));
        var width = (maxX - minX) * AspectScale;
        var height = (double)(maxY - minY);
        var pad = Math.Max(width, height) * 0.02;

        var svg = new StringBuilder(256 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"rw-map__svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{N((minX * AspectScale) - pad)} {N(-maxY - pad)} {N(width + (2 * pad))} {N(height + (2 * pad))}\" aria-hidden=\"true\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"scale({N(AspectScale)} 1)\">");
        foreach (var (m, rings) in drawn)
        {
            var value = values[m.Code];
            svg.Append("<path data-gemeente=\"").Append(m.Code).Append("\" fill=\"").Append(Colour(indicator, value, range)).Append("\" d=\"");
            foreach (var ring in rings)
            {
                Path(svg, ring);
            }

            svg.Append("\"><title>").Append(WebUtility.HtmlEncode(Title(indicator, m, value))).Append("</title></path>");
        }

        return svg.Append("</g></svg>").ToString();
    }

    /// <summary>What a pointer shows over a municipality.</summary>
    public static string Title(MapIndicator indicator, MunicipalityIndicator m, MapValue value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(m);
        return $"{m.Name}\n{indicator.Label.TrimEnd('?')}: {value.Text}\nProvincie: {m.ProvinceName}\nRegio: {m.RegionName ?? "geen regio"}\nOpgave 2022-2030: {MapIndicator.TaskText(m)}";
    }

    /// <summary>A shape's rings on the grid: repeats dropped, rings below a triangle dropped, a polygon without its outer
    /// ring dropped; on the finest grid if the coarse one would leave the municipality nothing.</summary>
    public static List<List<(int X, int Y)>> Rings(MapShape shape, int step)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var rings = new List<List<(int X, int Y)>>();
        foreach (var polygon in shape.Polygons)
        {
            if (Ring(polygon[0], step) is not { } outer)
            {
                continue;
            }

            rings.Add(outer);
            rings.AddRange(polygon.Skip(1).Select(r => Ring(r, step)).OfType<List<(int X, int Y)>>());
        }

        return rings.Count == 0 && step > 1 ? Rings(shape, 1) : rings;
    }

    /// <summary>A point on the grid of <paramref name="step"/> thousandths.</summary>
    public static int Snap(int value, int step) => step == 1 ? value : (int)Math.Round((double)value / step, MidpointRounding.AwayFromZero) * step;

    private static List<(int X, int Y)>? Ring((int X, int Y)[] points, int step)
    {
        var ring = new List<(int X, int Y)>(points.Length);
        foreach (var (x, y) in points)
        {
            var p = (Snap(x, step), Snap(y, step));
            if (ring.Count == 0 || ring[^1] != p)
            {
                ring.Add(p);
            }
        }

        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1); // "z" closes it
        }

        return ring.Count >= 3 ? ring : null;
    }

    // "M x y" absolute (y is minus the latitude: north up), then "l" with every next point relative, then "z".
    private static void Path(StringBuilder svg, List<(int X, int Y)> ring)
    {
        svg.Append('M').Append(ring[0].X.ToString(CultureInfo.InvariantCulture));
        Number(svg, -ring[0].Y);
        svg.Append('l');
        for (var i = 1; i < ring.Count; i++)
        {
            var dx = ring[i].X - ring[i - 1].X;
            if (i == 1)
            {
                svg.Append(dx.ToString(CultureInfo.InvariantCulture)); // right after "l"
            }
            else
            {
                Number(svg, dx);
            }

            Number(svg, -(ring[i].Y - ring[i - 1].Y));
        }

        svg.Append('z');
    }

    // A number after another: a space unless its minus sign separates it.
    private static void Number(StringBuilder svg, int value)
    {
        if (value >= 0)
        {
            svg.Append(' ');
        }

        svg.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static (int R, int G, int B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
}
