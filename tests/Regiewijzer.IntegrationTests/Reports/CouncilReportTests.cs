using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Regiewijzer.Core;
using Regiewijzer.IntegrationTests.Web;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Regiewijzer.IntegrationTests.Reports;

/// <summary>
/// Issue 16: the raadsinformatie and the regiodocument, downloaded from the running app and opened with readers that
/// are not the writers (PdfPig for PDF, the Open XML SDK for DOCX): the municipality's name and targets equal the API's
/// numbers; the PDF has a title, language nl-NL, a structure tree (tagged) and alternative text on its figures.
/// The PDF pages are rendered with pdftoppm (when installed) to test-artefacts/rapport/ for a look.
/// </summary>
[Collection(ApiGroup.Name)]
public sealed class CouncilReportTests(ApiApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GM0228", "Ede")]
    [InlineData("GM0339", "Renswoude")]
    public async Task Raadsinformatie_Pdf_HasTheApisNameAndTargets_TitleLanguageAndTags(string code, string name)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var (apiName, task, social, middle, free) = await MunicipalityTargetsAsync(api, code);
        Assert.Equal(name, apiName);

        using var response = await api.GetAsync($"/download/gemeente/{code}/raadsinformatie.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"raadsinformatie-{code}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal($"Raadsinformatie {name}", pdf.Information.Title);
        var text = Words(pdf);
        Assert.Contains($"Raadsinformatie {name}", text, StringComparison.Ordinal);
        Assert.Contains($"Gemeente {name} ({code})", text, StringComparison.Ordinal);
        Assert.Contains($"Opgave {Format.Count(task)} 100,0%", text, StringComparison.Ordinal);
        Assert.Contains($"Sociale huur {Format.Count(social)} ", text, StringComparison.Ordinal);
        Assert.Contains($"Middensegment {Format.Count(middle)} ", text, StringComparison.Ordinal);
        Assert.Contains($"Vrije sector {Format.Count(free)} ", text, StringComparison.Ordinal);
        Assert.Contains("Hoe komt dit getal tot stand?", text, StringComparison.Ordinal);
        Assert.Contains("Adres van de pagina http://", text, StringComparison.Ordinal);
        AssertAccessible(pdf, bytes);
        RenderPages(bytes, $"raadsinformatie-{code}");
    }

    [Fact]
    public async Task Regiodocument_Pdf_HasEveryMembersTargetsFromTheApi()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var region = await api.GetJsonAsync("/api/v1/regios/WD19");
        var bytes = await api.Http.GetByteArrayAsync(new Uri("/download/regio/WD19/regiodocument.pdf", UriKind.Relative), Ct);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal($"Regiodocument {region.GetProperty("name").GetString()}", pdf.Information.Title);
        var text = Words(pdf);
        var members = region.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("targets").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(8, members.Count);
        foreach (var m in members)
        {
            var t = m.GetProperty("targets");
            // The name cell may wrap ("Scherpenzeel" / "(GM0279)"): the reader then gives the code after the row's numbers.
            var lagging = m.GetProperty("laggingSegment").GetString() == "social" ? "sociale huur" : "middensegment";
            var task = Format.Count(m.GetProperty("task").GetProperty("homes").GetInt32());
            var targets = $"{Format.Count(t.GetProperty("social").GetInt32())} {Format.Count(t.GetProperty("middle").GetInt32())} {Format.Count(t.GetProperty("free").GetInt32())} ";
            var name = System.Text.RegularExpressions.Regex.Escape(m.GetProperty("name").GetString()!);
            var code = System.Text.RegularExpressions.Regex.Escape($"({m.GetProperty("code").GetString()})");
            var segment = lagging == "sociale huur" ? "sociale( huur)?" : "middensegment";
            Assert.Matches($@"{name} ({code} )?{System.Text.RegularExpressions.Regex.Escape(task)} {segment} {System.Text.RegularExpressions.Regex.Escape(targets)}", text);
        }

        AssertAccessible(pdf, bytes);
        RenderPages(bytes, "regiodocument-WD19");
    }

    [Theory]
    [InlineData("GM0228", "Ede")]
    [InlineData("GM0339", "Renswoude")]
    public async Task Raadsinformatie_Docx_HasTheApisNameAndTargets_HeadingsLanguageAndAltText(string code, string name)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var (_, task, social, middle, free) = await MunicipalityTargetsAsync(api, code);
        var bytes = await api.Http.GetByteArrayAsync(new Uri($"/download/gemeente/{code}/raadsinformatie.docx", UriKind.Relative), Ct);

        using var stream = new MemoryStream(bytes);
        using var docx = WordprocessingDocument.Open(stream, false);
        Assert.Equal($"Raadsinformatie {name}", docx.PackageProperties.Title);
        Assert.Equal("nl-NL", docx.PackageProperties.Language);
        var body = docx.MainDocumentPart!.Document.Body!;
        var targets = body.Descendants<W.Table>().Single(t => t.Descendants<W.TableCaption>().Any(c => c.Val?.Value?.StartsWith($"Tabel 1. Doelen van {name}", StringComparison.Ordinal) == true));
        var rows = targets.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Segment", "Woningen", "Aandeel", "Regel"], rows[0]);
        Assert.Equal(Format.Count(task), rows.Single(r => r[0] == "Opgave")[1]);
        Assert.Equal(Format.Count(social), rows.Single(r => r[0] == "Sociale huur")[1]);
        Assert.Equal(Format.Count(middle), rows.Single(r => r[0] == "Middensegment")[1]);
        Assert.Equal(Format.Count(free), rows.Single(r => r[0] == "Vrije sector")[1]);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1" && p.InnerText == "Hoe komt dit getal tot stand?");
        Assert.True(targets.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>() is not null, "the header row repeats on every page");
        var languages = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<W.Languages>().Single();
        Assert.Equal("nl-NL", languages.Val?.Value);
        var pictures = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.NotEmpty(pictures);
        Assert.All(pictures, p => Assert.Contains(name, p.Description?.Value ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regiodocument_Docx_HasEveryMembersTargets()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var region = await api.GetJsonAsync("/api/v1/regios/WD19");
        var bytes = await api.Http.GetByteArrayAsync(new Uri("/download/regio/WD19/regiodocument.docx", UriKind.Relative), Ct);

        using var stream = new MemoryStream(bytes);
        using var docx = WordprocessingDocument.Open(stream, false);
        var table = docx.MainDocumentPart!.Document.Body!.Descendants<W.Table>()
            .Single(t => t.Descendants<W.TableCaption>().Any(c => c.Val?.Value?.StartsWith("Tabel 1. Doelen per gemeente", StringComparison.Ordinal) == true));
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        foreach (var m in region.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("targets").ValueKind == JsonValueKind.Object))
        {
            var row = rows.Single(r => r[0] == $"{m.GetProperty("name").GetString()} ({m.GetProperty("code").GetString()})");
            var t = m.GetProperty("targets");
            Assert.Equal(
                [Format.Count(t.GetProperty("social").GetInt32()), Format.Count(t.GetProperty("middle").GetInt32()), Format.Count(t.GetProperty("free").GetInt32())],
                row[3..6]);
        }
    }

    [Fact]
    public async Task Api_ServesBothFormats_AndAnswersBadInputInDutch()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        using var docx = await api.GetAsync("/api/v1/gemeenten/GM0228/raadsinformatie?formaat=docx");
        using var pdf = await api.GetAsync("/api/v1/regios/wd19/regiodocument");
        using var badFormat = await api.GetAsync("/api/v1/gemeenten/GM0228/raadsinformatie?formaat=xls");
        using var noMunicipality = await api.GetAsync("/api/v1/gemeenten/GM9999/raadsinformatie");
        using var noRegion = await api.GetAsync("/api/v1/regios/WD99/regiodocument?formaat=pdf");
        using var noDistribution = await api.GetAsync("/api/v1/regios/WD06/regiodocument"); // Fryslân - Leeuwarden: total unknown

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("kies pdf of docx", await badFormat.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noMunicipality.StatusCode);
        Assert.Contains("Er is geen gemeente met de CBS-code GM9999", await noMunicipality.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noRegion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDistribution.StatusCode);
        Assert.Contains("geen gemeente met een opgave", await noDistribution.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_LinkBothDocuments()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var municipality = await api.Http.GetStringAsync(new Uri("/gemeente/GM0228", UriKind.Relative), Ct);
        var region = await api.Http.GetStringAsync(new Uri("/regio/WD19", UriKind.Relative), Ct);

        Assert.Contains("href=\"/download/gemeente/GM0228/raadsinformatie.pdf\"", municipality, StringComparison.Ordinal);
        Assert.Contains("href=\"/download/gemeente/GM0228/raadsinformatie.docx\"", municipality, StringComparison.Ordinal);
        Assert.Contains("href=\"/download/regio/WD19/regiodocument.pdf\"", region, StringComparison.Ordinal);
        Assert.Contains("href=\"/download/regio/WD19/regiodocument.docx\"", region, StringComparison.Ordinal);
    }

    private static async Task<(string Name, int Task, int Social, int Middle, int Free)> MunicipalityTargetsAsync(ApiClient api, string code)
    {
        var json = await api.GetJsonAsync($"/api/v1/gemeenten/{code}");
        var targets = json.GetProperty("distribution").GetProperty("targets");
        return (json.GetProperty("name").GetString()!, json.GetProperty("task").GetProperty("homes").GetInt32(),
            targets.GetProperty("social").GetInt32(), targets.GetProperty("middle").GetInt32(), targets.GetProperty("free").GetInt32());
    }

    /// <summary>All words of the PDF in content order, one space apart (what a screen reader or copy-paste gets).</summary>
    private static string Words(PdfDocument pdf) =>
        string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)) + " ";

    /// <summary>
    /// PDF/UA basics, read from the file: the catalog has /Lang nl-NL, /MarkInfo /Marked true, a /StructTreeRoot and
    /// /ViewerPreferences /DisplayDocTitle true; the structure has headings, paragraphs, tables and figures, and every
    /// figure an /Alt text.
    /// </summary>
    private static void AssertAccessible(PdfDocument pdf, byte[] bytes)
    {
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Lang, out StringToken lang), "the catalog has /Lang");
        Assert.Equal("nl-NL", lang!.Data);
        Assert.True(catalog.TryGet(NameToken.MarkInfo, pdf.Structure.TokenScanner, out DictionaryToken? mark), "the catalog has /MarkInfo");
        Assert.True(mark!.TryGet(NameToken.Create("Marked"), out BooleanToken marked) && marked!.Data, "/MarkInfo /Marked true: a tagged PDF");
        Assert.True(catalog.ContainsKey(NameToken.Create("StructTreeRoot")), "the catalog has a structure tree");
        Assert.True(catalog.TryGet(NameToken.Create("ViewerPreferences"), pdf.Structure.TokenScanner, out DictionaryToken? viewer)
            && viewer!.TryGet(NameToken.Create("DisplayDocTitle"), out BooleanToken display) && display!.Data, "the window shows the title");

        // PDFsharp writes the structure elements as plain (uncompressed) objects: count them in the file.
        var raw = Encoding.Latin1.GetString(bytes);
        foreach (var tag in new[] { "H1", "P", "Table", "TH", "TD", "Figure" })
        {
            Assert.Matches($@"/S\s*/{tag}\b", raw);
        }

        var figures = System.Text.RegularExpressions.Regex.Count(raw, @"/S\s*/Figure\b");
        var alts = System.Text.RegularExpressions.Regex.Count(raw, @"/Alt\s*[(<]");
        Assert.True(alts >= figures, $"{figures} figures, {alts} alternative texts");
    }

    /// <summary>The pages as PNG (60 dpi) in test-artefacts/rapport/ of the repository, for a look; skipped without pdftoppm.</summary>
    private static void RenderPages(byte[] bytes, string name)
    {
        const string tool = "/usr/bin/pdftoppm";
        if (!File.Exists(tool))
        {
            return;
        }

        var folder = Path.Combine(RepositoryRoot(), "test-artefacts", "rapport");
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, name + "-*.png"))
        {
            File.Delete(old);
        }

        var pdf = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(pdf, bytes);
        using var process = Process.Start(new ProcessStartInfo(tool, ["-png", "-r", "60", pdf, Path.Combine(folder, name)]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.NotEmpty(Directory.GetFiles(folder, name + "-*.png"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Regiewijzer.slnx")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}

/// <summary>regiewijzer rapport: the same documents from the command line.</summary>
public sealed class RapportCliTests(TestDatabases databases)
{
    [Fact]
    public async Task Rapport_WritesPdfAndDocx_AndRefusesBadInputInDutch()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("hreport-cli-");
        try
        {
            var pdfPath = Path.Combine(folder.FullName, "ede.pdf");
            var docxPath = Path.Combine(folder.FullName, "foodvalley.docx");
            var (pdfExit, pdfOut, pdfErr) = Run(database, "rapport", "--gemeente", "GM0228", "--formaat", "pdf", "--uit", pdfPath, "--adres", "https://regiewijzer.example.nl");
            var (docxExit, docxOut, _) = Run(database, "rapport", "--regio", "Foodvalley", "--formaat", "docx", "--uit", docxPath);
            var (bothExit, _, bothErr) = Run(database, "rapport", "--gemeente", "GM0228", "--regio", "WD19");
            var (unknownExit, _, unknownErr) = Run(database, "rapport", "--gemeente", "GM9999", "--uit", Path.Combine(folder.FullName, "x.pdf"));

            Assert.True(pdfExit == 0, pdfErr);
            Assert.Contains("Raadsinformatie Ede geschreven naar", pdfOut, StringComparison.Ordinal);
            using (var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfPath))
            {
                Assert.Equal("Raadsinformatie Ede", pdf.Information.Title);
                Assert.Contains("https://regiewijzer.example.nl/gemeente/GM0228", string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
            }

            Assert.Equal(0, docxExit);
            Assert.Contains("Regiodocument Regio Foodvalley", docxOut, StringComparison.Ordinal);
            using (var docx = WordprocessingDocument.Open(docxPath, false))
            {
                Assert.Equal("Regiodocument Regio Foodvalley", docx.PackageProperties.Title);
            }

            Assert.Equal(1, bothExit);
            Assert.Contains("kies één van --gemeente", bothErr, StringComparison.Ordinal);
            Assert.Equal(1, unknownExit);
            Assert.Contains("Er is geen gemeente met de CBS-code GM9999", unknownErr, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var exit = Regiewijzer.Cli.CliApp.Run([.. args, .. database.CliArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
