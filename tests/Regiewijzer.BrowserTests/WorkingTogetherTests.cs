using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Regiewijzer.Data.Database;
using Regiewijzer.Tests.Shared;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 15, working together across the tiers, as new users would: the province of Gelderland proposes version 1 of
/// Foodvalley's agreement; Ede's editor receives an e-mail (a real SMTP listener on loopback), signs in, lands on Mijn
/// Regiewijzer where the version waits for Ede's response, responds from there; the province signs in and its start
/// page shows Ede's response. Runs on its own app and database with mail on; the browser comes from the shared fixture.
/// </summary>
public sealed class WorkingTogetherTests(BrowserApp app)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ProvinceProposes_EdeIsMailedAndResponds_ProvinceSeesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = new SmtpListener();
        await using var own = await OwnApp.StartAsync(
            "regiewijzer-samen-",
            "--Mail:Host", "127.0.0.1", "--Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Mail:Security", "None", "--Mail:From", "regiewijzer@provincie.test", "--Notifications:IntervalSeconds", "1");
        var database = own.Database;
        var site = own.Site;
        await ExemptionFlowTests.CreateAccountAsync(database, "ede-samen@browsertest.nl", "Bewerker Ede", "GM0228");
        await ExemptionFlowTests.CreateAccountAsync(database, "gelderland-samen@browsertest.nl", "Bewerker Gelderland", "PV25");

        await using var session = await app.OpenAsync(nameof(ProvinceProposes_EdeIsMailedAndResponds_ProvinceSeesIt), 1366, 900);
        var page = session.Page;

        // The province signs in and lands on its start page; nothing waits yet. It makes version 1 and proposes it.
        await ExemptionFlowTests.SignInAsync(page, site, "gelderland-samen@browsertest.nl");
        Assert.EndsWith("/mijn", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mijn Regiewijzer");
        await Assertions.Expect(page.Locator("#org-PV25")).ToContainTextAsync("Provincie Gelderland");
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "mijn regiewijzer provincie, leeg");
        await page.GotoAsync($"{site}/regio/WD19/afspraken");
        await page.Locator("#reden").FillAsync("eerste versie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe conceptversie maken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("concept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorleggen aan de gemeenten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("voorgesteld");
        var agreement = new Uri(page.Url).AbsolutePath;
        await page.Locator("#afmelden").ClickAsync();
        await Assertions.Expect(page.Locator("#afmelden")).ToHaveCountAsync(0);

        // Ede's editor is told by e-mail, with the link to the version; the province's editor is not (it acted).
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "ede-samen@browsertest.nl"), MailWait, ct);
        Assert.Equal("Regiewijzer: Een nieuwe versie van een afspraak is voorgesteld", mail.Subject);
        Assert.Contains("Versie 1 van de afspraak voor Regio Foodvalley is voorgesteld aan de gemeenten", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(site + agreement, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("regiewijzer@provincie.test", mail.From.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "gelderland-samen@browsertest.nl"));

        // Ede signs in: its start page shows the version waiting for its response, with the deadline, one click away.
        await ExemptionFlowTests.SignInAsync(page, site, "ede-samen@browsertest.nl");
        var waiting = page.Locator("#wacht-GM0228 li[data-kind='Respond']");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("Reageren op versie 1 van de afspraak voor Regio Foodvalley");
        await Assertions.Expect(waiting).ToContainTextAsync("Uiterlijk");
        await Assertions.Expect(waiting).ToContainTextAsync("aanname");
        await Assertions.Expect(page.Locator("#mijn-regiewijzer")).ToContainTextAsync("(1");
        await session.ScreenshotAsync("ede-mijn-regiewijzer");
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "mijn regiewijzer Ede");
        await waiting.Locator("a.rw-work__title").ClickAsync();
        await page.WaitForAddressAsync(new Regex(Regex.Escape(agreement) + "$"));
        await page.Locator("#soort-bezwaar").CheckAsync();
        await page.Locator("#toelichting").FillAsync("Ede kan 30% sociale huur niet halen zonder extra middelen voor de corporatie.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactie opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("table#reacties")).ToContainTextAsync("bezwaar");
        await page.GotoAsync($"{site}/mijn");
        await Assertions.Expect(page.Locator("#wacht-GM0228 li[data-kind='Respond']")).ToHaveCountAsync(0);

        // The notifications page: the proposal is there; opening it marks it read.
        await page.GotoAsync($"{site}/account/meldingen");
        await Assertions.Expect(page.Locator("#meldingen li[data-gelezen='nee']")).ToContainTextAsync("Versie 1 van de afspraak voor Regio Foodvalley");
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "meldingen Ede");
        await page.Locator("#meldingen li a").First.ClickAsync();
        await page.WaitForAddressAsync(new Regex(Regex.Escape(agreement) + "$"));
        await Assertions.Expect(page.Locator("#meldingen-aantal")).ToHaveCountAsync(0);
        await page.Locator("#afmelden").ClickAsync();
        await Assertions.Expect(page.Locator("#afmelden")).ToHaveCountAsync(0);

        // The province is told by e-mail of Ede's objection, and its start page shows it: waiting to be adopted, 1 of 8, the objection.
        await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "gelderland-samen@browsertest.nl") && m.TextBody?.Contains("Gemeente Ede maakte bezwaar", StringComparison.Ordinal) == true, MailWait, ct);
        await ExemptionFlowTests.SignInAsync(page, site, "gelderland-samen@browsertest.nl");
        var adopt = page.Locator("#wacht-PV25 li[data-kind='Adopt']");
        await Assertions.Expect(adopt).ToContainTextAsync("Versie 1 van de afspraak voor Regio Foodvalley vaststellen");
        await Assertions.Expect(adopt).ToContainTextAsync("1 van de 8 gemeenten reageerde");
        await Assertions.Expect(adopt).ToContainTextAsync("bezwaar van Ede");
        await Assertions.Expect(page.Locator("#gebeurd-PV25")).ToContainTextAsync("Gemeente Ede maakte bezwaar tegen versie 1 van de afspraak voor Regio Foodvalley");
        await session.ScreenshotAsync("gelderland-mijn-regiewijzer");
        await ExemptionFlowTests.AssertAxeCleanAsync(page, "mijn regiewijzer Gelderland");

        // Both new pages fit a phone, a laptop and a wide screen.
        foreach (var (width, height) in new[] { (390, 844), (1366, 768), (1920, 1080) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in new[] { "/mijn", "/account/meldingen" })
            {
                await page.GotoAsync(site + path);
                await session.ScreenshotAsync($"{path.Replace('/', '-').Trim('-')}-{width}");
                var problems = await page.EvaluateAsync<string>(WidthTests.Overflow, width >= 1366);
                Assert.True(problems.Length == 0, $"{path} at {width} px: {problems}");
            }
        }

        session.AssertNoScriptErrors();
    }
}
