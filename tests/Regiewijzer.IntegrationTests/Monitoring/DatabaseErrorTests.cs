using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>
/// Issue 11, findings 4 and 5: a unique-constraint race is a conflict (same message as other conflicts), and a busy
/// database is not: on SQLite a writer waits a bounded time for another transaction's lock and is then told the
/// database is busy (API: 503 with Retry-After), never "Intussen gewijzigd".
/// </summary>
public sealed class DatabaseErrorTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SameNewCode_SavedByTwoContextsAtOnce_IsAUniqueViolation_TrySaveVersionedReportsAConflict(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var first = database.Context();
        await using var second = database.Context();
        first.Plans.Add(NewPlan("race-1"));
        second.Plans.Add(NewPlan("race-1"));
        var third = database.Context();
        await using (third)
        {
            third.Plans.Add(NewPlan("race-2"));
            await first.SaveChangesAsync(Ct);

            // The second writer checked nothing (as a check-then-insert that lost the race): the unique index refuses it.
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Ct));
            Assert.Equal(DatabaseErrorKind.UniqueViolation, DatabaseErrors.Classify(refused));
            Assert.True(DatabaseErrors.IsConflict(refused));

            var other = database.Context();
            await using (other)
            {
                other.Plans.Add(NewPlan("race-2"));
                Assert.True(await third.TrySaveVersionedAsync(Ct));
                Assert.False(await other.TrySaveVersionedAsync(Ct)); // a conflict: nothing stored
            }
        }

        await using var check = database.Context();
        Assert.Equal(1, await check.Plans.CountAsync(p => p.Code == "race-1", Ct));
        Assert.Equal(1, await check.Plans.CountAsync(p => p.Code == "race-2", Ct));
    }

    [Fact]
    public async Task Sqlite_WriterWaitsForAnotherTransaction_ThenIsToldTheDatabaseIsBusy_NotAConflict()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var waiting = DatabaseOptions.From(DatabaseOptions.Sqlite, database.Options.ConnectionString + ";Default Timeout=1");
        await using var holder = new SqliteConnection(database.Options.ConnectionString);
        await holder.OpenAsync(Ct);
        await using var transaction = holder.BeginTransaction(); // BEGIN IMMEDIATE: the write lock, as a long import holds it

        await using var db = waiting.CreateContext();
        var form = new RealisationForm { SocialRent = "250", Source = "eigen telling" };
        var busy = await Assert.ThrowsAnyAsync<Exception>(() => EditRealisations.SaveAsync(db, "GM0228", 2024, form, ct: Ct));
        Assert.Equal(DatabaseErrorKind.Busy, DatabaseErrors.Classify(busy));
        Assert.False(DatabaseErrors.IsConflict(busy));

        transaction.Rollback();
        await using var again = waiting.CreateContext();
        Assert.Equal(OutcomeKind.Ok, (await EditRealisations.SaveAsync(again, "GM0228", 2024, form, ct: Ct)).Kind);
    }

    [Fact]
    public async Task Sqlite_ApiWriteWhileAnotherTransactionHoldsTheLock_Is503WithRetryAfterAndTheDutchReason()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var editor = await TestAccounts.CreateAsync(database, "GM0228", AccountRole.Editor);
        int id;
        await using (var read = database.Context())
        {
            id = (await read.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).FirstAsync(Ct)).Id;
        }

        var waiting = DatabaseOptions.From(DatabaseOptions.Sqlite, database.Options.ConnectionString + ";Default Timeout=1");
        await using var app = await RunningApp.StartAsync(waiting, Ct);
        using var client = await TestAccounts.ApiClientAsync(app, editor);
        await using var holder = new SqliteConnection(database.Options.ConnectionString);
        await holder.OpenAsync(Ct);
        await using (var transaction = holder.BeginTransaction())
        {
            using var response = await client.PutAsJsonAsync($"/api/v1/plannen/{id}", new { version = 0, name = "Tijdens een import" }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(DatabaseErrors.BusyMessage, problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("gewijzigd", problem.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
        }

        // The lock is gone: the same request is stored.
        using var stored = await client.PutAsJsonAsync($"/api/v1/plannen/{id}", new { version = 0, name = "Na de import" }, Ct);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task Sqlite_CliImportWhileAnotherTransactionHoldsTheLock_ExitCode4WithTheDutchReason()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, "gemeentecode;plancode;naam;planstatus;opleverjaar_van;sociale_huur\nGM0228;cli-1;Via de opdrachtregel;1a;2027;10\n", Ct);
        try
        {
            await using var holder = new SqliteConnection(database.Options.ConnectionString);
            await holder.OpenAsync(Ct);
            await using var transaction = holder.BeginTransaction();
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = Regiewijzer.Cli.CliApp.Run(
                ["--db-provider", "sqlite", "--db", database.Options.ConnectionString + ";Default Timeout=1", "import", "plannen", "--bestand", file], stdout, stderr);
            Assert.True(exit == Regiewijzer.Cli.CliApp.DatabaseBusy, $"{exit}: {stderr}");
            Assert.Contains(DatabaseErrors.BusyMessage, stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("onverwachte fout", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SqliteConnectionString_GetsTheBoundedBusyTimeout_UnlessItSetsItsOwn()
    {
        Assert.Equal(DatabaseOptions.SqliteBusyTimeoutSeconds, new SqliteConnectionStringBuilder(DatabaseOptions.WithBusyTimeout("Data Source=x.db")).DefaultTimeout);
        Assert.Equal(1, new SqliteConnectionStringBuilder(DatabaseOptions.WithBusyTimeout("Data Source=x.db;Default Timeout=1")).DefaultTimeout);
    }

    private static PlanRow NewPlan(string code) =>
        new() { MunicipalityCode = "GM0228", Code = code, Name = "Gelijktijdig " + code, Status = "1a", Source = "test", UpdatedAt = DateTimeOffset.UtcNow };
}
