using System.Net;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The monitoring API (/voortgang, /prognose, /signaleringen, /plannen, /realisaties) on the seeded real data.</summary>
[Collection(ApiGroup.Name)]
public sealed class MonitoringApiTests(ApiApps apps)
{
    private static readonly string[] ShippedStatuses = ["1b", "3"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Progress_Foodvalley_AgainstTheDistributedTargetsWithTheProxyMarked(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var progress = await api.GetJsonAsync("/api/v1/regios/wd19/voortgang");

        Assert.Equal("WD19", progress.GetProperty("subject").GetProperty("id").GetString());
        Assert.Equal(2023, progress.GetProperty("asOfYear").GetInt32());
        Assert.Equal(8, progress.GetProperty("membersCounted").GetInt32());
        var target = progress.GetProperty("target");
        Assert.Equal((25383, 7616, 16923), (target.GetProperty("total").GetInt32(), target.GetProperty("socialRent").GetInt32(), target.GetProperty("affordable").GetInt32()));

        // Due = Σ ⌊target·2/9⌋ per member and segment; realised = the members' net stock growth 2022-2023 (a proxy): 4,366 / 5,629 = 77.6% -> behind.
        var all = Group(progress, "all");
        Assert.Equal((25383, 5633, 4366, 1267), (all.GetProperty("target").GetInt32(), all.GetProperty("due").GetInt32(), all.GetProperty("realised").GetInt32(), all.GetProperty("shortfall").GetInt32()));
        Assert.Equal("4366/5633", all.GetProperty("ratio").GetProperty("exact").GetString());
        Assert.Equal(0.7751m, all.GetProperty("ratio").GetProperty("value").GetDecimal());
        Assert.Equal("behind", all.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("gegevens aanvullen", progress.GetProperty("suggestion").GetProperty("label").GetString()); // the shipped realisations are a proxy
        Assert.Equal("estimated", progress.GetProperty("evidence").GetProperty("code").GetString());
        Assert.Equal("unknownSegment", Group(progress, "socialRent").GetProperty("notAssessed").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, Group(progress, "socialRent").GetProperty("tier").ValueKind);
        Assert.Equal("noOwnTarget", Group(progress, "middleRent").GetProperty("notAssessed").GetProperty("code").GetString());

        var years = progress.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(2022, 9), years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(4366, years[1].GetProperty("cumulativeRealised").GetProperty("unknown").GetInt32());
        Assert.False(years[2].GetProperty("isRealised").GetBoolean());
        Assert.Equal(25383, years[^1].GetProperty("cumulativeDue").GetProperty("total").GetInt32());
        var pipeline = progress.GetProperty("pipeline").EnumerateArray().ToDictionary(r => r.GetProperty("status").GetProperty("code").GetString()!, r => r.GetProperty("plans").GetInt32());
        Assert.Equal((12, 13, 25), (pipeline["1b"], pipeline["3"], pipeline.Values.Sum()));

        var provenance = progress.GetProperty("provenance");
        Assert.True(provenance.GetProperty("usesEstimates").GetBoolean());
        var proxy = Assert.Single(provenance.GetProperty("realisations").EnumerateArray());
        Assert.True(proxy.GetProperty("isEstimate").GetBoolean());
        Assert.Equal((2022, 2023, 4366), (proxy.GetProperty("fromYear").GetInt32(), proxy.GetProperty("toYear").GetInt32(), proxy.GetProperty("homes").GetInt32()));
        Assert.All(provenance.GetProperty("plans").EnumerateArray(), p => Assert.Contains("plancapaciteit-2021.csv", p.GetProperty("source").GetString(), StringComparison.Ordinal));
        Assert.Equal(25, provenance.GetProperty("plans").EnumerateArray().Sum(p => p.GetProperty("plans").GetInt32()));
        Assert.All(provenance.GetProperty("thresholds").GetProperty("parameters").EnumerateArray(), t => Assert.Equal("assumption", t.GetProperty("confidence").GetString()));
        Assert.Contains(Notes(progress), n => n.Contains("benadering (aanname)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_NationAndMunicipalities_AddUpAndSayWhyATargetIsMissing()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        var nation = await api.GetJsonAsync("/api/v1/voortgang");
        var provinces = await api.GetJsonAsync("/api/v1/provincies");
        var ede = await api.GetJsonAsync("/api/v1/gemeenten/GM0228/voortgang");
        var achtkarspelen = await api.GetJsonAsync("/api/v1/gemeenten/GM0080/voortgang"); // Leeuwarden: its deal total is unknown

        // The nation's target is the sum of the distributed tasks, as the country check sums them over the provinces.
        Assert.Equal("nation", nation.GetProperty("subject").GetProperty("level").GetString());
        Assert.Equal(provinces.EnumerateArray().Sum(p => p.GetProperty("totals").GetProperty("task").GetInt32()), nation.GetProperty("target").GetProperty("total").GetInt32());
        var without = nation.GetProperty("withoutTarget").EnumerateArray().ToList();
        Assert.Equal(342, nation.GetProperty("membersCounted").GetInt32() + without.Count);
        Assert.All(without, m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("withoutTargetReason").GetString())));

        var target = ede.GetProperty("target");
        Assert.Equal((7000, 2391, 2178), (target.GetProperty("total").GetInt32(), target.GetProperty("socialRent").GetInt32(), target.GetProperty("middle").GetInt32()));

        // Fryslân - Leeuwarden has no known task (December 2026 data), so Leeuwarden has realised homes and plans but no tier.
        Assert.False(achtkarspelen.GetProperty("hasTarget").GetBoolean());
        Assert.Contains("niet verdeeld", achtkarspelen.GetProperty("noTargetReason").GetString(), StringComparison.Ordinal);
        Assert.All(achtkarspelen.GetProperty("groups").EnumerateArray(), g => Assert.Equal("noTarget", g.GetProperty("notAssessed").GetProperty("code").GetString()));
        Assert.True(Group(achtkarspelen, "all").GetProperty("realised").GetInt32() > 0);
        Assert.Equal("none", achtkarspelen.GetProperty("suggestion").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Forecast_Foodvalley_GivesBandsAndAProbabilityOnlyForTheAssessedTotal(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var forecast = await api.GetJsonAsync("/api/v1/regios/WD19/prognose?runs=2000&seed=7");

        Assert.Equal((2000, 7UL, 25), (forecast.GetProperty("runs").GetInt32(), forecast.GetProperty("seed").GetUInt64(), forecast.GetProperty("plans").GetInt32()));
        Assert.Equal("prognose-2026-aanname", forecast.GetProperty("parameters").GetProperty("id").GetString());
        var parameters = forecast.GetProperty("parameters").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "3", "4a", "4b", "contracted"], parameters.Select(p => p.GetProperty("key").GetString()));
        Assert.Equal("47/50", parameters[1].GetProperty("realisationProbability").GetProperty("exact").GetString());
        Assert.All(parameters, p => Assert.Equal("assumption", p.GetProperty("confidence").GetString()));
        Assert.Contains("Gemeenschappelijke schokken", forecast.GetProperty("limitation").GetString(), StringComparison.Ordinal);

        var all = Series(forecast, "all");
        Assert.Equal(25383, all.GetProperty("target").GetInt32());
        var meeting = all.GetProperty("runsMeetingTarget").GetInt32();
        Assert.Equal(Math.Round(meeting / 2000m, 4), all.GetProperty("probability").GetProperty("value").GetDecimal());
        var cumulative = all.GetProperty("cumulative").EnumerateArray().ToList();
        Assert.Equal(9, cumulative.Count);
        Assert.All(cumulative.Take(2), c => Assert.Equal(c.GetProperty("p10").GetInt32(), c.GetProperty("p90").GetInt32())); // realised years are facts
        Assert.Equal(4366, cumulative[1].GetProperty("p50").GetInt32());
        var end = cumulative[^1];
        Assert.True(end.GetProperty("p10").GetInt32() <= end.GetProperty("p50").GetInt32() && end.GetProperty("p50").GetInt32() <= end.GetProperty("p90").GetInt32());
        Assert.True(end.GetProperty("p90").GetInt32() <= 4366 + 18686); // at most everything realised plus every plan home

        foreach (var group in new[] { "socialRent", "middle", "free", "affordable" })
        {
            Assert.Equal(JsonValueKind.Null, Series(forecast, group).GetProperty("probability").ValueKind);
            Assert.Equal("unknownSegment", Series(forecast, group).GetProperty("notAssessed").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Forecast_SameRunsAndSeed_GiveTheSameJsonOnBothDatabases()
    {
        var sqlite = await apps.ClientAsync(Provider.Sqlite);
        var postgres = await apps.ClientAsync(Provider.Postgres);

        var first = await sqlite.GetJsonTextAsync("/api/v1/provincies/PV25/prognose?runs=3000&seed=123");
        var again = await sqlite.GetJsonTextAsync("/api/v1/provincies/PV25/prognose?seed=123&runs=3000");
        var other = await postgres.GetJsonTextAsync("/api/v1/provincies/PV25/prognose?runs=3000&seed=123");
        var otherSeed = await sqlite.GetJsonTextAsync("/api/v1/provincies/PV25/prognose?runs=3000&seed=124");
        var defaults = ApiClient.Parse(await sqlite.GetJsonTextAsync("/api/v1/prognose"));

        Assert.Equal(first, again);
        Assert.Equal(first, other);
        Assert.NotEqual(first, otherSeed);
        Assert.Equal((10000, 1UL), (defaults.GetProperty("runs").GetInt32(), defaults.GetProperty("seed").GetUInt64()));
    }

    [Theory]
    [InlineData("/api/v1/prognose?runs=0", "runs")]
    [InlineData("/api/v1/regios/WD19/prognose?runs=abc", "runs")]
    [InlineData("/api/v1/gemeenten/GM0228/prognose?runs=100001", "runs")]
    [InlineData("/api/v1/provincies/PV25/prognose?seed=-1", "seed")]
    [InlineData("/api/v1/prognose?runs=1.5&seed=x", "runs,seed")]
    public async Task Forecast_BadRunsOrSeed_Is400WithInvalidParams(string path, string names)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        using var response = await api.GetAsync(path);
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");

        Assert.Equal(names.Split(','), ApiClient.InvalidParams(problem).Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/v1/regios/WD99/voortgang")]
    [InlineData("/api/v1/provincies/PV99/voortgang")]
    [InlineData("/api/v1/gemeenten/GM9999/voortgang")]
    [InlineData("/api/v1/regios/WD99/prognose?runs=0")]
    [InlineData("/api/v1/provincies/PV99/signaleringen")]
    [InlineData("/api/v1/gemeenten/GM9999/plannen")]
    [InlineData("/api/v1/gemeenten/Ede/realisaties")]
    public async Task UnknownSubject_Is404(string path)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        using var response = await api.GetAsync(path);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Warnings_Gelderland_AreWorstFirstWithTheirStep(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var list = await api.GetJsonAsync("/api/v1/provincies/PV25/signaleringen");

        var warnings = list.GetProperty("warnings").EnumerateArray().ToList();
        Assert.NotEmpty(warnings);
        string[] tiers = ["onTrack", "attention", "behind", "seriouslyBehind"];
        var keys = warnings.Select(w => (Tier: Array.IndexOf(tiers, w.GetProperty("tier").GetProperty("code").GetString()), Ratio: w.GetProperty("ratio").GetProperty("value").GetDecimal())).ToList();
        Assert.DoesNotContain(keys, k => k.Tier <= 0);
        Assert.Equal(keys.OrderByDescending(k => k.Tier).ThenBy(k => k.Ratio), keys);
        // The shipped realisations are a proxy: every warning is indicative, none advises an instruction.
        Assert.All(warnings, w => Assert.Equal(("completeData", "estimated"), (w.GetProperty("suggestion").GetProperty("code").GetString(), w.GetProperty("evidence").GetProperty("code").GetString())));
        Assert.Contains(warnings, w => w.GetProperty("subject").GetProperty("id").GetString() == "WD19");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task PlansAndRealisations_Ede_AreTheStoredRowsWithSourceAndVersion(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var plans = (await api.GetJsonAsync("/api/v1/gemeenten/GM0228/plannen")).EnumerateArray().ToList();
        var realisations = (await api.GetJsonAsync("/api/v1/gemeenten/gm0228/realisaties")).EnumerateArray().ToList();
        var progress = await api.GetJsonAsync("/api/v1/gemeenten/GM0228/voortgang");

        Assert.NotEmpty(plans);
        Assert.All(plans, p =>
        {
            Assert.Contains(p.GetProperty("status").GetProperty("code").GetString(), ShippedStatuses);
            Assert.Contains("plancapaciteit-2021.csv", p.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Aanname", p.GetProperty("assumption").GetString(), StringComparison.Ordinal);
            Assert.Equal(p.GetProperty("deliveries").EnumerateArray().Sum(d => d.GetProperty("homes").GetProperty("total").GetInt32()), p.GetProperty("homes").GetProperty("total").GetInt32());
            Assert.True(p.GetProperty("version").ValueKind == JsonValueKind.Number);
        });
        var pipeline = progress.GetProperty("pipeline").EnumerateArray().ToList();
        Assert.Equal(pipeline.Sum(r => r.GetProperty("plans").GetInt32()), plans.Count);
        Assert.Equal(
            pipeline.Sum(r => r.GetProperty("overdue").GetProperty("total").GetInt32() + r.GetProperty("remaining").GetProperty("total").GetInt32() + r.GetProperty("afterPeriod").GetProperty("total").GetInt32()),
            plans.Sum(p => p.GetProperty("homes").GetProperty("total").GetInt32()));

        Assert.Equal([.. Enumerable.Range(2012, 9), 2022, 2023], realisations.Select(r => r.GetProperty("year").GetInt32()));
        Assert.All(realisations.Where(r => r.GetProperty("year").GetInt32() < 2022), r => Assert.False(r.GetProperty("isEstimate").GetBoolean()));
        Assert.All(realisations.Where(r => r.GetProperty("year").GetInt32() >= 2022), r =>
        {
            Assert.True(r.GetProperty("isEstimate").GetBoolean());
            Assert.Contains("Benadering (aanname)", r.GetProperty("note").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(
            realisations.Where(r => r.GetProperty("year").GetInt32() >= 2022).Sum(r => r.GetProperty("homes").GetProperty("total").GetInt32()),
            Group(progress, "all").GetProperty("realised").GetInt32());
    }

    private static JsonElement Group(JsonElement progress, string code) =>
        progress.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetProperty("code").GetString() == code);

    private static JsonElement Series(JsonElement forecast, string code) =>
        forecast.GetProperty("series").EnumerateArray().Single(g => g.GetProperty("group").GetProperty("code").GetString() == code);

    private static List<string> Notes(JsonElement resource) => [.. resource.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];
}
