using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The instructions register through the API: who may issue to whom (art. 2.33/2.34), the lifecycle, lost updates, validation, visibility.</summary>
public sealed class InstructionApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Deadline => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static object Draft(string addressee, string subject = "Plancapaciteit Ede versnellen") => new
    {
        addressee,
        subject,
        content = "Neem binnen de termijn een besluit over het versnellen van de harde plancapaciteit voor sociale huur.",
        deadline = Deadline,
        warningReference = $"voortgang/gemeente/{addressee}",
    };

    [Fact]
    public async Task Create_PerRole_ProvinceToOwnMunicipalityAndRijkToProvince()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Viewer);
        var municipality = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var rijk = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using (var anonymous = await app.Client.PostAsJsonAsync("/api/v1/instructies", Draft("GM0228"), Ct))
        {
            await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "niet-aangemeld");
        }

        await AssertPostAsync(app, viewer, Draft("GM0228"), HttpStatusCode.Forbidden);
        await AssertPostAsync(app, municipality, Draft("GM0203"), HttpStatusCode.Forbidden);
        await AssertPostAsync(app, gelderland, Draft("GM0345"), HttpStatusCode.Forbidden); // Veenendaal lies in Utrecht (PV26)
        await AssertPostAsync(app, gelderland, Draft("PV26"), HttpStatusCode.Forbidden);   // a province instructs no province

        var toEde = await AssertPostAsync(app, gelderland, Draft("GM0228"), HttpStatusCode.Created);
        Assert.Equal("PV25", toEde.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Equal("GM0228", toEde.GetProperty("addressee").GetProperty("id").GetString());
        Assert.Contains("art. 2.33", toEde.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal("concept", toEde.GetProperty("status").GetString());
        Assert.Equal("voortgang/gemeente/GM0228", toEde.GetProperty("warningReference").GetString());

        var toGelderland = await AssertPostAsync(app, rijk, Draft("PV25", "Regionale afspraak Foodvalley vaststellen"), HttpStatusCode.Created);
        Assert.Equal("RIJK", toGelderland.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Contains("art. 2.34", toGelderland.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);

        await using var check = db.Context();
        var stored = await check.Instructions.OrderBy(i => i.Id).ToListAsync(Ct);
        Assert.Equal([("PV25", "GM0228", InstructionStatus.Concept), ("RIJK", "PV25", InstructionStatus.Concept)], stored.Select(i => (i.IssuerId, i.AddresseeId, i.Status)));
        var audit = await check.AuditEntries.Where(a => a.ObjectType == "instructie").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(["PV25", "RIJK"], audit.Select(a => a.OrganisationId));
    }

    [Fact]
    public async Task ChangeAndStatus_OnlyTheIssuersEditors_AndAnonymousSeeOnlyGivenInstructions()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Viewer);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        var rijk = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var created = await AssertPostAsync(app, gelderland, Draft("GM0228"), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var change = new { addressee = "GM0228", subject = "Gewijzigd onderwerp", content = "Een gewijzigde inhoud van voldoende lengte.", deadline = Deadline, version = 0 };

        using (var anonymous = await app.Client.PutAsJsonAsync($"/api/v1/instructies/{id}", change, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var anonymousStatus = await app.Client.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status = "issued", version = 0 }, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus.StatusCode);
        }

        foreach (var wrong in new[] { viewer, utrecht, rijk, ede })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            using var put = await client.PutAsJsonAsync($"/api/v1/instructies/{id}", change, Ct);
            Assert.True(put.StatusCode == HttpStatusCode.Forbidden, $"{wrong.Organisation} {wrong.Role} PUT: {(int)put.StatusCode}");
            using var move = await client.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status = "issued", version = 0 }, Ct);
            Assert.True(move.StatusCode == HttpStatusCode.Forbidden, $"{wrong.Organisation} {wrong.Role} status: {(int)move.StatusCode}");
        }

        // Anonymous visitors do not see the concept; signed-in accounts do.
        using (var hidden = await app.Client.GetAsync(new Uri($"/api/v1/instructies/{id}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.Equal(0, (await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/instructies", Ct)).GetArrayLength());
        using var issuer = await TestAccounts.ApiClientAsync(app, gelderland);
        Assert.Equal(1, (await issuer.GetFromJsonAsync<JsonElement>("/api/v1/instructies?aan=GM0228", Ct)).GetArrayLength());

        using var changed = await issuer.PutAsJsonAsync($"/api/v1/instructies/{id}", change, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var afterChange = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Gewijzigd onderwerp", 1), (afterChange.GetProperty("subject").GetString(), afterChange.GetProperty("version").GetInt32()));

        // Issue 15: giving without the explicit confirmation records nothing and names the field.
        using (var unconfirmed = await issuer.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status = "issued", version = 1 }, Ct))
        {
            var problem = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal((HttpStatusCode)422, unconfirmed.StatusCode);
            Assert.Equal("$.confirmed", Assert.Single(problem.GetProperty("invalidParams").EnumerateArray()).GetProperty("name").GetString());
            Assert.Contains("De instructie is niet gegeven", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var still = await issuer.GetFromJsonAsync<JsonElement>($"/api/v1/instructies/{id}", Ct);
            Assert.Equal(("concept", 1), (still.GetProperty("status").GetString(), still.GetProperty("version").GetInt32()));
        }

        using var issued = await issuer.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status = "issued", version = 1, confirmed = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var given = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("issued", "gegeven"), (given.GetProperty("status").GetString(), given.GetProperty("statusLabel").GetString()));
        Assert.NotEqual(JsonValueKind.Null, given.GetProperty("issuedAt").ValueKind);

        var published = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/instructies?aan=gm0228&status=gegeven", Ct);
        Assert.Equal(id, Assert.Single(published.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, published[0].GetProperty("createdBy").ValueKind); // who drafted it is not public
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task StaleVersion_IsAConflictWithTheCurrentVersion_NothingChanges(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var colleague = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var id = (await AssertPostAsync(app, gelderland, Draft("GM0228"), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var first = await TestAccounts.ApiClientAsync(app, gelderland);
        using var second = await TestAccounts.ApiClientAsync(app, colleague);

        // Both read version 0; the colleague saves first.
        using (var saved = await second.PutAsJsonAsync($"/api/v1/instructies/{id}", new { addressee = "GM0228", subject = "Versie van de collega", content = "De inhoud zoals de collega die opsloeg.", deadline = Deadline, version = 0 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var lost = await first.PutAsJsonAsync($"/api/v1/instructies/{id}", new { addressee = "GM0228", subject = "Mijn versie", content = "De inhoud zoals ik die wilde opslaan.", deadline = Deadline, version = 0 }, Ct);
        var problem = await AssertProblemAsync(lost, HttpStatusCode.Conflict, "gewijzigd-door-ander");
        Assert.Equal(("Versie van de collega", 1), (problem.GetProperty("current").GetProperty("subject").GetString(), problem.GetProperty("current").GetProperty("version").GetInt32()));

        using var staleMove = await first.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status = "issued", version = 0 }, Ct);
        await AssertProblemAsync(staleMove, HttpStatusCode.Conflict, "gewijzigd-door-ander");

        await using var check = db.Context();
        var stored = await check.Instructions.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(("Versie van de collega", InstructionStatus.Concept, 1), (stored.Subject, stored.Status, stored.Version));
    }

    [Fact]
    public async Task IllegalTransitions_AreRefusedWith409()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, gelderland);
        var id = (await AssertPostAsync(app, gelderland, Draft("GM0228"), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        async Task<HttpStatusCode> Move(string status, int version)
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/instructies/{id}/status", new { status, version, confirmed = true }, Ct);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await AssertProblemAsync(response, HttpStatusCode.Conflict, "ongeldige-overgang");
            }

            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Conflict, await Move("complied", 0)); // a concept cannot be complied with
        Assert.Equal(HttpStatusCode.Conflict, await Move("concept", 0));
        Assert.Equal(HttpStatusCode.OK, await Move("issued", 0));
        Assert.Equal(HttpStatusCode.Conflict, await Move("issued", 1));
        Assert.Equal(HttpStatusCode.Conflict, await Move("concept", 1)); // issued never goes back
        using (var edit = await client.PutAsJsonAsync($"/api/v1/instructies/{id}", new { addressee = "GM0228", subject = "Te laat gewijzigd", content = "Een gegeven instructie wijzigt niet meer.", deadline = Deadline, version = 1 }, Ct))
        {
            await AssertProblemAsync(edit, HttpStatusCode.Conflict, "ongeldige-overgang");
        }

        Assert.Equal(HttpStatusCode.OK, await Move("complied", 1));
        Assert.Equal(HttpStatusCode.Conflict, await Move("withdrawn", 2)); // closed
        Assert.Equal(HttpStatusCode.Conflict, await Move("issued", 2));

        await using var check = db.Context();
        Assert.Equal(InstructionStatus.Complied, (await check.Instructions.SingleAsync(i => i.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task InvalidFields_Are422WithEveryField_AndNothingIsStored()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, gelderland);

        using var response = await client.PostAsJsonAsync("/api/v1/instructies",
            new { addressee = "GM0228", subject = "Kort", content = "Te kort.", deadline = "2020-01-01", warningReference = "<script>" }, Ct);
        var problem = await AssertProblemAsync(response, (HttpStatusCode)422, "ongeldige-invoer");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["$.subject", "$.content", "$.deadline", "$.warningReference"], names);

        using var unknown = await client.PostAsJsonAsync("/api/v1/instructies", Draft("GM9999"), Ct);
        Assert.Equal("$.addressee", (await AssertProblemAsync(unknown, (HttpStatusCode)422, "ongeldige-invoer")).GetProperty("invalidParams")[0].GetProperty("name").GetString());

        await using var check = db.Context();
        Assert.Equal(0, await check.Instructions.CountAsync(Ct));
    }

    internal static async Task<JsonElement> AssertPostAsync(RunningApp app, TestAccount account, object body, HttpStatusCode expected)
    {
        using var client = await TestAccounts.ApiClientAsync(app, account);
        using var response = await client.PostAsJsonAsync("/api/v1/instructies", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{account.Organisation} {account.Role}: {(int)response.StatusCode} {text}");
        if (expected == HttpStatusCode.Created)
        {
            Assert.EndsWith($"/api/v1/instructies/{JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32()}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.EndsWith("#probleem-" + slug, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }
}
