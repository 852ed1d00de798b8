using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Page weight (issue 19): the static files are served as the build's manifest describes them, also from the build
/// output as under `dotnet run`: real gzip and brotli variants, ETags with 304 on a conditional request, a year of
/// immutable caching for fingerprinted files; and a page loads the chart library only when it has a chart.
/// </summary>
public sealed partial class StaticAssetTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<script src="([^"]+)"></script>""")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("data-scripts=\"([^\"]+)\"")]
    private static partial Regex ChartScripts();

    [GeneratedRegex("href=\"(lib/stijl/regiewijzer\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex StyleSheet();

    private static async Task<string> ChartLibraryUrlAsync(RunningApp app)
    {
        var html = await app.Client.GetStringAsync(new Uri("/regio/WD19", UriKind.Relative), Ct);
        var scripts = ChartScripts().Match(html).Groups[1].Value.Split(' ');
        return "/" + Assert.Single(scripts, s => s.Contains("echarts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChartLibrary_HasRealGzipAndBrotliVariantsWithLongCaching()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--environment", "Development");
        var url = await ChartLibraryUrlAsync(app);
        Assert.Matches(@"echarts\.min\.[a-z0-9]+\.js$", url); // fingerprinted

        using var identity = new HttpRequestMessage(HttpMethod.Get, url);
        using var plain = await app.Client.SendAsync(identity, Ct);
        var original = await plain.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(original.Length > 500_000, $"the chart library is {original.Length} bytes");

        foreach (var (encoding, decompress) in new (string, Func<Stream, Stream>)[]
                 {
                     ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
                     ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await app.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(compressed.Length < original.Length / 2, $"{encoding}: {compressed.Length} of {original.Length} bytes");
            Assert.Equal(compressed.Length, response.Content.Headers.ContentLength);
            await using var input = decompress(new MemoryStream(compressed));
            using var output = new MemoryStream();
            await input.CopyToAsync(output, Ct);
            Assert.Equal(original, output.ToArray()); // the variant is the same file

            var cache = response.Headers.CacheControl;
            Assert.NotNull(cache);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData(null)]
    public async Task ConditionalRequest_WithTheETag_Is304WithoutBody(string? encoding)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var html = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        foreach (var url in new[] { await ChartLibraryUrlAsync(app), "/" + StyleSheet().Match(html).Groups[1].Value })
        {
            using var first = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                first.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            using var response = await app.Client.SendAsync(first, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            again.Headers.IfNoneMatch.Add(etag);
            using var conditional = await app.Client.SendAsync(again, Ct);
            Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
            Assert.Empty(await conditional.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Theory]
    [InlineData("/", false)] // the map is drawn on the server (ADR 0004)
    [InlineData("/provincie/PV25", false)]
    [InlineData("/regio/WD19", true)]
    [InlineData("/voortgang/regio/WD19", true)]
    [InlineData("/bronnen", false)]
    [InlineData("/regios", false)]
    [InlineData("/api", false)]
    [InlineData("/afspraken", false)]
    [InlineData("/gemeente/GM0228/plannen", false)]
    public async Task Page_ReferencesTheChartLibraryOnlyWhenItHasAChart(string path, bool hasChart)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await app.Client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(hasChart, html.Contains("data-chart=", StringComparison.Ordinal));
        Assert.Equal(hasChart, html.Contains("echarts", StringComparison.OrdinalIgnoreCase));
        // Every page loads the small site script and nothing else with a script tag: no chart script, and not Blazor's
        // (no page needs enhanced navigation or forms; ADR 0004). The one style sheet of every page.
        var scripts = ScriptTag().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.StartsWith("js/site.", Assert.Single(scripts), StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor", html, StringComparison.Ordinal);
        Assert.Matches(StyleSheet(), html);
        Assert.DoesNotContain("lib/components-css/", html, StringComparison.Ordinal);
        Assert.DoesNotContain(scripts, s => s.Contains("echarts", StringComparison.Ordinal) || s.Contains("charts.", StringComparison.Ordinal) || s.Contains("map.", StringComparison.Ordinal));
        if (hasChart)
        {
            // The chart element names its scripts, fingerprinted: the library first, then the start-up, then the kind.
            var needed = ChartScripts().Match(html).Groups[1].Value.Split(' ');
            Assert.True(needed.Length == 3, string.Join(" ", needed));
            Assert.StartsWith("lib/echarts/echarts.min.", needed[0], StringComparison.Ordinal);
            Assert.StartsWith("js/charts.", needed[1], StringComparison.Ordinal);
            foreach (var script in needed)
            {
                using var response = await app.Client.GetAsync(new Uri("/" + script, UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    /// <summary>
    /// Blazor's script only where a form posts enhanced ([EnhancedForms], ADR 0004): the new-plan page loads it, the plan
    /// list of the same municipality (plain forms) does not; the plan form is still there and posts to the page.
    /// </summary>
    [Fact]
    public async Task BlazorScript_OnlyOnPagesWithEnhancedForms()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", Regiewijzer.Core.Governance.AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var session = new EditSession(app);
        await session.SignInAsync(ede);

        using (var create = await session.GetAsync("/gemeente/GM0228/plannen/nieuw"))
        {
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        }

        Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", session.RawHtml, StringComparison.Ordinal);
        Assert.Matches("<form id=\"plan\" method=\"post\"[^>]*data-enhance", session.RawHtml);

        using (var list = await session.GetAsync("/gemeente/GM0228/plannen"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        Assert.DoesNotContain("_framework/blazor", session.RawHtml, StringComparison.Ordinal);
    }

    /// <summary>
    /// The overview's map is drawn on the server as SVG (ADR 0004) from the shipped shapes: the same 342 municipalities,
    /// every point the shipped point rounded to 0,001 degree and then to the map's grid (0,002 degree for the whole
    /// country), repeats and the closing point dropped, rings below a triangle dropped; far smaller than the GeoJSON.
    /// </summary>
    [Fact]
    public async Task Map_IsTheShippedShapesDrawnOnTheServer()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var html = await new StreamReader(gzip).ReadToEndAsync(Ct);
        var shippedFile = Path.Combine(AppContext.BaseDirectory, "data", "reference", "gemeenten-2024.geojson");
        var shippedBytes = await File.ReadAllBytesAsync(shippedFile, Ct);
        // The whole page with its map, compressed, is under a third of the shapes alone as GeoJSON.
        Assert.True(compressed.Length < shippedBytes.Length / 3, $"{compressed.Length} bytes compressed against {shippedBytes.Length} of GeoJSON");
        Assert.DoesNotContain("echarts", html, StringComparison.Ordinal);

        var paths = OverviewPageTests.MapShapes(html);
        using var shipped = JsonDocument.Parse(shippedBytes);
        var originals = shipped.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(342, paths.Count);
        Assert.Equal(originals.Count, paths.Count);
        const int step = 2; // 0,002 degree: the country is about 2.800 thousandths high, the grid is 1/1.200 of that
        foreach (var feature in originals)
        {
            var code = feature.GetProperty("properties").GetProperty("gemeentecode").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var expected = new List<List<(long, long)>>();
            foreach (var rings in polygons.Select(p => p.EnumerateArray().ToList()))
            {
                if (Ring(rings[0]) is not { } outer)
                {
                    continue;
                }

                expected.Add(outer);
                expected.AddRange(rings.Skip(1).Select(Ring).OfType<List<(long, long)>>());
            }

            Assert.NotEmpty(expected);
            Assert.Equal(expected, Decode(paths[code].Path));
        }

        // The shipped point in thousandths of a degree on the grid, repeats dropped, not closed again, at least 3 points.
        static List<(long, long)>? Ring(JsonElement ring)
        {
            var points = new List<(long, long)>();
            foreach (var point in ring.EnumerateArray())
            {
                var p = (Grid(point[0].GetDouble()), Grid(point[1].GetDouble()));
                if (points.Count == 0 || points[^1] != p)
                {
                    points.Add(p);
                }
            }

            if (points.Count > 1 && points[0] == points[^1])
            {
                points.RemoveAt(points.Count - 1);
            }

            return points.Count >= 3 ? points : null;
        }

        static long Grid(double degrees) =>
            (long)Math.Round(Math.Round(degrees * 1000, MidpointRounding.AwayFromZero) / step, MidpointRounding.AwayFromZero) * step;

        // "Mx yl dx dy ... z" per ring, y is minus the latitude: back to absolute (x, latitude) in thousandths.
        static List<List<(long, long)>> Decode(string d) =>
            [.. Regex.Matches(d, "M([^l]+)l([^z]*)z").Select(m =>
            {
                var start = Numbers(m.Groups[1].Value);
                var deltas = Numbers(m.Groups[2].Value);
                var (x, y) = (start[0], start[1]);
                var points = new List<(long, long)> { (x, -y) };
                for (var k = 0; k < deltas.Count; k += 2)
                {
                    (x, y) = (x + deltas[k], y + deltas[k + 1]);
                    points.Add((x, -y));
                }

                return points;
            })];

        static List<long> Numbers(string text) => [.. Regex.Matches(text, "-?[0-9]+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The continuous colours run from the first to the last of the five over the range, linearly (as the chart library did).</summary>
    [Theory]
    [InlineData(0, "#ffffcc")]
    [InlineData(10, "#a1dab4")]
    [InlineData(20, "#41b6c4")]
    [InlineData(30, "#2c7fb8")]
    [InlineData(40, "#253494")]
    [InlineData(5, "#d0edc0")] // halfway between #ffffcc and #a1dab4, rounded half away from zero
    [InlineData(-3, "#ffffcc")]
    [InlineData(55, "#253494")]
    public void MapColour_IsLinearBetweenTheFiveColours(double value, string expected) =>
        Assert.Equal(expected, Regiewijzer.Web.Components.Pages.Overview.MapSvg.Colour(value, new(0, 40)));
}
