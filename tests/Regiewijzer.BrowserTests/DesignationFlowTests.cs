using Microsoft.Playwright;
using Regiewijzer.Data.Database;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 13's browser test: a Gelderland officer designates the province's woningbouwregio's. Barneveld and Nijkerk are
/// party to both Regio Foodvalley and Regio Amersfoort; the page shows each conflict and asks which region. Nothing is
/// recorded without an explicit confirmation; after it, the national page shows that Gelderland designated. Runs on its
/// own app and database (it needs an account).
/// </summary>
public sealed class DesignationFlowTests(BrowserApp app)
{
    [Fact]
    public async Task Gelderland_ResolvesTheOverlap_Designates_AndTheNationalPageChanges()
    {
        await using var own = await OwnApp.StartAsync("regiewijzer-aanwijzing-");
        var database = own.Database;
        var site = own.Site;
        await ExemptionFlowTests.CreateAccountAsync(database, "gelderland@browsertest.nl", "Bewerker Gelderland", "PV25");

        await using var session = await app.OpenAsync(nameof(Gelderland_ResolvesTheOverlap_Designates_AndTheNationalPageChanges), 1366, 1000);
        var page = session.Page;
        await page.GotoAsync(site + "/");
        await Assertions.Expect(page.Locator("#aanwijzingen")).ToContainTextAsync("indicatief (woondeals)");
        await Assertions.Expect(page.Locator("section:has(#aanwijzingen-titel)")).ToContainTextAsync("Nog geen provincie heeft woningbouwregio's aangewezen");

        await ExemptionFlowTests.SignInAsync(page, site, "gelderland@browsertest.nl");
        await page.GotoAsync($"{site}/provincie/PV25/aanwijzing");
        await Assertions.Expect(page.Locator("#aanwijzing-status")).ToContainTextAsync("nog geen woningbouwregio's aangewezen");
        var barneveld = page.Locator("#overlap-GM0203");
        await Assertions.Expect(barneveld).ToContainTextAsync("Barneveld is partij bij Regio Amersfoort (WD18) en Regio Foodvalley (WD19)");
        await Assertions.Expect(page.Locator("#overlap-GM0267")).ToBeVisibleAsync();
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "aanwijzing (concept)");
        await session.ScreenshotAsync("concept");

        // Foodvalley for both; the region within Gelderland only (Utrecht's part follows when Utrecht designates).
        await page.Locator("#gemeente-GM0203-WD19").CheckAsync();
        await page.Locator("#gemeente-GM0267-WD19").CheckAsync();
        await page.Locator("#regio-partner-WD19-PV26").UncheckAsync();
        await page.Locator("#aanwijzing-datum").FillAsync("2026-01-01");
        await page.Locator("#aanwijzing-grondslag").FillAsync("Omgevingsverordening Gelderland, art. 8.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanwijzing vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fouten")).ToContainTextAsync("Bevestig dat dit de aanwijzing is"); // nothing on one click
        await Assertions.Expect(page.Locator("#aanwijzing-status")).ToContainTextAsync("nog geen woningbouwregio's aangewezen");
        await Assertions.Expect(page.Locator("#gemeente-GM0203-WD19")).ToBeCheckedAsync(); // what was chosen stays
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "aanwijzing (fout)");

        await page.Locator("#aanwijzing-bevestigd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanwijzing vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bevestiging")).ToContainTextAsync("De aanwijzing is vastgelegd");
        await Assertions.Expect(page.Locator("#aanwijzing-status")).ToContainTextAsync("versie 1, in werking sinds 1-1-2026");
        await Assertions.Expect(page.Locator("#aanwijzing-status")).ToContainTextAsync("Groene Metropoolregio Arnhem-Nijmegen (WD20): wacht op Limburg");
        await Assertions.Expect(page.Locator("#aanwijzing-geschiedenis ~ div table")).ToContainTextAsync("Regio Foodvalley (WD19): 5 gemeenten");
        await session.ScreenshotAsync("vastgelegd");

        // The national page: Gelderland has designated; Foodvalley's Gelderland part is a designated region now.
        await page.GotoAsync(site + "/");
        await Assertions.Expect(page.Locator("section:has(#aanwijzingen-titel)")).ToContainTextAsync("1 van de 12 provincies heeft woningbouwregio's aangewezen (Gelderland)");
        await Assertions.Expect(page.Locator("#aanwijzingen tr:has-text('Gelderland')")).ToContainTextAsync("1-1-2026 (versie 1)");
        await page.GotoAsync(site + "/regio/WD21");
        await Assertions.Expect(page.Locator("#regio-grondslag")).ToContainTextAsync("Aangewezen woningbouwregio");
        await page.GotoAsync(site + "/regio/WD17");
        await Assertions.Expect(page.Locator("#regio-grondslag")).ToContainTextAsync("Indicatieve regio");

        // The province sets a task for the law's ten-year period in the browser.
        await page.GotoAsync(site + "/regio/WD21/opgave?periode=2026-2035");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("wettelijke periode 2026-2035 (startjaar: aanname)");
        await Assertions.Expect(page.Locator("#periode-in-gebruik")).ToContainTextAsync("woondeal 2022-2030");
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "opgave (provincie)");
        await page.Locator("#opgave-GM0200").FillAsync("5000");
        await page.Locator("#herkomst-GM0200").SelectOptionAsync("afgesproken");
        await page.Locator("#basis-GM0200").FillAsync("Omgevingsverordening Gelderland, bijlage 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opgave vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bevestiging")).ToContainTextAsync("De opgave is vastgesteld");
        await Assertions.Expect(page.Locator(".rw-lead")).ToContainTextAsync("5.000");
        await Assertions.Expect(page.Locator(".rw-lead")).ToContainTextAsync("dit is niet de hele regionale opgave");
        await session.ScreenshotAsync("opgave");
        session.AssertNoScriptErrors();
    }
}
