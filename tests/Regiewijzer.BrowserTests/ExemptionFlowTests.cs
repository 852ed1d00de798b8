using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 6's browser test: the province of Gelderland adopts version 1 of Foodvalley's agreement; Ede (social stock 21%,
/// so social rent is its lagging segment and a lower social floor takes effect) requests an exemption to 20%; the province
/// sees who absorbs it, grants it, and the new agreement version shows the redistribution. Runs on its own app and
/// database (it needs accounts); the browser comes from the shared fixture.
/// </summary>
public sealed partial class ExemptionFlowTests(BrowserApp app)
{
    private const string Password = "browser-test-wachtwoord-lang";

    [Fact]
    public async Task MunicipalityRequests_ProvinceGrants_NewVersionShowsTheRedistribution()
    {
        await using var own = await OwnApp.StartAsync("regiewijzer-ontheffing-");
        var database = own.Database;
        var site = own.Site;
        await CreateAccountAsync(database, "ede@browsertest.nl", "Bewerker Ede", "GM0228");
        await CreateAccountAsync(database, "gelderland@browsertest.nl", "Bewerker Gelderland", "PV25");

        await using var session = await app.OpenAsync(nameof(MunicipalityRequests_ProvinceGrants_NewVersionShowsTheRedistribution), 1280, 1000);
        var page = session.Page;

        // The province makes version 1 from the current distribution, proposes and adopts it.
        await SignInAsync(page, site, "gelderland@browsertest.nl");
        await page.GotoAsync($"{site}/regio/WD19/afspraken");
        await AssertAxeCleanAsync(page, "afspraken regio (provincie)");
        await page.Locator("#reden").FillAsync("eerste versie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe conceptversie maken" }).ClickAsync();
        await page.WaitForAddressAsync(AgreementAddress());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("concept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorleggen aan de gemeenten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("voorgesteld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bevestigen")).ToContainTextAsync("8 nog geen reactie");
        await page.Locator("#bevestigd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Definitief vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("vastgesteld");
        await Assertions.Expect(page.Locator("#peildatum-regel")).ToContainTextAsync("tellen mee zoals ze zijn");
        await session.ScreenshotAsync("versie-1-vastgesteld");
        await AssertAxeCleanAsync(page, "afspraak vastgesteld");
        await SignOutAsync(page);

        // Ede requests a social floor of 20% instead of 30%.
        await SignInAsync(page, site, "ede@browsertest.nl");
        await page.GotoAsync($"{site}/gemeente/GM0228/ontheffingen");
        await AssertAxeCleanAsync(page, "ontheffingen Ede");
        await page.Locator("#ondergrens-sociaal").CheckAsync();
        await page.Locator("#percentage").FillAsync("20");
        await page.Locator("#onderbouwing").FillAsync("Ede heeft een grote vraag naar middenhuur; 30% sociale huur past niet bij de lokale markt.");
        await session.ScreenshotAsync("aanvraag-ingevuld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ontheffing aanvragen" }).ClickAsync();
        await page.WaitForAddressAsync(ExemptionAddress());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("aangevraagd");
        var exemption = new Uri(page.Url).AbsolutePath;
        await session.ScreenshotAsync("aangevraagd");
        await SignOutAsync(page);

        // The province opens the request, sees who absorbs it, and grants it with reasoning.
        await SignInAsync(page, site, "gelderland@browsertest.nl");
        await page.GotoAsync(site + exemption);
        var edeRow = page.Locator("table#wat-als tbody tr[data-code='GM0228']");
        await Assertions.Expect(edeRow).ToContainTextAsync("2.391");
        await Assertions.Expect(edeRow).ToContainTextAsync("1.400");
        await Assertions.Expect(edeRow).ToContainTextAsync("-991");
        await Assertions.Expect(page.Locator("table#wat-als tbody tr[data-code='GM0203']")).ToContainTextAsync("+415");
        await Assertions.Expect(page.Locator("#bevindingen")).ToContainTextAsync("De regio haalt beide normen.");
        await session.ScreenshotAsync("wat-als");
        await AssertAxeCleanAsync(page, "ontheffing met wat-als");
        await page.Locator("#besluit-verlenen").CheckAsync();
        await page.Locator("#motivering-invoer").FillAsync("De andere gemeenten kunnen het opvangen; de regio haalt 30% sociale huur.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#beslisfeiten")).ToContainTextAsync("Barneveld: sociale huur");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("aangevraagd");
        await session.ScreenshotAsync("verlenen-bevestigen");
        await AssertAxeCleanAsync(page, "ontheffing verlenen bevestigen");
        await page.Locator("#bevestigd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Definitief verlenen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("verleend");
        await session.ScreenshotAsync("verleend");

        await page.Locator("#nieuwe-versie").ClickAsync();
        await page.WaitForAddressAsync(AgreementAddress());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Afspraak Regio Foodvalley, versie 2");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("concept");
        var ede = page.Locator("table#vergelijking tbody tr[data-code='GM0228']");
        await Assertions.Expect(ede).ToContainTextAsync("1.400");
        await Assertions.Expect(ede).ToContainTextAsync("-991");
        var barneveld = page.Locator("table#vergelijking tbody tr[data-code='GM0203']");
        await Assertions.Expect(barneveld).ToContainTextAsync("2.253");
        await Assertions.Expect(barneveld).ToContainTextAsync("+415");
        // Per province part: the Gelderland municipalities absorb Ede's exemption; Renswoude, Rhenen and Veenendaal (Utrecht) keep theirs.
        await Assertions.Expect(page.Locator("#vergelijking-samenvatting")).ToContainTextAsync("5 van de 8 gemeenten krijgen andere aantallen");
        await session.ScreenshotAsync("versie-2-herverdeling");
        await AssertAxeCleanAsync(page, "nieuwe versie na ontheffing");
        session.AssertNoScriptErrors();
    }

    internal static async Task SignInAsync(IPage page, string site, string email)
    {
        await page.GotoAsync($"{site}/aanmelden");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#wachtwoord").FillAsync(Password);
        await page.Locator("form#aanmelden button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#afmelden")).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.Locator("#afmelden").ClickAsync();
        await Assertions.Expect(page.Locator("#afmelden")).ToHaveCountAsync(0);
    }

    internal static async Task CreateAccountAsync(DatabaseOptions database, string email, string name, string organisation, AccountRole role = AccountRole.Editor)
    {
        await using var db = database.CreateContext();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<RegiewijzerDb>(db);
        services.AddAccountStore();
        await using var provider = services.BuildServiceProvider();
        var result = await CreateAccount.RunAsync(provider.GetRequiredService<UserManager<AccountRow>>(), db, email, name, Password, organisation, role, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        Assert.True(result.Created, string.Join("; ", result.Errors));
    }

    internal static async Task AssertAxeCleanAsync(IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"{state}: {serious.Count} serious/critical axe violations:\n{string.Join("\n", serious.Select(v => $"- {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"))}");
    }

    [GeneratedRegex(@"/afspraak/[0-9]+(\?.*)?$")]
    private static partial Regex AgreementAddress();

    [GeneratedRegex(@"/ontheffing/[0-9]+(\?.*)?$")]
    private static partial Regex ExemptionAddress();
}
