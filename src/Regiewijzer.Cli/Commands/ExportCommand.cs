using System.CommandLine;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer export --regio NAAM --formaat csv|xlsx --uit FILE</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var region = new Option<string>("--regio") { Description = "Regio: id (WD19) of een uniek deel van de naam (Foodvalley).", Required = true };
        var format = new Option<string>("--formaat") { Description = "csv (Nederlandse Excel: ';' en decimaalkomma) of xlsx.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--uit") { Description = "Uitvoerbestand.", Required = true };
        var command = new Command("export", "Schrijf de verdeling van een regio naar CSV of XLSX.") { region, format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var (row, error) = await FindRegion.RunAsync(db, parse.GetRequiredValue(region), ct).ConfigureAwait(false);
            if (row is null)
            {
                stderr.WriteLine($"regiewijzer: {error}");
                return CliApp.InvalidInput;
            }

            using var buffer = new MemoryStream();
            var kind = parse.GetRequiredValue(format) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
            var outcome = await ExportDistribution.RunAsync(db, row, kind, buffer, ct).ConfigureAwait(false);
            if (outcome.Result is null)
            {
                stderr.WriteLine($"regiewijzer: {outcome.NotDistributed}");
                return CliApp.InvalidInput;
            }

            var path = parse.GetRequiredValue(output);
            await File.WriteAllBytesAsync(path, buffer.ToArray(), ct).ConfigureAwait(false);
            stdout.WriteLine($"{row.Name}: {outcome.Result.Municipalities.Length} gemeenten geschreven naar {path}.");
            return CliApp.Ok;
        });
        return command;
    }
}
