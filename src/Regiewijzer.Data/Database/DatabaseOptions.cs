using Microsoft.EntityFrameworkCore;

namespace Regiewijzer.Data.Database;

/// <summary>Which database to use. SQLite (a file in the user's data folder) unless configured otherwise.</summary>
/// <param name="Provider">"sqlite" or "postgres".</param>
/// <param name="ConnectionString">Provider connection string.</param>
public sealed record DatabaseOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// SQLite has one writer at a time: another writer waits at most this many seconds for the lock (Microsoft.Data.Sqlite
    /// retries a busy database until the command timeout, the connection string's <c>Default Timeout</c>), then gets
    /// <see cref="DatabaseErrors.BusyMessage"/> instead of waiting on. Used when the connection string sets no
    /// <c>Default Timeout</c> of its own (tests set 1 second).
    /// </summary>
    public const int SqliteBusyTimeoutSeconds = 10;

    /// <summary>The default SQLite file: $XDG_DATA_HOME or ~/.local/share, then regiewijzer/regiewijzer.db.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "regiewijzer", "regiewijzer.db");

    /// <summary>
    /// From configuration values (REGIEWIJZER_DB_PROVIDER / REGIEWIJZER_DB or Database:Provider /
    /// Database:ConnectionString); missing values give SQLite at <see cref="DefaultSqlitePath"/>.
    /// </summary>
    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var p = string.IsNullOrWhiteSpace(provider) ? Sqlite : provider.Trim().ToLowerInvariant();
        return p switch
        {
            Sqlite => new(Sqlite, string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqlitePath}" : connectionString),
            Postgres or "postgresql" or "npgsql" => string.IsNullOrWhiteSpace(connectionString)
                ? throw new ArgumentException("PostgreSQL needs a connection string (Database:ConnectionString or REGIEWIJZER_DB).", nameof(connectionString))
                : new(Postgres, connectionString),
            _ => throw new ArgumentException($"Unknown database provider '{provider}' (use sqlite or postgres).", nameof(provider)),
        };
    }

    /// <summary>From the environment variables REGIEWIJZER_DB_PROVIDER and REGIEWIJZER_DB.</summary>
    public static DatabaseOptions FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("REGIEWIJZER_DB_PROVIDER"), Environment.GetEnvironmentVariable("REGIEWIJZER_DB"));

    /// <summary>A new context for these options. The caller disposes it.</summary>
    /// <remarks>The EF options are built once per <see cref="DatabaseOptions"/> (the web app creates a context per request).</remarks>
    public RegiewijzerDb CreateContext() => Provider == Sqlite
        ? new SqliteRegiewijzerDb((DbContextOptions<SqliteRegiewijzerDb>)BuiltOptions)
        : new PostgresRegiewijzerDb((DbContextOptions<PostgresRegiewijzerDb>)BuiltOptions);

    // Keyed by value (not a field: a record's fields take part in equality and are copied by `with`).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), DbContextOptions> Built = new();

    private DbContextOptions BuiltOptions => Built.GetOrAdd((Provider, ConnectionString), _ => Build());

    private DbContextOptions Build()
    {
        if (Provider == Sqlite)
        {
            EnsureSqliteFolder();
            return new DbContextOptionsBuilder<SqliteRegiewijzerDb>()
                .UseSqlite(WithBusyTimeout(ConnectionString), o => o.MigrationsHistoryTable("__ef_migrations"))
                .AddInterceptors(DataChangeInterceptor.Instance)
                .Options;
        }

        return new DbContextOptionsBuilder<PostgresRegiewijzerDb>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(DataChangeInterceptor.Instance)
            .Options;
    }

    /// <summary>Description without secrets, for logs and the CLI.</summary>
    public override string ToString() =>
        Provider == Sqlite ? $"SQLite ({ConnectionString.Replace("Data Source=", string.Empty, StringComparison.Ordinal)})" : "PostgreSQL";

    private static readonly string[] TimeoutKeywords = ["Default Timeout", "DefaultTimeout", "Command Timeout", "CommandTimeout"];

    /// <summary>The SQLite connection string with <see cref="SqliteBusyTimeoutSeconds"/> unless it sets its own Default Timeout.</summary>
    public static string WithBusyTimeout(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (TimeoutKeywords.Any(given.ContainsKey))
        {
            return connectionString;
        }

        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = SqliteBusyTimeoutSeconds }.ConnectionString;
    }

    private void EnsureSqliteFolder()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
