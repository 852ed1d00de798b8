using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Governance;
using Regiewijzer.IntegrationTests.ImportExport;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

public sealed partial class MonitoringImportTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_HasBothFormsTheWarningAndTheTemplates()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app);

        var html = Regex.Replace(WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/monitoring/import", UriKind.Relative), Ct)), "\\s+", " ");

        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Plannen en realisaties inlezen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("u leest alleen gegevens in van gemeenten waarvan u bewerker bent (GM0228)", html, StringComparison.Ordinal);
        foreach (var id in new[] { "plannen", "realisaties" })
        {
            Assert.Contains($"id=\"{id}-inlezen\"", html, StringComparison.Ordinal);
            Assert.Contains($"<label class=\"utrecht-form-label\" for=\"{id}-bestand\">", html, StringComparison.Ordinal);
            Assert.Contains("name=\"__RequestVerificationToken\"", Form(html, $"{id}-inlezen"), StringComparison.Ordinal);
            using var template = await app.Client.GetAsync(new Uri($"/{id}-sjabloon.csv", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(id == "plannen" ? Templates.Plans : Templates.Realisations, Ct), await template.Content.ReadAsByteArrayAsync(Ct));
        }

        // The price limits of every known price level year, 2025 social rent exactly as the classification uses it.
        Assert.Contains("<td class=\"utrecht-table__cell num\">€ 900,07</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task UploadPlans_WithErrors_ShowsEveryErrorAndStoresNothing(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        int plans;
        await using (var context = db.Context())
        {
            plans = await context.Plans.CountAsync(Ct);
        }

        var csv = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;sociale_huur\nGM0228;A-1;Goed;1a;2026;10\nGM0228;A-2;Fout;7;2026;-4\n";
        using var client = await EditorAsync(db, app);
        var html = await UploadAsync(client, "plannen", Encoding.UTF8.GetBytes(csv), "plannen.csv");

        Assert.Contains("Plannen niet ingelezen: 2 fouten in plannen.csv", html, StringComparison.Ordinal);
        Assert.Contains("Er is niets opgeslagen", html, StringComparison.Ordinal);
        var rows = ErrorRows(html);
        Assert.Equal(
            [("3", "planstatus", "'7' is geen planstatus; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b"), ("3", "sociale_huur", "'-4' is negatief; een aantal is 0 of meer")],
            rows);
        await using var after = db.Context();
        Assert.Equal(plans, await after.Plans.CountAsync(Ct));
    }

    [Fact]
    public async Task UploadRealisations_Xlsx_StoresAndSummarises()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var xlsx = new MemoryStream();
        ImportExport.Xlsx.Write(xlsx, ["gemeentecode", "jaar", "sociale_huur", "vrije_koop"], [["GM0228", 2023, 300, 500], ["GM0228", 2024, 250, 410]]);

        using var client = await EditorAsync(db, app);
        var html = await UploadAsync(client, "realisaties", xlsx.ToArray(), "ede.xlsx");

        Assert.Contains("Realisaties ingelezen uit ede.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("1 nieuw, 1 vervangen.", html, StringComparison.Ordinal);
        Assert.Contains("waarvan 1 schatting (zoals de meegeleverde benadering 2022-2023", html, StringComparison.Ordinal);
        await using var after = db.Context();
        var rows = await after.Realisations.AsNoTracking().Where(r => r.MunicipalityCode == "GM0228" && r.Year >= 2023).OrderBy(r => r.Year).ToListAsync(Ct);
        Assert.Equal([(2023, 300, 500, 0, false, "import ede.xlsx"), (2024, 250, 410, 0, false, "import ede.xlsx")],
            rows.Select(r => (r.Year, r.SocialRent, r.FreeOwnership, r.UnknownSegment, r.IsEstimate, r.Source)));
    }

    [Fact]
    public async Task Upload_NoFileOrWrongType_SaysSo()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var client = await EditorAsync(db, app);
        var none = await UploadAsync(client, "plannen", null, null);
        Assert.Contains("kies eerst een CSV- of XLSX-bestand", none, StringComparison.Ordinal);
        var xls = await UploadAsync(client, "realisaties", [0xD0, 0xCF, 0x11, 0xE0], "oud.xls");
        Assert.Contains("XLS (Excel 97-2003) wordt niet gelezen", xls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRejected()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("plannen-inlezen"), "_handler" },
            { new StringContent("plannen"), "Inlezen" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(File.ReadAllText(Templates.Plans))), "Bestand", "plannen.csv" },
        };

        using var client = await EditorAsync(db, app); // signed in: the refusal is the missing token
        using var response = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var after = db.Context();
        Assert.False(await after.Plans.AnyAsync(p => p.Code == "EDE-001", Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Upload_RowsOfAMunicipalityTheAccountMayNotEdit_AreErrors_AndNothingIsImported(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app); // editor of Ede (GM0228) only
        int before;
        await using (var context = db.Context())
        {
            before = await context.Realisations.CountAsync(r => r.Year == 2031, Ct);
        }

        var csv = "gemeentecode;jaar;sociale_huur\nGM0228;2031;10\nGM0203;2031;20\nGM0345;2031;5\n";
        var html = await UploadAsync(client, "realisaties", Encoding.UTF8.GetBytes(csv), "regio.csv");

        Assert.Equal(
            [("3", "gemeentecode", "geen rechten voor gemeente GM0203: alleen bewerkers van die gemeente mogen haar gegevens inlezen"),
             ("4", "gemeentecode", "geen rechten voor gemeente GM0345: alleen bewerkers van die gemeente mogen haar gegevens inlezen")],
            ErrorRows(html));
        await using var after = db.Context();
        Assert.Equal(before, await after.Realisations.CountAsync(r => r.Year == 2031, Ct)); // not even Ede's own row
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToSignIn()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };

        using var response = await client.GetAsync(new Uri("/monitoring/import", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/aanmelden?ReturnUrl=%2Fmonitoring%2Fimport", response.Headers.Location!.PathAndQuery);
    }

    /// <summary>A browser signed in as an editor of Ede (GM0228).</summary>
    private static async Task<HttpClient> EditorAsync(TestDatabase db, RunningApp app) =>
        await SecurityClients.SignedInBrowserAsync(app, await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor));

    /// <summary>GETs the page (antiforgery cookie and token), then posts form "{kind}-inlezen" with its hidden fields and the file; returns the decoded page.</summary>
    private static async Task<string> UploadAsync(HttpClient client, string kind, byte[]? file, string? fileName)
    {
        var page = await client.GetStringAsync(new Uri("/monitoring/import", UriKind.Relative), Ct);
        using var content = new MultipartFormDataContent();
        foreach (Match input in HiddenInput().Matches(Form(page, $"{kind}-inlezen")))
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(input.Groups[2].Value)), WebUtility.HtmlDecode(input.Groups[1].Value));
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Bestand", fileName!);
        }

        using var response = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    private static string Form(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form #{id}");
        return html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    private static List<(string, string, string)> ErrorRows(string html)
    {
        var start = html.IndexOf("id=\"import-fouten-tabel\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no error table");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. ErrorRow().Matches(table).Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim()))];
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<tr[^>]*data-line[^>]*>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex ErrorRow();
}
