using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// A municipality's plan and realisation lists are readable by everyone, but only its own editors see the controls to
/// edit, add and import (issue 6); others get one line about signing in or their rights.
/// </summary>
public sealed partial class EditLinksTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_ReadsTheLists_WithoutEditControls_AndIsOfferedToSignIn()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/gemeente/GM0228/plannen")).StatusCode);
        Assert.Equal(4, PlanRows().Count(user.RawHtml));
        Assert.Contains("Totaal 0 0 0 0 0 5.419 5.419", user.TextOf("plannen"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nieuw-plan\"", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"importeren\"", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/plannen/nieuw", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/plan/", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("klik om te bewerken", user.RawHtml, StringComparison.Ordinal);
        Assert.Equal("Wijzigen kan alleen een bewerker van Ede. Meld u aan als u dat bent.", user.TextOf("wijzigen-recht"));
        Assert.Contains("href=\"/aanmelden?ReturnUrl=%2Fgemeente%2FGM0228%2Fplannen\"", user.RawHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/gemeente/GM0228/realisaties")).StatusCode);
        Assert.Equal("2021 geen cijfer", user.TextOf("jaar-2021"));
        Assert.StartsWith("2023 0 0 0 0 0 847 847 bron 2 aanname", user.TextOf("jaar-2023"), StringComparison.Ordinal);
        Assert.DoesNotContain("/gemeente/GM0228/realisaties/", user.RawHtml, StringComparison.Ordinal);
        Assert.Equal("Wijzigen kan alleen een bewerker van Ede. Meld u aan als u dat bent.", user.TextOf("wijzigen-recht"));
        Assert.Contains("href=\"/aanmelden?ReturnUrl=%2Fgemeente%2FGM0228%2Frealisaties\"", user.RawHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_SeesEditControls_OnItsOwnMunicipalityOnly()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        List<int> edePlans;
        await using (var read = db.Context())
        {
            edePlans = await read.Plans.Where(p => p.MunicipalityCode == "GM0228").Select(p => p.Id).ToListAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(ede);

        await user.GetAsync("/gemeente/GM0228/plannen");
        Assert.Contains("id=\"nieuw-plan\" href=\"/gemeente/GM0228/plannen/nieuw\"", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"importeren\" href=\"/monitoring/import\"", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("klik om te bewerken", user.RawHtml, StringComparison.Ordinal);
        Assert.Equal(4, edePlans.Count);
        Assert.All(edePlans, id => Assert.Contains($"href=\"/plan/{id}\"", user.RawHtml, StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"wijzigen-recht\"", user.RawHtml, StringComparison.Ordinal);
        await user.GetAsync("/gemeente/GM0228/realisaties");
        Assert.Equal("2021 geen cijfer Invoeren", user.TextOf("jaar-2021"));
        Assert.Contains("href=\"/gemeente/GM0228/realisaties/2023\"", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"wijzigen-recht\"", user.RawHtml, StringComparison.Ordinal);

        // Barneveld: readable (its plans open read-only), but no controls to change it.
        await user.GetAsync("/gemeente/GM0203/plannen");
        Assert.Equal(3, PlanRows().Count(user.RawHtml));
        Assert.DoesNotContain("id=\"nieuw-plan\"", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"importeren\"", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/plannen/nieuw", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("klik om te bewerken", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("klik voor het hele plan", user.RawHtml, StringComparison.Ordinal);
        Assert.StartsWith("Uw account mag de gegevens van Barneveld niet wijzigen.", user.TextOf("wijzigen-recht"), StringComparison.Ordinal);
        Assert.DoesNotContain("/aanmelden?", user.RawHtml, StringComparison.Ordinal);
        await user.GetAsync("/gemeente/GM0203/realisaties");
        Assert.Equal("2021 geen cijfer", user.TextOf("jaar-2021"));
        Assert.DoesNotContain("/gemeente/GM0203/realisaties/", user.RawHtml, StringComparison.Ordinal);
        Assert.StartsWith("Uw account mag de gegevens van Barneveld niet wijzigen.", user.TextOf("wijzigen-recht"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr id=\"plan-[0-9]+\" data-id=")]
    private static partial Regex PlanRows();
}
