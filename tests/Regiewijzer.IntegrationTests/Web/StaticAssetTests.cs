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

    [GeneratedRegex("data-shapes=\"([^\"]+)\"")]
    private static partial Regex MapShapes();

    [GeneratedRegex("href=\"(lib/components-css/[^\"]+)\"")]
    private static partial Regex ComponentsCss();

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
        foreach (var url in new[] { await ChartLibraryUrlAsync(app), "/" + ComponentsCss().Match(html).Groups[1].Value })
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
    [InlineData("/", true)]
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
        // Every page loads the small site script and Blazor's; no page loads a chart script with a script tag.
        var scripts = ScriptTag().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(scripts, s => s.StartsWith("js/site.", StringComparison.Ordinal));
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
    /// The map draws from a compact copy of the shipped shapes (charts/shapes.mjs, run by the build): the same 342
    /// municipalities with their properties, every point the shipped point rounded to 0,001 degree (repeats dropped,
    /// rings below a triangle dropped), delta-encoded; fingerprinted, cached for a year, far smaller than the download.
    /// </summary>
    [Fact]
    public async Task MapShapes_AreTheShippedShapesRoundedAndCompact()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var html = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var url = "/" + MapShapes().Match(html).Groups[1].Value;
        Assert.Matches(@"^/lib/kaart/gemeenten-2024\.[a-z0-9]+\.json$", url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
        var shippedFile = Path.Combine(AppContext.BaseDirectory, "data", "reference", "gemeenten-2024.geojson");
        var shippedBytes = await File.ReadAllBytesAsync(shippedFile, Ct);
        Assert.True(compressed.Length < shippedBytes.Length / 8, $"{compressed.Length} bytes compressed against {shippedBytes.Length} of GeoJSON");

        await using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var compact = await JsonDocument.ParseAsync(input, cancellationToken: Ct);
        using var shipped = JsonDocument.Parse(shippedBytes);
        var scale = compact.RootElement.GetProperty("schaal").GetInt32();
        Assert.Equal(1000, scale);
        var features = compact.RootElement.GetProperty("features").EnumerateArray().ToList();
        var originals = shipped.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(342, features.Count);
        Assert.Equal(originals.Count, features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            Assert.Equal(originals[i].GetProperty("properties").GetRawText(), features[i].GetProperty("properties").GetRawText());
            var geometry = originals[i].GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var expected = polygons.Select(p => Expected(p.EnumerateArray().ToList())).OfType<List<List<(long, long)>>>().ToList();
            var actual = features[i].GetProperty("polygons").EnumerateArray().Select(p => p.EnumerateArray().Select(Decode).ToList()).ToList();
            Assert.NotEmpty(actual);
            Assert.Equal(expected, actual);
        }

        // The shipped point rounded to thousandths of a degree, repeats dropped, closed, at least 4 positions.
        List<(long, long)>? Ring(JsonElement ring)
        {
            var points = new List<(long, long)>();
            foreach (var point in ring.EnumerateArray())
            {
                var p = ((long)Math.Round(point[0].GetDouble() * scale, MidpointRounding.AwayFromZero), (long)Math.Round(point[1].GetDouble() * scale, MidpointRounding.AwayFromZero));
                if (points.Count == 0 || points[^1] != p)
                {
                    points.Add(p);
                }
            }

            if (points.Count > 1 && points[0] != points[^1])
            {
                points.Add(points[0]);
            }

            return points.Count >= 4 ? points : null;
        }

        List<List<(long, long)>>? Expected(List<JsonElement> rings) =>
            Ring(rings[0]) is { } outer ? [outer, .. rings.Skip(1).Select(Ring).OfType<List<(long, long)>>()] : null;

        static List<(long, long)> Decode(JsonElement deltas)
        {
            var values = deltas.EnumerateArray().Select(d => d.GetInt64()).ToList();
            var points = new List<(long, long)>();
            var (x, y) = (0L, 0L);
            for (var k = 0; k < values.Count; k += 2)
            {
                (x, y) = (x + values[k], y + values[k + 1]);
                points.Add((x, y));
            }

            return points;
        }
    }
}
