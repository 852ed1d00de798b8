using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Regiewijzer.Data.Database;
using Regiewijzer.Web;
using Xunit;
using static Regiewijzer.BrowserTests.ExemptionFlowTests;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 15 item 4: adopting an agreement version while Ede objects shows the confirmation step with that objection
/// (who and why), the members without an answer and the legal basis; without ticking the confirmation nothing is adopted
/// (the status stays voorgesteld after a reload); ticking it adopts. Own app and database (it needs accounts).
/// </summary>
public sealed partial class SafeDecisionTests(BrowserApp app)
{
    private const string Objection = "Het aandeel sociale huur voor Ede is hoger dan de lokale markt kan dragen.";

    [Fact]
    public async Task AdoptWithOpenObjection_ShowsTheObjection_AndNothingIsAdoptedWithoutConfirming()
    {
        await using var own = await OwnApp.StartAsync("regiewijzer-besluit-");
        var database = own.Database;
        var site = own.Site;
        await CreateAccountAsync(database, "ede-besluit@browsertest.nl", "Bewerker Ede", "GM0228");
        await CreateAccountAsync(database, "gelderland-besluit@browsertest.nl", "Bewerker Gelderland", "PV25");

        await using var session = await app.OpenAsync(nameof(AdoptWithOpenObjection_ShowsTheObjection_AndNothingIsAdoptedWithoutConfirming), 1280, 1000);
        var page = session.Page;

        // The province makes version 1 and puts it to the municipalities.
        await SignInAsync(page, site, "gelderland-besluit@browsertest.nl");
        await page.GotoAsync($"{site}/regio/WD19/afspraken");
        await page.Locator("#reden").FillAsync("eerste versie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe conceptversie maken" }).ClickAsync();
        await page.WaitForAddressAsync(AgreementAddress());
        var agreement = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorleggen aan de gemeenten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("voorgesteld");
        await page.Locator("#afmelden").ClickAsync();

        // Ede objects, with its reason.
        await SignInAsync(page, site, "ede-besluit@browsertest.nl");
        await page.GotoAsync(site + agreement);
        await page.Locator("#soort-bezwaar").CheckAsync();
        await page.Locator("#toelichting").FillAsync(Objection);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactie opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("table#reacties tr[data-code='GM0228']")).ToContainTextAsync("bezwaar");
        await page.Locator("#afmelden").ClickAsync();

        // The province asks to adopt: the confirmation step names Ede's objection, who made it, and the silent members.
        await SignInAsync(page, site, "gelderland-besluit@browsertest.nl");
        await page.GotoAsync(site + agreement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        var facts = page.Locator("#bevestigen #beslisfeiten");
        await Assertions.Expect(facts).ToContainTextAsync("Bezwaar van Ede");
        await Assertions.Expect(facts).ToContainTextAsync(Objection);
        await Assertions.Expect(facts).ToContainTextAsync("Bewerker Ede");
        await Assertions.Expect(facts).ToContainTextAsync("0 van de 8 gemeenten akkoord, 1 bezwaar, 7 nog geen reactie.");
        await Assertions.Expect(facts).ToContainTextAsync("Wet versterking regie volkshuisvesting");
        await Assertions.Expect(page.Locator("label[for='bevestigd']")).ToHaveTextAsync("Ik stel versie 1 vast, ook met 1 bezwaar en 7 gemeenten zonder reactie.");
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Er is nog niets vastgesteld.");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("voorgesteld");
        await session.ScreenshotAsync("vaststellen-bevestigen");
        await AssertAxeCleanAsync(page, "vaststellen bevestigen");

        // Submitting without ticking the confirmation adopts nothing, and the page says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Definitief vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("U hebt het besluit niet bevestigd, dus er is niets vastgesteld.");
        await Assertions.Expect(page.Locator("#bevestigd-fout")).ToBeVisibleAsync();
        await AssertAxeCleanAsync(page, "vaststellen niet bevestigd");
        await page.GotoAsync(site + agreement);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("voorgesteld");
        await Assertions.Expect(page.Locator("#gegevens")).Not.ToContainTextAsync("Vastgesteld");

        // Confirmed, it is adopted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        await page.Locator("#bevestigd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Definitief vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("vastgesteld");
        await session.ScreenshotAsync("vastgesteld-na-bevestiging");
        session.AssertNoScriptErrors();
    }

    [GeneratedRegex(@"/afspraak/[0-9]+(\?.*)?$")]
    private static partial Regex AgreementAddress();
}
