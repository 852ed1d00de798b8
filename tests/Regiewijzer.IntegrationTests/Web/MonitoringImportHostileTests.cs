using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Governance;
using Regiewijzer.IntegrationTests.ImportExport;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>Issue 11: the zip bomb as a viewer (refused before reading) and as an editor, and the encodings of Dutch Excel.</summary>
public sealed partial class MonitoringImportTests
{
    [Fact]
    public async Task Upload_ZipBombAsAViewer_RefusedBeforeTheFileIsRead()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var viewer = await SecurityClients.SignedInBrowserAsync(app, await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer));

        foreach (var kind in new[] { "plannen", "realisaties" })
        {
            var (status, html) = await PostFileAsync(viewer, kind, HostileFiles.ZipBomb, "bom.xlsx");

            Assert.Equal(HttpStatusCode.Forbidden, status);
            var (line, column, reason) = Assert.Single(ErrorRows(html));
            Assert.Equal(("bestand", "–", "uw account is van geen enkele gemeente bewerker; alleen bewerkers van een gemeente mogen gegevens inlezen. Het bestand is niet gelezen"), (line, column, reason));
        }
    }

    [Fact]
    public async Task Upload_ZipBombAsAnEditor_RefusedWithADutchReason()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app);
        int plans;
        await using (var context = db.Context())
        {
            plans = await context.Plans.CountAsync(Ct);
        }

        var html = await UploadAsync(client, "plannen", HostileFiles.ZipBomb, "bom.xlsx");

        var (_, _, reason) = Assert.Single(ErrorRows(html));
        Assert.StartsWith("het XLSX-bestand pakt uit tot meer dan 256,0 MB", reason, StringComparison.Ordinal);
        await using var after = db.Context();
        Assert.Equal(plans, await after.Plans.CountAsync(Ct));

        // The app still answers: the same page, and a valid file right after.
        var ok = await UploadAsync(client, "realisaties", System.Text.Encoding.UTF8.GetBytes("gemeentecode;jaar;sociale_huur\nGM0228;2031;10\n"), "goed.csv");
        Assert.Contains("Realisaties ingelezen uit goed.csv", ok, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OversizedRowNumber_DutchErrorNot500()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app);

        var html = await UploadAsync(client, "plannen", HostileFiles.Xlsx("<row r=\"4294967295\"><c r=\"A1\"><v>1</v></c></row>"), "rij.xlsx");

        Assert.Equal(
            [("bestand", "–", "rijnummer '4294967295' in het werkblad is ongeldig; een werkblad heeft rijen 1 tot en met 1.048.576")],
            ErrorRows(html));
    }

    [Theory]
    [InlineData("windows-1252", "Windows-1252")]
    [InlineData("utf-16le", "UTF-16 LE (zonder BOM)")]
    [InlineData("utf-16le-bom", "UTF-16 LE (met BOM)")]
    public async Task Upload_DutchExcelEncodings_StoredCorrectly_ReportNamesTheEncoding(string encoding, string name)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app);
        var csv = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;prijspeiljaar;eigendom;prijs;aantal\r\nGM0228;CK-1;Café-kwartier;1a;2026;2025;koop;€ 380.000;12\r\n";

        var html = await UploadAsync(client, "plannen", HostileImportTests.Bytes(encoding, csv), "excel.csv");

        Assert.Contains("Plannen ingelezen uit excel.csv", html, StringComparison.Ordinal);
        Assert.Contains($"Tekenset van het bestand: {name}.", html, StringComparison.Ordinal);
        await using var after = db.Context();
        Assert.Equal("Café-kwartier", (await after.Plans.SingleAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "CK-1", Ct)).Name);
    }

    [Fact]
    public async Task Upload_BytesInvalidInEveryEncoding_RefusalNamesTheEncodings()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await EditorAsync(db, app);
        byte[] bytes = [.. System.Text.Encoding.ASCII.GetBytes("gemeentecode;jaar;sociale_huur\nGM0228;2031;"), 0xC3, 0x28, 0x81, (byte)'\n'];

        var html = await UploadAsync(client, "realisaties", bytes, "raar.csv");

        var (_, _, reason) = Assert.Single(ErrorRows(html));
        Assert.StartsWith("het bestand is geen leesbare tekst in UTF-8 of Windows-1252", reason, StringComparison.Ordinal);
    }

    /// <summary>As <see cref="UploadAsync"/>, but returns the status code too instead of requiring 200.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostFileAsync(HttpClient client, string kind, byte[] file, string fileName)
    {
        var page = await client.GetStringAsync(new Uri("/monitoring/import", UriKind.Relative), Ct);
        using var content = new MultipartFormDataContent();
        foreach (Match input in HiddenInput().Matches(Form(page, $"{kind}-inlezen")))
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(input.Groups[2].Value)), WebUtility.HtmlDecode(input.Groups[1].Value));
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "Bestand", fileName);
        using var response = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), content, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}
