using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// The monitoring measures against the adopted agreement (the version in force) once a region has one, and against the
/// law's distribution before that. Foodvalley: version 1 equals the distribution (Ede social 2.724); after Ede's
/// exemption is granted, version 2 (Ede 1.400, Barneveld 2.481) counts only once it is adopted, and at once.
/// </summary>
public sealed class AgreedTargetsTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Targets_FollowTheAdoptedVersion_NotAConcept(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        using var own = await TestAccounts.ApiClientAsync(app, ede);

        var before = await ProgressAsync(app, "gemeenten/GM0228");
        Assert.Equal(2391, SocialTarget(before));
        Assert.Equal(("WD19", "distribution", JsonValueKind.Null), Source(before));
        Assert.Contains("de verdeling volgens de regels van de wet van Regio Foodvalley", await PageAsync(app, "/voortgang/gemeente/GM0228"), StringComparison.Ordinal);

        var v1 = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var v1Id = v1.GetProperty("id").GetInt32();
        v1 = await AgreementApi.MoveAsync(province, v1Id, "voorgesteld", AgreementApi.Version(v1), HttpStatusCode.OK);
        Assert.Equal("distribution", Source(await ProgressAsync(app, "gemeenten/GM0228")).Kind); // a proposal is not yet agreed
        await AgreementApi.MoveAsync(province, v1Id, "vastgesteld", AgreementApi.Version(v1), HttpStatusCode.OK);

        var adopted = await ProgressAsync(app, "gemeenten/GM0228");
        Assert.Equal(2391, SocialTarget(adopted));
        Assert.Equal(("WD19", "agreement", JsonValueKind.Number), Source(adopted));
        Assert.Equal(1, adopted.GetProperty("provenance").GetProperty("targets")[0].GetProperty("agreementNumber").GetInt32());

        var request = await AgreementApi.ExpectAsync(
            await own.PostAsJsonAsync("/api/v1/gemeenten/GM0228/ontheffingen", new { floor = "sociale huur", requestedFloor = "20", grounds = "Ede heeft een grote wachtlijst voor middenhuur; 30% sociale huur past niet." }, Ct),
            HttpStatusCode.Created);
        var granted = await AgreementApi.ExpectAsync(
            await province.PostAsJsonAsync($"/api/v1/ontheffingen/{request.GetProperty("id").GetInt32()}/besluit", new { granted = true, reasoning = "De regio vangt het op.", version = request.GetProperty("version").GetInt32(), confirmed = true }, Ct),
            HttpStatusCode.OK);
        var v2Id = granted.GetProperty("resultingAgreement").GetInt32();
        Assert.Equal(2391, SocialTarget(await ProgressAsync(app, "gemeenten/GM0228"))); // version 2 is a concept: version 1 still applies

        var v2 = (await AgreementApi.ExpectAsync(await province.GetAsync(new Uri($"/api/v1/afspraken/{v2Id}", UriKind.Relative), Ct), HttpStatusCode.OK)).GetProperty("agreement");
        v2 = await AgreementApi.MoveAsync(province, v2Id, "voorgesteld", AgreementApi.Version(v2), HttpStatusCode.OK);
        await AgreementApi.MoveAsync(province, v2Id, "vastgesteld", AgreementApi.Version(v2), HttpStatusCode.OK);

        var edeNow = await ProgressAsync(app, "gemeenten/GM0228");
        Assert.Equal(1400, SocialTarget(edeNow));
        Assert.Equal(2, edeNow.GetProperty("provenance").GetProperty("targets")[0].GetProperty("agreementNumber").GetInt32());
        Assert.Equal(2253, SocialTarget(await ProgressAsync(app, "gemeenten/GM0203"))); // Barneveld absorbs part of it
        var region = await ProgressAsync(app, "regios/WD19");
        Assert.Equal(7616, SocialTarget(region)); // the region's total is unchanged
        var regionSource = Assert.Single(region.GetProperty("provenance").GetProperty("targets").EnumerateArray());
        Assert.Equal(("agreement", 8, v2Id), (regionSource.GetProperty("kind").GetString(), regionSource.GetProperty("municipalities").GetInt32(), regionSource.GetProperty("agreementId").GetInt32()));

        var page = await PageAsync(app, "/voortgang/gemeente/GM0228");
        Assert.Contains("de vastgestelde afspraak van Regio Foodvalley", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/afspraak/{v2Id}\">versie 2</a>", page, StringComparison.Ordinal);

        // Gelderland: Foodvalley from its agreement, the province's other regions still from the distribution.
        var sources = (await ProgressAsync(app, "provincies/PV25")).GetProperty("provenance").GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal("agreement", sources.Single(s => s.GetProperty("region").GetString() == "WD19").GetProperty("kind").GetString());
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "distribution");

        // The change history names what it is about and links back to it.
        using var officer = new EditSession(app);
        await officer.SignInAsync(gelderland);
        foreach (var (path, title, back) in new[]
        {
            ($"/audit/afspraak/{v2Id}", "regionale afspraak Regio Foodvalley versie 2", $"/afspraak/{v2Id}"),
            ($"/audit/ontheffing/{request.GetProperty("id").GetInt32()}", "ontheffing Ede, sociale huur", $"/ontheffing/{request.GetProperty("id").GetInt32()}"),
        })
        {
            using var history = await officer.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, history.StatusCode);
            Assert.Contains($"Wijzigingsgeschiedenis: {title}</h1>", officer.RawHtml, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{back}\">", officer.RawHtml, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> ProgressAsync(RunningApp app, string subject) =>
        await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri($"/api/v1/{subject}/voortgang", UriKind.Relative), Ct), HttpStatusCode.OK);

    private static async Task<string> PageAsync(RunningApp app, string path) => await app.Client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);

    private static int SocialTarget(JsonElement progress) => progress.GetProperty("target").GetProperty("socialRent").GetInt32();

    private static (string? Region, string? Kind, JsonValueKind AgreementId) Source(JsonElement progress)
    {
        var source = Assert.Single(progress.GetProperty("provenance").GetProperty("targets").EnumerateArray());
        return (source.GetProperty("region").GetString(), source.GetProperty("kind").GetString(), source.GetProperty("agreementId").ValueKind);
    }
}
