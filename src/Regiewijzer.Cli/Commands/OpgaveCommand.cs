using System.CommandLine;
using Regiewijzer.Core;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Features.Regions;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>
/// regiewijzer opgave REGIO [--periode 2026-2035]: a region's task in a period, per municipality with origin and source or
/// method, and open proposals. Setting tasks from the command line is `regiewijzer import taken`; proposals and their
/// adoption are the province's and the municipality's, in the web app and the API.
/// </summary>
internal static class OpgaveCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var region = new Argument<string>("regio") { Description = "Regiocode, bijvoorbeeld WD19." };
        var period = new Option<string?>("--periode") { Description = "Periode als jjjj-jjjj, bijvoorbeeld 2026-2035; standaard de periode die de verdeling gebruikt." };
        var command = new Command("opgave", "Toon de opgave van een regio in een periode: per gemeente het aantal, afgesproken (met bron) of afgeleid (met methode), en open voorstellen van gemeenten.") { region, period };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(period);
            var wanted = text is null ? null : TaskPeriod.TryParse(text);
            if (text is not null && wanted is null)
            {
                await stderr.WriteLineAsync("--periode is geen periode: geef haar als jjjj-jjjj, bijvoorbeeld 2026-2035 (ten hoogste 15 jaar).").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var view = await RegionTasks.LoadAsync(db, DatabaseArgs.Operator, parse.GetValue(region)!, wanted, ct).ConfigureAwait(false);
            if (view is null)
            {
                await stderr.WriteLineAsync($"Er is geen woningbouwregio {parse.GetValue(region)}; 'regiewijzer regios' toont de regiocodes.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var console = Terminal.For(stdout);
            console.WriteLine($"{view.Region.Name} ({view.Region.Id}), {view.Period.Label}; de verdeling gebruikt {view.InUse.Label}.");
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Gemeente");
            table.AddColumn(new TableColumn("Opgave").RightAligned());
            table.AddColumn("Herkomst");
            table.AddColumn("Bron of methode");
            table.AddColumn("Open voorstel");
            foreach (var m in view.Members)
            {
                var t = m.Task;
                table.AddRow(
                    Markup.Escape($"{m.Name} ({m.Code})"),
                    t is null ? "onbekend" : Format.Count(t.Homes),
                    t is null ? "-" : t.Origin == Data.Model.TaskOrigin.Derived ? "afgeleid" : "afgesproken",
                    Markup.Escape(t is null ? "-" : (t.Origin == Data.Model.TaskOrigin.Derived ? t.Method : t.Source) ?? "-"),
                    m.Proposal is { } p ? $"{Format.Count(p.Homes)}" : "-");
            }

            console.Write(table);
            console.WriteLine(view.Missing == 0
                ? $"Regionale opgave: {Format.Count(view.Total)} woningen (som van de gemeenten)."
                : $"Som van de bekende opgaven: {Format.Count(view.Total)} woningen; van {view.Missing} van de {view.Members.Length} gemeenten is geen opgave bekend, dus dit is niet de hele regionale opgave.");
            return CliApp.Ok;
        });
        return command;
    }
}
