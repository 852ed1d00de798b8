using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>The pages work with the keyboard only: skip link first, the search, following a result.</summary>
public sealed class KeyboardTests(BrowserApp app)
{
    private const string ActiveElement = "() => { const e = document.activeElement; return e ? (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim()) : ''; }";

    [Theory]
    [InlineData("/", "home")]
    [InlineData("/regio/WD19", "regio")]
    public async Task SkipLink_IsFirstTabStopAndMovesFocusToMain(string path, string slug)
    {
        await using var session = await app.OpenAsync($"{nameof(SkipLink_IsFirstTabStopAndMovesFocusToMain)}-{slug}");
        var page = session.Page;
        await session.GotoAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.nl-skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"), $"first Tab stop is {await page.EvaluateAsync<string>(ActiveElement)}");
        Assert.Equal("Direct naar de inhoud", (await skip.InnerTextAsync()).Trim());
        Assert.True(await skip.IsVisibleAsync(), "the focused skip link is visible");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 1, Height: > 1 } && box.Y >= 0, "the focused skip link is on screen");
        await session.ScreenshotAsync("skiplink-focused");

        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'inhoud'", null, new() { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            // asserted with the focused element's name below
        }

        Assert.Equal("#inhoud", await page.EvaluateAsync<string>(ActiveElement));
        Assert.Equal(new Uri(app.Address, path).AbsolutePath, new Uri(page.Url).AbsolutePath); // stayed on the same page
        await session.ScreenshotAsync("main-focused");
    }

    [Fact]
    public async Task Search_WorksWithKeyboardOnly()
    {
        await using var session = await app.OpenAsync(nameof(Search_WorksWithKeyboardOnly));
        var page = session.Page;
        await session.GotoAsync("/");

        Assert.True(await TabUntilAsync(page, "() => document.activeElement && document.activeElement.id === 'zoekterm'", 10), "Tab reaches the search field");
        await page.Keyboard.TypeAsync("ede");
        await Assertions.Expect(page.Locator("#zoekterm")).ToHaveValueAsync("ede");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/zoeken\\?q=ede$"));
        await session.WaitForChartsAsync();
        await session.ScreenshotAsync("results");

        // Tab from the search field to the first result for Ede and follow it with Enter.
        Assert.True(
            await TabUntilAsync(page, "() => { const e = document.activeElement; return !!e && e.tagName === 'A' && /(^|\\/)gemeente\\/GM0228$/.test(e.getAttribute('href') || '') }", 60),
            "Tab reaches the result link to /gemeente/GM0228");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(new Regex("/gemeente/GM0228$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ede");
        await session.ScreenshotAsync("municipality");
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
}
