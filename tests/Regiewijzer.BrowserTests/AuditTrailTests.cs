using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Regiewijzer.Data.Database;
using Regiewijzer.Web;
using Xunit;
using static Regiewijzer.BrowserTests.ExemptionFlowTests;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 15 item 5: after Ede's editor renames a plan and changes its status, the plan's audit page shows the change as a
/// readable diff: Dutch field names with the value before and after side by side, the person and the organisation by
/// name, no GUID and no stored (English) field name; the site-wide trail is filtered by a person chosen by name.
/// Own app and database (it needs an account and changes a plan).
/// </summary>
public sealed partial class AuditTrailTests(BrowserApp app)
{
    private static readonly string[] StoredNames =
        ["Name", "Status", "UpdatedAt", "PriceLevelYear", "MunicipalityCode", "SocialRent", "Version", "plans", "plan_deliveries", "ActorId"];

    [Fact]
    public async Task PlanAuditPage_ShowsAReadableDiffWithNames_NoGuidNoStoredFieldName()
    {
        await using var own = await OwnApp.StartAsync("regiewijzer-audit-");
        var database = own.Database;
        var site = own.Site;
        await CreateAccountAsync(database, "ede-audit@browsertest.nl", "Bewerker Ede", "GM0228");
        int id;
        string oldName;
        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            (id, oldName) = (plan.Id, plan.Name);
        }

        await using var session = await app.OpenAsync(nameof(PlanAuditPage_ShowsAReadableDiffWithNames_NoGuidNoStoredFieldName), 1280, 900);
        var page = session.Page;
        await SignInAsync(page, site, "ede-audit@browsertest.nl");
        await page.GotoAsync($"{site}/plan/{id}");
        var form = page.Locator("form#plan");
        await form.Locator("#naam").FillAsync("Kernhem-Noord");
        await form.Locator("#status").SelectOptionAsync("2a");
        await form.GetByRole(AriaRole.Button, new() { Name = "Plan opslaan", Exact = true }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("opgeslagen"));

        await page.GotoAsync($"{site}/audit/plan/{id}");
        var change = page.Locator("table#wijzigingen > tbody > tr", new() { HasText = "plan gewijzigd" });
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync("Bewerker Ede");
        await Assertions.Expect(change).ToContainTextAsync("Gemeente Ede");
        var name = change.Locator("table.rw-audit-diff tbody tr", new() { HasText = "naam" });
        await Assertions.Expect(name.Locator("th")).ToHaveTextAsync("naam");
        await Assertions.Expect(name.Locator("td").Nth(0)).ToHaveTextAsync(oldName);
        await Assertions.Expect(name.Locator("td").Nth(1)).ToHaveTextAsync("Kernhem-Noord");
        var status = change.Locator("table.rw-audit-diff tbody tr", new() { HasText = "status" });
        await Assertions.Expect(status.Locator("td").Nth(0)).ToHaveTextAsync("1b");
        await Assertions.Expect(status.Locator("td").Nth(1)).ToHaveTextAsync("2a");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text);
        foreach (var stored in StoredNames)
        {
            Assert.DoesNotMatch($@"\b{stored}\b", text);
        }

        await session.ScreenshotAsync("plan-audit");
        await AssertAxeCleanAsync(page, "wijzigingsgeschiedenis plan");

        // The site-wide trail: the person is chosen by name, and the page stays compact.
        await page.GotoAsync($"{site}/audit");
        await page.Locator("#persoon").SelectOptionAsync(new SelectOptionValue { Label = "Bewerker Ede (ede-audit@browsertest.nl)" });
        await page.Locator("#organisatie").SelectOptionAsync(new SelectOptionValue { Label = "Gemeente Ede" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(page.Locator("table#wijzigingen caption")).ToContainTextAsync("door Bewerker Ede");
        await Assertions.Expect(page.Locator("table#wijzigingen")).ToContainTextAsync("Kernhem-Noord");
        await AssertAxeCleanAsync(page, "wijzigingsgeschiedenis gefilterd");

        // Compact: 60 more renames of the plan, then the first page of the trail (50 changes) measured at 1280 px wide.
        var editor = new Regiewijzer.Core.Governance.Actor("t-ede", "Bewerker Ede", [new(new("GM0228", Regiewijzer.Core.Governance.OrganisationKind.Municipality, "PV25"), Regiewijzer.Core.Governance.AccountRole.Editor)]);
        for (var i = 1; i <= 60; i++)
        {
            await using var db = database.CreateContext();
            var row = await db.Plans.Include(p => p.Deliveries).AsNoTracking().FirstAsync(p => p.Id == id, TestContext.Current.CancellationToken);
            var renamed = Regiewijzer.Data.Features.PlanForm.From(row);
            renamed.Name = $"Kernhem-Noord {i}";
            var saved = await Regiewijzer.Data.Features.EditPlans.UpdateAsync(db, editor, id, renamed, ct: TestContext.Current.CancellationToken);
            Assert.True(saved.Succeeded, saved.Reason);
        }

        await page.GotoAsync($"{site}/audit");
        var rows = await page.Locator("table#wijzigingen > tbody > tr").CountAsync();
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        TestContext.Current.TestOutputHelper?.WriteLine($"/audit: {rows} wijzigingen op de pagina, {height} px hoog bij 1280 px breed");
        Assert.Equal(50, rows);
        await Assertions.Expect(page.Locator("#paginas")).ToContainTextAsync("Pagina 1 van 2");
        Assert.True(height < 50 * 150, $"/audit is {height} px hoog voor {rows} wijzigingen: niet compact");
        await session.ScreenshotAsync("audit-alles");
        session.AssertNoScriptErrors();
    }
}
