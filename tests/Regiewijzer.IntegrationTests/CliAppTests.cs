using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Regiewijzer.Cli;
using Regiewijzer.Core;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The CLI's database commands, in process, against a real database (migrated and seeded by the CLI itself).</summary>
public sealed partial class CliAppTests(TestDatabases databases)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Regios_FreshDatabase_ListsEveryRegion(Provider provider)
    {
        await using var database = await databases.CreateAsync(provider);

        var (exit, stdout, stderr) = Run(database, "regios");

        Assert.True(exit == CliApp.Ok, stderr);
        var rows = stdout.Split('\n').Select(l => RegionRow().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(35, rows.Count);
        Assert.Equal(Enumerable.Range(1, 35).Select(i => $"WD{i:00}"), rows.Select(r => r.Groups["id"].Value));
        Assert.Equal(342, rows.Sum(r => int.Parse(r.Groups["count"].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("35 regio's", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│\s+342\s+│", stdout);
        Assert.Contains("Regio Foodvalley", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Verdeel_RegionFoodvalleyAsJson_GivesTheWorkedExampleTotals(Provider provider)
    {
        await using var database = await databases.CreateAsync(provider);

        var (exit, stdout, stderr) = Run(database, "verdeel", "--regio", "Foodvalley", "--format", "json");

        Assert.True(exit == CliApp.Ok, stderr);
        using var json = JsonDocument.Parse(stdout);
        var region = json.RootElement.GetProperty("region");
        Assert.Equal(25383, region.GetProperty("task").GetInt32());
        Assert.Equal(7616, region.GetProperty("social").GetInt32()); // per province part (domain.md §5b): 5.949 + 1.667; region-only 7.615
        Assert.Equal(16923, region.GetProperty("affordable").GetInt32());
        Assert.True(region.GetProperty("meetsNorms").GetBoolean());
        Assert.Equal(8, json.RootElement.GetProperty("municipalities").GetArrayLength());
        Assert.Equal(2, region.GetProperty("parts").GetArrayLength());
        Assert.Equal(ScenarioFiles.FoodvalleyProvinceAwareResultJson(), stdout.TrimEnd());
    }

    [Theory]
    [InlineData(Provider.Sqlite, "WD19")]
    [InlineData(Provider.Sqlite, "foodvalley")]
    [InlineData(Provider.Sqlite, "Regio Foodvalley")]
    [InlineData(Provider.Postgres, "wd19")]
    [InlineData(Provider.Postgres, "Foodval")]
    public async Task Verdeel_RegionByIdOrUniquePartOfName_FindsFoodvalley(Provider provider, string query)
    {
        await using var database = await databases.CreateSeededAsync(provider);

        var (exit, stdout, stderr) = Run(database, "verdeel", "--regio", query);

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("Regio Foodvalley", stdout, StringComparison.Ordinal);
        Assert.Contains("Ede", stdout, StringComparison.Ordinal);
        Assert.Contains("Herkomst opgaven: 8 afgesproken", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "Regio", "past op meerdere regio's")]
    [InlineData(Provider.Sqlite, "Atlantis", "geen regio gevonden voor 'Atlantis'")]
    [InlineData(Provider.Postgres, "Regio", "past op meerdere regio's")]
    [InlineData(Provider.Postgres, "Atlantis", "geen regio gevonden voor 'Atlantis'")]
    public async Task Verdeel_AmbiguousOrUnknownRegion_FailsWithMessage(Provider provider, string query, string message)
    {
        await using var database = await databases.CreateSeededAsync(provider);

        var (exit, stdout, stderr) = Run(database, "verdeel", "--regio", query);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("regiewijzer: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ToetsNationaal_SeededDatabase_PrintsProvincesNationAndFindings(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        CountryCheck check;
        await using (var db = database.Context())
        {
            check = await CheckCountry.RunAsync(db, TestContext.Current.CancellationToken);
        }

        var (exit, stdout, stderr) = Run(database, "toets", "--nationaal");

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Equal(12, check.Provinces.Length);
        foreach (var p in check.Provinces.Append(check.Nation))
        {
            var row = Assert.Single(stdout.Split('\n'), l => l.Contains($"│ {p.Name} ", StringComparison.Ordinal));
            Assert.Contains(Format.Count(p.Task), row, StringComparison.Ordinal);
            Assert.Contains(Format.Count(p.RequiredSocial), row, StringComparison.Ordinal);
            Assert.Contains(Format.Count(p.RequiredAffordable), row, StringComparison.Ordinal);
            Assert.Contains(check.MissingFrom(p) > 0 ? "niet te beoordelen" : p.MeetsNorms ? "voldoet" : "tekort", row, StringComparison.Ordinal);
            if (check.MissingFrom(p) > 0)
            {
                Assert.DoesNotContain("voldoet", row, StringComparison.Ordinal); // a partial sum is never judged as the whole (issue 12)
                Assert.Contains($"Niet te beoordelen: {p.Name}: {Format.Count(check.MissingFrom(p))} gemeente", stdout, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Niet te beoordelen: Nederland: 21 gemeenten zonder bekende opgave tellen niet mee", stdout, StringComparison.Ordinal);

        Assert.Contains("│ Land ", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Bevindingen( \(\d+\):|: geen\.)", stdout);
        Assert.Contains("Bevindingen en signalen in de regio's:", stdout, StringComparison.Ordinal);
        foreach (var f in check.Provinces.Append(check.Nation).SelectMany(a => a.Findings))
        {
            Assert.Contains(f.CodeText, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ToetsProvincie_Gelderland_PrintsOnlyThatProvince(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);

        var (exit, stdout, stderr) = Run(database, "toets", "--provincie", "Gelderland");

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("│ Gelderland ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("│ Utrecht ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("│ Land ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task DatabaseMigrateThenSeed_SecondSeed_ChangesNothing(Provider provider)
    {
        await using var database = await databases.CreateAsync(provider);

        var migrate = Run(database, "database", "migrate");
        var seed = Run(database, "database", "seed");
        var counts = await DatabaseSetupTests.CountsAsync(database);
        var again = Run(database, "database", "seed");

        Assert.True(migrate.Exit == CliApp.Ok, migrate.Stderr);
        Assert.Contains("migratie(s) toegepast", migrate.Stdout, StringComparison.Ordinal);
        Assert.True(seed.Exit == CliApp.Ok, seed.Stderr);
        Assert.Contains("referentiedata geladen", seed.Stdout, StringComparison.Ordinal);
        Assert.True(again.Exit == CliApp.Ok, again.Stderr);
        Assert.Contains("referentiedata was al geladen; niets gewijzigd.", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(counts, await DatabaseSetupTests.CountsAsync(database));
    }

    private static (int Exit, string Stdout, string Stderr) Run(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run([.. args, .. database.CliArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex(@"^│ (?<id>WD\d\d)\s+│.*?│.*?│\s+(?<count>\d+)( \(\d+ indicatief\))?\s+│")]
    private static partial Regex RegionRow();
}
