using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The national overview, province, region-list and search pages and their downloads, over HTTP against the real app.</summary>
public sealed partial class OverviewPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Home_ShowsNationalTotalsProvinceShortfallsAndMapData(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/");

        // Nation: task 883.664 (the known part: 21 municipalities have no task), RS 265.100 vs 265.131 distributed, RA 589.110 vs 589.228.
        foreach (var figure in new[] { "883.664", "265.100", "265.131", "589.110", "589.228" })
        {
            Assert.Contains(figure, html, StringComparison.Ordinal);
        }

        Assert.Contains("7 van de 12 provincies komen tekort", html, StringComparison.Ordinal);

        // Five deal totals are unknown, so the nation is never "voldoet": the known part is labelled and judged "niet te beoordelen".
        Assert.Contains("de som van wat bekend is, niet de landelijke opgave", html, StringComparison.Ordinal);
        Assert.Contains("niet te beoordelen", html, StringComparison.Ordinal);
        Assert.Contains("2 zijn niet te beoordelen zolang gemeenten zonder bekende opgave ontbreken", html, StringComparison.Ordinal);
        Assert.Contains("tekort 6.963", html, StringComparison.Ordinal); // Noord-Holland, social
        Assert.Contains("Niet meegeteld: 21 van de 342 gemeenten", html, StringComparison.Ordinal);
        Assert.Matches("id=\"kaart\"[^>]*role=\"img\"|role=\"img\"[^>]*id=\"kaart\"", html);
        Assert.DoesNotContain("coordinates", html, StringComparison.Ordinal); // SVG paths, not GeoJSON

        // The map is drawn on the server (ADR 0004): one path per municipality, with what a pointer shows as its title.
        var shapes = MapShapes(html);
        Assert.Equal(342, shapes.Count);
        Assert.Equal(
            "Ede\nAandeel corporatiewoningen in de voorraad: 21,0%\nProvincie: Gelderland\nRegio: Regio Foodvalley\nOpgave 2022-2030: 7.000 woningen (afgesproken)",
            shapes["GM0228"].Title);
        Assert.All(shapes.Values, s => Assert.Matches("^#[0-9a-f]{6}$", s.Fill.ToLowerInvariant()));
        Assert.Equal(342, shapes.Values.Select(s => s.Fill).Count(f => f != "#BDBDBD")); // every municipality has a stock share
        Assert.Contains("rw-map__scale", html, StringComparison.Ordinal); // the legend of a continuous indicator
        Assert.Contains("0%", html, StringComparison.Ordinal);

        // The table behind the map is its own page, linked (and loaded on demand) from the overview, not part of it.
        Assert.Contains("data-load=\"/kaart/tabel\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/kaart/tabel\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/gemeente/GM0228\"", html, StringComparison.Ordinal);
        var table = await GetAsync(app, "/kaart/tabel");
        Assert.Contains("id=\"kaart-tabel\"", table, StringComparison.Ordinal);
        Assert.Equal(342, Regex.Count(table, "<th scope=\"row\"><a href=\"/gemeente/GM[0-9]{4}\">"));
        Assert.Matches("<a href=\"/gemeente/GM0228\">Ede</a></th>\\s*<td>Gelderland</td>\\s*<td>\\s*<a href=\"/regio/WD19\">Regio Foodvalley</a>\\s*</td>\\s*<td class=\"num\">21,0%</td>\\s*<td class=\"num\">7.000</td>\\s*<td>afgesproken</td>", table);
    }

    [Fact]
    public async Task MapTable_ExplanationsEndWithOneFullStop()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        foreach (var indicator in new[] { "", "?indicator=achterblijvend", "?indicator=betaalbaar", "?indicator=sociaal", "?indicator=regio" })
        {
            var html = await GetAsync(app, "/kaart/tabel" + indicator);
            var text = Regex.Replace(html, "<[^>]+>", " ");
            Assert.DoesNotMatch(@"[^.]\.\.(?!\.)", text); // "gevonden.." (a text that ends with a full stop, and one more)
        }

        Assert.Contains("per gemeente gevonden. Onder", Regex.Replace(await GetAsync(app, "/kaart/tabel"), @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_IndicatorFromQuery_ColoursByRegionComplianceWithTaskLessMunicipalitiesGrey()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/?indicator=regio");

        Assert.Matches("<option value=\"regio\" selected", html);
        var shapes = MapShapes(html);
        Assert.Equal(342, shapes.Count);
        Assert.Equal(21, shapes.Values.Count(s => s.Fill == "#BDBDBD")); // WD06, WD08, WD28, WD29 and two Wadden islands: grey
        Assert.Contains("Voldoet de regio aan de normen: geen opgave bekend\n", shapes["GM0080"].Title, StringComparison.Ordinal); // Leeuwarden
        Assert.Equal("#BDBDBD", shapes["GM0080"].Fill);
        Assert.Equal("#009E73", shapes["GM0228"].Fill); // Ede: Foodvalley meets both norms ("regio voldoet")
        Assert.Contains("Voldoet de regio aan de normen: regio voldoet\n", shapes["GM0228"].Title, StringComparison.Ordinal);
        Assert.Contains("Grijs: geen opgave bekend (21 gemeenten).", html, StringComparison.Ordinal);
        // The legend names the three categories and the grey.
        foreach (var label in new[] { "regio voldoet</span>", "regio voldoet; niet alle gemeenten hebben een opgave</span>", "regio komt tekort</span>", "geen opgave bekend</span>" })
        {
            Assert.Contains(label, html, StringComparison.Ordinal);
        }

        Assert.Contains("data-load=\"/kaart/tabel?indicator=regio\"", html, StringComparison.Ordinal);

        var table = await GetAsync(app, "/kaart/tabel?indicator=regio");
        Assert.Matches("<a href=\"/gemeente/GM0080\">Leeuwarden</a></th>(?:(?!</tr>).)*<td>geen opgave bekend</td>", table.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task Province_ShowsTotalsRegionPartsAndMunicipalities_ByCodeAndByName()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/provincie/PV25");

        // Gelderland: task 103.824; affordable required 69.216, distributed region-only 68.910: 306 short (the comparison of domain.md §5b).
        foreach (var figure in new[] { "103.824", "31.148", "32.071", "69.216", "68.910", "tekort 306" })
        {
            Assert.Contains(figure, html, StringComparison.Ordinal);
        }

        Assert.Contains("Regio&#x27;s over de grens van Gelderland: de norm per provinciaal deel", html, StringComparison.Ordinal);
        Assert.Contains("bij verdeling alleen op regioniveau zou Gelderland tekortkomen", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regio/WD19\"", html, StringComparison.Ordinal);
        Assert.Contains("5 van 8", html, StringComparison.Ordinal); // five of Foodvalley's eight members lie in Gelderland
        Assert.Contains("href=\"/gemeente/GM0228\"", html, StringComparison.Ordinal);
        var shapes = MapShapes(html); // the map shows only Gelderland
        Assert.Contains("GM0228", shapes.Keys); // Ede
        Assert.DoesNotContain("GM0363", shapes.Keys); // Amsterdam
        Assert.DoesNotContain("GM0345", shapes.Keys); // Veenendaal: Foodvalley, but in Utrecht
        // One path per municipality of the province's tables.
        Assert.Equal(
            Regex.Matches(html, "<th scope=\"row\"><a href=\"/gemeente/(GM[0-9]{4})\">").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal),
            shapes.Keys.Order(StringComparer.Ordinal));
        // Same page by name (only the skip link, which points into the page's own URL, differs).
        static string Main(string page) => page[page.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.Equal(Main(html), Main(await GetAsync(app, "/provincie/gelderland")));

        using var missing = await app.Client.GetAsync(new Uri("/provincie/PV99", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ProvincesAndRegions_ListEveryProvinceAndRegion()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var provinces = await GetAsync(app, "/provincies");
        Assert.Equal(12, ProvinceLinks().Matches(provinces).Select(m => m.Value).Distinct().Count());
        Assert.Contains("100.000", provinces, StringComparison.Ordinal); // Gelderland's provincial agreement 2022

        var regions = await GetAsync(app, "/regios");
        Assert.Equal(35, RegionLinks().Matches(regions).Select(m => m.Value).Distinct().Count());
        Assert.Equal(4, Regex.Count(regions, "niet verdeeld</span>")); // WD06, WD08, WD28, WD29: no total found
        Assert.Contains("25.383", regions, StringComparison.Ordinal); // Foodvalley
        Assert.Contains("883.664", regions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ede", "/gemeente/GM0228")]
    [InlineData("FRYSLAN", "/provincie/PV21")]
    [InlineData("friesland", "/provincie/PV21")]
    [InlineData("wd19", "/regio/WD19")]
    [InlineData("hertogenbosch", "/gemeente/GM0796")]
    public async Task Search_FindsIgnoringCaseAndAccents_BestMatchFirst(string query, string first)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/zoeken?q=" + Uri.EscapeDataString(query));

        Assert.Equal(first, ResultLinks().Match(html).Groups[1].Value);
        Assert.Contains("value=\"" + query + "\"", html, StringComparison.Ordinal);
        var none = await GetAsync(app, "/zoeken?q=xyzzy");
        Assert.Contains("Geen gemeente, regio of provincie gevonden", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OneMatch_StillShowsTheList()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/zoeken?q=WD19");

        Assert.Contains("1 resultaat voor", html, StringComparison.Ordinal);
        Assert.Single(ResultLinks().Matches(html));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Downloads_HoldTheTablesThePagesShow(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var totals = await CsvAsync(app, "/download/landelijk/totalen.csv");
        Assert.Equal(14, totals.Length); // header, 12 provinces, the nation
        // 21 municipalities without a known task are left out: the national sum is not judged as if it were the whole (issue 12).
        Assert.Equal("land;NL;Nederland;31;321;883664;265100;265131;0;589110;589228;0;niet te beoordelen (21 gemeenten zonder bekende opgave tellen niet mee)", totals[^1]);
        Assert.Contains("provincie;PV25;Gelderland;6;51;103824;31148;31155;0;69216;69218;0;ja" /* per province part (domain.md §5b) */, totals);

        var municipalities = await CsvAsync(app, "/download/landelijk/gemeenten.csv");
        Assert.Equal(343, municipalities.Length);
        Assert.Contains(municipalities, l => l.StartsWith("GM0228;Ede;PV25;Gelderland;WD19;Regio Foodvalley;nee;2024;52436;11012;", StringComparison.Ordinal)
            && l.EndsWith(";sociale huur;7000;afgesproken;2391;2178;2431;0,3416;0,6527;ja", StringComparison.Ordinal));

        var regions = await CsvAsync(app, "/download/regios.csv");
        Assert.Equal(36, regions.Length);
        Assert.Contains("WD19;Regio Foodvalley;Gelderland, Utrecht;8;0;0;25383;afgesproken;25000;exact, afgerond in de bron;7615;7616;16922;16923;ja", regions);

        var parts = await CsvAsync(app, "/download/provincie/PV25/regios.csv");
        Assert.Contains("WD19;Regio Foodvalley;Gelderland, Utrecht;5;8;19828;5949;13219;25383;7615;7616;16922;16923;ja", parts);
        Assert.Equal(52, (await CsvAsync(app, "/download/provincie/gelderland/gemeenten.csv")).Length);

        var signals = await CsvAsync(app, "/download/landelijk/signalen.csv");
        Assert.Equal(59, signals.Length); // header + 58 signals with the December 2026 deal data (three more Frisian regions distributed, more published municipal numbers)
        Assert.Equal("GM0277;Rozendaal;Gelderland;WD20;Groene Metropoolregio Arnhem-Nijmegen;8;5;0,625;sociale huur", signals[1]); // worst ratio first
        Assert.Contains("GM1842;Midden-Delfland;Zuid-Holland;WD25;Haaglanden;534;303;0,5674;sociale huur", signals);
        Assert.Contains("PV21;Fryslân;18;13;5;10625;17500", await CsvAsync(app, "/download/provincies/opgave-bekend.csv")); // three more Frisian deal totals (December 2026)

        using var xlsx = await app.Client.GetAsync(new Uri("/download/provincie/PV25/totalen.xlsx", UriKind.Relative), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);

        using var other = await app.Client.GetAsync(new Uri("/download/landelijk/totalen.pdf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Shapes_AreGeoJsonWithCachingHeaders()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri("/download/gemeenten-2024.geojson", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        var tag = response.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        using (var shapes = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)))
        {
            var features = shapes.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(342, features.Count);
            Assert.Contains(features, f => f.GetProperty("properties").GetProperty("gemeentecode").GetString() == "GM0228");
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/download/gemeenten-2024.geojson", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await app.Client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private static async Task<string[]> CsvAsync(RunningApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<string> GetAsync(RunningApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The map's paths by municipality code: colour and title (HTML-decoded).</summary>
    internal static Dictionary<string, (string Fill, string Title, string Path)> MapShapes(string html)
    {
        var map = html[html.IndexOf("id=\"kaart\"", StringComparison.Ordinal)..];
        map = map[..(map.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        return MapPath().Matches(map).ToDictionary(
            m => m.Groups[1].Value,
            m => (m.Groups[2].Value, System.Net.WebUtility.HtmlDecode(m.Groups[4].Value), m.Groups[3].Value),
            StringComparer.Ordinal);
    }

    [GeneratedRegex("<path data-gemeente=\"(GM[0-9]{4})\" fill=\"([^\"]+)\" d=\"([^\"]+)\"><title>([^<]*)</title></path>")]
    private static partial Regex MapPath();

    [GeneratedRegex("href=\"/provincie/PV\\d\\d\"")]
    private static partial Regex ProvinceLinks();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/regio/WD\\d\\d\"")]
    private static partial Regex RegionLinks();

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")]
    private static partial Regex ResultLinks();
}
