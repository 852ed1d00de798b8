using System.CommandLine;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Spectre.Console;
using Table = Regiewijzer.Data.Import.Table;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer import stock|taken|regio-indeling|plannen|realisaties --bestand FILE: all or nothing, every bad row reported.</summary>
internal static class ImportCommand
{
    /// <summary>Above this many rows the check gets a progress bar.</summary>
    private const int ProgressThreshold = 10_000;

    /// <summary>The municipality column of the reference-data imports, whose rows get the data-quality checks.</summary>
    private const string ReferenceColumn = "gemeentecode";

    /// <summary>One import, run for <paramref name="actor"/> (the audit trail's "who").</summary>
    private delegate Task<ImportResult> Import(RegiewijzerDb db, Table table, string sourceName, Actor actor, IProgress<int>? progress, CancellationToken ct);

    public static Command Create(TextWriter stdout, TextWriter stderr) => new("import", "Lees gegevens in uit CSV (',' of ';') of XLSX. Alles of niets: bij één fout wordt niets opgeslagen.")
    {
        Sub("stock", $"Woningvoorraad: {Describe(ImportStock.Required, ImportStock.Optional)}.", ImportStock.RunAsync, stdout, stderr),
        Sub("taken", $"Opgaven per gemeente: {Describe(ImportTasks.Required, ImportTasks.Optional)}; herkomst afgesproken|afgeleid.", ImportTasks.RunAsync, stdout, stderr),
        Sub("regio-indeling", $"Regio per gemeente: {Describe(ImportMembership.Required, ImportMembership.Optional)}.", ImportMembership.RunAsync, stdout, stderr),
        Sub("plannen", $"Plannen (plancapaciteit), één rij per deel van een plan: {Describe(ImportPlans.Required, ImportPlans.Optional)}; per rij segmentaantallen of eigendom (huur|koop), prijs en aantal. Sjabloon en regels: data/templates/plannen-sjabloon.csv; in de webapplicatie: /monitoring/import.", (db, t, s, a, p, ct) => ImportPlans.RunAsync(db, t, s, a, TimeProvider.System, p, ct), stdout, stderr),
        Sub("realisaties", $"Gerealiseerde woningen per gemeente en jaar (vervangt wat er voor die gemeente en dat jaar staat): {Describe(ImportRealisations.Required, ImportRealisations.Optional)}. Sjabloon: data/templates/realisaties-sjabloon.csv.", (db, t, s, a, p, ct) => ImportRealisations.RunAsync(db, t, s, a, TimeProvider.System, p, ct), stdout, stderr),
    };

    private static string Describe(IReadOnlyList<string> required, IReadOnlyList<string> optional) =>
        $"kolommen {string.Join(", ", required)}; optioneel {string.Join(", ", optional)}";

    private static Command Sub(string name, string description, Import import, TextWriter stdout, TextWriter stderr)
    {
        var file = new Option<string>("--bestand") { Description = "CSV- of XLSX-bestand met een kopregel.", Required = true };
        var command = new Command(name, description) { file };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(parse, parse.GetRequiredValue(file), import, stdout, stderr, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && Data.Database.DatabaseErrors.Classify(e) is Data.Database.DatabaseErrorKind.Other)
            {
                // A bad file is answered by the reader; this is what is left (the disk, the database): a Dutch line, no stack trace.
                // A busy database or a lost race goes on to CliApp, which answers it with its own exit code.
                stderr.WriteLine($"Het inlezen is mislukt door een onverwachte fout ({Unexpected(e)}); er is niets opgeslagen.");
                return CliApp.InvalidInput;
            }
        });
        return command;
    }

    private static string Unexpected(Exception e) => e switch
    {
        OutOfMemoryException => "te weinig geheugen",
        IOException or UnauthorizedAccessException => "lees- of schrijffout",
        System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException => "de database weigerde de wijziging",
        _ => "interne fout",
    };

    private static async Task<int> RunAsync(ParseResult parse, string path, Import import, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var read = TabularReader.ReadFile(path);
        if (read.Table is not { } table)
        {
            return Report(ImportResult.Failed(read.Errors), stderr);
        }

        if (table.Encoding is { } encoding)
        {
            stdout.WriteLine($"Tekenset van het bestand: {encoding}.");
        }

        await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
        var source = Path.GetFileName(path);
        ImportResult result;
        if (table.Rows.Count > ProgressThreshold)
        {
            result = await Terminal.For(stdout).Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{table.Rows.Count} rijen controleren", maxValue: table.Rows.Count);
                var outcome = await import(db, table, source, DatabaseArgs.Operator, new Progress(n => task.Value = n), ct).ConfigureAwait(false);
                task.StopTask();
                return outcome;
            }).ConfigureAwait(false);
        }
        else
        {
            result = await import(db, table, source, DatabaseArgs.Operator, null, ct).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            return Report(result, stderr);
        }

        stdout.WriteLine($"{source}: {result.Inserted} nieuw, {result.Updated} bijgewerkt.");
        foreach (var note in result.Notes)
        {
            stdout.WriteLine(note);
        }

        if (table.Columns.Contains(ReferenceColumn))
        {
            // Reference data (stock, tasks, regions): the data-quality checks on what was just stored.
            var quality = await CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
            var codes = table.Rows.Select(r => r[ReferenceColumn].ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            foreach (var f in quality.Findings.Where(f => codes.Contains(f.Municipality.Value)))
            {
                stdout.WriteLine($"Signaal: {f.Name} ({f.Municipality.Value}), {f.Title} ({f.CodeText}). {f.Message}");
            }
        }

        return CliApp.Ok;
    }

    private static int Report(ImportResult result, TextWriter stderr)
    {
        foreach (var error in result.Errors)
        {
            stderr.WriteLine(error.ToString());
        }

        if (result.MoreErrorsSentence is { } more)
        {
            stderr.WriteLine($"... {more}.");
        }

        var count = result.ErrorCount;
        stderr.WriteLine($"{Core.Format.Count(count)} {(count == 1 ? "fout" : "fouten")}; er is niets opgeslagen.");
        return CliApp.InvalidInput;
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
