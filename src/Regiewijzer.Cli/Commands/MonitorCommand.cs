using System.CommandLine;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer monitor [--regio ID | --gemeente CODE | --provincie CODE] [--signaleringen] [--format table|json]</summary>
internal static class MonitorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var subject = new SubjectOptions();
        var warnings = new Option<bool>("--signaleringen") { Description = "Toon de signaleringen van de provincie (met --provincie), de slechtste eerst." };
        var format = MonitoringOutput.FormatOption();
        var command = new Command("monitor", "Voortgang van land, provincie, regio of gemeente tegen het traject van de doelen: gerealiseerd, plannen per status, signaleringsfase en volgende stap.");
        subject.AddTo(command);
        command.Options.Add(warnings);
        command.Options.Add(format);
        command.Validators.Add(r =>
        {
            if (r.GetValue(warnings) && r.GetResult(subject.Province) is null)
            {
                r.AddError("--signaleringen hoort bij een provincie: geef ook --provincie NAAM of CODE.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var snapshot = await LoadMonitoring.RunAsync(db, ct: ct).ConfigureAwait(false);
            var (found, error) = await subject.ResolveAsync(parse, db, snapshot, ct).ConfigureAwait(false);
            if (found is null)
            {
                stderr.WriteLine($"regiewijzer: {error}");
                return CliApp.InvalidInput;
            }

            var json = parse.GetRequiredValue(format) == "json";
            if (parse.GetValue(warnings))
            {
                var list = snapshot.Warnings(found.Id);
                if (json)
                {
                    stdout.WriteLine(MonitoringOutput.Json(new { province = new { code = found.Id, name = found.Name }, asOfYear = snapshot.AsOfYear, warnings = list.Select(MonitoringOutput.Warning) }));
                }
                else
                {
                    WriteWarnings(Terminal.For(stdout), snapshot, found, list);
                }

                return CliApp.Ok;
            }

            var progress = snapshot.Progress(found);
            if (json)
            {
                stdout.WriteLine(MonitoringOutput.Json(MonitoringOutput.Progress(snapshot, progress)));
            }
            else
            {
                WriteProgress(Terminal.For(stdout), snapshot, progress);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void WriteProgress(IAnsiConsole console, MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var report = p.Report;
        console.Write(new Rule($"[bold]Voortgang {Markup.Escape(p.Subject.Name)}[/] ({MonitoringOutput.LevelDutch(p.Subject.Level)}, {snapshot.FirstYear}-{snapshot.LastYear})").LeftJustified());
        console.MarkupLine($"Peiljaar [bold]{report.AsOfYear}[/]: gerealiseerd tot en met {report.AsOfYear}, plannen vanaf {report.AsOfYear + 1}. Traject: {Markup.Escape(p.TrajectoryText)}. Gemeenten die meetellen: {p.Members.Length}.");
        if (p.HasTarget)
        {
            console.MarkupLine($"Doelen uit: {Markup.Escape(MonitoringOutput.TargetSources(snapshot, p))}.");
        }

        var groups = new Table().Border(TableBorder.Rounded).Title("Doelen en traject tot en met het peiljaar");
        groups.AddColumn("Groep");
        foreach (var h in new[] { "Doel", "Traject", "Gerealiseerd", "%" })
        {
            groups.AddColumn(new TableColumn(h).RightAligned());
        }

        groups.AddColumn("Fase");
        groups.AddColumn(new TableColumn("Achterstand").RightAligned());
        groups.AddColumn(new TableColumn("Gepland na peiljaar").RightAligned());
        groups.AddColumn(new TableColumn("waarvan hard").RightAligned());
        foreach (var g in report.Groups.Where(g => MonitoringSnapshot.AssessedGroups.Contains(g.Group)))
        {
            groups.AddRow(
                g.Group.Dutch(),
                Format.Count(g.Target),
                Format.Count(g.Due),
                Format.Count(g.Realised),
                g.Ratio is { } r ? Format.Percent(r) : "-",
                MonitoringOutput.TierText(p, g),
                g.IsAssessed && p.HasTarget ? Format.Count(g.Shortfall) : "-",
                Format.Count(g.Planned),
                Format.Count(g.PlannedHard));
        }

        console.Write(groups);
        WritePipeline(console, report);
        if (!p.HasTarget)
        {
            console.MarkupLine($"[yellow]Geen doel:[/] {Markup.Escape(MonitoringOutput.NoTargetReason(snapshot, p))}");
        }
        else
        {
            var worst = report.WorstGroup is { } wg ? $"{report.WorstTier.Dutch()} ({wg.Dutch()})" : report.WorstTier.Dutch();
            var indicative = report.IsIndicative ? $", indicatief: cijfers {report.Evidence.Dutch()}" : string.Empty;
            console.MarkupLine($"Slechtste fase: [bold]{Markup.Escape(worst + indicative)}[/]. Voorgestelde stap: [bold]{Markup.Escape(report.Suggestion.Dutch())}[/].");
            if (report.IsIndicative)
            {
                console.MarkupLine(Markup.Escape(IndicativeNote));
            }
        }

        foreach (var note in MonitoringOutput.Notes(snapshot, p))
        {
            console.MarkupLine($"[yellow]Let op:[/] {Markup.Escape(note)}");
        }
    }

    private static void WritePipeline(IAnsiConsole console, ProgressReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).ShowFooters().Title("Plannen per planstatus (nominaal, zonder planuitval)");
        table.AddColumn("Status");
        foreach (var h in new[] { "Plannen", "Achterstallig", "In de periode", "Na de periode", "Gecontracteerd" })
        {
            table.AddColumn(new TableColumn(h).RightAligned());
        }

        var rows = report.Pipeline.Where(r => r.Plans > 0).ToList();
        foreach (var r in rows)
        {
            table.AddRow(
                $"{r.Status.Code()} {Markup.Escape(r.Status.Dutch())} ({(r.IsHard ? "hard" : "zacht")})",
                Format.Count(r.Plans),
                Format.Count(r.Overdue.Total),
                Format.Count(r.Remaining.Total),
                Format.Count(r.AfterPeriod.Total),
                Format.Count(r.ContractedRemaining.Total));
        }

        table.Columns[0].Footer("[bold]Totaal[/]");
        table.Columns[1].Footer(Format.Count(rows.Sum(r => r.Plans)));
        table.Columns[2].Footer(Format.Count(rows.Sum(r => r.Overdue.Total)));
        table.Columns[3].Footer(Format.Count(rows.Sum(r => r.Remaining.Total)));
        table.Columns[4].Footer(Format.Count(rows.Sum(r => r.AfterPeriod.Total)));
        table.Columns[5].Footer(Format.Count(rows.Sum(r => r.ContractedRemaining.Total)));
        console.Write(table);
    }

    private const string IndicativeNote =
        "Een fase op geschatte of ontbrekende cijfers is indicatief en draagt geen stap op de escalatieladder. Gegevens aanvullen: "
        + "bewerkers van de gemeente voeren gemeten aantallen gerealiseerde woningen in (web: Realisaties van de gemeente, of 'regiewijzer import realisaties').";

    /// <summary>The step without its legal reference, which follows the table once.</summary>
    private static string Short(EscalationStep step) => step.Dutch().Split(" (", 2)[0];

    private static void WriteWarnings(IAnsiConsole console, MonitoringSnapshot snapshot, MonitoringSubject province, IReadOnlyList<MonitoringWarning> warnings)
    {
        console.Write(new Rule($"[bold]Signaleringen {Markup.Escape(province.Name)}[/] (peiljaar {snapshot.AsOfYear}, de slechtste eerst)").LeftJustified());
        if (warnings.Count == 0)
        {
            console.MarkupLine("Geen signaleringen: alles met een doel is op koers.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Niveau");
        table.AddColumn("Code");
        table.AddColumn("Naam");
        table.AddColumn("Fase");
        table.AddColumn("Groep");
        foreach (var h in new[] { "Traject", "Gerealiseerd", "%", "Achterstand" })
        {
            table.AddColumn(new TableColumn(h).RightAligned());
        }

        table.AddColumn("Voorgestelde stap");
        table.AddColumn("Cijfers");
        foreach (var w in warnings)
        {
            table.AddRow(
                MonitoringOutput.LevelDutch(w.Subject.Level),
                w.Subject.Id,
                Markup.Escape(w.Subject.Name),
                Markup.Escape(w.Tier.Dutch() + (w.IsIndicative ? " (indicatief)" : string.Empty)),
                Markup.Escape(w.Group.Dutch()),
                Format.Count(w.Progress.Due),
                Format.Count(w.Progress.Realised) + (w.UsesEstimates ? "*" : string.Empty),
                w.Progress.Ratio is { } r ? Format.Percent(r) : "-",
                Format.Count(w.Progress.Shortfall),
                Markup.Escape(Short(w.Suggestion)),
                Markup.Escape(w.Evidence.Dutch()));
        }

        console.Write(table);
        foreach (var step in warnings.Select(w => w.Suggestion).Distinct().Where(s => Short(s) != s.Dutch()))
        {
            console.MarkupLine($"{Markup.Escape(Short(step))}: {Markup.Escape(step.Dutch()[(Short(step).Length + 2)..].TrimEnd(')'))}.");
        }

        if (warnings.Any(w => w.UsesEstimates))
        {
            console.MarkupLine("[yellow]Let op:[/] * een deel van het gerealiseerde is een benadering (aanname), geen telling van opgeleverde nieuwbouw.");
        }

        if (warnings.Any(w => w.IsIndicative))
        {
            console.MarkupLine(Markup.Escape(IndicativeNote));
        }

        console.MarkupLine($"Drempels: {Markup.Escape(snapshot.Thresholds.Name)}. {Markup.Escape(snapshot.Thresholds.OnTrack.Note ?? string.Empty)}");
    }
}
