using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The woningbouwregio page (/regio/{id}) and its downloads, over HTTP against the real app and seeded data.</summary>
public sealed partial class RegionPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Foodvalley_ShowsTotalsDistributionAndOrigin(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/regio/WD19", UriKind.Relative), Ct));

        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Regio Foodvalley</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>vereist (RS)</dt><dd>7.615</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>vereist (RA)</dt><dd>16.922</dd>", html, StringComparison.Ordinal);
        Assert.Contains("25.383", html, StringComparison.Ordinal);
        Assert.Contains("Woondeal: 25.000 (exact, afgerond in de bron)", html, StringComparison.Ordinal);
        Assert.Contains("Verdeelsleutel: proportioneel.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regio/WD19/wat-als\">Wat als…? Probeer een andere verdeling</a>", html, StringComparison.Ordinal);

        var table = Table(html, "verdeling");
        Assert.Equal(8, Rows(table).Count);
        string[] ede = ["7.000", "afgesproken", "21,0%", "sociale huur", "2.100", "0", "291", "2.178", "2.391", "2.178", "2.431", "34,2%"]; // province-aware: the Gelderland part
        Assert.Equal(ede, Cells(Rows(table)["GM0228"])[..12]);
        Assert.Contains("<tfoot", table, StringComparison.Ordinal);
        // The Utrecht part must reach 30% of its own task: Renswoude and Rhenen are asked more than half their task as social rent (a signal).
        Assert.Contains("HIGH_SOCIAL_SHARE", html, StringComparison.Ordinal);
        Assert.DoesNotContain("REGION_SOCIAL_SHORTFALL", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/download/regio/WD19/verdeling.csv\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foodvalley_ChartHasTheMixAndPointsToTheTable()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/regio/wd19", UriKind.Relative), Ct));

        Assert.Matches("<div class=\"rw-chart[^\"]*\" data-chart=\"bars\" data-source=\"mix-data\" data-scripts=\"lib/echarts/echarts\\.min\\.[^\"]+ js/charts\\.[^\"]+ js/bars\\.[^\"]+\" role=\"img\" aria-label=\"[^\"]+\" aria-describedby=\"mix-alt\"", html);
        Assert.Contains("<a href=\"#verdeling\">Verdeling per gemeente</a>", html, StringComparison.Ordinal);
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"mix-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var data = JsonDocument.Parse(json);
        var categories = data.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(8, categories.Count);
        var ede = categories.IndexOf("Ede");
        var social = data.RootElement.GetProperty("series")[0];
        Assert.Equal("sociale huur", social.GetProperty("name").GetString());
        Assert.Equal(34.16m, social.GetProperty("values")[ede].GetDecimal()); // 2391 / 7000
    }

    [Fact]
    public async Task Rotterdam_SignalsWhereTheDistributionChafes()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/regio/WD26", UriKind.Relative), Ct));

        Assert.Contains("Barendrecht: gevraagd meer dan de helft van de opgave als sociale huur te bouwen", html, StringComparison.Ordinal);
        Assert.Contains("<code>HIGH_SOCIAL_SHARE</code>", html, StringComparison.Ordinal);
        var barendrecht = Rows(Table(html, "verdeling"))["GM0489"];
        Assert.Contains("signaal", barendrecht, StringComparison.Ordinal);
        Assert.Contains("55,1%", barendrecht, StringComparison.Ordinal);
        Assert.Contains("afgeleid", barendrecht, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-assumption\">aanname</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionWithoutTasks_ExplainsWhatInputIsNeeded()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri("/regio/WD08", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nog geen verdeling: de opgave ontbreekt", html, StringComparison.Ordinal);
        Assert.Contains("Een bewerker van de provincie legt de opgave vast op de pagina <a href=\"/regio/WD08/opgave\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("regiewijzer import", html, StringComparison.Ordinal); // no commands on a public page (issue 15)
        Assert.DoesNotContain("id=\"verdeling\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "geen opgave bekend voor 2022–2030")); // Fryslân - Noordwest: no total found
    }

    [Fact]
    public async Task RegionWithSomeTasks_SaysWhoIsLeftOut()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/regio/WD11", UriKind.Relative), Ct));

        // Waddeneilanden: Terschelling and Vlieland published numbers, no regional total to derive Ameland's and Schiermonnikoog's from.
        Assert.Contains("Onvolledige verdeling.", html, StringComparison.Ordinal);
        Assert.Equal(2, Rows(Table(html, "verdeling")).Count);
        Assert.Equal(2, Regex.Count(html, "geen opgave bekend voor 2022–2030"));
    }

    [Fact]
    public async Task UnknownRegion_IsA404InDutch()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri("/regio/WD99", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Regio niet gevonden", html, StringComparison.Ordinal);
        Assert.Contains("Er is geen woningbouwregio met de code <strong>WD99</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistributionCsv_IsForDutchExcel()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri("/download/regio/WD19/verdeling.csv", UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("verdeling-WD19.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', ExportDistribution.Columns), lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.Contains("GM0228;Ede;7000;0,21;sociale huur;2100;0;291;2178;2391;2178;2431;6742", lines);
    }

    [Fact]
    public async Task DistributionXlsx_HasNumbersAsNumbers()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var bytes = await app.Client.GetByteArrayAsync(new Uri("/download/regio/WD19/verdeling.xlsx", UriKind.Relative), Ct);

        var rows = Xlsx.Rows(bytes);
        Assert.Equal(ExportDistribution.Columns.Select(TableFile.Label), rows[0].Select(c => c.Text));
        var ede = rows.Single(r => r[0].Text == "GM0228");
        Assert.Equal(("Ede", false), (ede[1].Text, ede[1].IsNumber));
        Assert.Equal(("7000", true), (ede[2].Text, ede[2].IsNumber));
        Assert.Equal(("0.21", true), (ede[3].Text, ede[3].IsNumber));
        Assert.Equal(("2391", true), (ede[9].Text, ede[9].IsNumber));
    }

    [Theory]
    [InlineData("/download/regio/WD99/verdeling.csv", "Geen woningbouwregio met de code WD99.")]
    [InlineData("/download/regio/WD19/verdeling.pdf", "Onbekend bestandstype 'pdf': kies csv of xlsx.")]
    [InlineData("/download/regio/WD08/verdeling.xlsx", "geen gemeente met een opgave voor 2022-2030")]
    public async Task Download_WithoutTable_IsA404WithReason(string path, string reason)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>The HTML of the table with this id.</summary>
    internal static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>The body rows of a table by their data-code.</summary>
    internal static Dictionary<string, string> Rows(string table) =>
        RowPattern().Matches(table).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    /// <summary>The text of the td cells of a row.</summary>
    internal static string[] Cells(string row) =>
        [.. CellPattern().Matches(row).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, "")).Trim())];

    [GeneratedRegex("<tr [^>]*data-code=\"(GM\\d{4})\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}

/// <summary>Reads the first sheet of an XLSX file: per row, each cell's text and whether it is a number.</summary>
internal static class Xlsx
{
    public static List<List<(string Text, bool IsNumber)>> Rows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = ((WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        return
        [
            .. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
                ? (c.InlineString?.Text?.Text ?? "", false)
                : (c.CellValue?.Text ?? "", c.DataType is null || c.DataType.Value == CellValues.Number)).ToList()),
        ];
    }
}
