using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests;

public sealed class DistributeRegionTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task RunAsync_Foodvalley_EqualsTheScenarioFile(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var (region, error) = await FindRegion.RunAsync(db, "Foodvalley", Ct);
        Assert.True(region is not null, error);

        var outcome = await DistributeRegion.RunAsync(db, region, store: true, ct: Ct);

        Assert.NotNull(outcome.Result);
        Assert.True(outcome.Question.IsComplete);
        var fromDatabase = ScenarioWriter.WriteResult(outcome.Result);
        var fromFile = ScenarioFiles.FoodvalleyProvinceAwareResultJson(); // the database knows each municipality's province (domain.md §5b)

        // Field by field first, so a difference names the municipality and the number.
        using var expected = JsonDocument.Parse(fromFile);
        using var actual = JsonDocument.Parse(fromDatabase);
        var expectedMunicipalities = expected.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        var actualMunicipalities = actual.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal(expectedMunicipalities.Select(m => m.GetProperty("code").GetString()), actualMunicipalities.Select(m => m.GetProperty("code").GetString()));
        foreach (var (e, a) in expectedMunicipalities.Zip(actualMunicipalities))
        {
            foreach (var part in (string[])["targets", "floor", "regionalShare"])
            {
                Assert.Equal($"{e.GetProperty("code")} {part} {e.GetProperty(part)}", $"{a.GetProperty("code")} {part} {a.GetProperty(part)}");
            }
        }

        Assert.Equal(fromFile, fromDatabase);
        var region_ = actual.RootElement.GetProperty("region");
        Assert.Equal(7616, region_.GetProperty("social").GetInt32()); // 5.949 in Gelderland + 1.667 in Utrecht, each part its own ceiling
        Assert.Equal(16923, region_.GetProperty("affordable").GetInt32());

        // Region-only (levels: region), the same stored input gives the worked example of domain.md exactly.
        var regionOnly = Distribution.Distribute(outcome.Question.Scenario.Region with { Levels = DistributionLevels.Region }, outcome.Question.Scenario.Norms);
        using var worked = JsonDocument.Parse(ScenarioFiles.FoodvalleyResultJson());
        foreach (var e in worked.RootElement.GetProperty("municipalities").EnumerateArray())
        {
            var m = regionOnly.Municipalities.Single(x => x.Code.Value == e.GetProperty("code").GetString());
            var targets = e.GetProperty("targets");
            Assert.Equal((targets.GetProperty("social").GetInt32(), targets.GetProperty("middle").GetInt32(), targets.GetProperty("free").GetInt32()), (m.Social, m.Middle, m.Free));
        }

        Assert.Equal((7615, 16922), (regionOnly.Social, regionOnly.Affordable));

        // The stored run holds the same result.
        await using var check = database.Context();
        var run = await check.DistributionRuns.SingleAsync(r => r.RegionId == region.Id, Ct);
        Assert.Equal(fromDatabase, run.ResultJson);
        Assert.Equal("proportional", run.Key);
        Assert.True(run.MeetsNorms);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task RunAsync_WithoutStore_WritesNothing(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == "WD19", Ct);

        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: Ct);

        Assert.NotNull(outcome.Result);
        Assert.Equal(0, await db.DistributionRuns.CountAsync(Ct));
    }
}
