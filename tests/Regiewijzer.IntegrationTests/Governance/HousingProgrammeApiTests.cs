using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The VHP numbers and check through the API: only the municipality itself saves, all or nothing, with real targets (Ede GM0228).</summary>
public sealed class HousingProgrammeApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Nine years 2022-2030 of 300 social, 200 middle rent, 300 free ownership: 2.700 social (Ede's target is 2.724), 1.800 middle, 7.200 in all.</summary>
    private static object NineYears(Func<int, int?>? version = null) => new
    {
        years = Enumerable.Range(2022, 9).Select(y => new { year = y, socialRent = 300, middleRent = 200, affordableOwnership = 0, freeRent = 0, freeOwnership = 300, version = version?.Invoke(y) }),
    };

    /// <summary>
    /// Nine years 2022-2030 of 265 social, 250 middle rent, 285 free ownership: 2.385 social, 6 below Ede's target of 2.391 (Foodvalley's
    /// Gelderland part, province-aware), 2.250 middle, 7.200 in all.
    /// </summary>
    private static object NineYearsBelowTarget() => new
    {
        years = Enumerable.Range(2022, 9).Select(y => new { year = y, socialRent = 265, middleRent = 250, affordableOwnership = 0, freeRent = 0, freeOwnership = 285 }),
    };

    [Fact]
    public async Task Save_OnlyTheMunicipalitysOwnEditors()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var viewer = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using (var anonymousRead = await app.Client.GetAsync(new Uri("/api/v1/gemeenten/GM0228/vhp", UriKind.Relative), Ct))
        {
            await InstructionApiTests.AssertProblemAsync(anonymousRead, HttpStatusCode.Unauthorized, "niet-aangemeld");
        }

        using (var anonymous = await app.Client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", NineYears(), Ct))
        {
            await InstructionApiTests.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "niet-aangemeld");
        }

        foreach (var wrong in new[] { viewer, barneveld, gelderland })
        {
            using var client = await TestAccounts.ApiClientAsync(app, wrong);
            using var response = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", NineYears(), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{wrong.Organisation} {wrong.Role}: {(int)response.StatusCode}");
        }

        await using (var none = db.Context())
        {
            Assert.Equal(0, await none.HousingProgrammes.CountAsync(Ct));
        }

        using var own = await TestAccounts.ApiClientAsync(app, ede);
        using var saved = await own.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", NineYears(), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Barneveld reads Ede's VHP (any signed-in account) but its own save stays its own.
        using var other = await TestAccounts.ApiClientAsync(app, barneveld);
        var read = await other.GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0228/vhp", Ct);
        Assert.Equal(9, read.GetProperty("years").GetArrayLength());
        await using var check = db.Context();
        var audit = await check.AuditEntries.Where(a => a.ObjectType == "vhp" && a.ObjectId == "GM0228").ToListAsync(Ct);
        Assert.Equal(9, audit.Count);
        Assert.All(audit, a => Assert.Equal("GM0228", a.OrganisationId));
    }

    [Fact]
    public async Task Check_EdeDeclaresLessSocialRentThanTheComputedTarget_FindsTheShortfall()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, ede);

        using var saved = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", NineYearsBelowTarget(), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var state = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var target = state.GetProperty("target");
        Assert.Equal("berekende verdeling, nog geen vastgestelde afspraak", target.GetProperty("basis").GetString());
        Assert.False(target.GetProperty("adopted").GetBoolean());
        Assert.Equal((7000, 2391, 2178), (target.GetProperty("task").GetInt32(), target.GetProperty("social").GetInt32(), target.GetProperty("middle").GetInt32()));

        var groups = state.GetProperty("check").GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("group").GetString(), g.GetProperty("declared").GetInt32(), g.GetProperty("agreed").GetInt32(), g.GetProperty("shortfall").GetInt32())).ToList();
        Assert.Equal([("SocialRent", 2385, 2391, 6), ("Middle", 2250, 2178, 0), ("Affordable", 4635, 4569, 0), ("Total", 7200, 7000, 0)], groups);
        var finding = Assert.Single(state.GetProperty("check").GetProperty("findings").EnumerateArray());
        Assert.Equal(("VHP_BELOW_AGREEMENT", "error", 6), (finding.GetProperty("code").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("shortfall").GetInt32()));
        Assert.Contains("2.385 sociale huurwoningen, afgesproken zijn 2.391: 6 te weinig", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(state.GetProperty("check").GetProperty("missingYears").EnumerateArray());
    }

    [Fact]
    public async Task Check_UsesTheLatestAdoptedAgreementVersion_WhenThereIsOne()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using (var setup = db.Context())
        {
            setup.Agreements.AddRange(
                Agreement(1, AgreementStatus.Adopted, 2724),
                Agreement(2, AgreementStatus.Adopted, 2600),
                Agreement(3, AgreementStatus.Concept, 2000));
            await setup.SaveChangesAsync(Ct);
        }

        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, ede);
        using var saved = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", new { years = new[] { new { year = 2022, socialRent = "1.234", middleRent = 0, affordableOwnership = 0, freeRent = 0, freeOwnership = 0 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var state = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(1234, state.GetProperty("years")[0].GetProperty("socialRent").GetInt32()); // Dutch "1.234"
        var target = state.GetProperty("target");
        Assert.Equal(("vastgestelde afspraak versie 2", true, 2600), (target.GetProperty("basis").GetString(), target.GetProperty("adopted").GetBoolean(), target.GetProperty("social").GetInt32()));
        var social = state.GetProperty("check").GetProperty("groups")[0];
        Assert.Equal((1234, 2600, 1366), (social.GetProperty("declared").GetInt32(), social.GetProperty("agreed").GetInt32(), social.GetProperty("shortfall").GetInt32()));
        Assert.Equal([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030], state.GetProperty("check").GetProperty("missingYears").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task StaleVersion_IsAConflictWithTheCurrentNumbers_NothingIsSaved(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, ede);

        using (var first = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", NineYears(), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0228/vhp", Ct);
        var versions = stored.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("version").GetInt32());

        // A colleague saves 2025 at the version both read; the first user then saves all years at the old versions.
        using (var colleague = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", new { years = new[] { new { year = 2025, socialRent = 999, middleRent = 0, affordableOwnership = 0, freeRent = 0, freeOwnership = 0, version = versions[2025] } } }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        }

        using var lost = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", new
        {
            years = Enumerable.Range(2022, 9).Select(y => new { year = y, socialRent = 500, middleRent = 0, affordableOwnership = 0, freeRent = 0, freeOwnership = 0, version = versions[y] }),
        }, Ct);
        var problem = await InstructionApiTests.AssertProblemAsync(lost, HttpStatusCode.Conflict, "gewijzigd-door-ander");
        Assert.Contains("2025", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var current2025 = problem.GetProperty("current").GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2025);
        Assert.Equal((999, versions[2025] + 1), (current2025.GetProperty("socialRent").GetInt32(), current2025.GetProperty("version").GetInt32()));

        // A new row for a year that someone else created meanwhile (no version sent) is a conflict too.
        using var created = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", new { years = new[] { new { year = 2022, socialRent = 1 } } }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);

        await using var check = db.Context();
        var rows = await check.HousingProgrammes.Where(h => h.MunicipalityCode == "GM0228").OrderBy(h => h.Year).ToListAsync(Ct);
        Assert.Equal([300, 300, 300, 999, 300, 300, 300, 300, 300], rows.Select(r => r.SocialRent)); // none of the 500s
    }

    [Fact]
    public async Task ImportStyleErrors_Are422ListingEachField_AndNothingIsStored()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, ede);

        using var response = await client.PutAsJsonAsync("/api/v1/gemeenten/GM0228/vhp", new
        {
            years = new object[]
            {
                new { year = 2022, socialRent = (object)(-5), middleRent = (object)"veel", affordableOwnership = (object)0, freeRent = (object)0, freeOwnership = (object)0 },
                new { year = 2023, socialRent = (object)"1.234", middleRent = (object)0, affordableOwnership = (object)0, freeRent = (object)"1,5", freeOwnership = (object)0 },
                new { year = 2031, socialRent = (object)1, middleRent = (object)0, affordableOwnership = (object)0, freeRent = (object)0, freeOwnership = (object)0 },
            },
        }, Ct);
        var problem = await InstructionApiTests.AssertProblemAsync(response, (HttpStatusCode)422, "ongeldige-invoer");
        var invalid = problem.GetProperty("invalidParams").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("reason").GetString()!);
        Assert.Equal(["$.years[0].socialRent", "$.years[0].middleRent", "$.years[1].freeRent", "$.years[2].year"], invalid.Keys);
        Assert.Contains("negatief", invalid["$.years[0].socialRent"], StringComparison.Ordinal);
        Assert.Contains("geen getal", invalid["$.years[0].middleRent"], StringComparison.Ordinal);
        Assert.Contains("geen geheel aantal", invalid["$.years[1].freeRent"], StringComparison.Ordinal);
        Assert.Contains("2022-2030", invalid["$.years[2].year"], StringComparison.Ordinal);

        await using var check = db.Context();
        Assert.Equal(0, await check.HousingProgrammes.CountAsync(Ct)); // 2023's valid "1.234" is not stored either
    }

    private static AgreementRow Agreement(int number, AgreementStatus status, int social)
    {
        var row = new AgreementRow
        {
            RegionId = "WD19",
            Number = number,
            Status = status,
            Scenario = "{}",
            Reason = $"versie {number}",
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            AdoptedAt = status == AgreementStatus.Adopted ? DateTimeOffset.UtcNow : null,
        };
        row.Shares.Add(new AgreementShareRow { MunicipalityCode = "GM0228", Name = "Ede", Task = 7000, SocialRent = social, Middle = 1734, Free = 7000 - social - 1734 });
        return row;
    }
}
