using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// Exemptions through the API on Foodvalley: Ede (GM0228, Gelderland, social stock 21%: social is its lagging segment)
/// asks for a social floor of 20% instead of 30%. Who may request and decide, the what-if, and the new agreement version
/// a grant makes (its shares differ from the base version exactly as the what-if said).
/// </summary>
public sealed class ExemptionApiTests(TestDatabases databases)
{
    private const string Grounds = "Ede heeft een grote wachtlijst voor middenhuur; 30% sociale huur past niet bij de lokale markt.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_OnlyTheMunicipalitysOwnEditor_ValidatedDutchStyle()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var body = new { floor = "sociale huur", requestedFloor = "20,5", grounds = Grounds };

        await AgreementApi.ExpectAsync(await app.Client.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", body, Ct), HttpStatusCode.Unauthorized);
        await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/gemeenten/GM0228/ontheffingen", UriKind.Relative), Ct), HttpStatusCode.Unauthorized);
        foreach (var wrong in new[] { viewer, barneveld, gelderland })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", body, Ct), HttpStatusCode.Forbidden);
        }

        using var own = await TestAccounts.ApiClientAsync(app, ede);
        var invalid = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "30", grounds = "kort" }, Ct), (HttpStatusCode)422);
        Assert.Equal(["grounds", "requestedFloor"], invalid.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "20.5", grounds = Grounds }, Ct), (HttpStatusCode)422);

        var created = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", body, Ct), HttpStatusCode.Created);
        Assert.Equal(("aangevraagd", "41/200", "sociale huur"), (created.GetProperty("status").GetString(), created.GetProperty("requestedFloor").GetProperty("exact").GetString(), created.GetProperty("floor").GetString()));
        await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", body, Ct), (HttpStatusCode)422); // one open request per segment
        using var reader = await TestAccounts.ApiClientAsync(app, viewer);
        Assert.Equal(1, (await AgreementApi.ExpectAsync(await reader.GetAsync(new Uri("/api/v1/gemeenten/GM0228/ontheffingen", UriKind.Relative), Ct), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Decide_OnlyTheProvinceOfTheMunicipalityOrTheRijk_ReasoningRequired_StaleVersion409_DecidedIsFinal()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var viewer = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Viewer);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor); // manages Foodvalley, but Ede lies in Gelderland
        var noordHolland = await TestAccounts.CreateAsync(db, "PV27", AccountRole.Editor);
        var rijk = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var own = await TestAccounts.ApiClientAsync(app, ede);
        var request = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "20", grounds = Grounds }, Ct), HttpStatusCode.Created);
        var id = request.GetProperty("id").GetInt32();
        var version = request.GetProperty("version").GetInt32();
        var url = $"/api/v1/ontheffingen/{id}/besluit";
        var refuse = new { granted = false, reasoning = "De regio kan dit niet opvangen zonder tekort.", version, confirmed = true };

        await AgreementApi.ExpectAsync(await app.Client.PostAsJsonAsync(url, refuse, Ct), HttpStatusCode.Unauthorized);
        foreach (var wrong in new[] { ede, viewer, utrecht, noordHolland })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync(url, refuse, Ct), HttpStatusCode.Forbidden);
        }

        using var decider = await TestAccounts.ApiClientAsync(app, rijk);
        await AgreementApi.ExpectAsync(await decider.PostAsJsonAsync(url, new { granted = false, reasoning = "te kort", version }, Ct), (HttpStatusCode)422);
        var stale = await AgreementApi.ExpectAsync(await decider.PostAsJsonAsync(url, new { granted = false, reasoning = refuse.reasoning, version = version + 7 }, Ct), HttpStatusCode.Conflict);
        Assert.Equal(("aangevraagd", version), (stale.GetProperty("current").GetProperty("status").GetString(), stale.GetProperty("current").GetProperty("version").GetInt32()));
        var unconfirmed = await AgreementApi.ExpectAsync(await decider.PostAsJsonAsync(url, refuse with { confirmed = false }, Ct), (HttpStatusCode)422);
        Assert.Equal("confirmed", Assert.Single(unconfirmed.GetProperty("invalidParams").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains("Er is niet besloten over de aanvraag van Ede", unconfirmed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var open = await AgreementApi.ExpectAsync(await decider.GetAsync(new Uri($"/api/v1/ontheffingen/{id}", UriKind.Relative), Ct), HttpStatusCode.OK);
        Assert.Equal(("aangevraagd", version), (open.GetProperty("exemption").GetProperty("status").GetString(), open.GetProperty("exemption").GetProperty("version").GetInt32()));
        var refused = await AgreementApi.ExpectAsync(await decider.PostAsJsonAsync(url, refuse, Ct), HttpStatusCode.OK);
        Assert.Equal(("geweigerd", "RIJK", JsonValueKind.Null), (refused.GetProperty("status").GetString(), refused.GetProperty("decidedByOrganisation").GetString(), refused.GetProperty("resultingAgreement").ValueKind));
        await AgreementApi.ExpectAsync(await decider.PostAsJsonAsync(url, new { granted = true, reasoning = refuse.reasoning, version = refused.GetProperty("version").GetInt32(), confirmed = true }, Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Withdraw_OnlyTheMunicipalitysEditor_WithTheVersionRead_OnlyWhileOpen()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var own = await TestAccounts.ApiClientAsync(app, ede);
        var request = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "20", grounds = Grounds }, Ct), HttpStatusCode.Created);
        var id = request.GetProperty("id").GetInt32();
        var version = request.GetProperty("version").GetInt32();
        var url = $"/api/v1/ontheffingen/{id}/intrekken";

        await AgreementApi.ExpectAsync(await app.Client.PostAsJsonAsync(url, new { version }, Ct), HttpStatusCode.Unauthorized);
        foreach (var wrong in new[] { barneveld, gelderland }) // another municipality, and the province that decides it
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync(url, new { version }, Ct), HttpStatusCode.Forbidden);
        }

        await AgreementApi.ExpectAsync(await own.PostAsJsonAsync(url, new { }, Ct), (HttpStatusCode)422);
        var stale = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync(url, new { version = version + 1 }, Ct), HttpStatusCode.Conflict);
        Assert.Equal("aangevraagd", stale.GetProperty("current").GetProperty("status").GetString());
        var withdrawn = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync(url, new { version }, Ct), HttpStatusCode.OK);
        Assert.Equal("ingetrokken", withdrawn.GetProperty("status").GetString());
        var again = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync(url, new { version = withdrawn.GetProperty("version").GetInt32() }, Ct), HttpStatusCode.Conflict);
        Assert.EndsWith("#probleem-ongeldige-overgang", again.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Grant_MakesANewConceptVersionWhoseSharesDifferExactlyAsTheWhatIfSaid(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        using var own = await TestAccounts.ApiClientAsync(app, ede);

        // Version 1, adopted: the base of the what-if and of the new version.
        var v1 = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var v1Id = v1.GetProperty("id").GetInt32();
        var request = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "20", grounds = Grounds }, Ct), HttpStatusCode.Created);
        var id = request.GetProperty("id").GetInt32();
        var open = await AgreementApi.ExpectAsync(
            await province.PostAsJsonAsync($"/api/v1/ontheffingen/{id}/besluit", new { granted = true, reasoning = "Lokale markt vraagt om middenhuur.", version = request.GetProperty("version").GetInt32(), confirmed = true }, Ct),
            (HttpStatusCode)422);
        Assert.Contains("Neem eerst versie 1 terug of stel die vast", open.GetRawText(), StringComparison.Ordinal);
        v1 = await AgreementApi.MoveAsync(province, v1Id, "voorgesteld", AgreementApi.Version(v1), HttpStatusCode.OK);
        v1 = await AgreementApi.MoveAsync(province, v1Id, "vastgesteld", AgreementApi.Version(v1), HttpStatusCode.OK);

        var detail = await AgreementApi.ExpectAsync(await province.GetAsync(new Uri($"/api/v1/ontheffingen/{id}", UriKind.Relative), Ct), HttpStatusCode.OK);
        Assert.Equal(v1Id, detail.GetProperty("baseAgreement").GetInt32());
        var whatIf = detail.GetProperty("whatIf");
        Assert.True(whatIf.GetProperty("hasEffect").GetBoolean());
        var rows = whatIf.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r);
        Assert.Equal((2391, 1400), (Before(rows["GM0228"], "social"), After(rows["GM0228"], "social"))); // ceil(20% × 7.000), no regional social share
        Assert.Equal(7616, whatIf.GetProperty("social").GetProperty("after").GetInt32()); // the region still reaches RS: the other Gelderland municipalities absorb 991
        Assert.Equal(991, rows.Values.Where(r => r.GetProperty("code").GetString() != "GM0228").Sum(r => r.GetProperty("social").GetProperty("delta").GetInt32()));

        var granted = await AgreementApi.ExpectAsync(
            await province.PostAsJsonAsync($"/api/v1/ontheffingen/{id}/besluit", new { granted = true, reasoning = "Lokale markt vraagt om middenhuur.", version = request.GetProperty("version").GetInt32(), confirmed = true }, Ct),
            HttpStatusCode.OK);
        Assert.Equal(("verleend", "PV25"), (granted.GetProperty("status").GetString(), granted.GetProperty("decidedByOrganisation").GetString()));
        var newId = granted.GetProperty("resultingAgreement").GetInt32();
        var v2 = await AgreementApi.ExpectAsync(await province.GetAsync(new Uri($"/api/v1/afspraken/{newId}", UriKind.Relative), Ct), HttpStatusCode.OK);
        var agreement = v2.GetProperty("agreement");
        Assert.Equal((2, "concept", v1Id, id), (agreement.GetProperty("number").GetInt32(), agreement.GetProperty("status").GetString(), agreement.GetProperty("previous").GetInt32(), agreement.GetProperty("exemption").GetInt32()));
        Assert.Equal($"ontheffing {id} verleend aan Ede", agreement.GetProperty("reason").GetString());
        foreach (var change in v2.GetProperty("comparison").EnumerateArray())
        {
            var code = change.GetProperty("code").GetString()!;
            foreach (var segment in new[] { "social", "middle", "free" })
            {
                Assert.Equal(rows[code].GetProperty(segment).GetRawText(), change.GetProperty(segment).GetRawText());
            }
        }

        Assert.Equal(1400, AgreementApi.Share(agreement, "GM0228").Social);
        Assert.Equal((2253, 1243), (AgreementApi.Share(agreement, "GM0203").Social, AgreementApi.Share(agreement, "GM0345").Social)); // Barneveld 1.838 → 2.253; Veenendaal (Utrecht part) unchanged
        Assert.Equal(AgreementApi.Share(v1, "GM0203").Social + rows["GM0203"].GetProperty("social").GetProperty("delta").GetInt32(), AgreementApi.Share(agreement, "GM0203").Social);

        await using var check = db.Context();
        var stored = await check.Agreements.SingleAsync(a => a.Id == newId, Ct);
        Assert.Contains("\"socialFloor\": \"1/5\"", stored.Scenario.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ObjectType == "ontheffing" && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "gewijzigd", Ct));
    }

    private static int Before(JsonElement row, string segment) => row.GetProperty(segment).GetProperty("before").GetInt32();

    private static int After(JsonElement row, string segment) => row.GetProperty(segment).GetProperty("after").GetInt32();
}
