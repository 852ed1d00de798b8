using System.Text.Json;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>One municipality's shape: its province and its polygons (outer ring first, then holes), every point in
/// thousandths of a degree (x east, y north), rounded, in the order of the shipped file.</summary>
internal sealed record MapShape(string Code, string Province, IReadOnlyList<IReadOnlyList<(int X, int Y)[]>> Polygons);

/// <summary>
/// The municipal shapes of the map, read once from the shipped GeoJSON (data/reference/gemeenten-2024.geojson, CBS
/// Wijk- en Buurtkaart 2024 simplified to about 100 m; the file behind /download/gemeenten-2024.geojson; data/SOURCES.md).
/// Every coordinate is rounded to 0,001 degree (about 110 m north-south and 70 m east-west here: the size of the
/// simplification); the map draws them on a coarser grid where the whole country is shown (<see cref="MapSvg"/>).
/// </summary>
internal static class MapShapes
{
    public const int Scale = 1000;

    private static readonly Lazy<IReadOnlyDictionary<string, MapShape>> Shipped = new(() => Read(CountryDownloads.ShapesFile));

    /// <summary>The shipped shapes by municipality code.</summary>
    public static IReadOnlyDictionary<string, MapShape> All => Shipped.Value;

    /// <summary>A coordinate in thousandths of a degree (half away from zero; all Dutch coordinates are positive).</summary>
    public static int Round(double degrees) => (int)Math.Round(degrees * Scale, MidpointRounding.AwayFromZero);

    public static IReadOnlyDictionary<string, MapShape> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var shapes = new Dictionary<string, MapShape>(StringComparer.Ordinal);
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var code = properties.GetProperty("gemeentecode").GetString() ?? throw new InvalidDataException("gemeentecode ontbreekt");
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var parts = new List<IReadOnlyList<(int X, int Y)[]>>();
            foreach (var polygon in polygons)
            {
                var rings = polygon.EnumerateArray()
                    .Select(r => r.EnumerateArray().Select(p => (Round(p[0].GetDouble()), Round(p[1].GetDouble()))).ToArray())
                    .ToList();
                parts.Add(rings);
            }

            shapes[code] = new MapShape(code, properties.GetProperty("provinciecode").GetString() ?? "", parts);
        }

        return shapes;
    }
}
