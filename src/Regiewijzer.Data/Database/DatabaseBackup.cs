using Microsoft.Data.Sqlite;
using Npgsql;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Backup and restore of the embedded SQLite database with SQLite's online backup API (consistent while the web app runs
/// and writes), and the documented pg_dump/pg_restore commands for PostgreSQL (its own tools are the right ones there).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>The outcome: null when done, else the Dutch reason nothing was done.</summary>
    public static string? BackupSqlite(DatabaseOptions options, string target)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            return $"{path} bestaat al; kies een nieuwe bestandsnaam (een back-up overschrijft nooit een bestand).";
        }

        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            return $"De map {folder} bestaat niet.";
        }

        using var source = new SqliteConnection(options.ConnectionString);
        source.Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        source.BackupDatabase(destination);
        return null;
    }

    /// <summary>
    /// Replaces the database's whole content by the backup's (all or nothing: the backup API copies every page in one
    /// step). Refuses a file that is not a Regiewijzer database.
    /// </summary>
    public static string? RestoreSqlite(DatabaseOptions options, string backup)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(backup);
        if (!File.Exists(path))
        {
            return $"{path} bestaat niet.";
        }

        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        try
        {
            source.Open();
            using var check = source.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('regions', 'municipalities')";
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 2)
            {
                return $"{path} is geen back-up van een Regiewijzer-database (de tabellen van Regiewijzer ontbreken); er is niets gewijzigd.";
            }
        }
        catch (SqliteException)
        {
            return $"{path} is geen SQLite-database; er is niets gewijzigd.";
        }

        using var destination = new SqliteConnection(options.ConnectionString);
        destination.Open();
        source.BackupDatabase(destination);
        return null;
    }

    /// <summary>The pg_dump and pg_restore commands for this PostgreSQL database (without its password).</summary>
    public static string PostgresInstructions(DatabaseOptions options, string file)
    {
        ArgumentNullException.ThrowIfNull(options);
        var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var target = $"-h {b.Host} -p {b.Port} -U {b.Username} -d {b.Database}";
        return $"""
            Voor PostgreSQL gebruikt u de eigen gereedschappen van PostgreSQL (zij maken een consistente back-up terwijl de app draait):
              back-up:  pg_dump {target} --format=custom --file={file}
              herstel:  pg_restore {target} --clean --if-exists --no-owner --single-transaction {file}
            Het wachtwoord geeft u met PGPASSWORD of ~/.pgpass. Zie README, "Back-up en herstel".
            """;
    }
}
