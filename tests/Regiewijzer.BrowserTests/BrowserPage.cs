using Microsoft.Playwright;

namespace Regiewijzer.BrowserTests;

/// <summary>One test's browser context and page; records script errors and saves named full-page screenshots.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _testName;
    private readonly List<string> _scriptErrors = [];

    public BrowserPage(IBrowserContext context, IPage page, string testName)
    {
        _context = context;
        _testName = testName;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _scriptErrors.Add($"{page.Url}: console.error {message.Text} ({message.Location})");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught exceptions and console errors of the page so far.</summary>
    public IReadOnlyList<string> ScriptErrors => _scriptErrors;

    /// <summary>
    /// The console messages of Chromium about a blocked resource or script because of the Content-Security-Policy
    /// (SecurityHeaders.cs in the web app): "Refused to ... because it violates the following Content Security Policy directive".
    /// </summary>
    public IReadOnlyList<string> CspViolations =>
        [.. _scriptErrors.Where(e => e.Contains("Content Security Policy", StringComparison.Ordinal))];

    /// <summary>Fails with every CSP violation so far; every page opened with <see cref="GotoAsync"/> is checked.</summary>
    public void AssertNoCspViolations() =>
        Xunit.Assert.True(CspViolations.Count == 0, $"{CspViolations.Count} CSP violations:\n{string.Join("\n", CspViolations)}");

    /// <summary>Fails with every script error in full (page, message, stack) if there was one.</summary>
    public void AssertNoScriptErrors() =>
        Xunit.Assert.True(_scriptErrors.Count == 0, $"{_scriptErrors.Count} script errors:\n{string.Join("\n", _scriptErrors)}");

    /// <summary>Opens a path and fails on anything but 2xx, or on a CSP violation once the page and its charts have loaded.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        if (!response.Ok)
        {
            throw new InvalidOperationException($"{path} answered {response.Status} {response.StatusText}.");
        }

        await WaitForChartsAsync();
        AssertNoCspViolations();
        return response;
    }

    /// <summary>
    /// Loads the page's chart scripts (which the page itself does only when a chart comes near the screen) and waits
    /// (at most 45 s) until every chart on the page has its series or has replaced itself with a message;
    /// returns false if one did not. Tests about charts assert on this; other tests go on without them. Screenshots
    /// wait for this, so they show the charts drawn. (The map is drawn by the server and is not a [data-chart].)
    /// </summary>
    public async Task<bool> WaitForChartsAsync()
    {
        await Page.WaitForLoadedAsync();
        try
        {
            // A page loads its chart scripts when a chart comes near the screen (js/site.js); here at once, so the
            // charts are drawn wherever they are on the page.
            await Page.EvaluateAsync("() => window.rwLoadCharts && window.rwLoadCharts()");
            await Page.WaitForFunctionAsync(
                """
                () => [...document.querySelectorAll('[data-chart]')].every(e => {
                  const chart = window.echarts && window.echarts.getInstanceByDom(e);
                  if (chart) { const o = chart.getOption(); return !!(o && o.series && o.series.length); }
                  return !e.querySelector('svg') && e.textContent.trim().length > 0;
                })
                """,
                null, new() { Timeout = 45_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Saves a screenshot as {test}-{state}.png and returns its path: the full page, or only the viewport where a
    /// full-page capture would resize the window (charts redraw on resize) in the middle of a pointer interaction.
    /// </summary>
    public async Task<string> ScreenshotAsync(string state, bool fullPage = true)
    {
        var path = Path.Combine(BrowserApp.ScreenshotFolder, $"{_testName}-{state}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
