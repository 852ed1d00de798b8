using System.CommandLine;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.Cli;

/// <summary>regiewijzer verdeel --scenario FILE --format json|table</summary>
internal static class VerdeelCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Scenariobestand (JSON, scenarioformaat versie 1 of 2; zie /api#scenario in de webapplicatie).",
        };
        var region = new Option<string>("--regio")
        {
            Description = "Regio uit de database: id (WD19) of een uniek deel van de naam (Foodvalley).",
        };
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: 'table' (leesbare tabel) of 'json' (het uitvoerformaat van het scenario).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("json", "table");

        var command = new Command("verdeel", "Verdeel de opgave van één regio over de gemeenten.") { scenario, region, format };
        command.Validators.Add(r =>
        {
            if (r.GetResult(scenario) is null == (r.GetResult(region) is null))
            {
                r.AddError("Geef precies één van --scenario BESTAND of --regio NAAM.");
            }
        });
        command.SetAction(async (parse, ct) => parse.GetValue(scenario) is { } file
            ? Run(file, parse.GetRequiredValue(format), stdout, stderr)
            : await RunRegionAsync(parse, parse.GetRequiredValue(region), parse.GetRequiredValue(format), stdout, stderr, ct).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunRegionAsync(ParseResult parse, string query, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
        var (row, error) = await Data.Features.FindRegion.RunAsync(db, query, ct).ConfigureAwait(false);
        if (row is null)
        {
            stderr.WriteLine($"regiewijzer: {error}");
            return CliApp.InvalidInput;
        }

        var outcome = await Data.Features.DistributeRegion.RunAsync(db, row, store: true, ct: ct).ConfigureAwait(false);
        if (outcome.Result is null)
        {
            stderr.WriteLine($"regiewijzer: {outcome.NotDistributed}");
            return CliApp.InvalidInput;
        }

        if (format == "json")
        {
            stdout.WriteLine(ScenarioWriter.WriteResult(outcome.Result));
        }
        else
        {
            DistributionTable.Write(outcome.Result, outcome.Question.Scenario, stdout);
            foreach (var m in outcome.Question.WithoutTask)
            {
                stdout.WriteLine($"Let op: {m.Name} ({m.Code}) heeft geen opgave voor deze periode en telt niet mee.");
            }

            var origins = outcome.Question.Tasks.Values.GroupBy(t => t.Origin).Select(g => $"{g.Count()} {(g.Key == Data.Model.TaskOrigin.Agreed ? "afgesproken" : "afgeleid")}");
            stdout.WriteLine($"Herkomst opgaven: {string.Join(", ", origins)}. Voorraad: peiljaar {string.Join("/", outcome.Question.Stock.Values.Select(s => s.ReferenceYear).Distinct())}, corporatiewoningen (aandeel {string.Join("/", outcome.Question.Stock.Values.Select(s => s.SocialShareYear).Distinct())}{(outcome.Question.Stock.Values.Any(s => s.IsEstimate) ? ", geschat" : string.Empty)}).");
            var quality = await Data.Features.CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
            var members = outcome.Question.Scenario.Region.Municipalities.Select(m => m.Code.Value).ToList();
            foreach (var f in quality.InputsOf(members))
            {
                stdout.WriteLine($"Invoer met een signaal: {f.Name} ({f.Municipality.Value}), {f.Title} ({f.CodeText}). {f.Message}");
            }

            foreach (var (name, s) in quality.CorrectedOf(members))
            {
                stdout.WriteLine($"Gecorrigeerd: {name} ({s.MunicipalityCode}) rekent met {Core.Format.Count(s.SocialStock)} corporatiewoningen (de bron noemt {Core.Format.Count(s.ReferenceSocialStock ?? s.SocialStock)}). Bron: {s.CorrectionSource}");
            }

            if (row.DealTotal is { } total && total != outcome.Result.Task)
            {
                stdout.WriteLine($"Woondeal noemt {Core.Format.Count(total)} woningen ({Data.Features.DealPrecision.Dutch(row.DealPrecision)}); de gemeentelijke opgaven tellen op tot {Core.Format.Count(outcome.Result.Task)} (verschil {Core.Format.Count(outcome.Result.Task - total)}).");
            }
        }

        return CliApp.Ok;
    }

    private static int Run(string path, string format, TextWriter stdout, TextWriter stderr)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"regiewijzer: kan scenario '{path}' niet lezen: {e.Message}");
            return CliApp.InvalidInput;
        }

        var read = ScenarioReader.Read(json);
        if (!read.IsValid)
        {
            stderr.WriteLine($"regiewijzer: ongeldig scenario '{path}' ({read.Errors.Length} fout{(read.Errors.Length == 1 ? string.Empty : "en")}):");
            foreach (var error in read.Errors)
            {
                stderr.WriteLine($"  {error.Path}: {error.Message}");
            }

            return CliApp.InvalidInput;
        }

        var result = Distribution.Distribute(read.Scenario!.Region, read.Scenario.Norms);
        if (format == "json")
        {
            stdout.WriteLine(ScenarioWriter.WriteResult(result));
        }
        else
        {
            DistributionTable.Write(result, read.Scenario, stdout);
        }

        return CliApp.Ok;
    }
}
