using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The audit trail viewer, export and API (issue 6), and that nobody can change the trail, not even with SQL.</summary>
public sealed class AuditTrailTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanEditedOnItsPage_AuditPageShowsWhoWhenAndOnlyTheChangedFieldsBeforeAndAfter()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int id;
        string oldName;
        await using (var read = db.Context())
        {
            var plan = await read.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).FirstAsync(Ct);
            (id, oldName) = (plan.Id, plan.Name);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(ede);
        await user.GetAsync($"/plan/{id}");
        Assert.Contains($"href=\"/audit/plan/{id}\"", user.RawHtml, StringComparison.Ordinal);
        using (var saved = await user.PostAsync("plan", ("Form.Name", "Kernhem-Noord"), ("Form.Status", "2a")))
        {
            Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        }

        using var page = await user.GetAsync($"/audit/plan/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Wijzigingsgeschiedenis: plan Kernhem-Noord (Ede)</h1>", user.RawHtml, StringComparison.Ordinal); // the name, not only the id
        Assert.Contains($"<a href=\"/plan/{id}\">Naar het plan</a>", user.RawHtml, StringComparison.Ordinal);
        var rows = user.TextOf("wijzigingen");
        Assert.Contains("Test GM0228 (" + ede.Email + ")", rows, StringComparison.Ordinal);
        Assert.Contains("Gemeente Ede", rows, StringComparison.Ordinal);
        Assert.Contains("plan gewijzigd", rows, StringComparison.Ordinal);
        Assert.Contains($"Veld Voor Na naam {oldName} Kernhem-Noord", rows, StringComparison.Ordinal); // side by side, Dutch field names (issue 15)
        Assert.Contains("status 1b 2a", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("plans " + id.ToString(CultureInfo.InvariantCulture), rows, StringComparison.Ordinal); // no table names or keys
        Assert.DoesNotContain("UpdatedAt", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("prijspeiljaar", rows, StringComparison.Ordinal); // unchanged fields are left out
        Assert.Matches(@" \d{1,2}-\d{1,2}-20\d\d \d\d:\d\d:\d\d Test GM0228", rows); // Dutch date and time, then who

        // The same through the API: bearer only.
        using (var anonymous = await app.Client.GetAsync(new Uri($"/api/v1/audit/plan/{id}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var api = await TestAccounts.ApiClientAsync(app, ede);
        var entries = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/audit/plan/{id}", UriKind.Relative), Ct)).RootElement;
        var plansEntry = entries.EnumerateArray().Single(e => e.GetProperty("entity").GetString() == "plans");
        Assert.Equal((ede.Id, "GM0228"), (plansEntry.GetProperty("actorId").GetString(), plansEntry.GetProperty("organisationId").GetString()));
        var name = plansEntry.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Name");
        Assert.Equal((oldName, "Kernhem-Noord"), (name.GetProperty("before").GetString(), name.GetProperty("after").GetString()));

        // Recent changes, filtered by type and organisation.
        await user.GetAsync("/audit?soort=plan&organisatie=gm0228");
        Assert.Contains("Kernhem-Noord", user.TextOf("wijzigingen"), StringComparison.Ordinal);
        Assert.Matches("<option value=\"GM0228\"[^>]*>Gemeente Ede</option>", user.RawHtml); // organisations are chosen by name
        await user.GetAsync("/audit?persoon=" + Uri.EscapeDataString(ede.Id));
        Assert.Contains("Kernhem-Noord", user.TextOf("wijzigingen"), StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{ede.Id}\" selected[^>]*>{System.Text.RegularExpressions.Regex.Escape($"Test GM0228 ({ede.Email})")}</option>", user.RawHtml);
        var today = Regiewijzer.Data.DutchTime.Date(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // the audit page filters Dutch calendar days
        await user.GetAsync($"/audit?soort=plan&van={today}&tot={today}");
        Assert.Contains("Kernhem-Noord", user.TextOf("wijzigingen"), StringComparison.Ordinal);
        await user.GetAsync("/audit?soort=plan&tot=2020-01-01");
        Assert.Contains("Er zijn geen wijzigingen vastgelegd met deze filters.", user.Html, StringComparison.Ordinal);
        await user.GetAsync("/audit?soort=plan&organisatie=GM0203");
        Assert.Contains("Er zijn geen wijzigingen vastgelegd met deze filters.", user.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountTrail_OnlyForAdministrators_AndExportsAsXlsx()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var editor = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var admin = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var asEditor = new EditSession(app);
        await asEditor.SignInAsync(editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await asEditor.GetAsync($"/audit/account/{editor.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asEditor.GetAsync("/audit?soort=account")).StatusCode);
        await asEditor.GetAsync("/audit");
        Assert.DoesNotContain("account_roles", asEditor.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("aangemaakt accounts", asEditor.Html, StringComparison.Ordinal);
        using var editorApi = await TestAccounts.ApiClientAsync(app, editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorApi.GetAsync(new Uri($"/api/v1/audit/account/{editor.Id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorApi.GetAsync(new Uri("/api/v1/audit/onzin/1", UriKind.Relative), Ct)).StatusCode);

        using var asAdmin = new EditSession(app);
        await asAdmin.SignInAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.GetAsync($"/audit/account/{editor.Id}")).StatusCode);
        var trail = asAdmin.TextOf("wijzigingen");
        Assert.Contains("account aangemaakt", trail, StringComparison.Ordinal);
        Assert.Contains("rol van een account aangemaakt", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(editor.Id, trail, StringComparison.Ordinal); // no account ids (GUIDs): people by name
        Assert.Contains(editor.Email, trail, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", trail, StringComparison.Ordinal);
        using var xlsx = await asAdmin.GetAsync($"/audit/account/{editor.Id}.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task AuditEntries_DirectUpdateOrDeleteInTheDatabase_IsRefusedByTrigger(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor); // at least one entry: the account
        await using var context = db.Context();
        var count = await context.AuditEntries.CountAsync(Ct);
        Assert.True(count > 0);

        await Assert.ThrowsAnyAsync<Exception>(() => context.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "vervalst"), Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => context.AuditEntries.ExecuteDeleteAsync(Ct));

        await using var check = db.Context();
        Assert.Equal(count, await check.AuditEntries.CountAsync(Ct));
        Assert.False(await check.AuditEntries.AnyAsync(e => e.ActorName == "vervalst", Ct));
    }
}
