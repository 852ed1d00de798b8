using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>Issue 16: a municipal officer downloads the raadsinformatie, as PDF and as Word, from the municipality page.</summary>
public sealed class ReportTests(BrowserApp app)
{
    [Fact]
    public async Task Municipality_DownloadsRaadsinformatieAsPdfAndDocx()
    {
        await using var session = await app.OpenAsync(nameof(Municipality_DownloadsRaadsinformatieAsPdfAndDocx));
        var page = session.Page;
        await session.GotoAsync("/gemeente/GM0228");
        var pdfLink = page.Locator("#raadsinformatie-pdf");
        var docxLink = page.Locator("#raadsinformatie-docx");
        await pdfLink.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#raadsinformatie")).ToContainTextAsync("Raadsinformatie van Ede");
        await session.ScreenshotAsync("links");

        var pdf = await page.RunAndWaitForDownloadAsync(() => pdfLink.ClickAsync(), new() { Timeout = 60_000 });
        Assert.Equal("raadsinformatie-GM0228.pdf", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(BrowserApp.ScreenshotFolder, $"{nameof(Municipality_DownloadsRaadsinformatieAsPdfAndDocx)}-{pdf.SuggestedFilename}");
        await pdf.SaveAsAsync(pdfPath);
        var bytes = await File.ReadAllBytesAsync(pdfPath, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/StructTreeRoot", raw, StringComparison.Ordinal);

        var docx = await page.RunAndWaitForDownloadAsync(() => docxLink.ClickAsync(), new() { Timeout = 60_000 });
        Assert.Equal("raadsinformatie-GM0228.docx", docx.SuggestedFilename);
        var docxPath = Path.Combine(BrowserApp.ScreenshotFolder, $"{nameof(Municipality_DownloadsRaadsinformatieAsPdfAndDocx)}-{docx.SuggestedFilename}");
        await docx.SaveAsAsync(docxPath);
        using (var word = WordprocessingDocument.Open(docxPath, false))
        {
            Assert.Equal("Raadsinformatie Ede", word.PackageProperties.Title);
            Assert.Contains("2.391", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal); // Ede's social rent target
        }

        session.AssertNoScriptErrors();
    }
}
