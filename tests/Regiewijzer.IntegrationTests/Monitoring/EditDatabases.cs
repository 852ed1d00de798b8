using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Regiewijzer.Data;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>A fixed clock for the edits: 24 November 2026, 09:30 Dutch time.</summary>
internal sealed class EditClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A context whose next save first runs a change on another connection: another user's change
/// that lands between an edit's read and its write (a lost update the version check in the UPDATE must catch).
/// </summary>
internal static class EditDatabases
{
    public static RegiewijzerDb WithChangeBeforeSave(TestDatabase database, Func<RegiewijzerDb, Task> meanwhile)
    {
        var interceptor = new ChangeFirst(database, meanwhile);
        return database.Options.Provider == Regiewijzer.Data.Database.DatabaseOptions.Sqlite
            ? new SqliteRegiewijzerDb(new DbContextOptionsBuilder<SqliteRegiewijzerDb>().UseSqlite(database.Options.ConnectionString).AddInterceptors(interceptor).Options)
            : new PostgresRegiewijzerDb(new DbContextOptionsBuilder<PostgresRegiewijzerDb>().UseNpgsql(database.Options.ConnectionString).AddInterceptors(interceptor).Options);
    }

    private sealed class ChangeFirst(TestDatabase database, Func<RegiewijzerDb, Task> meanwhile) : SaveChangesInterceptor
    {
        private bool done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!done)
            {
                done = true;
                await using var other = database.Context();
                await meanwhile(other);
            }

            return result;
        }
    }
}
