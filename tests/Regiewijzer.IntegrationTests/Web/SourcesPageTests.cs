using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>Bronnen en aannames (/bronnen) and its downloads, over HTTP against the real app and seeded data.</summary>
public sealed partial class SourcesPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Page_ShowsEveryDataSetNormAndAssumption(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/bronnen", UriKind.Relative), Ct));

        // Data sets: the seeded ones with their rows, the two that are not loaded say so.
        var files = Rows(html, "databestanden", "data-file");
        Assert.Equal(11, files.Count);
        Assert.Contains("6 rijen", files["woondeal-segmenten.csv"], StringComparison.Ordinal);
        Assert.Contains("4 rijen", files["woondeal-overlappingen.csv"], StringComparison.Ordinal);
        Assert.Contains("342 rijen", files["gemeenten-2025.csv"], StringComparison.Ordinal);
        Assert.Contains("353 rijen", files["plancapaciteit-2021.csv"], StringComparison.Ordinal);
        Assert.Contains("3.933 rijen", files["nieuwbouw-2012-2020.csv"], StringComparison.Ordinal);
        Assert.Contains("niet in de database", files["gemeenten-2024.geojson"], StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", files["woningvoorraad-2024.csv"], StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-assumption\">aanname</span>", files["woondeal-gemeenten.csv"], StringComparison.Ordinal);

        // Norms: exact value and percentage; nothing names an article of the law yet, so nothing is labelled verified.
        var norms = Rows(html, "normen", "data-key");
        Assert.Contains("<td class=\"num\">2/3</td>", norms["affordableShare"], StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">66,7%</td>", norms["affordableShare"], StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3/10</td>", norms["socialShare"], StringComparison.Ordinal);
        Assert.Contains("secundaire bron", norms["socialShare"], StringComparison.Ordinal);
        Assert.DoesNotContain(norms.Values, n => n.Contains("geverifieerd", StringComparison.Ordinal));
        Assert.Contains("rw-assumption", norms["highSocialSignal"], StringComparison.Ordinal);
        Assert.Contains("rw-assumption", norms["laggingThreshold"], StringComparison.Ordinal); // the boundary case is an assumption
        Assert.Contains("rw-assumption", norms["stockMetric"], StringComparison.Ordinal);

        var prices = Rows(html, "prijsgrenzen", "data-year");
        Assert.Equal(["2023", "2024", "2025", "2026"], prices.Keys);
        Assert.Contains("€ 932,93", prices["2026"], StringComparison.Ordinal);
        Assert.Contains("€ 420.000", prices["2026"], StringComparison.Ordinal);
        Assert.Contains("ca. € 1.000,00", prices["2023"], StringComparison.Ordinal);

        // Assumptions with how far they reach in the stored data.
        var assumptions = Text(Table(html, "aannames"));
        Assert.Contains("290 van 321 opgaven afgeleid (256 naar plancapaciteit, 34 naar woningvoorraad); 31 afgesproken", assumptions, StringComparison.Ordinal);
        Assert.Contains("5 van 35 regio's", assumptions, StringComparison.Ordinal);
        Assert.Contains("257 van 342 gemeenten indicatief", assumptions, StringComparison.Ordinal);
        Assert.Contains("342 van 342 gemeenten", assumptions, StringComparison.Ordinal);
        Assert.Contains("open juridisch punt", assumptions, StringComparison.Ordinal);
        Assert.Contains("1 juli 2027", assumptions, StringComparison.Ordinal);
        Assert.Contains("netto groei van de woningvoorraad van 1-1-2022 tot 1-1-2024", assumptions, StringComparison.Ordinal);
        Assert.Contains("Gezamenlijke schokken", assumptions, StringComparison.Ordinal);
        Assert.Contains("href=\"/download/bronnen/aannames.csv\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormsCsv_HasExactValuesAndConfidence()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var bytes = await app.Client.GetByteArrayAsync(new Uri("/download/bronnen/normen.csv", UriKind.Relative), Ct);

        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id;omschrijving;waarde;waarde_decimaal;percentage;bron;zekerheid;toelichting", lines[0]);
        Assert.StartsWith("affordableShare;Aandeel betaalbaar (regio, provincie, land);2/3;0,666667;66,7%;", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("highSocialSignal;", StringComparison.Ordinal) && l.Contains(";aanname;", StringComparison.Ordinal));
        Assert.Equal(9, lines.Length); // header + 6 shares + period + stock metric
    }

    [Fact]
    public async Task DataSetsXlsx_ListsEveryFile()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var bytes = await app.Client.GetByteArrayAsync(new Uri("/download/bronnen/databestanden.xlsx", UriKind.Relative), Ct);

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = ((WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Contains(rows, r => r.InnerText.Contains("woondeals.csv", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.InnerText.Contains("woondeal-segmenten.csv", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/download/bronnen/onbekend.csv", "Onbekende tabel 'onbekend'")]
    [InlineData("/download/bronnen/normen.pdf", "Onbekend bestandstype 'pdf'")]
    public async Task Download_Unknown_IsA404WithReason(string path, string reason)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>Body rows of a table by the value of their key attribute (data-file, data-key, data-year), as HTML.</summary>
    private static Dictionary<string, string> Rows(string html, string id, string attribute) =>
        Regex.Matches(Table(html, id), $"<tr {attribute}=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static string Text(string html) => WhiteSpace().Replace(Tag().Replace(html, " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
