using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// A plan entered through the form, seen in the list, checked with axe on its edit page, then removed again (the app
/// and its database are shared by all browser tests: Renswoude is used by no other test).
/// </summary>
public sealed partial class EditPlanTests(BrowserApp app)
{
    [Fact]
    public async Task NewPlan_ThroughTheForm_ShowsInTheList_AndItsEditPageIsAccessible()
    {
        await using var session = await app.OpenAsync(nameof(NewPlan_ThroughTheForm_ShowsInTheList_AndItsEditPageIsAccessible));
        var page = session.Page;
        await BrowserApp.SignInAsync(page, BrowserApp.RenswoudeEditor);
        await session.GotoAsync("/gemeente/GM0339/plannen/nieuw");
        await Assertions.Expect(page.Locator("#wie-mag-bewerken")).ToContainTextAsync("wijzigen alleen bewerkers (en beheerders) van die gemeente zelf");
        await AssertAxeCleanAsync(page, "nieuw plan");

        // First with a mistake: the errors appear next to the fields and what was typed stays.
        var form = page.Locator("form#plan");
        await form.Locator("#code").FillAsync("rw-browsertest-1");
        await form.Locator("#naam").FillAsync("Dorpsrand <fase 2>");
        await form.Locator("#status").SelectOptionAsync("1b");
        await form.Locator("#levering-0-jaar").FillAsync("2027");
        await form.Locator("#levering-0-sociale-huur").FillAsync("1,5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Plan opslaan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#fout-levering-0-sociale-huur")).ToHaveTextAsync("'1,5' is geen geheel aantal: gebruik geen komma (schrijf 1.200 of 1200)");
        await Assertions.Expect(page.Locator("#naam")).ToHaveValueAsync("Dorpsrand <fase 2>");
        await session.ScreenshotAsync("fout");
        await AssertAxeCleanAsync(page, "nieuw plan met fouten");

        await form.Locator("#levering-0-sociale-huur").FillAsync("12");
        await form.Locator("#levering-1-jaar").FillAsync("2028");
        await form.Locator("#levering-1-onbekend").FillAsync("1.003");
        await form.GetByRole(AriaRole.Button, new() { Name = "Plan opslaan", Exact = true }).ClickAsync();

        await page.WaitForAddressAsync(SavedAddress());
        await Assertions.Expect(page.Locator("#bevestiging")).ToHaveTextAsync("Plan ‘Dorpsrand <fase 2>’ (rw-browsertest-1) is opgeslagen. De voortgang en de prognose rekenen er direct mee.");
        var row = page.Locator("table#plannen tbody tr", new() { HasText = "rw-browsertest-1" });
        await Assertions.Expect(row).ToContainTextAsync("Dorpsrand <fase 2>");
        await Assertions.Expect(row).ToContainTextAsync("2027–2028");
        await Assertions.Expect(row).ToContainTextAsync("1.015");
        await session.ScreenshotAsync("lijst");

        await row.GetByRole(AriaRole.Link, new() { Name = "Dorpsrand <fase 2>" }).ClickAsync();
        await page.WaitForAddressAsync(PlanAddress());
        await Assertions.Expect(page.Locator("#levering-1-onbekend")).ToHaveValueAsync("1.003");
        await session.ScreenshotAsync("bewerken");
        await AssertAxeCleanAsync(page, "plan bewerken");
        var planPath = new Uri(page.Url).AbsolutePath;

        // The change history of the new plan: who created it, for which municipality.
        await page.Locator("#geschiedenis").ClickAsync();
        await Assertions.Expect(page.Locator("table#wijzigingen")).ToContainTextAsync("Browsertest GM0339 (renswoude@browsertest.nl)");
        await Assertions.Expect(page.Locator("table#wijzigingen")).ToContainTextAsync("Gemeente Renswoude");
        await session.ScreenshotAsync("geschiedenis");
        await AssertAxeCleanAsync(page, "wijzigingsgeschiedenis");
        await session.GotoAsync(planPath);

        // Clean up through the page: remove, with its confirmation step.
        await page.Locator("#verwijderen").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijder dit plan" }).ClickAsync();
        await page.WaitForAddressAsync(DeletedAddress());
        await Assertions.Expect(page.Locator("#bevestiging")).ToHaveTextAsync("Plan rw-browsertest-1 is verwijderd.");
        await Assertions.Expect(page.Locator("table#plannen")).Not.ToContainTextAsync("rw-browsertest-1");
        session.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("/gemeente/GM0339/plannen", "plannen", BrowserApp.RenswoudeEditor)]
    [InlineData("/gemeente/GM0339/realisaties", "realisaties", BrowserApp.RenswoudeEditor)]
    [InlineData("/gemeente/GM0339/realisaties/2023", "realisatie-2023", BrowserApp.RenswoudeEditor)]
    [InlineData("/gemeente/GM0228/realisaties/2023", "realisatie-alleen-lezen", BrowserApp.RenswoudeEditor)]
    [InlineData("/monitoring/import", "monitoring-import", BrowserApp.RenswoudeEditor)]
    [InlineData("/regio/WD19/traject", "traject", BrowserApp.UtrechtEditor)]
    [InlineData("/audit", "wijzigingen", BrowserApp.RijkAdministrator)]
    [InlineData("/beheer/accounts", "accounts", BrowserApp.RijkAdministrator)]
    public async Task EditPage_HasNoSeriousOrCriticalAxeViolations(string path, string slug, string account)
    {
        await using var session = await app.OpenAsync($"{nameof(EditPage_HasNoSeriousOrCriticalAxeViolations)}-{slug}");
        await BrowserApp.SignInAsync(session.Page, account);
        await session.GotoAsync(path);
        await Assertions.Expect(session.Page.Locator("h1")).Not.ToHaveTextAsync("Aanmelden");
        await session.ScreenshotAsync("axe");

        await AssertAxeCleanAsync(session.Page, path);
        session.AssertNoScriptErrors();
    }

    private static async Task AssertAxeCleanAsync(IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"{state}: {serious.Count} serious/critical axe violations:\n{string.Join("\n", serious.Select(v => $"- {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"))}");
    }

    [GeneratedRegex(@"/gemeente/GM0339/plannen\?opgeslagen=[0-9]+$")]
    private static partial Regex SavedAddress();

    [GeneratedRegex(@"/plan/[0-9]+$")]
    private static partial Regex PlanAddress();

    [GeneratedRegex(@"/gemeente/GM0339/plannen\?verwijderd=rw-browsertest-1$")]
    private static partial Regex DeletedAddress();
}
