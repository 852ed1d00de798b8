using Microsoft.Playwright;

namespace Regiewijzer.BrowserTests;

/// <summary>Reads table cells as a person sees them.</summary>
public static class Cells
{
    /// <summary>The trimmed text of the td cells of one row (the row header th is not included).</summary>
    public static async Task<string[]> OfRowAsync(ILocator row)
    {
        await row.WaitForAsync();
        var texts = await row.Locator("td").AllInnerTextsAsync();
        return [.. texts.Select(t => t.Trim())];
    }
}
