using System.Net;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>/api/v1/gemeenten, /provincies and /bevindingen over HTTP against the real app.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiMunicipalityTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Municipalities_Lists342WithRegionProvinceAndTask(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var all = (await api.GetJsonAsync("/api/v1/gemeenten")).EnumerateArray().ToList();
        var foodvalley = (await api.GetJsonAsync("/api/v1/gemeenten?regio=WD19")).EnumerateArray().ToList();

        Assert.Equal(342, all.Count);
        Assert.Equal(342, all.Select(m => m.GetProperty("code").GetString()).Distinct().Count());
        Assert.Equal(8, foodvalley.Count);
        var ede = foodvalley.Single(m => m.GetProperty("code").GetString() == "GM0228");
        Assert.Equal("PV25", ede.GetProperty("province").GetProperty("code").GetString());
        Assert.Equal("WD19", ede.GetProperty("region").GetProperty("id").GetString());
        Assert.Equal(7000, ede.GetProperty("task").GetInt32());
        Assert.Equal("agreed", ede.GetProperty("taskOrigin").GetString());
        Assert.Equal(2391, ede.GetProperty("targets").GetProperty("social").GetInt32());
        Assert.All(all.Where(m => m.GetProperty("task").ValueKind == JsonValueKind.Null), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("targets").ValueKind));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Municipality_Ede_ExplainsItsNumbersInEightStepsWithRuleAndSource(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var ede = await api.GetJsonAsync("/api/v1/gemeenten/GM0228");

        Assert.Equal("Ede", ede.GetProperty("name").GetString());
        Assert.Equal("WD19", ede.GetProperty("region").GetProperty("id").GetString());
        Assert.Equal("agreed", ede.GetProperty("task").GetProperty("origin").GetString());
        Assert.Equal(2024, ede.GetProperty("stock").GetProperty("referenceYear").GetInt32());
        var share = ede.GetProperty("distribution");
        Assert.Equal(2100, share.GetProperty("floor").GetProperty("social").GetInt32());
        Assert.Equal(291, share.GetProperty("regionalShare").GetProperty("social").GetInt32()); // placed within the Gelderland part of Foodvalley (province-aware)
        Assert.Equal(2178, share.GetProperty("regionalShare").GetProperty("middle").GetInt32());
        Assert.Equal(2391, share.GetProperty("targets").GetProperty("social").GetInt32());
        Assert.Equal(6742, ede.GetProperty("indicators").GetProperty("catchUpNeed").GetInt64());

        var steps = ede.GetProperty("explanation").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], steps.Select(s => s.GetProperty("number").GetInt32())); // step 9: the comparison with the region-only distribution
        Assert.All(steps, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("rule").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("source").GetString()));
            Assert.NotEqual(0, s.GetProperty("values").GetArrayLength());
        });
        Assert.Equal("Doelen", steps[6].GetProperty("title").GetString());
        Assert.Contains(steps[6].GetProperty("values").EnumerateArray(), v => v.GetProperty("name").GetString() == "sociaal" && v.GetProperty("value").GetString() == "2.391");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Municipality_Unknown_Is404Problem(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync("/api/v1/gemeenten/GM9999");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Provinces_Lists12AndGelderlandNamesItsRegions(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var provinces = (await api.GetJsonAsync("/api/v1/provincies")).EnumerateArray().ToList();
        var gelderland = await api.GetJsonAsync("/api/v1/provincies/PV25");

        Assert.Equal(12, provinces.Count);
        Assert.Equal("PV20", provinces[0].GetProperty("code").GetString());
        var regions = gelderland.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("WD19", regions); // Foodvalley lies partly in Gelderland
        Assert.Contains("WD20", regions);
        var totals = gelderland.GetProperty("totals");
        Assert.Equal(totals.GetProperty("social").GetInt32() + totals.GetProperty("middle").GetInt32(), totals.GetProperty("affordable").GetInt32());
        Assert.Equal(
            totals.GetProperty("meetsNorms").GetBoolean(),
            gelderland.GetProperty("findings").GetArrayLength() == 0);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Findings_FilterByProvinceAndSeverity(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var all = (await api.GetJsonAsync("/api/v1/bevindingen")).EnumerateArray().ToList();
        var gelderlandSignals = (await api.GetJsonAsync("/api/v1/bevindingen?provincie=PV25&ernst=signal")).EnumerateArray().ToList();

        Assert.NotEmpty(all);
        Assert.NotEmpty(gelderlandSignals);
        Assert.Contains(all, f => f.GetProperty("code").GetString() == "HIGH_SOCIAL_SHARE" && f.GetProperty("level").GetString() == "region");
        Assert.All(gelderlandSignals, f => Assert.Equal("signal", f.GetProperty("severity").GetString()));
        var gelderlandMunicipalities = (await api.GetJsonAsync("/api/v1/gemeenten?provincie=PV25")).EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()).ToHashSet();
        Assert.All(gelderlandSignals, f => Assert.Contains(f.GetProperty("municipality").GetString(), gelderlandMunicipalities));
        Assert.Equal(
            all.Count(f => f.GetProperty("severity").GetString() == "signal" && gelderlandMunicipalities.Contains(f.GetProperty("municipality").GetString())),
            gelderlandSignals.Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Findings_UnknownFilters_Are400ListingEachParameter(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync("/api/v1/bevindingen?provincie=PV99&ernst=ernstig");

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Equal(["provincie", "ernst"], ApiClient.InvalidParams(problem).Select(p => p.Name));
    }
}
