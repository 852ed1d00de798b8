using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Regions;

/// <summary>
/// Gelderland designates its woningbouwregio's through the API (issue 13): who may, what a valid act needs, the overlap
/// of Barneveld and Nijkerk (Foodvalley and Amersfoort), a region across the border that waits for Utrecht, the history
/// ("which region was GM0203 in on a date?") and the partition in force that distribution and monitoring read.
/// </summary>
public sealed class DesignationApiTests(TestDatabases databases)
{
    private const string Reference = "Omgevingsverordening Gelderland, art. 8.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Designate_RoleRules_Overlaps_CrossBorderWaitsForEveryProvince_History(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var viewer = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Viewer);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        // The draft: the deals as regions, Barneveld and Nijkerk in two deals and so without a proposal.
        var draft = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/provincies/PV25/aanwijzingen", UriKind.Relative), Ct), HttpStatusCode.OK);
        var overlaps = draft.GetProperty("draftMunicipalities").EnumerateArray().Where(m => m.GetProperty("overlap").GetBoolean()).ToList();
        Assert.Equal(["GM0203", "GM0267"], overlaps.Select(m => m.GetProperty("code").GetString()));
        Assert.All(overlaps, m => Assert.Equal(["WD18", "WD19"], m.GetProperty("deals").EnumerateArray().Select(d => d.GetString())));
        Assert.All(overlaps, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("proposed").ValueKind));
        Assert.Equal(51, draft.GetProperty("draftMunicipalities").GetArrayLength());
        Assert.Equal(["PV26"], Region(draft, "WD19").GetProperty("partners").EnumerateArray().Select(p => p.GetString()));

        var body = Body(draft, "2026-01-01", ("GM0203", "WD19"), ("GM0267", "WD19"));
        await AgreementApi.ExpectAsync(await app.Client.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Unauthorized);
        using (var client = await TestAccounts.ApiClientAsync(app, ede))
        {
            var p = await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Forbidden);
            Assert.Contains("Alleen een provincie", p.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var client = await TestAccounts.ApiClientAsync(app, utrecht))
        {
            var p = await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Forbidden);
            Assert.Contains("eigen gemeenten", p.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var client = await TestAccounts.ApiClientAsync(app, viewer))
        {
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Forbidden);
        }

        using var own = await TestAccounts.ApiClientAsync(app, gelderland);
        var unconfirmed = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", Body(draft, "2026-01-01", confirmed: false), Ct), (HttpStatusCode)422);
        Assert.Equal(["confirmed"], Names(unconfirmed));
        var unresolved = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", Body(draft, "2026-01-01"), Ct), (HttpStatusCode)422);
        Assert.Equal(["municipalities.GM0203", "municipalities.GM0267"], Names(unresolved));
        Assert.Contains(unresolved.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("reason").GetString()!.StartsWith("Kies de regio van Barneveld", StringComparison.Ordinal));
        var foreign = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", Body(draft, "2026-01-01", ("GM0203", "WD19"), ("GM0267", "WD19"), ("GM0307", "WD19")), Ct), (HttpStatusCode)422);
        Assert.Equal(["municipalities.GM0307"], Names(foreign)); // Amersfoort lies in Utrecht
        Assert.Equal(0, await Acts(db));

        var created = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Created);
        Assert.Equal((1, "2026-01-01", Reference), (created.GetProperty("version").GetInt32(), created.GetProperty("inForceFrom").GetString(), created.GetProperty("legalReference").GetString()));
        var stale = await AgreementApi.ExpectAsync(await own.PostAsJsonAsync("/api/v1/provincies/PV25/aanwijzingen", body, Ct), HttpStatusCode.Conflict); // based on version 0
        Assert.Contains("versie 1", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Gelderland has designated; Foodvalley (with Utrecht) and Arnhem-Nijmegen (with Limburg) wait for the other province.
        var status = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/woningbouwregios", UriKind.Relative), Ct), HttpStatusCode.OK);
        var pv25 = status.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("province").GetProperty("code").GetString() == "PV25");
        Assert.Equal("wachtend", pv25.GetProperty("state").GetString());
        Assert.Equal(["WD19:Utrecht", "WD20:Limburg"], pv25.GetProperty("waiting").EnumerateArray().Select(w => $"{w.GetProperty("id").GetString()}:{string.Join(",", w.GetProperty("waitingFor").EnumerateArray().Select(x => x.GetString()))}"));
        Assert.Equal(["WD21", "WD22", "WD23", "WD24"], status.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(11, status.GetProperty("provinces").EnumerateArray().Count(p => p.GetProperty("state").GetString() == "indicatief"));
        Assert.Equal(("indicatief", JsonValueKind.Null), await RegionOfAsync(app, "GM0203", null));
        Assert.Equal(("aangewezen", JsonValueKind.Object), await RegionOfAsync(app, "GM0200", null)); // Apeldoorn, Stedendriehoek
        Assert.Equal(("indicatief", JsonValueKind.Null), await RegionOfAsync(app, "GM0200", "2025-12-31")); // before the date in force
        await using (var check = db.Context())
        {
            var apeldoorn = await check.Memberships.AsNoTracking().SingleAsync(m => m.MunicipalityCode == "GM0200", Ct);
            Assert.Equal(("WD21", "PV25", 1), (apeldoorn.RegionId, apeldoorn.DesignationProvince, apeldoorn.DesignationVersion));
            var barneveld = await check.Memberships.AsNoTracking().SingleAsync(m => m.MunicipalityCode == "GM0203", Ct);
            Assert.Null(barneveld.DesignationProvince); // Foodvalley is not in force yet: still the woondeal, indicative
            Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.ObjectType == "aanwijzing" && a.ObjectId == "PV25", Ct));
        }

        // Utrecht designates its part of Foodvalley (and Amersfoort without Gelderland): Foodvalley is in force.
        var utrechtDraft = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/provincies/PV26/aanwijzingen", UriKind.Relative), Ct), HttpStatusCode.OK);
        using (var client = await TestAccounts.ApiClientAsync(app, utrecht))
        {
            var utrechtBody = Body(utrechtDraft, "2026-02-01", withoutPartnersOf: "WD18");
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/provincies/PV26/aanwijzingen", utrechtBody, Ct), HttpStatusCode.Created);
        }

        Assert.Equal(("aangewezen", JsonValueKind.Object), await RegionOfAsync(app, "GM0203", null));
        Assert.Equal(("indicatief", JsonValueKind.Null), await RegionOfAsync(app, "GM0203", "2026-01-15")); // Utrecht's act was not in force yet
        var after = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri("/api/v1/woningbouwregios?datum=2026-03-01", UriKind.Relative), Ct), HttpStatusCode.OK);
        var foodvalley = after.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "WD19");
        Assert.Equal(["PV25", "PV26"], foodvalley.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("GM0203", foodvalley.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        var bad = await ApiClient.AssertProblemAsync(await app.Client.GetAsync(new Uri("/api/v1/woningbouwregios?datum=1-3-2027", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Contains("jjjj-mm-dd", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<int> Acts(TestDatabase db)
    {
        await using var check = db.Context();
        return await check.DesignationActs.CountAsync(Ct);
    }

    private static async Task<(string?, JsonValueKind)> RegionOfAsync(RunningApp app, string code, string? date)
    {
        var r = await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri($"/api/v1/gemeenten/{code}/woningbouwregio{(date is null ? "" : "?datum=" + date)}", UriKind.Relative), Ct), HttpStatusCode.OK);
        return (r.GetProperty("basis").GetString(), r.GetProperty("region").ValueKind);
    }

    private static JsonElement Region(JsonElement draft, string id) =>
        draft.GetProperty("draftRegions").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static List<string?> Names(JsonElement problem) =>
        [.. problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal)];

    /// <summary>The draft as a request: its regions and proposals, with <paramref name="choices"/> for the overlaps.</summary>
    internal static object Body(JsonElement draft, string date, params (string Code, string Region)[] choices) => Body(draft, date, true, null, choices);

    internal static object Body(JsonElement draft, string date, bool confirmed) => Body(draft, date, confirmed, null);

    internal static object Body(JsonElement draft, string date, string withoutPartnersOf) => Body(draft, date, true, withoutPartnersOf);

    private static object Body(JsonElement draft, string date, bool confirmed, string? withoutPartnersOf, params (string Code, string Region)[] choices)
    {
        var municipalities = draft.GetProperty("draftMunicipalities").EnumerateArray()
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("proposed").GetString(), StringComparer.Ordinal);
        foreach (var (code, region) in choices)
        {
            municipalities[code] = region;
        }

        return new
        {
            inForceFrom = date,
            legalReference = Reference,
            regions = draft.GetProperty("draftRegions").EnumerateArray().Select(r => new
            {
                id = r.GetProperty("id").GetString(),
                name = r.GetProperty("name").GetString(),
                partners = r.GetProperty("id").GetString() == withoutPartnersOf ? [] : r.GetProperty("partners").EnumerateArray().Select(p => p.GetString()).ToArray(),
            }).ToArray(),
            municipalities,
            basedOnVersion = draft.GetProperty("nextVersion").GetInt32() - 1,
            confirmed,
        };
    }
}
