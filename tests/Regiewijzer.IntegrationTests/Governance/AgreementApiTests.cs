using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// Regional agreements through the API on the seeded Foodvalley (WD19: six members in Gelderland PV25, Renswoude, Rhenen
/// and Veenendaal in Utrecht PV26): who may create, move and answer a version, the state machine, immutability of an
/// adopted version, lost updates, the audit trail and the contracted-project cut-off.
/// </summary>
public sealed class AgreementApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_OnlyAnEditorOfAProvinceOfTheRegion_FromTheCurrentDistribution_OneOpenVersionAtATime()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Viewer);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var noordHolland = await TestAccounts.CreateAsync(db, "PV27", AccountRole.Editor);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        await AgreementApi.ExpectAsync(await app.Client.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Unauthorized);
        foreach (var wrong in new[] { viewer, ede, noordHolland })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Forbidden);
        }

        using var province = await TestAccounts.ApiClientAsync(app, utrecht); // Utrecht manages Foodvalley too (Veenendaal, Rhenen, Renswoude)
        await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "  " }, Ct), (HttpStatusCode)422);
        var created = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        Assert.Equal((1, "concept", 8), (created.GetProperty("number").GetInt32(), created.GetProperty("status").GetString(), created.GetProperty("shares").GetArrayLength()));
        var edeShare = AgreementApi.Share(created, "GM0228");
        Assert.Equal((7000, 2391, 2178, 2431), (edeShare.Task, edeShare.Social, edeShare.Middle, edeShare.Free));
        Assert.Equal(7616, created.GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("social").GetInt32()));

        var second = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "tweede" }, Ct), (HttpStatusCode)422);
        Assert.Contains("Versie 1 is nog concept", second.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transitions_IllegalOnesAre409_AndAnAdoptedVersionNeverChanges()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        var v = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var id = v.GetProperty("id").GetInt32();

        await AgreementApi.MoveAsync(province, id, "vastgesteld", AgreementApi.Version(v), HttpStatusCode.Conflict); // concept → vastgesteld
        await AgreementApi.MoveAsync(province, id, "concept", AgreementApi.Version(v), HttpStatusCode.Conflict); // same → same
        v = await AgreementApi.MoveAsync(province, id, "voorgesteld", AgreementApi.Version(v), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, v.GetProperty("proposedAt").ValueKind);
        await AgreementApi.MoveAsync(province, id, "voorgesteld", AgreementApi.Version(v), HttpStatusCode.Conflict);
        foreach (var confirmation in new object?[] { null, false })
        {
            // Issue 15: adopting without the explicit confirmation records nothing and names the field in Dutch.
            var unconfirmed = await AgreementApi.ExpectAsync(
                await province.PostAsJsonAsync($"/api/v1/afspraken/{id}/status", new { status = "vastgesteld", version = AgreementApi.Version(v), confirmed = confirmation }, Ct), (HttpStatusCode)422);
            var param = Assert.Single(unconfirmed.GetProperty("invalidParams").EnumerateArray());
            Assert.Equal("confirmed", param.GetProperty("name").GetString());
            Assert.Contains("Versie 1 is niet vastgesteld", param.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var still = await AgreementApi.ExpectAsync(await province.GetAsync(new Uri($"/api/v1/afspraken/{id}", UriKind.Relative), Ct), HttpStatusCode.OK);
            Assert.Equal(("voorgesteld", AgreementApi.Version(v)), (still.GetProperty("agreement").GetProperty("status").GetString(), AgreementApi.Version(still.GetProperty("agreement"))));
        }

        v = await AgreementApi.MoveAsync(province, id, "vastgesteld", AgreementApi.Version(v), HttpStatusCode.OK);
        Assert.Equal("vastgesteld", v.GetProperty("status").GetString());
        Assert.StartsWith("Test PV25", v.GetProperty("adoptedBy").GetString(), StringComparison.Ordinal);
        var adopted = v.GetRawText();

        foreach (var to in new[] { "concept", "voorgesteld", "vastgesteld" })
        {
            var refused = await AgreementApi.MoveAsync(province, id, to, AgreementApi.Version(v), HttpStatusCode.Conflict);
            Assert.Contains("onveranderlijk; maak een nieuwe versie", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var member = await TestAccounts.ApiClientAsync(app, ede);
        await AgreementApi.ExpectAsync(await member.PutAsJsonAsync($"/api/v1/afspraken/{id}/reacties/GM0228", new { kind = "akkoord" }, Ct), HttpStatusCode.Conflict);
        var after = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri($"/api/v1/afspraken/{id}", UriKind.Relative), Ct), HttpStatusCode.OK); // public once adopted
        Assert.Equal(adopted, after.GetProperty("agreement").GetRawText());

        // The audit trail has the transitions with the status before and after.
        await using var check = db.Context();
        var entries = await check.AuditEntries.Where(e => e.ObjectType == "afspraak" && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Entity == "agreements" && e.Action == "gewijzigd")
            .OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([("Concept", "Proposed"), ("Proposed", "Adopted")], entries.Select(e => (Status(e.Before), Status(e.After))).ToList());
        Assert.All(entries, e => Assert.Equal("PV25", e.OrganisationId));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task LostUpdate_TwoProvinceEditorsWithTheSameVersion_TheSecondGets409WithTheCurrentVersion(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var first = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var second = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var a = await TestAccounts.ApiClientAsync(app, first);
        using var b = await TestAccounts.ApiClientAsync(app, second);
        var v = await AgreementApi.ExpectAsync(await a.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var id = v.GetProperty("id").GetInt32();
        var read = AgreementApi.Version(v);

        await AgreementApi.MoveAsync(a, id, "voorgesteld", read, HttpStatusCode.OK);
        var conflict = await AgreementApi.MoveAsync(b, id, "voorgesteld", read, HttpStatusCode.Conflict);
        Assert.EndsWith("gewijzigd-door-ander", conflict.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(("voorgesteld", read + 1), (conflict.GetProperty("current").GetProperty("status").GetString(), AgreementApi.Version(conflict.GetProperty("current"))));

        var proposed = AgreementApi.Version(conflict.GetProperty("current"));
        await AgreementApi.MoveAsync(b, id, "vastgesteld", proposed, HttpStatusCode.OK);
        var late = await AgreementApi.MoveAsync(a, id, "concept", proposed, HttpStatusCode.Conflict); // adopted meanwhile: immutable
        Assert.Contains("onveranderlijk", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_OnlyAMemberEditorForItself_OnAProposedVersion_ReansweringIsVersionChecked()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var viewer = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var amsterdam = await TestAccounts.CreateAsync(db, "GM0363", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        var v = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var id = v.GetProperty("id").GetInt32();
        var url = $"/api/v1/afspraken/{id}/reacties/GM0228";

        using var own = await TestAccounts.ApiClientAsync(app, ede);
        await AgreementApi.ExpectAsync(await own.PutAsJsonAsync(url, new { kind = "akkoord" }, Ct), HttpStatusCode.Conflict); // concept: no responses yet
        await AgreementApi.MoveAsync(province, id, "voorgesteld", AgreementApi.Version(v), HttpStatusCode.OK);

        await AgreementApi.ExpectAsync(await app.Client.PutAsJsonAsync(url, new { kind = "akkoord" }, Ct), HttpStatusCode.Unauthorized);
        foreach (var wrong in new[] { viewer, barneveld })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            await AgreementApi.ExpectAsync(await client.PutAsJsonAsync(url, new { kind = "akkoord" }, Ct), HttpStatusCode.Forbidden);
        }

        using (var outsider = await TestAccounts.ApiClientAsync(app, amsterdam))
        {
            await AgreementApi.ExpectAsync(await outsider.PutAsJsonAsync($"/api/v1/afspraken/{id}/reacties/GM0363", new { kind = "akkoord" }, Ct), HttpStatusCode.NotFound);
        }

        await AgreementApi.ExpectAsync(await own.PutAsJsonAsync(url, new { kind = "bezwaar" }, Ct), (HttpStatusCode)422); // an objection needs a comment
        await AgreementApi.ExpectAsync(await own.PutAsJsonAsync(url, new { kind = "akkoord", comment = new string('x', 4001) }, Ct), (HttpStatusCode)422);
        var answered = await AgreementApi.ExpectAsync(await own.PutAsJsonAsync(url, new { kind = "akkoord", comment = "Past bij ons programma." }, Ct), HttpStatusCode.OK);
        var response = answered.GetProperty("responses").EnumerateArray().Single();
        Assert.Equal(("GM0228", "akkoord"), (response.GetProperty("municipality").GetString(), response.GetProperty("kind").GetString()));

        var stale = await AgreementApi.ExpectAsync(await own.PutAsJsonAsync(url, new { kind = "bezwaar", comment = "Toch te veel sociale huur." }, Ct), HttpStatusCode.Conflict);
        Assert.Equal("akkoord", stale.GetProperty("current").GetProperty("responses")[0].GetProperty("kind").GetString());
        var again = await AgreementApi.ExpectAsync(
            await own.PutAsJsonAsync(url, new { kind = "bezwaar", comment = "Toch te veel sociale huur.", version = response.GetProperty("version").GetInt32() }, Ct), HttpStatusCode.OK);
        Assert.Equal(("bezwaar", 1), (again.GetProperty("responses")[0].GetProperty("kind").GetString(), again.GetProperty("responses").GetArrayLength()));
    }

    [Fact]
    public async Task Read_ConceptOnlySignedIn_AdoptedPublic_CutoffCountsPlansContractedBeforeAdoption()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        var v = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var id = v.GetProperty("id").GetInt32();

        await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri($"/api/v1/afspraken/{id}", UriKind.Relative), Ct), HttpStatusCode.Unauthorized);
        var list = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/regios/WD19/afspraken", UriKind.Relative), Ct), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(1, (await AgreementApi.ExpectAsync(await province.GetAsync(new Uri("/api/v1/regios/WD19/afspraken", UriKind.Relative), Ct), HttpStatusCode.OK)).GetArrayLength());

        // Two contracted plans of members: one contracted long before adoption (counts), one far after (does not).
        await using (var context = db.Context())
        {
            context.Plans.Add(Plan("GM0228", "CUT-1", new DateOnly(2024, 3, 1), 120));
            context.Plans.Add(Plan("GM0345", "CUT-2", new DateOnly(2099, 1, 1), 50));
            await context.SaveChangesAsync(Ct);
        }

        v = await AgreementApi.MoveAsync(province, id, "voorgesteld", AgreementApi.Version(v), HttpStatusCode.OK);
        await AgreementApi.MoveAsync(province, id, "vastgesteld", AgreementApi.Version(v), HttpStatusCode.OK);
        var detail = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri($"/api/v1/afspraken/{id}", UriKind.Relative), Ct), HttpStatusCode.OK);
        var cutoff = detail.GetProperty("cutoff");
        Assert.Equal((1, 120, true), (cutoff.GetProperty("plans").GetInt32(), cutoff.GetProperty("homes").GetInt32(), cutoff.GetProperty("assumption").GetBoolean()));
        Assert.Equal(Regiewijzer.Data.DutchTime.Date(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cutoff.GetProperty("date").GetString()); // the Dutch calendar day of adoption
        Assert.Equal(id, detail.GetProperty("inForce").GetInt32());
    }

    private static PlanRow Plan(string municipality, string code, DateOnly contracted, int homes)
    {
        var plan = new PlanRow
        {
            MunicipalityCode = municipality, Code = code, Name = "Project " + code, Status = "1a", PriceLevelYear = 2024, Contracted = true,
            ContractedOn = contracted, Source = "test", UpdatedAt = DateTimeOffset.UtcNow,
        };
        plan.Deliveries.Add(new PlanDeliveryRow { Year = 2027, SocialRent = homes / 2, FreeOwnership = homes - (homes / 2) });
        return plan;
    }

    private static string? Status(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("Status").GetString();
}

/// <summary>Calls and checks shared by the agreement and exemption API tests.</summary>
internal static class AgreementApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body (or an empty object).</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {body}");
            return body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>A status change; adopting is confirmed (the person saw the facts), as every client must do.</summary>
    public static async Task<JsonElement> MoveAsync(HttpClient client, int id, string status, int version, HttpStatusCode expected) =>
        await ExpectAsync(await client.PostAsJsonAsync($"/api/v1/afspraken/{id}/status", new { status, version, confirmed = true }, Ct), expected);

    public static int Version(JsonElement agreement) => agreement.GetProperty("version").GetInt32();

    public static (int Task, int Social, int Middle, int Free) Share(JsonElement agreement, string code)
    {
        var s = agreement.GetProperty("shares").EnumerateArray().Single(x => x.GetProperty("code").GetString() == code);
        return (s.GetProperty("task").GetInt32(), s.GetProperty("social").GetInt32(), s.GetProperty("middle").GetInt32(), s.GetProperty("free").GetInt32());
    }
}
