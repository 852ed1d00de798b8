using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>Writes: atomic on failure, and optimistic concurrency on the Version token.</summary>
public sealed class RegiewijzerDbTests(TestDatabases databases)
{
    private const string Ede = "GM0228";
    private const string Barneveld = "GM0203";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_DuplicateTaskInTransaction_RollsBackEverything(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        var before = await DatabaseSetupTests.CountsAsync(database);

        await using (var db = database.Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            db.Tasks.Add(NewTask(Ede, 2031, 2040, 1000));
            db.Tasks.Add(NewTask(Barneveld, 2031, 2040, 800));
            await db.SaveChangesAsync(Ct);
            var ede = await db.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct);
            ede.Homes += 500;
            await db.SaveChangesAsync(Ct);

            db.Tasks.Add(NewTask(Barneveld, 2022, 2030, 1)); // Barneveld already has a task for 2022-2030.
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            AssertUniqueViolation(e);
            await tx.RollbackAsync(Ct);
        }

        Assert.Equal(before, await DatabaseSetupTests.CountsAsync(database));
        await using var check = database.Context();
        Assert.False(await check.Tasks.AnyAsync(t => t.PeriodFrom == 2031, Ct));
        var stored = await check.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct);
        Assert.Equal(7000, stored.Homes);
        Assert.Equal(0, stored.Version);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_OneDuplicateAmongNewTasks_StoresNone(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        var before = await DatabaseSetupTests.CountsAsync(database);

        await using (var db = database.Context())
        {
            var ede = await db.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct);
            ede.Homes = 1;
            db.Tasks.Add(NewTask(Ede, 2031, 2040, 1000));
            db.Tasks.Add(NewTask(Barneveld, 2022, 2030, 1));
            db.Tasks.Add(NewTask(Barneveld, 2031, 2040, 800));
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            AssertUniqueViolation(e);
        }

        Assert.Equal(before, await DatabaseSetupTests.CountsAsync(database));
        await using var check = database.Context();
        Assert.Equal(7000, (await check.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct)).Homes);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_StaleRow_ThrowsConcurrencyException(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var first = database.Context();
        await using var second = database.Context();
        var a = await first.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct);
        var b = await second.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct);

        a.Homes = 7100;
        await first.SaveChangesAsync(Ct);
        b.Homes = 7200;
        var e = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        Assert.Same(b, Assert.Single(e.Entries).Entity);
        await using var check = database.Context();
        var stored = await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == a.Id, Ct);
        Assert.Equal(7100, stored.Homes);
        Assert.Equal(1, stored.Version);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_ParallelIncrementsWithRetry_LoseNoUpdate(Provider provider)
    {
        const int workers = 8;
        await using var database = await databases.CreateSeededAsync(provider);
        int id;
        await using (var db = database.Context())
        {
            id = (await db.Tasks.SingleAsync(t => t.MunicipalityCode == Ede && t.PeriodFrom == 2022, Ct)).Id;
        }

        // Everyone loads before anyone saves, so the first round has one winner and workers - 1 conflicts.
        using var loaded = new CountdownEvent(workers);
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                await using var db = database.Context();
                var row = await db.Tasks.SingleAsync(t => t.Id == id, Ct);
                loaded.Signal();
                loaded.Wait(Ct);
                while (true)
                {
                    row.Homes += 1;
                    try
                    {
                        await db.SaveChangesAsync(Ct);
                        return;
                    }
                    catch (DbUpdateConcurrencyException e)
                    {
                        Interlocked.Increment(ref conflicts);
                        await Assert.Single(e.Entries).ReloadAsync(Ct);
                    }
                }
            },
            Ct)));

        await using var check = database.Context();
        var stored = await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
        Assert.Equal(7000 + workers, stored.Homes);
        Assert.Equal(workers, stored.Version);
        Assert.True(conflicts >= workers - 1, $"{conflicts} conflicts");
    }

    private static TaskRow NewTask(string code, int from, int to, int homes) => new()
    {
        MunicipalityCode = code,
        PeriodFrom = from,
        PeriodTo = to,
        Homes = homes,
        Origin = TaskOrigin.Agreed,
        Source = "integration test",
    };

    private static void AssertUniqueViolation(DbUpdateException e)
    {
        switch (e.InnerException)
        {
            case SqliteException sqlite:
                Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
                Assert.Contains("UNIQUE", sqlite.Message, StringComparison.Ordinal);
                break;
            case PostgresException postgres:
                Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
                break;
            default:
                Assert.Fail($"expected a unique violation, got {e.InnerException}");
                break;
        }
    }
}
