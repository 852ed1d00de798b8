using Microsoft.EntityFrameworkCore;
using Regiewijzer.Cli;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class ImportRealisationsTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int, string)[] Where(ImportResult result) => [.. result.Errors.Select(e => (e.Line, e.Column))];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_EveryErrorKind_ReportedWithLineColumnAndReason_NothingChanged(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var before = await PlanSnapshot.TakeAsync(db);
        var path = database.WriteFile(
            "realisaties.csv",
            "gemeentecode;jaar;sociale_huur;vrije_koop;schatting;toelichting;segment",
            "GM0228;2024;1.234;56;nee;",        // 2: fine (would be inserted)
            "GM0288;2024;1;1;;",                // 3: no such municipality
            "GM0228;24;1;1;;",                  // 4: not a year
            "GM0203;2024;-1;1;;",               // 5: negative
            "GM0203;2023;veel;12,5;;",          // 6: text and a fraction
            "GM0228;2024;5;5;;",                // 7: same municipality and year as line 2
            "GM0203;2022;5;5;misschien;",       // 8: not ja/nee
            "GM0203;2021;;;ja;geen cijfers");   // 9: no counts at all
        var result = await ImportRealisations.RunFileAsync(db, path, ct: Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(1, "segment"), (3, "gemeentecode"), (4, "jaar"), (5, "sociale_huur"), (6, "sociale_huur"), (6, "vrije_koop"), (7, "gemeentecode"), (8, "schatting"), (9, "sociale_huur")],
            Where(result));
        Assert.Contains("onbekende kolom 'segment'", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal("gemeente GM0288 bestaat niet in de database (gemeentelijke indeling 2025)", result.Errors[1].Reason);
        Assert.Equal("'24' is geen jaartal (vier cijfers, 1900-2100)", result.Errors[2].Reason);
        Assert.Equal("'-1' is negatief; een aantal is 0 of meer", result.Errors[3].Reason);
        Assert.Equal("'veel' is geen getal", result.Errors[4].Reason);
        Assert.StartsWith("'12,5' is geen geheel aantal", result.Errors[5].Reason, StringComparison.Ordinal);
        Assert.Equal("dubbele rij: gemeente GM0228 met jaar 2024 staat ook op regel 2 (regels 2 en 7)", result.Errors[6].Reason);
        Assert.Equal("'misschien' is geen ja of nee", result.Errors[7].Reason);
        Assert.Equal("geen aantallen op deze rij; vul ten minste één van sociale_huur, vrije_koop (0 mag)", result.Errors[8].Reason);

        await using var fresh = database.Context();
        Assert.Equal(before, await PlanSnapshot.TakeAsync(fresh));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_ReplacesTheShippedProxy_AndSaysSo(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using (var db = database.Context())
        {
            var proxy = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == "GM0228" && r.Year == 2023, Ct);
            Assert.True(proxy.IsEstimate);
            var count = await db.Realisations.CountAsync(Ct);
            var table = ImportDatabase.Csv(
                "gemeentecode,jaar,sociale_huur,middenhuur,betaalbare_koop,vrije_koop,bron",
                "GM0228,2023,310,120,\"1,050\",400,gemeente Ede",
                "gm0228,2024,200,0,0,0,");
            var result = await ImportRealisations.RunAsync(db, table, "ede.csv", ct: Ct);

            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            Assert.Equal((1, 1), (result.Inserted, result.Updated));
            Assert.Equal(
                "1 bestaande realisatie voor dezelfde gemeente en hetzelfde jaar is vervangen, waarvan 1 schatting (zoals de meegeleverde benadering 2022-2023 uit de netto groei van de woningvoorraad); de oude cijfers zijn niet bewaard.",
                Assert.Single(result.Notes));
            Assert.Equal(count + 1, await db.Realisations.CountAsync(Ct));
        }

        await using var check = database.Context();
        var rows = await check.Realisations.AsNoTracking().Where(r => r.MunicipalityCode == "GM0228" && r.Year >= 2023).OrderBy(r => r.Year).ToListAsync(Ct);
        Assert.Equal(
            [(2023, 310, 120, 1050, 0, 400, 0, false, "gemeente Ede", (string?)null), (2024, 200, 0, 0, 0, 0, 0, false, "import ede.csv", null)],
            rows.Select(r => (r.Year, r.SocialRent, r.MiddleRent, r.AffordableOwnership, r.FreeRent, r.FreeOwnership, r.UnknownSegment, r.IsEstimate, r.Source, r.Note)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_NoSegmentColumn_ReportedOnTheHeader(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var result = await ImportRealisations.RunAsync(db, ImportDatabase.Csv("gemeentecode;jaar;bron", "GM0228;2024;x"), "r.csv", ct: Ct);
        Assert.Equal([(1, "")], Where(result));
        Assert.StartsWith("het bestand heeft geen segmentkolom", result.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_Xlsx_EstimateAndNote(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = Path.Combine(database.Directory, "realisaties.xlsx");
        using (var file = File.Create(path))
        {
            Xlsx.Write(file, ["gemeentecode", "jaar", "segment_onbekend", "schatting", "toelichting"], [["GM0203", 2025, 345, "ja", "raming"]]);
        }

        await using var db = database.Context();
        var result = await ImportRealisations.RunFileAsync(db, path, ct: Ct);
        Assert.Equal((1, 0), (result.Inserted, result.Updated));
        var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == "GM0203" && r.Year == 2025, Ct);
        Assert.Equal((345, true, "raming", "import realisaties.xlsx"), (row.UnknownSegment, row.IsEstimate, row.Note, row.Source));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Template_ImportsCleanly(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var result = await ImportRealisations.RunFileAsync(db, Templates.Realisations, ct: Ct);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal((2, 0), (result.Inserted, result.Updated));
        var rows = await db.Realisations.AsNoTracking().Where(r => r.Year == 2024).OrderBy(r => r.MunicipalityCode).ToListAsync(Ct);
        Assert.Equal(
            [("GM0203", 45, 30, 60, 0, 85, true), ("GM0228", 180, 95, 110, 20, 240, false)],
            rows.Select(r => (r.MunicipalityCode, r.SocialRent, r.MiddleRent, r.AffordableOwnership, r.FreeRent, r.FreeOwnership, r.IsEstimate)));
    }

    [Fact]
    public async Task Cli_ImportRealisaties_PrintsWhatItReplaced()
    {
        await using var database = await ImportDatabase.CreateAsync(databases, Provider.Sqlite);
        var path = database.WriteFile("r.csv", "gemeentecode;jaar;segment_onbekend", "GM0228;2022;900", "GM0228;2023;950");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run([.. database.CliArgs, "import", "realisaties", "--bestand", path], stdout, stderr));
        Assert.Contains("r.csv: 0 nieuw, 2 bijgewerkt.", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 bestaande realisaties voor dezelfde gemeente en hetzelfde jaar zijn vervangen, waarvan 2 schattingen", stdout.ToString(), StringComparison.Ordinal);

        var bad = database.WriteFile("fout.csv", "gemeentecode;jaar;segment_onbekend", "GM0228;2022;900", "GM0228;2022;950");
        Assert.Equal(1, CliApp.Run([.. database.CliArgs, "import", "realisaties", "--bestand", bad], stdout, stderr));
        Assert.StartsWith("regel 3, kolom gemeentecode: dubbele rij: gemeente GM0228 met jaar 2022 staat ook op regel 2 (regels 2 en 3)", stderr.ToString(), StringComparison.Ordinal);
    }
}
