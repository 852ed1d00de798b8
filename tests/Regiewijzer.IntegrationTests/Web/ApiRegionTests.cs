using System.Net;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>/api/v1/regios over HTTP against the real app on the seeded data.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiRegionTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Regions_ListsAll35WithTaskOriginAndNorms(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var regions = (await api.GetJsonAsync("/api/v1/regios")).EnumerateArray().ToList();

        Assert.Equal(35, regions.Count);
        Assert.Equal("WD01", regions[0].GetProperty("id").GetString());
        var foodvalley = regions.Single(r => r.GetProperty("id").GetString() == "WD19");
        Assert.Equal("Regio Foodvalley", foodvalley.GetProperty("name").GetString());
        Assert.Equal(["Gelderland", "Utrecht"], foodvalley.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(8, foodvalley.GetProperty("municipalities").GetInt32());
        Assert.Equal(25383, foodvalley.GetProperty("task").GetInt32());
        Assert.Equal(8, foodvalley.GetProperty("taskOrigin").GetProperty("agreed").GetInt32());
        Assert.Equal(25000, foodvalley.GetProperty("deal").GetProperty("total").GetInt32());
        var totals = foodvalley.GetProperty("totals");
        Assert.Equal(7615, totals.GetProperty("required").GetProperty("social").GetInt32());
        Assert.Equal(16922, totals.GetProperty("required").GetProperty("affordable").GetInt32());
        Assert.True(totals.GetProperty("meetsNorms").GetBoolean());

        var middenHolland = regions.Single(r => r.GetProperty("id").GetString() == "WD28");
        Assert.False(middenHolland.GetProperty("distributed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, middenHolland.GetProperty("totals").ValueKind);
        Assert.Equal(5, middenHolland.GetProperty("taskOrigin").GetProperty("withoutTask").GetInt32());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Region_Foodvalley_ShowsEveryMemberWithTaskOriginStockAndTargets(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var region = await api.GetJsonAsync("/api/v1/regios/WD19");

        Assert.Equal("wvrv-2026", region.GetProperty("norms").GetProperty("id").GetString());
        Assert.Contains(region.GetProperty("norms").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("key").GetString() == "socialShare" && p.GetProperty("value").GetString() == "3/10");
        var members = region.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["GM0203", "GM0228", "GM0267", "GM0279", "GM0289", "GM0339", "GM0340", "GM0345"], members.Select(m => m.GetProperty("code").GetString()));
        var ede = members[1];
        Assert.Equal("PV25", ede.GetProperty("province").GetString());
        Assert.Equal(7000, ede.GetProperty("task").GetProperty("homes").GetInt32());
        Assert.Equal("agreed", ede.GetProperty("task").GetProperty("origin").GetString());
        Assert.Equal(52436, ede.GetProperty("stock").GetProperty("total").GetInt32());
        Assert.Equal(11012, ede.GetProperty("stock").GetProperty("social").GetInt32());
        Assert.Equal("social", ede.GetProperty("laggingSegment").GetString());
        Assert.Equal((2391, 2178, 2431), Targets(ede.GetProperty("targets"))); // province-aware (domain.md §5b): Foodvalley crosses into Utrecht; region-only Ede had 2.724 / 1.734 / 2.542
        Assert.Equal("/api/v1/regios/WD19/verdeling", region.GetProperty("distributionHref").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Distribution_Foodvalley_IsTheWorkedExampleInTheScenarioOutputFormat(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var json = await api.GetJsonTextAsync("/api/v1/regios/WD19/verdeling");

        // The stored data of Foodvalley are the numbers of the worked example with each municipality's province: the database
        // distributes per province part (Foodvalley crosses into Utrecht), the same output byte for byte as the scenario file with provinces.
        Assert.Equal(ScenarioFiles.FoodvalleyProvinceAwareResultJson(), json);
        var result = ApiClient.Parse(json);
        Assert.Equal(7615, result.GetProperty("region").GetProperty("required").GetProperty("social").GetInt32());
        Assert.Equal(16922, result.GetProperty("region").GetProperty("required").GetProperty("affordable").GetInt32());
        var ede = result.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "GM0228");
        Assert.Equal((2391, 2178, 2431), Targets(ede.GetProperty("targets"))); // province-aware (domain.md §5b): Foodvalley crosses into Utrecht; region-only Ede had 2.724 / 1.734 / 2.542
        Assert.Equal(9, ede.GetProperty("explanation").GetArrayLength()); // step 9 compares with the region-only distribution
    }

    [Theory]
    [InlineData(Provider.Sqlite, "lagging-first")]
    [InlineData(Provider.Postgres, "achterblijvers-eerst")]
    public async Task Distribution_WithKeyLaggingFirst_PutsExtraSocialRentOnLaggingMunicipalities(Provider provider, string key)
    {
        var api = await apps.ClientAsync(provider);

        var result = await api.GetJsonAsync($"/api/v1/regios/WD19/verdeling?sleutel={key}");

        var social = result.GetProperty("municipalities").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("targets").GetProperty("social").GetInt32());
        // Per province part: the Gelderland part's remainder goes to its lagging municipalities only (Wageningen, middle-lagging, none);
        // the Utrecht part must reach 30% of its own task, so Veenendaal (middle-lagging) takes what Renswoude and Rhenen cannot.
        Assert.Equal(1874, social["Barneveld"]);
        Assert.Equal(2438, social["Ede"]);
        Assert.Equal(1344, social["Nijkerk"]);
        Assert.Equal(0, social["Wageningen"]);
        Assert.Equal(912, social["Veenendaal"]);
        Assert.Equal(7616, social.Values.Sum()); // the province parts' ceilings: 5.949 + 1.667
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Scenario_PostedToVerdelingen_GivesTheRegionsDistribution(Provider provider)
    {
        var api = await apps.ClientAsync(provider);
        var scenario = await api.GetJsonTextAsync("/api/v1/regios/WD19/scenario?sleutel=gap-weighted");

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", scenario);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            await api.GetJsonTextAsync("/api/v1/regios/WD19/verdeling?sleutel=gap-weighted"),
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("gap-weighted", ApiClient.Parse(scenario).GetProperty("key").GetString());
    }

    [Fact]
    public async Task ScenarioVersion2_RoundTripsThroughTheCli()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var scenario = await api.GetJsonTextAsync("/api/v1/regios/WD19/scenario");
        Assert.Equal(2, ApiClient.Parse(scenario).GetProperty("formatVersion").GetInt32()); // Foodvalley's members carry their province
        var file = Path.Combine(Path.GetTempPath(), $"wd19-v2-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, scenario, TestContext.Current.CancellationToken);
        try
        {
            using var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

            var exit = Regiewijzer.Cli.CliApp.Run(["verdeel", "--scenario", file, "--format", "json"], stdout, stderr);

            Assert.True(exit == Regiewijzer.Cli.CliApp.Ok, stderr.ToString());
            Assert.Equal(await api.GetJsonTextAsync("/api/v1/regios/WD19/verdeling"), stdout.ToString().Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Region_Unknown_Is404Problem(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        foreach (var path in new[] { "/api/v1/regios/WD99", "/api/v1/regios/WD99/verdeling", "/api/v1/regios/Foodvalley/scenario" })
        {
            using var response = await api.GetAsync(path);
            var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
            Assert.Contains("geen regio", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Distribution_RegionWithoutTask_Is409ProblemSayingWhy(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync("/api/v1/regios/WD28/verdeling");

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Conflict, "geen-opgave");
        Assert.Contains("Midden-Holland: geen gemeente met een opgave voor 2022-2030", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Distribution_UnknownKey_Is400NamingTheParameter(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync("/api/v1/regios/WD19/verdeling?sleutel=willekeurig");

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");
        var (name, reason) = Assert.Single(ApiClient.InvalidParams(problem));
        Assert.Equal("sleutel", name);
        Assert.Contains("'willekeurig' is geen verdeelsleutel", reason, StringComparison.Ordinal);
    }

    private static (int Social, int Middle, int Free) Targets(JsonElement targets) =>
        (targets.GetProperty("social").GetInt32(), targets.GetProperty("middle").GetInt32(), targets.GetProperty("free").GetInt32());
}
