using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>The page frame: a Dutch not-found page, 200% zoom without sideways scrolling, print without navigation and forms.</summary>
public sealed class LayoutTests(BrowserApp app)
{
    [Fact]
    public async Task UnknownPath_ShowsDutchNotFoundPageWith404()
    {
        await using var session = await app.OpenAsync(nameof(UnknownPath_ShowsDutchNotFoundPageWith404));
        var page = session.Page;

        var response = await page.GotoAsync("/bestaat-niet");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pagina niet gevonden");
        await Assertions.Expect(page).ToHaveTitleAsync("Niet gevonden - Regiewijzer");
        await Assertions.Expect(page.Locator("main a[href='/']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[role=search] input#zoekterm")).ToBeVisibleAsync();
        await session.ScreenshotAsync("not-found");
    }

    /// <summary>
    /// 200% zoom of a 1280 px window is a 640 CSS-pixel viewport (layout depends on CSS pixels only; device scale 1
    /// keeps the full-page screenshots cheap). Tables may scroll inside their own wrapper, the document may not.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages.Main), MemberType = typeof(Pages))]
    public async Task Zoom200_HasNoHorizontalScrollOfTheDocument(string path, string slug)
    {
        await using var session = await app.OpenAsync($"{nameof(Zoom200_HasNoHorizontalScrollOfTheDocument)}-{slug}", width: 640, height: 900);
        var page = session.Page;
        await session.GotoAsync(path);
        await session.ScreenshotAsync("zoom200");

        var overflow = await page.EvaluateAsync<string>(
            """
            () => {
              const doc = document.scrollingElement;
              if (doc.scrollWidth <= doc.clientWidth) return '';
              // Name the widest elements that stick out, outside scrollable wrappers, for the message.
              const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
              const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1 && !inScroller(e))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
              return 'document scrollWidth ' + doc.scrollWidth + ' > clientWidth ' + doc.clientWidth + ': ' + wide.join(', ');
            }
            """);
        Assert.True(overflow.Length == 0, $"{path} at 200% zoom scrolls sideways: {overflow}");
    }

    [Fact]
    public async Task Print_RegionPageHidesNavigationAndForms()
    {
        await using var session = await app.OpenAsync(nameof(Print_RegionPageHidesNavigationAndForms));
        var page = session.Page;
        await session.GotoAsync("/regio/WD19");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await session.ScreenshotAsync("print");

        Assert.False(await page.Locator("nav.rw-nav").IsVisibleAsync(), "main navigation hidden in print");
        Assert.False(await page.Locator("a.nl-skip-link").IsVisibleAsync(), "skip link hidden in print");
        var visibleForms = await page.Locator("form").EvaluateAllAsync<int>("fs => fs.filter(f => f.checkVisibility()).length");
        Assert.Equal(0, visibleForms);
        var visibleControls = await page.Locator("input:not([type=hidden]), select, button, textarea")
            .EvaluateAllAsync<string[]>("es => es.filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 120))");
        Assert.True(visibleControls.Length == 0, "form controls visible in print: " + string.Join(" | ", visibleControls));

        // What a printout is for stays: the heading and the distribution table.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Foodvalley");
        await Assertions.Expect(page.Locator("table#verdeling")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table#verdeling tr[data-code=GM0228]")).ToBeVisibleAsync();
    }
}
