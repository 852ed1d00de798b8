using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Waits for the page that a click, a key or a form opens. Not with Playwright's <c>IPage.WaitForURLAsync</c> or
/// <c>WaitForLoadStateAsync</c>: in the .NET client (1.64) these look at the address and the load states the client has
/// seen so far and only then start listening for the next load event, while the events arrive on Playwright's own
/// thread. A click returns once the new page's address is there (Playwright waits for the navigation to commit), so
/// its load event is due at that very moment; when it arrives between the look and the listening it is lost and the
/// wait runs to its timeout on a page that has long loaded ("NetworkIdle" event fired, as SafeDecisionTests did on
/// CI on 2026-12-07; playwright-dotnet issue 3364). These waits ask the browser, again and again, until it is so:
/// nothing that already happened can be missed.
/// </summary>
public static class PageWaits
{
    /// <summary>Waits until the page's address matches and, unless <paramref name="loaded"/> is false, that page has loaded.</summary>
    public static async Task WaitForAddressAsync(this IPage page, Regex address, bool loaded = true, float timeout = BrowserApp.Timeout)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = timeout });
        if (loaded)
        {
            await page.WaitForLoadedAsync(timeout);
        }
    }

    /// <summary>Waits until the page's document has loaded (its load event: scripts, styles and images are in).</summary>
    public static async Task WaitForLoadedAsync(this IPage page, float timeout = BrowserApp.Timeout)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = timeout });
    }
}
