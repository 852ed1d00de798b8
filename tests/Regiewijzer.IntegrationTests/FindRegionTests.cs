using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests;

public sealed class FindRegionTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task RunAsync_IdNameOrUniquePart_FindsTheRegion(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();

        foreach (var query in (string[])["WD19", "wd19", "Regio Foodvalley", "foodvalley", " Foodval "])
        {
            var (region, error) = await FindRegion.RunAsync(db, query, Ct);
            Assert.True(region?.Id == "WD19", $"{query}: {error}");
            Assert.Null(error);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task RunAsync_AmbiguousOrUnknown_ReturnsMessage(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();

        var (ambiguous, many) = await FindRegion.RunAsync(db, "Regio", Ct);
        var (unknown, none) = await FindRegion.RunAsync(db, "Atlantis", Ct);

        Assert.Null(ambiguous);
        Assert.StartsWith("'Regio' past op meerdere regio's: ", many, StringComparison.Ordinal);
        Assert.Contains("WD19 Regio Foodvalley", many, StringComparison.Ordinal);
        Assert.Null(unknown);
        Assert.Equal("geen regio gevonden voor 'Atlantis'; 'regiewijzer regios' toont alle regio's", none);
    }
}
