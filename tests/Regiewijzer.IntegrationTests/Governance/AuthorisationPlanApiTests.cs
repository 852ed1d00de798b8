using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// PUT /api/v1/plannen/{id} per role (issue 6): only an editor of the plan's own municipality may change it; everyone
/// else is refused by id, anonymous callers and a browser cookie get 401; a stale version gets 409 with the current plan;
/// and the audit trail records the change with before, after, the account and its organisation.
/// </summary>
public sealed class AuthorisationPlanApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task PutPlan_PerRole_OnlyTheOwnMunicipalityEditorMayChangeIt_StaleVersionConflicts(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var rijkViewer = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Viewer);
        var rijkEditor = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Editor);
        var provinceEditor = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var otherMunicipality = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor); // Barneveld, same region
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int id;
        string oldName, oldStatus;
        await using (var read = db.Context())
        {
            var plan = await read.Plans.Where(p => p.MunicipalityCode == "GM0228" && p.Status == "1b").OrderBy(p => p.Id).FirstAsync(Ct);
            (id, oldName, oldStatus) = (plan.Id, plan.Name, plan.Status);
            Assert.Equal(0, plan.Version);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var change = new { version = 0, name = "Kernhem fase 4", status = "1a" };
        var path = $"/api/v1/plannen/{id}";

        using (var anonymous = await app.Client.PutAsJsonAsync(path, change, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        foreach (var refused in new[] { rijkViewer, rijkEditor, provinceEditor, otherMunicipality })
        {
            using var client = await TestAccounts.ApiClientAsync(app, refused);
            using var response = await client.PutAsJsonAsync(path, change, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{refused.Organisation} {refused.Role}: {(int)response.StatusCode}");
        }

        await using (var unchanged = db.Context())
        {
            var plan = await unchanged.Plans.SingleAsync(p => p.Id == id, Ct);
            Assert.Equal((oldName, oldStatus, 0), (plan.Name, plan.Status, plan.Version));
        }

        using var own = await TestAccounts.ApiClientAsync(app, ede);
        using (var ok = await own.PutAsJsonAsync(path, change, Ct))
        {
            var body = await ok.Content.ReadAsStringAsync(Ct);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, body);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Kernhem fase 4", json.GetProperty("name").GetString());
            Assert.Equal("1a", json.GetProperty("status").GetProperty("code").GetString());
            Assert.Equal(1, json.GetProperty("version").GetInt32());
        }

        using (var stale = await own.PutAsJsonAsync(path, new { version = 0, name = "Tweede schrijver" }, Ct))
        {
            var body = await stale.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var current = JsonDocument.Parse(body).RootElement.GetProperty("current");
            Assert.Equal(1, current.GetProperty("version").GetInt32());
            Assert.Equal("Kernhem fase 4", current.GetProperty("name").GetString());
        }

        // The audit trail: one change of the plan row with both values before and after, the account and its organisation.
        await using var check = db.Context();
        var entry = await check.AuditEntries.SingleAsync(e => e.ObjectType == "plan" && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Entity == "plans", Ct);
        Assert.Equal(("gewijzigd", ede.Id, "GM0228"), (entry.Action, entry.ActorId, entry.OrganisationId));
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal((oldName, oldStatus), (before.GetProperty("Name").GetString(), before.GetProperty("Status").GetString()));
        Assert.Equal(("Kernhem fase 4", "1a"), (after.GetProperty("Name").GetString(), after.GetProperty("Status").GetString()));
        Assert.Equal("Kernhem fase 4", (await check.Plans.SingleAsync(p => p.Id == id, Ct)).Name);
    }

    [Fact]
    public async Task PutPlan_WithTheBrowsersCookieInsteadOfABearerToken_IsNotSignedIn()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int id;
        await using (var read = db.Context())
        {
            id = await read.Plans.Where(p => p.MunicipalityCode == "GM0228").Select(p => p.Id).FirstAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var browser = await SecurityClients.SignedInBrowserAsync(app, ede);
        using (var page = await browser.GetAsync(new Uri("/account", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the cookie works for pages
        }

        using var put = await browser.PutAsJsonAsync($"/api/v1/plannen/{id}", new { version = 0, name = "Via de cookie" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        await using var check = db.Context();
        Assert.NotEqual("Via de cookie", (await check.Plans.SingleAsync(p => p.Id == id, Ct)).Name);
    }

    [Fact]
    public async Task PutPlan_UnknownId_IsNotFound_AndInvalidFieldsAreNamed()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int id;
        await using (var read = db.Context())
        {
            id = await read.Plans.Where(p => p.MunicipalityCode == "GM0228").Select(p => p.Id).FirstAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, ede);
        using var missing = await client.PutAsJsonAsync("/api/v1/plannen/999999", new { version = 0, name = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var invalid = await client.PutAsJsonAsync($"/api/v1/plannen/{id}", new { version = 0, name = "", status = "9z" }, Ct);
        Assert.Equal((HttpStatusCode)422, invalid.StatusCode);
        var names = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("invalidParams").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["name", "status"], names.Order(StringComparer.Ordinal));
    }
}
