using Microsoft.Data.Sqlite;
using Npgsql;
using Regiewijzer.Data.Database;
using Regiewijzer.IntegrationTests;
using Xunit;

[assembly: AssemblyFixture(typeof(TestDatabases))]

namespace Regiewijzer.IntegrationTests;

/// <summary>The database providers every integration test runs against.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Hands each test its own fresh database (assembly-wide: the PostgreSQL server starts once).
/// Seeded databases are copies of one database per provider that <see cref="DatabaseSetup.MigrateAndSeedAsync(Regiewijzer.Data.RegiewijzerDb, string?, CancellationToken)"/>
/// made (a SQLite file copy, CREATE DATABASE ... TEMPLATE on PostgreSQL), so seeding runs once per provider.
/// </summary>
public sealed class TestDatabases : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("regiewijzer-tests-").FullName;
    private readonly Lazy<Task<TestDatabase>> _sqliteTemplate;
    private readonly Lazy<Task<TestDatabase>> _postgresTemplate;

    public TestDatabases()
    {
        _sqliteTemplate = new(() => CreateTemplateAsync(Provider.Sqlite));
        _postgresTemplate = new(() => CreateTemplateAsync(Provider.Postgres));
    }

    public async ValueTask InitializeAsync() => await _postgres.StartOrRecordFailureAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A new, empty database (no schema).</summary>
    public Task<TestDatabase> CreateAsync(Provider provider) => CreateAsync(provider, template: null);

    /// <summary>A new database, migrated and seeded with the shipped reference data.</summary>
    public async Task<TestDatabase> CreateSeededAsync(Provider provider)
    {
        var template = await (provider == Provider.Sqlite ? _sqliteTemplate : _postgresTemplate).Value.ConfigureAwait(false);
        return await CreateAsync(provider, template).ConfigureAwait(false);
    }

    private async Task<TestDatabase> CreateAsync(Provider provider, TestDatabase? template)
    {
        if (provider == Provider.Postgres)
        {
            var connection = await _postgres.CreateDatabaseAsync(template?.Options.ConnectionString).ConfigureAwait(false);
            return new TestDatabase(DatabaseOptions.From(DatabaseOptions.Postgres, connection), file: null);
        }

        // No pooling: nothing keeps the file open, so it can be copied (as a template) and deleted.
        var file = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        if (template is not null)
        {
            File.Copy(new SqliteConnectionStringBuilder(template.Options.ConnectionString).DataSource, file);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false };
        return new TestDatabase(DatabaseOptions.From(DatabaseOptions.Sqlite, builder.ConnectionString), file);
    }

    private async Task<TestDatabase> CreateTemplateAsync(Provider provider)
    {
        var template = await CreateAsync(provider, template: null).ConfigureAwait(false);
        await using (var db = template.Context())
        {
            await DatabaseSetup.MigrateAndSeedAsync(db).ConfigureAwait(false);
        }

        // PostgreSQL copies a template only while nobody is connected to it.
        await template.DisposeAsync().ConfigureAwait(false);
        return template;
    }
}

/// <summary>One test's database: a SQLite file or a database on the test PostgreSQL server. Disposing deletes the file or releases the pool.</summary>
public sealed class TestDatabase(DatabaseOptions options, string? file) : IAsyncDisposable
{
    public DatabaseOptions Options { get; } = options;

    /// <summary>The CLI's database options for this database.</summary>
    public IReadOnlyList<string> CliArgs => ["--db-provider", Options.Provider, "--db", Options.ConnectionString];

    /// <summary>A new context; the caller disposes it.</summary>
    public Regiewijzer.Data.RegiewijzerDb Context() => Options.CreateContext();

    public ValueTask DisposeAsync()
    {
        if (file is null)
        {
            using var connection = new NpgsqlConnection(Options.ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }
}
