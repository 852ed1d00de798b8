using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
        var fromFile = ScenarioFiles.FoodvalleyResultJson();

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
        Assert.Equal(7615, region_.GetProperty("social").GetInt32());
        Assert.Equal(16922, region_.GetProperty("affordable").GetInt32());

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
