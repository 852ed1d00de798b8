using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regiewijzer.Cli;
using Regiewijzer.Data.Database;
using Xunit;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Issue 17, backup and restore: <c>regiewijzer database backup|restore</c> on SQLite (the online backup API) and the
/// documented pg_dump/pg_restore on PostgreSQL, each round trip compared table by table, row by row.
/// </summary>
public sealed class BackupTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_BackupThenChangeThenRestore_EveryTableAsAtTheBackup()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("regiewijzer-backup-").FullName;
        try
        {
            await TestAccountsAndAChangeAsync(db);
            var before = await DumpAsync(db.Options);
            var file = Path.Combine(folder, "regiewijzer-backup.db");

            var backup = Run(db, "database", "backup", file);
            Assert.True(backup.Exit == CliApp.Ok, backup.Stderr);
            Assert.Contains("Back-up gemaakt", backup.Stdout, StringComparison.Ordinal);

            // A change after the backup (a stock row corrected, a region renamed), then the restore undoes it.
            await using (var change = db.Context())
            {
                await change.Database.ExecuteSqlRawAsync("UPDATE regions SET \"Name\" = 'Gewijzigd na de back-up'", Ct);
            }

            Assert.NotEqual(before, await DumpAsync(db.Options));

            var refused = Run(db, "database", "restore", file);
            Assert.Equal(CliApp.UsageError, refused.Exit);
            Assert.Contains("--vervang", refused.Stderr, StringComparison.Ordinal);

            var restore = Run(db, "database", "restore", file, "--vervang");
            Assert.True(restore.Exit == CliApp.Ok, restore.Stderr);
            Assert.Equal(before, await DumpAsync(db.Options));

            // A backup never overwrites, and a file that is not a Regiewijzer database is refused with nothing changed.
            Assert.Contains("bestaat al", Run(db, "database", "backup", file).Stderr, StringComparison.Ordinal);
            var notADatabase = Path.Combine(folder, "geen.db");
            await File.WriteAllTextAsync(notADatabase, "dit is geen database", Ct);
            var wrong = Run(db, "database", "restore", notADatabase, "--vervang");
            Assert.Equal(CliApp.InvalidInput, wrong.Exit);
            Assert.Equal(before, await DumpAsync(db.Options));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_PgDumpAndPgRestoreAsDocumented_EveryTableTheSame()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        await TestAccountsAndAChangeAsync(db);
        var folder = Directory.CreateTempSubdirectory("regiewijzer-pgdump-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111); // pg_dump runs as the postgres user
        }
        try
        {
            // The CLI names the commands (and does not pretend to back up PostgreSQL itself).
            var hint = Run(db, "database", "backup", Path.Combine(folder, "x.dump"));
            Assert.Equal(CliApp.UsageError, hint.Exit);
            Assert.Contains("pg_dump", hint.Stderr, StringComparison.Ordinal);
            Assert.Contains("pg_restore", hint.Stderr, StringComparison.Ordinal);

            var file = Path.Combine(folder, "regiewijzer.dump");
            var source = new NpgsqlConnectionStringBuilder(db.Options.ConnectionString);
            await PgAsync("pg_dump", "-h", source.Host!, "-p", source.Port.ToString(CultureInfo.InvariantCulture), "-U", source.Username!, "-d", source.Database!, "--format=custom", $"--file={file}");

            await using var restored = await databases.CreateAsync(Provider.Postgres);
            var target = new NpgsqlConnectionStringBuilder(restored.Options.ConnectionString);
            await PgAsync("pg_restore", "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, "-d", target.Database!, "--clean", "--if-exists", "--no-owner", "--single-transaction", file);

            Assert.Equal(await DumpAsync(db.Options), await DumpAsync(restored.Options));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Accounts and audit rows exist too, so the comparison covers them.</summary>
    private static async Task TestAccountsAndAChangeAsync(TestDatabase db)
    {
        await Web.TestAccounts.CreateAsync(db, "GM0228", Core.Governance.AccountRole.Editor);
    }

    /// <summary>Every table of the model, every row, every column, as sorted text: two databases are equal when their dumps are.</summary>
    internal static async Task<string> DumpAsync(DatabaseOptions options)
    {
        await using var context = options.CreateContext();
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Value(reader, i))));
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append("## ").Append(table).Append(' ').Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
        }

        Assert.True(tables.Count > 20, $"only {tables.Count} tables in the model?");
        return text.ToString();
    }

    private static string Value(DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
        {
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            byte[] b => Convert.ToHexString(b),
            var v => v.ToString() ?? string.Empty,
        };

    private static Task PgAsync(string tool, params string[] arguments) =>
        PostgresServer.RunAsync(Path.Combine(PostgresServer.BinDirectory, tool), arguments, asPostgres: true);

    private static (int Exit, string Stdout, string Stderr) Run(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run([.. args, .. database.CliArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
