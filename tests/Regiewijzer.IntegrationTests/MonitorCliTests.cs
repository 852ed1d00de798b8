using System.Globalization;
using System.Text.Json;
using Regiewijzer.Cli;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>regiewijzer monitor and prognose, in process, against a seeded database.</summary>
public sealed class MonitorCliTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite, "Foodvalley")]
    [InlineData(Provider.Postgres, "WD19")]
    public async Task Monitor_Foodvalley_PrintsTheGroupsPipelineStepAndTheProxyNote(Provider provider, string query)
    {
        await using var database = await databases.CreateSeededAsync(provider);

        var (exit, stdout, stderr) = Run(database, "monitor", "--regio", query);

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("Voortgang Regio Foodvalley", stdout, StringComparison.Ordinal);
        Assert.Contains("Peiljaar 2023", stdout, StringComparison.Ordinal);
        var total = Assert.Single(stdout.Split('\n'), l => l.StartsWith("│ totaal ", StringComparison.Ordinal));
        Assert.Matches(@"│\s+25\.383\s+│\s+5\.633\s+│\s+4\.366\s+│\s+77,5%\s+│ achter\s+│\s+1\.267\s+│", total);
        Assert.Matches(@"│ sociale huur .*│ niet te beoordelen: segment onbekend", stdout);
        Assert.Matches(@"│ 1b vastgesteld plan \(hard\)\s+│\s+12\s+│", stdout);
        Assert.Contains("Voorgestelde stap: gegevens aanvullen.", stdout, StringComparison.Ordinal); // the shipped realisations are a proxy
        Assert.Contains("indicatief", stdout, StringComparison.Ordinal);
        Assert.Contains("gerealiseerd in 2022-2023 is een benadering (aanname)", stdout, StringComparison.Ordinal);
        Assert.Contains("25 van de 25 plannen zijn opgeslagen met een aanname", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_NationAsJson_MatchesTheSnapshot()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        SubjectProgress expected;
        await using (var db = database.Context())
        {
            var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
            expected = snapshot.Progress(MonitoringSubject.Nation);
        }

        var (exit, stdout, stderr) = Run(database, "monitor", "--format", "json");

        Assert.True(exit == CliApp.Ok, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("nation", root.GetProperty("subject").GetProperty("level").GetString());
        var all = root.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "all");
        var want = expected.Report[SegmentGroup.All];
        Assert.Equal((want.Target, want.Due, want.Realised), (all.GetProperty("target").GetInt32(), all.GetProperty("due").GetInt32(), all.GetProperty("realised").GetInt32()));
        Assert.Equal(want.Ratio!.Value.ToString(), all.GetProperty("ratio").GetProperty("exact").GetString());
        Assert.Equal(expected.WithoutTarget.Length, root.GetProperty("withoutTarget").GetArrayLength());
        Assert.True(root.GetProperty("usesEstimates").GetBoolean());
    }

    [Theory]
    [InlineData("--gemeente", "Ede", "Voortgang Ede", "7.000")]
    [InlineData("--gemeente", "gm0228", "Voortgang Ede", "2.391")]
    [InlineData("--provincie", "Fryslan", "Voortgang Fryslân", "Peiljaar 2023")]
    [InlineData("--gemeente", "Leeuwarden", "niet te beoordelen: geen doel", "is niet verdeeld")] // Fryslân - Leeuwarden: deal total unknown
    public async Task Monitor_MunicipalityOrProvinceByCodeOrName_FindsIt(string option, string query, string heading, string figure)
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);

        var (exit, stdout, stderr) = Run(database, "monitor", option, query);

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains(heading, stdout, StringComparison.Ordinal);
        Assert.Contains(figure, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task MonitorSignaleringen_Gelderland_ListsTheWarningsWorstFirst(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        IReadOnlyList<MonitoringWarning> warnings;
        await using (var db = database.Context())
        {
            warnings = (await LoadMonitoring.RunAsync(db, ct: Ct)).Warnings("PV25");
        }

        var (exit, stdout, stderr) = Run(database, "monitor", "--provincie", "Gelderland", "--signaleringen");

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("Signaleringen Gelderland", stdout, StringComparison.Ordinal);
        const string Id = @"^│ \w+\s+│ ((?:GM|WD|PV)\d{2,4})\s+│";
        var rows = stdout.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, Id)).ToList();
        Assert.Equal(warnings.Select(w => w.Subject.Id), rows.Select(l => System.Text.RegularExpressions.Regex.Match(l, Id).Groups[1].Value));
        Assert.Contains(warnings[0].Tier.Dutch(), rows[0], StringComparison.Ordinal);

        // The shipped realisations of 2022-2023 are a proxy: every warning is indicative and no legal instrument is advised.
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal((Evidence.Estimated, EscalationStep.CompleteData), (w.Evidence, w.Suggestion)));
        Assert.DoesNotContain("instructie", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.All(rows, r => Assert.Contains("gegevens aanvullen", r, StringComparison.Ordinal));
        Assert.Contains("indicatief", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CliApp.UsageError, "--signaleringen")]
    [InlineData(CliApp.UsageError, "--regio", "WD19", "--gemeente", "Ede")]
    [InlineData(CliApp.UsageError, "--format", "xml")]
    [InlineData(CliApp.InvalidInput, "--regio", "Atlantis")]
    [InlineData(CliApp.InvalidInput, "--gemeente", "GM9999")]
    [InlineData(CliApp.InvalidInput, "--provincie", "Holland")]
    public async Task Monitor_WrongOptionsOrUnknownSubject_FailsWithADutchMessage(int expected, params string[] args)
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);

        var (exit, stdout, stderr) = Run(database, ["monitor", .. args]);

        Assert.Equal(expected, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("regiewijzer: ", stderr, StringComparison.Ordinal);
        Assert.Matches("(geen|onbekende|Kies|hoort|Gebruik)", stderr);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Prognose_Foodvalley_IsReproducibleAndStatesRunsSeedAndTheLimitation(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        ForecastResult expected;
        await using (var db = database.Context())
        {
            var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
            expected = snapshot.Forecast(snapshot.Progress(snapshot.Find(MonitoringLevel.Region, "WD19")!), runs: 2000, seed: 7);
        }

        var json1 = Run(database, "prognose", "--regio", "WD19", "--runs", "2000", "--seed", "7", "--format", "json");
        var json2 = Run(database, "prognose", "--regio", "Foodvalley", "--seed", "7", "--runs", "2000", "--format", "json");
        var (exit, stdout, stderr) = Run(database, "prognose", "--regio", "WD19", "--runs", "2000", "--seed", "7");

        Assert.True(json1.Exit == CliApp.Ok, json1.Stderr);
        Assert.Equal(json1.Stdout, json2.Stdout);
        using var json = JsonDocument.Parse(json1.Stdout);
        var all = json.RootElement.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("group").GetString() == "all");
        var want = expected[SegmentGroup.All];
        Assert.Equal(want.RunsMeetingTarget, all.GetProperty("runsMeetingTarget").GetInt32());
        Assert.Equal(want.Cumulative[^1].P50, all.GetProperty("cumulative")[8].GetProperty("p50").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("series")[0].GetProperty("probability").ValueKind);

        Assert.True(exit == CliApp.Ok, stderr);
        var end = want.Cumulative[^1];
        Assert.Matches($@"│ 2030\s+│\s+25\.383\s+│\s+{Regex(end.P10)}\s+│\s+{Regex(end.P50)}\s+│\s+{Regex(end.P90)}\s+│", stdout);
        Assert.Matches(@"│ 2023 \(gerealiseerd\)\s+│\s+5\.633\s+│\s+4\.366\s+│\s+4\.366\s+│\s+4\.366\s+│", stdout);
        Assert.Contains($"{Format.Percent(want.Probability)} ({Format.Count(want.RunsMeetingTarget)} van 2.000 runs)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Runs 2\.000, seed 7, parameters prognose-2026-aanname; berekend in [\d.]+ ms op \d+ processorkernen", stdout);
        Assert.Contains("Gemeenschappelijke schokken", stdout, StringComparison.Ordinal);
        Assert.Contains("│ 3 intentie of initiatief", stdout, StringComparison.Ordinal);
        Assert.Contains("Segmenten: onbekend", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--runs", "0", "geen aantal runs")]
    [InlineData("--runs", "abc", "geen aantal runs")]
    [InlineData("--runs", "100001", "geen aantal runs")]
    [InlineData("--seed", "-1", "geen seed")]
    public async Task Prognose_BadRunsOrSeed_IsAUsageError(string option, string value, string message)
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);

        var (exit, stdout, stderr) = Run(database, "prognose", option, value);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static string Regex(int count) => System.Text.RegularExpressions.Regex.Escape(Format.Count(count));

    private static (int Exit, string Stdout, string Stderr) Run(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run([.. args, .. database.CliArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
