using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>The voortgang pages in a browser: the fan chart draws, axe finds nothing serious, the keyboard reaches everything.</summary>
public sealed class ProgressTests(BrowserApp app)
{
    public static TheoryData<string, string> ProgressPages => new()
    {
        { "/voortgang", "voortgang-nederland" },
        { "/voortgang/provincie/PV25", "voortgang-gelderland" },
        { "/voortgang/regio/WD19", "voortgang-foodvalley" },
        { "/voortgang/gemeente/GM0228", "voortgang-ede" },
    };

    /// <summary>
    /// The chart library is loaded only when a chart comes near the screen (js/site.js): the fan chart sits far down the
    /// region's progress page, so opening the page loads no chart script; scrolling to the chart loads it and draws.
    /// </summary>
    [Fact]
    public async Task FanChart_ChartLibraryLoadsWhenTheChartComesNear()
    {
        await using var session = await app.OpenAsync(nameof(FanChart_ChartLibraryLoadsWhenTheChartComesNear), width: 1366, height: 768);
        var page = session.Page;
        var response = await page.GotoAsync("/voortgang/regio/WD19"); // not session.GotoAsync, which loads the charts at once
        Assert.True(response is { Ok: true }, $"{response?.Status}");
        await page.WaitForLoadedAsync();
        var chart = page.Locator("div[data-chart=fan][data-source=waaier-totaal-data]");
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Y: > 768 + 800 }, $"the chart starts at {box?.Y} px, more than 800 px below a 768 px screen");
        await page.WaitForTimeoutAsync(500); // an observer that would fire, fires within a frame or two
        Assert.False(await page.EvaluateAsync<bool>("() => !!window.echarts || [...document.scripts].some(s => s.src.includes('echarts'))"), "no chart library before the chart comes near");

        await chart.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 45_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.echarts"), "the chart library loaded");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task FanChart_DrawsBandLinesAndTarget()
    {
        await using var session = await app.OpenAsync(nameof(FanChart_DrawsBandLinesAndTarget));
        var page = session.Page;
        await session.GotoAsync("/voortgang/regio/WD19");

        Assert.True(await session.WaitForChartsAsync(), "the fan chart has its series");
        var chart = page.Locator("div[data-chart=fan][data-source=waaier-totaal-data]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 600, Height: > 300 }, $"the chart has a size ({box?.Width} x {box?.Height})");
        // Band, P50, realised and trajectory are SVG paths; the legend names them in Dutch; the target line is labelled.
        Assert.True(await chart.Locator("svg path").CountAsync() > 10, "the chart draws its lines and band");
        var text = await chart.Locator("svg").TextContentAsync() ?? "";
        foreach (var label in new[] { "prognose P10–P90", "prognose P50 (mediaan)", "gerealiseerd (cumulatief)", "traject (cumulatief)", "doel 25.383" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        await chart.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("fan", fullPage: false);
        await page.Locator("table#jaren").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("table#jaren tr[data-year='2023'] th")).ToHaveTextAsync("2023 (peiljaar)");
        session.AssertNoScriptErrors();
    }

    [Theory]
    [MemberData(nameof(ProgressPages))]
    public async Task ProgressPage_HasNoSeriousOrCriticalAxeViolations(string path, string slug)
    {
        await using var session = await app.OpenAsync($"{nameof(ProgressPage_HasNoSeriousOrCriticalAxeViolations)}-{slug}");
        await session.GotoAsync(path);
        await session.ScreenshotAsync("axe");

        var result = await session.Page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var minor in result.Violations.Except(serious))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{path}: minor axe finding {minor.Id}: {minor.Help}");
        }

        Assert.True(serious.Count == 0, $"{path}: {serious.Count} serious/critical axe violations:\n{string.Join("\n", serious.Select(Describe))}");
        session.AssertNoScriptErrors();
    }

    /// <summary>200% zoom (a 640 CSS-pixel viewport): tables scroll in their own wrapper, the document does not scroll sideways.</summary>
    [Theory]
    [MemberData(nameof(ProgressPages))]
    public async Task Zoom200_HasNoHorizontalScrollOfTheDocument(string path, string slug)
    {
        await using var session = await app.OpenAsync($"{nameof(Zoom200_HasNoHorizontalScrollOfTheDocument)}-{slug}", width: 640, height: 900);
        await session.GotoAsync(path);
        await session.ScreenshotAsync("zoom200");

        var overflow = await session.Page.EvaluateAsync<string>(
            """
            () => {
              const doc = document.scrollingElement;
              if (doc.scrollWidth <= doc.clientWidth) return '';
              const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
              return [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1 && !inScroller(e))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ') || 'scrollWidth ' + doc.scrollWidth;
            }
            """);
        Assert.True(overflow.Length == 0, $"{path} at 200% zoom scrolls sideways: {overflow}");
    }

    [Fact]
    public async Task Keyboard_ReachesTheForecastAndFollowsAWarning()
    {
        await using var session = await app.OpenAsync(nameof(Keyboard_ReachesTheForecastAndFollowsAWarning));
        var page = session.Page;
        await session.GotoAsync("/voortgang/provincie/PV25");

        // The page's own table of contents: Tab to "Prognose", Enter jumps to the forecast heading.
        Assert.True(await TabUntilAsync(page, "() => { const e = document.activeElement; return !!e && e.tagName === 'A' && e.textContent.trim() === 'Prognose'; }", 40),
            "Tab reaches the link Prognose in the table of contents");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(new Regex("/voortgang/provincie/PV25#prognose-titel$"));
        await Assertions.Expect(page.Locator("#prognose-titel")).ToBeInViewportAsync();
        await session.ScreenshotAsync("forecast", fullPage: false);

        // From the top again: the first warning's link, with Enter to that subject's own voortgang page.
        await session.GotoAsync("/voortgang/provincie/PV25");
        Assert.True(await TabUntilAsync(page, "() => { const e = document.activeElement; return !!e && e.tagName === 'A' && !!e.closest('table#signaleringen'); }", 80),
            "Tab reaches the first link in the warnings table");
        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        Assert.StartsWith("/voortgang/", href, StringComparison.Ordinal);
        await session.ScreenshotAsync("warning-focused", fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(new Regex(Regex.Escape(href) + "$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Voortgang en prognose");
        session.AssertNoScriptErrors();
    }

    private static async Task<bool> TabUntilAsync(IPage page, string condition, int maxTabs)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}" +
        (v.Nodes.FirstOrDefault() is { } first ? $"\n    e.g. {first.Html}" : string.Empty);
}
