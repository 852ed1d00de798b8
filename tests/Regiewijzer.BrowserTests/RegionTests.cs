using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>A region page: a municipality's explanation ("Hoe komt dit getal tot stand?") and the CSV download.</summary>
public sealed class RegionTests(BrowserApp app)
{
    [Fact]
    public async Task Region_MunicipalityLinkOpensExplanationWithEightSteps()
    {
        await using var session = await app.OpenAsync(nameof(Region_MunicipalityLinkOpensExplanationWithEightSteps));
        var page = session.Page;
        await session.GotoAsync("/regio/WD19");

        await page.Locator("table#verdeling tr[data-code=GM0228] a[href$='gemeente/GM0228']").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/gemeente/GM0228$"));
        await session.WaitForChartsAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ede");
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Hoe komt dit getal tot stand?" });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        var steps = page.Locator(".rw-steps > li");
        await Assertions.Expect(steps).ToHaveCountAsync(9); // 9: the comparison with the region-only distribution
        var text = await page.Locator(".rw-steps").InnerTextAsync();
        Assert.Contains("7.000", text, StringComparison.Ordinal);  // the task
        Assert.Contains("2.391", text, StringComparison.Ordinal);  // social rent target (province-aware)
        Assert.Contains("2.178", text, StringComparison.Ordinal);  // middle segment target
        Assert.Contains("2.100", text, StringComparison.Ordinal);  // floor: ceil(3/10 x 7.000)
        await heading.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("explanation");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Region_CsvDownloadHasDistribution()
    {
        await using var session = await app.OpenAsync(nameof(Region_CsvDownloadHasDistribution));
        var page = session.Page;
        await session.GotoAsync("/regio/WD19");
        var link = page.Locator("a[href$='/download/regio/WD19/verdeling.csv']");
        await link.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("region");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserApp.ScreenshotFolder, $"{nameof(Region_CsvDownloadHasDistribution)}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "CSV starts with the UTF-8 byte order mark (for Excel)");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length); // header + 8 municipalities
        var header = lines[0].Split(';');
        Assert.Equal(["code", "gemeente", "opgave"], header[..3]);
        var ede = lines.Single(l => l.StartsWith("GM0228;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(header.Length, ede.Length);
        Assert.Equal("Ede", ede[Array.IndexOf(header, "gemeente")]);
        Assert.Equal("7000", ede[Array.IndexOf(header, "opgave")]);
        Assert.Equal("2391", ede[Array.IndexOf(header, "sociale_huur")]);
        Assert.Equal("2178", ede[Array.IndexOf(header, "middensegment")]);
    }
}
