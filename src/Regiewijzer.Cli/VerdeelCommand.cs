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
            Description = "Scenariobestand (JSON, formaat versie 1; zie docs/scenario-format.md).",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: 'table' (leesbare tabel) of 'json' (het uitvoerformaat van het scenario).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("json", "table");

        var command = new Command("verdeel", "Verdeel de opgave van één regio over de gemeenten.") { scenario, format };
        command.SetAction(parse => Run(parse.GetRequiredValue(scenario), parse.GetRequiredValue(format), stdout, stderr));
        return command;
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
