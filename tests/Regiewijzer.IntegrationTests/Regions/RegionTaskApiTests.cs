using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Regions;

/// <summary>
/// The task per region and period (issue 13) on Foodvalley: the woondeal's 2022-2030 and the law's ten-year period side by
/// side; the province sets its own municipalities' tasks; Ede proposes its own and Gelderland adopts it; the province
/// chooses which period the distribution uses. Audited.
/// </summary>
public sealed class RegionTaskApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Task_ProvinceSets_MunicipalityProposes_ProvinceAdopts_PeriodChosen()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var deal = await Get(app, "/api/v1/regios/WD19/opgave");
        Assert.Equal(("2022-2030", "2022-2030", 25_383, 0), (deal.GetProperty("period").GetString(), deal.GetProperty("periodInUse").GetString(), deal.GetProperty("total").GetInt32(), deal.GetProperty("missing").GetInt32()));
        var law = await Get(app, "/api/v1/regios/WD19/opgave?periode=2026-2035");
        Assert.Equal((0, 8), (law.GetProperty("total").GetInt32(), law.GetProperty("missing").GetInt32()));
        Assert.Contains("aanname", law.GetProperty("periodLabel").GetString(), StringComparison.Ordinal);
        await ApiClient.AssertProblemAsync(await app.Client.GetAsync(new Uri("/api/v1/regios/WD19/opgave?periode=2035-2026", UriKind.Relative), Ct), HttpStatusCode.BadRequest, "ongeldige-parameter");

        var body = new { period = "2026-2035", tasks = new[] { new { municipality = "GM0228", homes = (int?)9_000, origin = "afgesproken", basis = "Woondeal Foodvalley, actualisatie 2026", version = (int?)0 } } };
        await AgreementApi.ExpectAsync(await app.Client.PutAsJsonAsync("/api/v1/regios/WD19/opgave", body, Ct), HttpStatusCode.Unauthorized);
        using (var client = await TestAccounts.ApiClientAsync(app, ede))
        {
            await AgreementApi.ExpectAsync(await client.PutAsJsonAsync("/api/v1/regios/WD19/opgave", body, Ct), HttpStatusCode.Forbidden);
        }

        using (var client = await TestAccounts.ApiClientAsync(app, utrecht))
        {
            var other = await AgreementApi.ExpectAsync(await client.PutAsJsonAsync("/api/v1/regios/WD19/opgave", body, Ct), (HttpStatusCode)422);
            Assert.Contains("andere provincie", other.GetProperty("detail").GetString(), StringComparison.Ordinal); // Ede lies in Gelderland
        }

        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        var invalid = await AgreementApi.ExpectAsync(await province.PutAsJsonAsync("/api/v1/regios/WD19/opgave", new { period = "2026-2035", tasks = new[] { new { municipality = "GM0228", homes = -1, origin = "geschat", basis = "" } } }, Ct), (HttpStatusCode)422);
        Assert.Equal(["tasks.GM0228.basis", "tasks.GM0228.homes", "tasks.GM0228.origin"], invalid.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var set = await AgreementApi.ExpectAsync(await province.PutAsJsonAsync("/api/v1/regios/WD19/opgave", body, Ct), HttpStatusCode.OK);
        Assert.Equal((9_000, 7), (set.GetProperty("total").GetInt32(), set.GetProperty("missing").GetInt32()));
        await AgreementApi.ExpectAsync(await province.PutAsJsonAsync("/api/v1/regios/WD19/opgave", body, Ct), HttpStatusCode.Conflict); // version 0 is stale now

        // Ede proposes its own task; the province adopts it.
        using (var client = await TestAccounts.ApiClientAsync(app, ede))
        {
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/gemeenten/GM0228/opgavevoorstellen", new { period = "2026-2035", homes = 9_500, reasoning = "k" }, Ct), (HttpStatusCode)422);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/gemeenten/GM0203/opgavevoorstellen", new { period = "2026-2035", homes = 100, reasoning = "Barneveld is niet van Ede" }, Ct), HttpStatusCode.Forbidden);
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync("/api/v1/gemeenten/GM0228/opgavevoorstellen", new { period = "2026-2035", homes = 9_500, reasoning = "Kernhem fase 3 en de Food Delta zijn erbij gekomen." }, Ct), HttpStatusCode.Created);
        }

        var withProposal = await Get(app, "/api/v1/regios/WD19/opgave?periode=2026-2035");
        var proposal = withProposal.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "GM0228").GetProperty("proposal");
        Assert.Equal((9_500, "open"), (proposal.GetProperty("homes").GetInt32(), proposal.GetProperty("status").GetString()));
        var url = $"/api/v1/opgavevoorstellen/{proposal.GetProperty("id").GetInt32()}/besluit";
        using (var client = await TestAccounts.ApiClientAsync(app, utrecht))
        {
            await AgreementApi.ExpectAsync(await client.PostAsJsonAsync(url, new { adopt = true }, Ct), HttpStatusCode.Forbidden);
        }

        var adopted = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync(url, new { adopt = true, version = proposal.GetProperty("version").GetInt32() }, Ct), HttpStatusCode.OK);
        Assert.Equal("vastgesteld", adopted.GetProperty("status").GetString());
        await AgreementApi.ExpectAsync(await province.PostAsJsonAsync(url, new { adopt = false }, Ct), HttpStatusCode.Conflict); // decided is final
        var after = await Get(app, "/api/v1/regios/WD19/opgave?periode=2026-2035");
        var edeTask = after.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "GM0228");
        Assert.Equal((9_500, "afgesproken"), (edeTask.GetProperty("homes").GetInt32(), edeTask.GetProperty("origin").GetString()));
        Assert.StartsWith("voorstel van Ede", edeTask.GetProperty("basis").GetString(), StringComparison.Ordinal);

        // The province chooses the law's period for the distribution.
        await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/opgave/periode", new { period = "2026-2035" }, Ct), HttpStatusCode.OK);
        Assert.Equal("2026-2035", (await Get(app, "/api/v1/regios/WD19/opgave")).GetProperty("periodInUse").GetString());
        await using var check = db.Context();
        Assert.True(await check.AuditEntries.CountAsync(a => a.ObjectType == "opgave" && a.ObjectId == "GM0228", Ct) >= 3); // set, proposed, adopted
    }

    private static async Task<System.Text.Json.JsonElement> Get(RunningApp app, string path) =>
        await AgreementApi.ExpectAsync(await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct), HttpStatusCode.OK);
}
