using Microsoft.Playwright;

namespace Regiewijzer.BrowserTests;

/// <summary>Drives the what-if form of /regio/{id}/wat-als (form#wat-als, inputs #ontheffing-sociaal-{code}, button "Bereken").</summary>
public static class WhatIfForm
{
    /// <summary>Grants one municipality an exemption for social rent (a lowered floor, typed as a percentage), presses Bereken and waits for the comparison.</summary>
    public static async Task ExemptSocialAsync(BrowserPage session, string code, string floorPercent)
    {
        var page = session.Page;
        var form = page.Locator("form#wat-als");
        await form.Locator($"#ontheffing-sociaal-{code}").FillAsync(floorPercent);
        await form.GetByRole(AriaRole.Button, new() { Name = "Bereken", Exact = true }).ClickAsync();
        await page.Locator("table#vergelijking").WaitForAsync();
        await session.WaitForChartsAsync();
    }
}
