using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The instruction pages: from a province's warning to a drafted and given instruction, the register, and "termijn verstreken".</summary>
public sealed class InstructionPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProvinceWarnings_LinkToDraftAndToTheInstructions_OnceOneExists()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var warnings = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/provincies/PV25/signaleringen", Ct);
        var code = warnings.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("subject").GetProperty("level").GetString() == "municipality")
            .GetProperty("subject").GetProperty("id").GetString()!;

        using var session = new EditSession(app);
        await session.SignInAsync(gelderland);
        await session.GetAsync("/voortgang/provincie/PV25");
        var draft = $"/instructies/nieuw?aan={code}&amp;signaal=voortgang%2Fgemeente%2F{code}";
        Assert.Contains($"href=\"{draft}\"", Row(session.RawHtml, code), StringComparison.Ordinal);
        Assert.DoesNotContain($"/instructies?aan={code}\"", Row(session.RawHtml, code), StringComparison.Ordinal);

        // Follow the link: the form is prefilled; save the concept, then give it.
        await session.GetAsync(System.Net.WebUtility.HtmlDecode(draft));
        Assert.Equal($"voortgang/gemeente/{code}", session.InputValue("instructie-signalering"));
        using var saved = await session.PostAsync("instructie", ("Form.Subject", "Harde plancapaciteit toevoegen"), ("Form.Content", "Voeg binnen de termijn harde plancapaciteit toe om de achterstand in te lopen."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.PathAndQuery;
        Assert.Matches(@"^/instructie/\d+\?opgeslagen=concept$", page);
        await session.GetAsync(page);
        Assert.Equal("concept", session.TextOf("status"));
        Assert.Contains("Omgevingswet art. 2.33", session.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/voortgang/gemeente/{code}\"", session.RawHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit/instructie/", session.RawHtml, StringComparison.Ordinal);

        // Giving asks for an explicit confirmation with the facts (issue 15); unconfirmed, nothing is recorded.
        using (var asked = await session.PostAsync("instructie-status", ("Naar", "Issued")))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        Assert.Contains("Omgevingswet art. 2.33", session.TextOf("beslis-grondslag"), StringComparison.Ordinal);
        Assert.Contains("De instructie is nog niet gegeven", session.TextOf("melding"), StringComparison.Ordinal);
        using (var unticked = await session.PostAsync("geven-bevestigen"))
        {
            Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        }

        Assert.Contains("de instructie is niet gegeven", session.TextOf("melding"), StringComparison.Ordinal);
        Assert.Equal("concept", session.TextOf("status"));
        using var given = await session.PostAsync("geven-bevestigen", ("Bevestigd", "ja"));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        await session.GetAsync(given.Headers.Location!.PathAndQuery);
        Assert.Equal("gegeven", session.TextOf("status"));

        // Now anonymous visitors see the link from the warning to the (published) instruction.
        using var anonymous = new EditSession(app);
        await anonymous.GetAsync("/voortgang/provincie/PV25");
        var row = Row(anonymous.RawHtml, code);
        Assert.Contains($"href=\"/instructies?aan={code}\"", row, StringComparison.Ordinal);
        Assert.Contains("1 instructie", System.Net.WebUtility.HtmlDecode(row), StringComparison.Ordinal);
        Assert.DoesNotContain("Instructie opstellen", row, StringComparison.Ordinal);
        await anonymous.GetAsync($"/instructies?aan={code}");
        Assert.Contains("Harde plancapaciteit toevoegen", anonymous.TextOf("instructies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ShowsTermijnVerstreken_AndHidesConceptsFromAnonymousVisitors()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        await using (var setup = db.Context())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            setup.Instructions.AddRange(
                Row("Te laat opgevolgd <script>alert(1)</script>", InstructionStatus.Issued, today.AddDays(-10)),
                Row("Nog een concept", InstructionStatus.Concept, today.AddDays(30)));
            await setup.SaveChangesAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var anonymous = new EditSession(app);
        await anonymous.GetAsync("/instructies");
        var table = anonymous.TextOf("instructies");
        Assert.Contains("gegeven – termijn verstreken", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog een concept", table, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", anonymous.RawHtml, StringComparison.Ordinal); // escaped
        Assert.Contains("openbare besluiten", anonymous.TextOf("zichtbaarheid"), StringComparison.Ordinal);

        using var signedIn = new EditSession(app);
        await signedIn.SignInAsync(viewer);
        await signedIn.GetAsync("/instructies?status=concept");
        Assert.Contains("Nog een concept", signedIn.TextOf("instructies"), StringComparison.Ordinal);
        Assert.DoesNotContain("Te laat", signedIn.TextOf("instructies"), StringComparison.Ordinal);

        await using var check = db.Context();
        var overdue = await check.Instructions.SingleAsync(i => i.Status == InstructionStatus.Issued, Ct);
        await anonymous.GetAsync($"/instructie/{overdue.Id}");
        Assert.Contains("Termijn verstreken.", anonymous.TextOf("termijn-verstreken"), StringComparison.Ordinal);
        using var hidden = await anonymous.GetAsync($"/instructie/{overdue.Id + 1}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode); // the concept
        using var create = await anonymous.GetAsync("/instructies/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode); // sign in first
    }

    [Fact]
    public async Task CreatePage_IsForbiddenForAMunicipalityEditor()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var session = new EditSession(app);
        await session.SignInAsync(ede);
        using var page = await session.GetAsync("/instructies/nieuw?aan=GM0203");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Geen toegang", session.Html, StringComparison.Ordinal);
    }

    private static InstructionRow Row(string subject, InstructionStatus status, DateOnly deadline) => new()
    {
        IssuerId = "PV25",
        AddresseeId = "GM0228",
        LegalBasis = InstructionRules.LegalBasis(OrganisationKind.Province),
        Subject = subject,
        Content = "Inhoud van de instructie, lang genoeg.",
        Deadline = deadline,
        Status = status,
        CreatedAt = DateTimeOffset.UtcNow.AddDays(-40),
        CreatedBy = "test",
        IssuedAt = status == InstructionStatus.Concept ? null : DateTimeOffset.UtcNow.AddDays(-40),
    };

    /// <summary>The warnings table row of one subject.</summary>
    private static string Row(string html, string code)
    {
        var start = html.IndexOf($"<tr data-code=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no warning row for {code}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
