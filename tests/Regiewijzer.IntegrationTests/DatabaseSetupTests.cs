using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Reference;
using Xunit;

namespace Regiewijzer.IntegrationTests;

public sealed class DatabaseSetupTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Migrations_MatchTheModel(Provider provider)
    {
        // Fails when the model changed without `regiewijzer database scaffold-migration NAME`.
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Context();
        Assert.IsType(provider == Provider.Sqlite ? typeof(SqliteRegiewijzerDb) : typeof(PostgresRegiewijzerDb), db);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} model has changes without a migration");

        await DatabaseSetup.MigrateAsync(db, Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task MigrateAndSeedAsync_EmptyDatabase_LoadsTheCountry(Provider provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using (var db = database.Context())
        {
            var report = await DatabaseSetup.MigrateAndSeedAsync(db, ct: Ct);
            Assert.NotEmpty(report.AppliedMigrations);
            Assert.True(report.Seeded);
        }

        await using var check = database.Context();
        Assert.Equal(12, await check.Provinces.CountAsync(Ct));
        Assert.Equal(342, await check.Municipalities.CountAsync(Ct));
        Assert.Equal(35, await check.Regions.CountAsync(Ct));
        Assert.Equal(342, await check.Memberships.CountAsync(Ct));

        // A partition: every municipality in exactly one existing region (the key makes "at most one").
        var withoutRegion = await check.Municipalities.Where(m => m.Membership == null).Select(m => m.Code).ToListAsync(Ct);
        Assert.Empty(withoutRegion);
        var regionIds = await check.Regions.Select(r => r.Id).ToListAsync(Ct);
        var membersPerRegion = await check.Memberships.GroupBy(m => m.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(regionIds.Order(StringComparer.Ordinal), membersPerRegion.Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.All(membersPerRegion, g => Assert.True(g.Count > 0));
        Assert.Equal(342, membersPerRegion.Sum(g => g.Count));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task MigrateAndSeedAsync_SecondTime_ChangesNothing(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        var before = await CountsAsync(database);

        await using (var db = database.Context())
        {
            var report = await DatabaseSetup.MigrateAndSeedAsync(db, ct: Ct);
            Assert.Empty(report.AppliedMigrations);
            Assert.False(report.Seeded);
            Assert.False(await ReferenceSeeder.SeedAsync(db, ct: Ct));
        }

        Assert.Equal(before, await CountsAsync(database));
    }

    internal static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var ct = TestContext.Current.CancellationToken;
        return string.Join(
            ", ",
            $"provinces {await db.Provinces.CountAsync(ct)}",
            $"municipalities {await db.Municipalities.CountAsync(ct)}",
            $"regions {await db.Regions.CountAsync(ct)}",
            $"memberships {await db.Memberships.CountAsync(ct)}",
            $"stock {await db.Stock.CountAsync(ct)}",
            $"tasks {await db.Tasks.CountAsync(ct)}",
            $"homes {await db.Tasks.SumAsync(t => t.Homes, ct)}",
            $"norms {await db.NormParameters.CountAsync(ct)}",
            $"prices {await db.PriceLimits.CountAsync(ct)}",
            $"plan {await db.PlanCapacity.CountAsync(ct)}",
            $"runs {await db.DistributionRuns.CountAsync(ct)}",
            $"datasets {await db.DataSets.CountAsync(ct)}");
    }
}
