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
}
