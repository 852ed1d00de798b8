using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class ImportCommandTests(TestDatabases databases)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_Errors_PrintedPerRow_Exit1(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = database.WriteFile("taken.csv", "gemeentecode;periode_van;periode_tot;woningen", "GM0228;2022;2030;-1", "GM9999;2022;2030;5");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run([.. database.CliArgs, "import", "taken", "--bestand", path], stdout, stderr);
        Assert.Equal(1, exit);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("regel 2, kolom woningen: '-1' is negatief", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("regel 3, kolom gemeentecode: gemeente GM9999 bestaat niet", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportThenExport_Succeeds_Exit0(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = database.WriteFile("regio.csv", "gemeentecode;regio_id", "GM0228;WD19");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run([.. database.CliArgs, "import", "regio-indeling", "--bestand", path], stdout, stderr));
        Assert.Contains("regio.csv: 0 nieuw, 1 bijgewerkt.", stdout.ToString(), StringComparison.Ordinal);

        var output = Path.Combine(database.Directory, "uit.xlsx");
        Assert.Equal(0, CliApp.Run([.. database.CliArgs, "export", "--regio", "Foodvalley", "--formaat", "xlsx", "--uit", output], stdout, stderr));
        Assert.True(new FileInfo(output).Length > 0, stderr.ToString());
    }

    [Fact]
    public async Task Import_LongFile_ImportsEveryRowThroughTheProgressPath()
    {
        await using var database = await ImportDatabase.CreateAsync(databases, Provider.Sqlite);
        string[] codes;
        await using (var db = database.Context())
        {
            codes = [.. db.Municipalities.Select(m => m.Code).OrderBy(c => c)];
        }

        // 342 municipalities x 30 years = 10,260 rows: above the 10,000 rows from which the CLI runs the import
        // inside a progress bar. Spectre draws the bar only on an interactive terminal, so this checks the result.
        var lines = new List<string> { "gemeentecode;peiljaar;woningvoorraad;corporatiewoningen" };
        lines.AddRange(from year in Enumerable.Range(1990, 30) from code in codes select $"{code};{year};1000;250");
        var path = database.WriteFile("stock.csv", [.. lines]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CliApp.Run([.. database.CliArgs, "import", "stock", "--bestand", path], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("stock.csv: 10260 nieuw, 0 bijgewerkt.", stdout.ToString(), StringComparison.Ordinal);
    }
}
