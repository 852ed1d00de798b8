using System.Net;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The edit pages for plans, realisations and a region's trajectory, over HTTP against the real app (forms with antiforgery, post/redirect/get).</summary>
public sealed class EditPagesTests(TestDatabases databases)
{
    private const string AccountsNote = "de plannen en realisaties van een gemeente wijzigen alleen bewerkers (en beheerders) van die gemeente zelf";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task NewPlan_PostWithTheFormsToken_RedirectsToTheListWithAConfirmation(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0228");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/gemeente/GM0228/plannen/nieuw")).StatusCode);
        Assert.Contains(AccountsNote, user.Html, StringComparison.Ordinal);
        Assert.Equal(Regiewijzer.Data.DutchTime.Date(DateTimeOffset.UtcNow).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), user.InputValue("prijspeiljaar")); // the year in Dutch time
        Assert.Equal(5, user.Fields("plan").Keys.Count(k => k.EndsWith("].Year", StringComparison.Ordinal)));

        using var post = await user.PostAsync(
            "plan",
            ("Form.Code", "ede-kernhem"),
            ("Form.Name", "Kernhem fase 3"),
            ("Form.Status", "1c"),
            ("Form.Deliveries[0].Year", "2027"),
            ("Form.Deliveries[0].SocialRent", "1.200"),
            ("Form.Deliveries[0].FreeOwnership", "80"),
            ("Form.Deliveries[1].Year", "2028"),
            ("Form.Deliveries[1].UnknownSegment", "20"));

        Assert.Equal(HttpStatusCode.Found, post.StatusCode);
        var location = post.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/gemeente/GM0228/plannen?opgeslagen=", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(location)).StatusCode);
        Assert.Equal("Plan ‘Kernhem fase 3’ (ede-kernhem) is opgeslagen. De voortgang en de prognose rekenen er direct mee.", user.TextOf("bevestiging"));
        var id = location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var row = user.TextOf($"plan-{id}");
        Assert.StartsWith("ede-kernhem Kernhem fase 3 1c ontwerpplan (hard) 2027–2028 1.200 0 0 0 80 20 1.300 nee bewerkt in Regiewijzer op ", row, StringComparison.Ordinal);

        await using var check = db.Context();
        Assert.Equal(1_300, await check.PlanDeliveries.Where(d => d.PlanId == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).SumAsync(d => d.SocialRent + d.FreeOwnership + d.UnknownSegment, Ct));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0228");
        await user.GetAsync("/gemeente/GM0228/plannen/nieuw");
        var fields = user.Fields("plan");
        fields.Remove("__RequestVerificationToken");
        (fields["Form.Code"], fields["Form.Name"], fields["Form.Status"], fields["Form.Deliveries[0].Year"], fields["Form.Deliveries[0].SocialRent"]) = ("x1", "Zonder token", "3", "2027", "10");

        using var post = await user.PostToAsync("/gemeente/GM0228/plannen/nieuw", fields);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        await using var check = db.Context();
        Assert.False(await check.Plans.AnyAsync(p => p.Code == "x1", Ct));
    }

    [Fact]
    public async Task Post_Invalid_KeepsWhatWasTypedWithErrorsNextToTheFields_AndEscapesIt()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0228");
        await user.GetAsync("/gemeente/GM0228/plannen/nieuw");

        using var post = await user.PostAsync(
            "plan",
            ("Form.Code", "ede-<b>"),
            ("Form.Name", "<script>alert('x')</script>"),
            ("Form.Status", ""),
            ("Form.Deliveries[0].Year", "2027"),
            ("Form.Deliveries[0].SocialRent", "1,5"),
            ("Form.Deliveries[1].Year", "27"),
            ("Form.Deliveries[1].MiddleRent", "12"));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("kies een planstatus", user.ErrorFor("status"));
        Assert.Equal("'1,5' is geen geheel aantal: gebruik geen komma (schrijf 1.200 of 1200)", user.ErrorFor("levering-0-sociale-huur"));
        Assert.Equal("'27' is geen jaartal (vier cijfers, 1900-2100)", user.ErrorFor("levering-1-jaar"));
        Assert.Contains("Controleer de invoer (3 fouten)", user.TextOf("fouten"), StringComparison.Ordinal);
        Assert.Equal("1,5", user.InputValue("levering-0-sociale-huur"));
        Assert.Equal("12", user.InputValue("levering-1-middenhuur"));
        Assert.Equal("<script>alert('x')</script>", user.InputValue("naam"));
        Assert.DoesNotContain("<script>alert", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\"", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"fout-levering-0-sociale-huur\"", user.RawHtml, StringComparison.Ordinal);
        await using var check = db.Context();
        Assert.Equal(4, await check.Plans.CountAsync(p => p.MunicipalityCode == "GM0228", Ct));
    }

    [Fact]
    public async Task PlanNameWithScript_IsShownEscapedInTheListAndOnItsPage()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0203");
        await user.GetAsync("/gemeente/GM0203/plannen/nieuw");
        using var post = await user.PostAsync("plan", ("Form.Code", "<i>x</i>"), ("Form.Name", "<script>alert(1)</script>"), ("Form.Status", "4b"), ("Form.Deliveries[0].Year", "2029"), ("Form.Deliveries[0].UnknownSegment", "3"));
        Assert.Equal(HttpStatusCode.Found, post.StatusCode);

        await user.GetAsync(post.Headers.Location!.PathAndQuery);

        Assert.DoesNotContain("<script>alert(1)", user.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>x</i>", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("Plan ‘<script>alert(1)</script>’ (<i>x</i>) is opgeslagen.", user.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPlan_LostUpdate_ShowsBothVersions_AndSavingAgainReplacesTheStoredOne()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var id = await PlanIdAsync(db, "pc2021-GM0228-h-2022");
        using var anne = await SignedInAsync(db, app, "GM0228");
        using var bert = await SignedInAsync(db, app, "GM0228");
        await anne.GetAsync($"/plan/{id}");
        await bert.GetAsync($"/plan/{id}");
        Assert.Equal("634", anne.InputValue("levering-0-onbekend"));
        Assert.Contains("aanname", anne.TextOf("aanname"), StringComparison.Ordinal);

        using var first = await anne.PostAsync("plan", ("Form.Name", "Versie van Anne"));
        using var second = await bert.PostAsync("plan", ("Form.Name", "Versie van Bert"), ("Form.Deliveries[0].UnknownSegment", "700"));

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal($"/gemeente/GM0228/plannen?opgeslagen={id}", first.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Niet opgeslagen: iemand anders heeft dit plan intussen gewijzigd", bert.TextOf("conflict-melding"), StringComparison.Ordinal);
        var table = bert.TextOf("conflict");
        Assert.Contains("Naam verschilt Versie van Bert Versie van Anne", table, StringComparison.Ordinal);
        Assert.Contains("Woningen totaal verschilt 1.969 1.903", table, StringComparison.Ordinal);
        Assert.Contains("Planstatus 1b vastgesteld plan (hard) 1b vastgesteld plan (hard)", table, StringComparison.Ordinal);
        Assert.Equal(("Versie van Bert", "700", "1"), (bert.InputValue("naam"), bert.InputValue("levering-0-onbekend"), bert.Fields("plan")["Form.Version"]));
        await using (var check = db.Context())
        {
            Assert.Equal("Versie van Anne", await check.Plans.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(Ct));
        }

        using var again = await bert.PostAsync("plan");

        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        await using var after = db.Context();
        var plan = await after.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Id == id, Ct);
        Assert.Equal(("Versie van Bert", 2, 700), (plan.Name, plan.Version, plan.Deliveries.Single(d => d.Year == 2022).UnknownSegment));
    }

    [Fact]
    public async Task EditPlan_RemovedMeanwhile_OffersToSaveTheUsersVersionAsANewPlan()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var id = await PlanIdAsync(db, "pc2021-GM0228-h-2025");
        using var anne = await SignedInAsync(db, app, "GM0228");
        using var bert = await SignedInAsync(db, app, "GM0228");
        await anne.GetAsync($"/plan/{id}");
        await bert.GetAsync($"/plan/{id}?verwijderen=ja");
        Assert.Equal(HttpStatusCode.Found, (await bert.PostAsync("plan-verwijderen")).StatusCode);

        using var post = await anne.PostAsync("plan", ("Form.Name", "Toch bewaren"), ("Form.Code", "ede-h-2025"));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Iemand anders heeft het plan verwijderd nadat u het opende", anne.TextOf("conflict-melding"), StringComparison.Ordinal);
        Assert.Contains("Naam verschilt Toch bewaren (verwijderd)", anne.TextOf("conflict"), StringComparison.Ordinal);
        Assert.Contains("<form id=\"plan\" method=\"post\" action=\"/gemeente/GM0228/plannen/nieuw\"", anne.RawHtml, StringComparison.Ordinal);
        using var again = await anne.PostAsync("plan");
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        await using var check = db.Context();
        var plan = await check.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == "ede-h-2025", Ct);
        Assert.Equal(("Toch bewaren", 0, 1_375), (plan.Name, plan.Version, plan.Deliveries.Sum(d => d.UnknownSegment)));
    }

    [Fact]
    public async Task DeletePlan_AsksForConfirmation_ThenRemovesIt()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var id = await PlanIdAsync(db, "pc2021-GM0228-z-2025");
        using var user = await SignedInAsync(db, app, "GM0228");
        await user.GetAsync($"/plan/{id}");
        Assert.DoesNotContain("id=\"plan-verwijderen\"", user.RawHtml, StringComparison.Ordinal);

        await user.GetAsync($"/plan/{id}?verwijderen=ja");
        Assert.Contains("Weet u zeker dat u plan ‘Plancapaciteit 2021: zachte plancapaciteit, 2025-2029’ (pc2021-GM0228-z-2025, 219 woningen) wilt verwijderen?", user.TextOf("bevestig-verwijderen"), StringComparison.Ordinal);
        using var post = await user.PostAsync("plan-verwijderen");

        Assert.Equal(HttpStatusCode.Found, post.StatusCode);
        Assert.Equal("/gemeente/GM0228/plannen?verwijderd=pc2021-GM0228-z-2025", post.Headers.Location!.PathAndQuery);
        await user.GetAsync(post.Headers.Location.PathAndQuery);
        Assert.Equal("Plan pc2021-GM0228-z-2025 is verwijderd.", user.TextOf("bevestiging"));
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/plan/{id}")).StatusCode);
    }

    [Fact]
    public async Task Realisation_EnterAYear_ShowsInTheList()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0228");
        await user.GetAsync("/gemeente/GM0228/realisaties");
        Assert.Equal("2021 geen cijfer Invoeren", user.TextOf("jaar-2021"));
        Assert.StartsWith("2023 0 0 0 0 0 847 847 bron 2 aanname", user.TextOf("jaar-2023"), StringComparison.Ordinal);

        await user.GetAsync("/gemeente/GM0228/realisaties/2024");
        Assert.Contains("Een cijfer voor 2024 maakt 2024 het peiljaar van Ede", user.TextOf("peiljaar"), StringComparison.Ordinal);
        using var post = await user.PostAsync("realisatie", ("Form.SocialRent", "250"), ("Form.MiddleRent", "1.100"), ("Form.Source", "BAG"), ("Form.Note", "voorlopig"));

        Assert.Equal(HttpStatusCode.Found, post.StatusCode);
        Assert.Equal("/gemeente/GM0228/realisaties?opgeslagen=2024", post.Headers.Location!.PathAndQuery);
        await user.GetAsync(post.Headers.Location.PathAndQuery);
        Assert.Equal("De realisatie van 2024 is opgeslagen. De voortgang rekent er direct mee.", user.TextOf("bevestiging"));
        Assert.Equal("2024 250 1.100 0 0 0 0 1.350 bron 3 Bewerken", user.TextOf("jaar-2024"));
        Assert.Contains("bewerkt in Regiewijzer op", user.TextOf("bron-3"), StringComparison.Ordinal);
        Assert.Contains("; bron: BAG. voorlopig", user.TextOf("bron-3"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trajectory_PreviewDoesNotSave_SaveAndResetRedirect()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "PV25");
        await user.GetAsync("/regio/WD19/traject");
        Assert.StartsWith("Nu: lineair", user.TextOf("traject-nu"), StringComparison.Ordinal);
        Assert.Equal("2030 Gewicht 2030 11,1% 2.830 25.383 25.383 0", user.TextOf("jaar-2030"));

        using var preview = await user.PostAsync("traject", ("Actie", "voorbeeld"), ("Form.Weights[2022]", "0"), ("Form.Weights[2030]", "2"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("0", user.InputValue("gewicht-2022"));
        Assert.Equal("2022 Gewicht 2022 0,0% 0 0 2.812 -2.812", user.TextOf("jaar-2022"));
        Assert.StartsWith("2030 Gewicht 2030 22,2% ", user.TextOf("jaar-2030"), StringComparison.Ordinal);
        Assert.Contains(" 25.383 25.383 0", user.TextOf("jaar-2030"), StringComparison.Ordinal);
        await using (var check = db.Context())
        {
            Assert.False(await check.TrajectoryWeights.AnyAsync(Ct));
        }

        using var save = await user.PostAsync("traject", ("Actie", "opslaan"));
        Assert.Equal(HttpStatusCode.Found, save.StatusCode);
        Assert.Equal("/regio/WD19/traject?opgeslagen=ja", save.Headers.Location!.PathAndQuery);
        await user.GetAsync(save.Headers.Location.PathAndQuery);
        Assert.StartsWith("Nu: aangepast jaarprofiel", user.TextOf("traject-nu"), StringComparison.Ordinal);
        Assert.Equal("Het traject van Regio Foodvalley is opgeslagen. De voortgang en de waarschuwingen rekenen er direct mee.", user.TextOf("bevestiging"));

        using var reset = await user.PostAsync("traject", ("Actie", "lineair"));
        Assert.Equal("/regio/WD19/traject?lineair=ja", reset.Headers.Location!.PathAndQuery);
        await using var after = db.Context();
        Assert.False(await after.TrajectoryWeights.AnyAsync(Ct));
    }

    [Theory]
    [InlineData("/plan/999999")]
    [InlineData("/gemeente/GM9999/plannen")]
    [InlineData("/gemeente/GM9999/plannen/nieuw")]
    [InlineData("/gemeente/GM9999/realisaties")]
    [InlineData("/gemeente/GM0228/realisaties/1800")]
    [InlineData("/regio/WD99/traject")]
    public async Task UnknownSubject_IsNotFound(string path)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = await SignedInAsync(db, app, "GM0228");

        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task MunicipalityAndRegionPages_LinkToTheEditPages()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);

        await user.GetAsync("/gemeente/GM0228");
        Assert.Contains("href=\"/gemeente/GM0228/plannen\"", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/gemeente/GM0228/realisaties\"", user.RawHtml, StringComparison.Ordinal);
        await user.GetAsync("/regio/WD19");
        Assert.Contains("href=\"/regio/WD19/traject\"", user.RawHtml, StringComparison.Ordinal);
    }

    /// <summary>A browser session signed in as a new editor of <paramref name="organisation"/> (the edit pages need an account of the municipality, or of a province for a trajectory).</summary>
    private static async Task<EditSession> SignedInAsync(TestDatabase db, RunningApp app, string organisation)
    {
        var user = new EditSession(app);
        await user.SignInAsync(await TestAccounts.CreateAsync(db, organisation, AccountRole.Editor));
        return user;
    }

    private static async Task<int> PlanIdAsync(TestDatabase db, string code)
    {
        await using var context = db.Context();
        return await context.Plans.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct);
    }
}
