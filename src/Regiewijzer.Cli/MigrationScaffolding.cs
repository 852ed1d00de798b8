using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Data;

namespace Regiewijzer.Cli;

#pragma warning disable EF1001 // The provider design-time services are what dotnet-ef itself uses.

/// <summary>
/// Developer command: scaffolds a migration for both providers with EF Core's design-time services
/// (the dotnet-ef tool is not available from this project's package feed).
/// </summary>
internal static class MigrationScaffolding
{
    public static IReadOnlyList<string> Scaffold(string name, string dataProjectDirectory)
    {
        var written = new List<string>();
        using (var sqlite = new SqliteRegiewijzerDb(new DbContextOptionsBuilder<SqliteRegiewijzerDb>().UseSqlite("Data Source=:memory:", o => o.MigrationsHistoryTable("__ef_migrations")).Options))
        {
            written.AddRange(Scaffold(sqlite, name, dataProjectDirectory, "Sqlite", new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices()));
        }

        using (var pg = new PostgresRegiewijzerDb(new DbContextOptionsBuilder<PostgresRegiewijzerDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__ef_migrations")).Options))
        {
            written.AddRange(Scaffold(pg, name, dataProjectDirectory, "Postgres", new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()));
        }

        return written;
    }

    private static IEnumerable<string> Scaffold(DbContext db, string name, string projectDirectory, string provider, IDesignTimeServices providerServices)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(db);
        providerServices.ConfigureDesignTimeServices(services);
        using var provider_ = services.BuildServiceProvider();
        var scaffolder = provider_.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Regiewijzer.Data", $"Migrations.{provider}", "C#");
        var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Migrations", provider));
        return new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile }.OfType<string>();
    }
}
