using System.Text.Json;
using System.Text.Json.Nodes;
using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>regiewijzer aanwijzing: the draft as a file, recording it (only confirmed), the status and the history question.</summary>
public sealed partial class CliAppTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Aanwijzing_ConceptVastleggenStandGemeente(Provider provider)
    {
        await using var database = await databases.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("rw-aanwijzing-");
        try
        {
            var (exit, stdout, stderr) = Run(database, "aanwijzing", "concept", "--provincie", "Gelderland");
            Assert.True(exit == CliApp.Ok, stderr);
            Assert.Contains("Kies de regio van Barneveld (GM0203): partij bij WD18 en WD19.", stderr, StringComparison.Ordinal);
            var draft = JsonNode.Parse(stdout)!.AsObject();
            Assert.Null(draft["municipalities"]!["GM0203"]);
            draft["municipalities"]!["GM0203"] = "WD19";
            draft["municipalities"]!["GM0267"] = "WD19";
            var file = Path.Combine(folder.FullName, "gelderland.json");
            await File.WriteAllTextAsync(file, draft.ToJsonString(), TestContext.Current.CancellationToken);

            (exit, _, stderr) = Run(database, "aanwijzing", "vastleggen", "--provincie", "PV25", "--bestand", file, "--datum", "2026-01-01", "--grondslag", "Omgevingsverordening Gelderland art. 8.1");
            Assert.Equal(CliApp.UsageError, exit);
            Assert.Contains("--bevestig", stderr, StringComparison.Ordinal);

            (exit, stdout, stderr) = Run(database, "aanwijzing", "vastleggen", "--provincie", "PV25", "--bestand", file, "--datum", "2026-01-01", "--grondslag", "Omgevingsverordening Gelderland art. 8.1", "--bevestig");
            Assert.True(exit == CliApp.Ok, stderr);
            Assert.Contains("Aanwijzing van Gelderland vastgelegd: versie 1, in werking vanaf 1-1-2026", stdout, StringComparison.Ordinal);

            (exit, _, stderr) = Run(database, "aanwijzing", "vastleggen", "--provincie", "PV25", "--bestand", file, "--datum", "2026-01-01", "--grondslag", "art. 8.1 opnieuw", "--bevestig");
            Assert.Equal(CliApp.Conflict, exit); // the file was based on version 0
            Assert.Contains("Er is niets vastgelegd.", stderr, StringComparison.Ordinal);

            (exit, stdout, stderr) = Run(database, "aanwijzing", "stand", "--datum", "2026-06-01");
            Assert.True(exit == CliApp.Ok, stderr);
            Assert.Matches(@"Gelderland\s+│ aangewezen, regio wacht", stdout); // Foodvalley waits for Utrecht, Arnhem-Nijmegen for Limburg
            Assert.Contains("WD19: Utrecht", stdout, StringComparison.Ordinal);

            (exit, stdout, _) = Run(database, "aanwijzing", "gemeente", "GM0200", "--datum", "2026-06-01");
            Assert.Equal(CliApp.Ok, exit);
            Assert.Contains("Apeldoorn lag op 1-6-2026 in de aangewezen woningbouwregio", stdout, StringComparison.Ordinal);
            (exit, stdout, _) = Run(database, "aanwijzing", "gemeente", "GM0203", "--datum", "2025-06-01");
            Assert.Equal(CliApp.Ok, exit);
            Assert.Contains("indicatief: de woondeals Regio Amersfoort (WD18) en Regio Foodvalley (WD19)", stdout, StringComparison.Ordinal);

            (exit, _, stderr) = Run(database, "aanwijzing", "gemeente", "GM9999");
            Assert.Equal(CliApp.UsageError, exit);
            Assert.Contains("Er is geen gemeente met code GM9999", stderr, StringComparison.Ordinal);
            (exit, _, stderr) = Run(database, "aanwijzing", "stand", "--datum", "1-6-2026");
            Assert.Equal(CliApp.UsageError, exit);
            Assert.Contains("jjjj-mm-dd", stderr, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>regiewijzer opgave: a region's task per period, labelled when it is not the whole.</summary>
public sealed partial class CliAppTests
{
    [Fact]
    public async Task Opgave_WoondealAndLawPeriod()
    {
        await using var database = await databases.CreateAsync(Provider.Sqlite);

        var (exit, stdout, stderr) = Run(database, "opgave", "WD19");
        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("Regio Foodvalley (WD19), woondeal 2022-2030", stdout, StringComparison.Ordinal);
        Assert.Contains("Regionale opgave: 25.383 woningen", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = Run(database, "opgave", "wd19", "--periode", "2026-2035");
        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("wettelijke periode 2026-2035 (startjaar: aanname)", stdout, StringComparison.Ordinal);
        Assert.Contains("van 8 van de 8 gemeenten is geen opgave bekend, dus dit is niet de hele regionale opgave", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = Run(database, "opgave", "WD19", "--periode", "2026");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("jjjj-jjjj", stderr, StringComparison.Ordinal);
    }
}
