using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class ImportTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int, string)[] Where(ImportResult result) => [.. result.Errors.Select(e => (e.Line, e.Column))];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportStock_EveryErrorKind_ReportedWithLineAndColumn_DatabaseUnchanged(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var before = await Snapshot.TakeAsync(db);
        var path = database.WriteFile(
            "voorraad.csv",
            "gemeentecode;peiljaar;woningvoorraad;corporatiewoningen;opmerking",
            "GM0228;2024;52.000;12.000",      // 2: fine (would update)
            "GM9999;2024;100;10",             // 3: unknown municipality
            "0228;2024;100;10",               // 4: not a code
            "GM0203;24;100;10",               // 5: not a year
            "GM0203;2020;-5;10",              // 6: negative
            "GM0203;2021;abc;1.234,5",        // 7: text + fraction
            "GM0203;2022;100;200",            // 8: social > total
            "GM0228;2024;52.000;12.000",      // 9: duplicate of line 2
            "GM0203;2025;1,5;0");             // 10: decimal comma in a ';' file
        var result = await ImportStock.RunFileAsync(db, path, ct: Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(1, "opmerking"), (3, "gemeentecode"), (4, "gemeentecode"), (5, "peiljaar"), (6, "woningvoorraad"),
             (7, "woningvoorraad"), (7, "corporatiewoningen"), (8, "corporatiewoningen"), (9, "gemeentecode"), (10, "woningvoorraad")],
            Where(result));
        Assert.Contains("onbekende kolom 'opmerking'", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("GM9999 bestaat niet", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'-5' is negatief", result.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Equal("'1.234,5' is geen geheel aantal", result.Errors[6].Reason);
        Assert.Contains("regels 2 en 9", result.Errors[8].Reason, StringComparison.Ordinal);
        Assert.Equal("regel 10, kolom woningvoorraad: '1,5' is geen geheel aantal (in een bestand met ';' en in XLSX is de komma het decimaalteken)", result.Errors[9].ToString());
        Assert.Equal((0, 0), (result.Inserted, result.Updated));

        await using var fresh = database.Context();
        Assert.Equal(before, await Snapshot.TakeAsync(fresh));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportStock_MissingColumn_ReportedOnHeader(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var result = await ImportStock.RunAsync(db, ImportDatabase.Csv("gemeentecode;peiljaar;woningvoorraad", "GM0228;2024;1"), "t.csv", ct: Ct);
        Assert.Equal([(1, "corporatiewoningen")], Where(result));
        Assert.Contains("verplichte kolom 'corporatiewoningen' ontbreekt", result.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportStock_Success_UpdatesAndInserts(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using (var db = database.Context())
        {
            var count = await db.Stock.CountAsync(Ct);
            var table = ImportDatabase.Csv(
                "gemeentecode,peiljaar,woningvoorraad,corporatiewoningen,bron",
                "GM0228,2024,\"52,000\",12000,test",
                "gm0228,2030,60000,\"13,000\",");
            var result = await ImportStock.RunAsync(db, table, "v.csv", ct: Ct);
            Assert.True(result.Succeeded);
            Assert.Equal((1, 1), (result.Inserted, result.Updated));
            Assert.Equal(count + 1, await db.Stock.CountAsync(Ct));
        }

        await using var check = database.Context();
        var rows = await check.Stock.AsNoTracking().Where(s => s.MunicipalityCode == "GM0228" && s.ReferenceYear >= 2024).OrderBy(s => s.ReferenceYear).ToListAsync(Ct);
        Assert.Equal([(2024, 52000, 12000, "test", false), (2030, 60000, 13000, "import v.csv", false)], rows.Select(r => (r.ReferenceYear, r.TotalStock, r.SocialStock, r.Source, r.IsEstimate)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportStock_Xlsx_ReadsSharedStringsAndNumbers(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = Path.Combine(database.Directory, "voorraad.xlsx");
        using (var file = File.Create(path))
        {
            Xlsx.Write(file, ["gemeentecode", "peiljaar", "woningvoorraad", "corporatiewoningen"], [["GM0228", 2031, 61000, "1.234"], ["GM0203", 2031, 20000.5, 100]]);
        }

        await using var db = database.Context();
        var failed = await ImportStock.RunFileAsync(db, path, ct: Ct);
        Assert.Equal([(3, "woningvoorraad")], Where(failed));
        Assert.Equal("'20000,5' is geen geheel aantal (in een bestand met ';' en in XLSX is de komma het decimaalteken)", failed.Errors[0].Reason);

        using (var file = File.Create(path))
        {
            Xlsx.Write(file, ["gemeentecode", "peiljaar", "woningvoorraad", "corporatiewoningen"], [["GM0228", 2031, 61000, "1.234"]]);
        }

        var result = await ImportStock.RunFileAsync(db, path, ct: Ct);
        Assert.Equal((1, 0), (result.Inserted, result.Updated));
        var row = await db.Stock.AsNoTracking().SingleAsync(s => s.MunicipalityCode == "GM0228" && s.ReferenceYear == 2031, Ct);
        Assert.Equal((61000, 1234), (row.TotalStock, row.SocialStock));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportTasks_Errors_PeriodOriginDuplicate(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var before = await Snapshot.TakeAsync(db);
        var table = ImportDatabase.Csv(
            "gemeentecode;periode_van;periode_tot;woningen;herkomst;methode",
            "GM0228;2022;2030;7.100;afgesproken;",
            "GM0228;2031;2030;10;;",
            "GM0203;2022;2030;10;geschat;",
            "GM0228;2022;2030;10;;",
            "GM0203;2031;2035;1.5;;");
        var result = await ImportTasks.RunAsync(db, table, "t.csv", ct: Ct);
        Assert.Equal([(3, "periode_tot"), (4, "herkomst"), (5, "gemeentecode"), (6, "woningen")], Where(result));
        Assert.Contains("regels 2 en 5", result.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot.TakeAsync(db));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportTasks_Success_UpdatesAndInserts(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var existing = await db.Tasks.AsNoTracking().SingleAsync(t => t.MunicipalityCode == "GM0228" && t.PeriodFrom == 2022 && t.PeriodTo == 2030, Ct);
        var table = ImportDatabase.Csv(
            "gemeentecode;periode_van;periode_tot;woningen;herkomst;methode;bron",
            "GM0228;2022;2030;7.100;afgeleid;aandeel voorraad;raad",
            "GM0228;2031;2035;2.500;;;");
        var result = await ImportTasks.RunAsync(db, table, "t.csv", ct: Ct);
        Assert.Equal((1, 1), (result.Inserted, result.Updated));

        await using var check = database.Context();
        var updated = await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == existing.Id, Ct);
        Assert.Equal((7100, TaskOrigin.Derived, "aandeel voorraad", "raad"), (updated.Homes, updated.Origin, updated.Method, updated.Source));
        var inserted = await check.Tasks.AsNoTracking().SingleAsync(t => t.MunicipalityCode == "GM0228" && t.PeriodFrom == 2031, Ct);
        Assert.Equal((2500, TaskOrigin.Agreed, "import t.csv"), (inserted.Homes, inserted.Origin, inserted.Source));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportMembership_UnknownRegionAndCode_ThenSuccessMoves(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var before = await Snapshot.TakeAsync(db);
        var failed = await ImportMembership.RunAsync(db, ImportDatabase.Csv("gemeentecode;regio_id", "GM0228;WD99", "GM9999;WD19", "GM0228;"), "r.csv", ct: Ct);
        Assert.Equal([(2, "regio_id"), (3, "gemeentecode"), (4, "gemeentecode"), (4, "regio_id")], Where(failed));
        Assert.Equal(before, await Snapshot.TakeAsync(db));

        var ede = await db.Memberships.AsNoTracking().SingleAsync(m => m.MunicipalityCode == "GM0228", Ct);
        var other = await db.Regions.AsNoTracking().Where(r => r.Id != ede.RegionId).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
        var result = await ImportMembership.RunAsync(db, ImportDatabase.Csv("gemeentecode;regio_id;bron", $"GM0228;{other.ToLowerInvariant()};besluit"), "r.csv", ct: Ct);
        Assert.Equal((0, 1), (result.Inserted, result.Updated));
        await using var check = database.Context();
        var moved = await check.Memberships.AsNoTracking().SingleAsync(m => m.MunicipalityCode == "GM0228", Ct);
        Assert.Equal((other, "besluit", false), (moved.RegionId, moved.Source, moved.Indicative));
    }
}
