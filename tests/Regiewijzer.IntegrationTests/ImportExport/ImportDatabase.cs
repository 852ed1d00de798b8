using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

/// <summary>A seeded SQLite file per test, copied from one template seeded once per run; plus a folder for input files.</summary>
internal sealed class ImportDatabase : IDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private ImportDatabase(string directory)
    {
        Directory = directory;
        Connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "regiewijzer.db"), Pooling = false }.ConnectionString;
    }

    public string Directory { get; }

    public string Connection { get; }

    public IReadOnlyList<string> CliArgs => ["--db-provider", "sqlite", "--db", Connection];

    public static async Task<ImportDatabase> CreateAsync()
    {
        var template = await TemplateAsync();
        var database = new ImportDatabase(System.IO.Directory.CreateTempSubdirectory("regiewijzer-import-").FullName);
        File.Copy(template, Path.Combine(database.Directory, "regiewijzer.db"));
        return database;
    }

    public RegiewijzerDb Context() => DatabaseOptions.From("sqlite", Connection).CreateContext();

    /// <summary>Writes a CSV file (UTF-8, no BOM) with the given lines joined by LF.</summary>
    public string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public static Table Csv(params string[] lines)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var read = TabularReader.Read(stream);
        Assert.Empty(read.Errors);
        return read.Table!;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a failing test; the temp folder is cleaned by the OS
        }
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var directory = System.IO.Directory.CreateTempSubdirectory("regiewijzer-import-template-").FullName;
                var path = Path.Combine(directory, "regiewijzer.db");
                var options = DatabaseOptions.From("sqlite", new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
                await using (var db = options.CreateContext())
                {
                    await DatabaseSetup.MigrateAndSeedAsync(db);
                }

                _template = path;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}

/// <summary>Everything an import can change, for before == after comparisons.</summary>
internal static class Snapshot
{
    public static async Task<string> TakeAsync(RegiewijzerDb db)
    {
        var stock = await db.Stock.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Id}|{s.MunicipalityCode}|{s.ReferenceYear}|{s.TotalStock}|{s.SocialStock}|{s.Source}|{s.Version}").ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id}|{t.MunicipalityCode}|{t.PeriodFrom}|{t.PeriodTo}|{t.Homes}|{t.Origin}|{t.Source}|{t.Version}").ToListAsync();
        var members = await db.Memberships.AsNoTracking().OrderBy(m => m.MunicipalityCode).Select(m => $"{m.MunicipalityCode}|{m.RegionId}|{m.Source}|{m.Version}").ToListAsync();
        return string.Join('\n', stock.Concat(tasks).Concat(members));
    }
}
