using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

/// <summary>A seeded database from the shared fixture (SQLite or PostgreSQL) plus a temporary folder for input files.</summary>
internal sealed class ImportDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ImportDatabase(TestDatabase database)
    {
        _database = database;
        Directory = System.IO.Directory.CreateTempSubdirectory("regiewijzer-import-").FullName;
    }

    public string Directory { get; }

    public IReadOnlyList<string> CliArgs => _database.CliArgs;

    public static async Task<ImportDatabase> CreateAsync(TestDatabases databases, Provider provider) =>
        new(await databases.CreateSeededAsync(provider));

    public RegiewijzerDb Context() => _database.Context();

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

    public async ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        await _database.DisposeAsync();
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
