using System.Net;
using System.Text.Json;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Deals;

/// <summary>/api/v1/woondeals over HTTP against the real app on the seeded data.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiDealTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deals_ListReconciliationLawAndProvince(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var deals = (await api.GetJsonAsync("/api/v1/woondeals")).EnumerateArray().ToList();
        Assert.Equal(35, deals.Count);
        var wd28 = deals.Single(d => d.GetProperty("id").GetString() == "WD28");
        Assert.Equal(JsonValueKind.Null, wd28.GetProperty("total").ValueKind);
        Assert.Equal("onbekend", wd28.GetProperty("precision").GetString());

        var r = await api.GetJsonAsync("/api/v1/woondeals/afstemming");
        var nation = r.GetProperty("nation");
        Assert.Equal(883_036, nation.GetProperty("knownSum").GetInt32());
        Assert.Equal(30, nation.GetProperty("knownDeals").GetInt32());
        Assert.Equal(["WD06", "WD08", "WD11", "WD28", "WD29"], nation.GetProperty("unknownDeals").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("niet-te-beoordelen", nation.GetProperty("verdict").GetString());
        Assert.Equal(936_349, nation.GetProperty("published").GetProperty("homes").GetInt32());
        Assert.Equal(12, r.GetProperty("provinces").GetArrayLength());

        var law = await api.GetJsonAsync("/api/v1/woondeals/WD26/wettoets");
        Assert.Equal(2_000, law.GetProperty("social").GetProperty("shortfall").GetInt32());
        Assert.Equal(66_667, law.GetProperty("affordable").GetProperty("required").GetInt32());
        Assert.False(law.GetProperty("meetsLaw").GetBoolean());

        var zeeland = await api.GetJsonAsync("/api/v1/woondeals/wd35");
        Assert.Equal(6_840, zeeland.GetProperty("split").GetProperty("socialRent").GetInt32());
        Assert.True(zeeland.GetProperty("againstLaw").GetProperty("meetsLaw").GetBoolean());

        var gelderland = await api.GetJsonAsync("/api/v1/provincies/PV25/woondeal-afstemming");
        Assert.Equal(["WD18", "WD19", "WD20"], gelderland.GetProperty("crossBorderDeals").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("niet-te-beoordelen", gelderland.GetProperty("line").GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("/api/v1/woondeals/WD99")]
    [InlineData("/api/v1/woondeals/WD99/wettoets")]
    [InlineData("/api/v1/provincies/PV99/woondeal-afstemming")]
    public async Task Deals_Unknown_IsAProblem404(string path)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        using var response = await api.GetAsync(path);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
        Assert.Contains("gebruik", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
