using System.Net;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>/api/v1/grensregios and /api/v1/provincies/{code}/grensregios: the norms at every level at once (domain.md §5b).</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiLevelsTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Levels_ShowPerProvinceBothDistributionsAndTheCrossBorderParts(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var all = await api.GetJsonAsync("/api/v1/grensregios");
        var totals = (await api.GetJsonAsync("/api/v1/provincies")).EnumerateArray()
            .Where(p => p.GetProperty("totals").ValueKind == System.Text.Json.JsonValueKind.Object)
            .ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("totals"), StringComparer.Ordinal);
        var provinces = all.GetProperty("provinces").EnumerateArray().ToList();

        Assert.Equal(totals.Keys.Order(StringComparer.Ordinal), provinces.Select(p => p.GetProperty("code").GetString()));
        foreach (var p in provinces)
        {
            var perPart = p.GetProperty("perPart");
            var own = totals[p.GetProperty("code").GetString()!];
            Assert.Equal(own.GetProperty("social").GetInt32(), perPart.GetProperty("social").GetInt32());
            Assert.Equal(own.GetProperty("affordable").GetInt32(), perPart.GetProperty("affordable").GetInt32());
            Assert.Equal(own.GetProperty("meetsNorms").GetBoolean(), perPart.GetProperty("meetsNorms").GetBoolean());
            Assert.Equal(perPart.GetProperty("task").GetInt32(), p.GetProperty("regionOnly").GetProperty("task").GetInt32());
            foreach (var part in p.GetProperty("parts").EnumerateArray())
            {
                var required = part.GetProperty("required");
                var now = part.GetProperty("perPart");
                var feasible = now.GetProperty("social").GetInt32() >= required.GetProperty("social").GetInt32()
                    && now.GetProperty("affordable").GetInt32() >= required.GetProperty("affordable").GetInt32();
                Assert.Equal(!feasible, part.GetProperty("infeasible").GetBoolean());
                Assert.Equal(p.GetProperty("code").GetString(), part.GetProperty("province").GetString());
            }
        }

        // Noord-Holland shares the MRA with Almere and Lelystad: region-only it falls short in social rent (issue 18).
        var nh = await api.GetJsonAsync("/api/v1/provincies/pv27/grensregios");
        Assert.Equal(provinces.Single(p => p.GetProperty("code").GetString() == "PV27").GetRawText(), nh.GetRawText());
        Assert.Equal("Noord-Holland", nh.GetProperty("name").GetString());
        Assert.False(nh.GetProperty("regionOnly").GetProperty("meetsNorms").GetBoolean());
        var mra = Assert.Single(nh.GetProperty("parts").EnumerateArray());
        Assert.True(mra.GetProperty("shortfallRegionOnly").GetProperty("social").GetInt32() > 0);
        Assert.StartsWith("/api/v1/regios/", mra.GetProperty("regionHref").GetString(), StringComparison.Ordinal);

        using var missing = await api.GetAsync("/api/v1/provincies/PV99/grensregios");
        await ApiClient.AssertProblemAsync(missing, HttpStatusCode.NotFound, "niet-gevonden");
    }
}
