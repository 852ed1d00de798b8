using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Features;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer prognose [--regio ID | --gemeente CODE | --provincie CODE] [--runs N] [--seed S] [--format table|json]</summary>
internal static class PrognoseCommand
{
    private const int DefaultRuns = ForecastRequest.DefaultRuns;
    private const int MaxRuns = ForecastRequest.MaxRuns;
    private const ulong DefaultSeed = ForecastRequest.DefaultSeed;
    private const string Limitation = ForecastRequest.Limitation;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var subject = new SubjectOptions();
        var runs = new Option<string?>("--runs") { Description = $"Aantal runs, 1 tot en met {MaxRuns.ToString(CultureInfo.InvariantCulture)} (standaard {DefaultRuns.ToString(CultureInfo.InvariantCulture)})." };
        var seed = new Option<string?>("--seed") { Description = "Seed van de toevalsgetallen, een geheel getal ≥ 0 (standaard 1). Dezelfde seed geeft dezelfde uitkomst." };
        var format = MonitoringOutput.FormatOption();
        var command = new Command("prognose", "Monte Carlo-prognose van de opleveringen: P10/P50/P90 per jaar en de kans om elk doel te halen (alle processorkernen).");
        subject.AddTo(command);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.Options.Add(format);
        command.Validators.Add(r =>
        {
            if (r.GetValue(runs) is { } text && ForecastRequest.CheckRuns(text, out _) is { } runsError)
            {
                r.AddError($"--runs {runsError}.");
            }

            if (r.GetValue(seed) is { } s && ForecastRequest.CheckSeed(s, out _) is { } seedError)
            {
                r.AddError($"--seed {seedError}.");
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

            var n = parse.GetValue(runs) is { } text && ForecastRequest.CheckRuns(text, out var r) is null ? r : DefaultRuns;
            var s = parse.GetValue(seed) is { } seedText && ForecastRequest.CheckSeed(seedText, out var given) is null ? given : DefaultSeed;
            var progress = snapshot.Progress(found);
            var clock = Stopwatch.StartNew();
            var forecast = snapshot.ForecastCancellable(progress, n, s, ct);
            var elapsed = clock.ElapsedMilliseconds;
            if (parse.GetRequiredValue(format) == "json")
            {
                stdout.WriteLine(MonitoringOutput.Json(Json(progress, forecast)));
            }
            else
            {
                Write(Terminal.For(stdout), snapshot, progress, forecast, elapsed);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static bool Assessed(SubjectProgress p, SegmentGroup g) => p.HasTarget && p.Report[g].IsAssessed;

    private static void Write(IAnsiConsole console, MonitoringSnapshot snapshot, SubjectProgress p, ForecastResult f, long elapsed)
    {
        var asOf = p.Report.AsOfYear;
        console.Write(new Rule($"[bold]Prognose {Markup.Escape(p.Subject.Name)}[/] ({MonitoringOutput.LevelDutch(p.Subject.Level)}, {f.FirstYear}-{f.LastYear})").LeftJustified());
        console.MarkupLine($"Peiljaar {asOf}: gerealiseerd tot en met {asOf} telt in elke run mee; {Format.Count(f.Plans)} plannen leveren vanaf {asOf + 1} (realisatiekans en vertraging per planstatus).");

        // Segments are shown when the data knows them (some run delivers homes in them); the shipped data has only the total.
        var shown = MonitoringSnapshot.AssessedGroups.Where(g => g == SegmentGroup.All || f[g].Cumulative[^1].P90 > 0).Reverse().ToList();
        foreach (var g in shown)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"Cumulatief opgeleverd: {g.Dutch()}");
            table.AddColumn("Jaar");
            foreach (var h in new[] { "Traject", "P10", "P50", "P90" })
            {
                table.AddColumn(new TableColumn(h).RightAligned());
            }

            foreach (var (band, year) in f[g].Cumulative.Zip(p.Report.Years))
            {
                table.AddRow(
                    band.Year.ToString(CultureInfo.InvariantCulture) + (year.IsRealised ? " (gerealiseerd)" : string.Empty),
                    p.HasTarget ? Format.Count(year.CumulativeDue[g]) : "-",
                    Format.Count(band.P10),
                    Format.Count(band.P50),
                    Format.Count(band.P90));
            }

            console.Write(table);
        }

        if (shown.Count == 1)
        {
            console.MarkupLine("Segmenten: onbekend in de gegevens (plannen en gerealiseerd zonder segment), dus alleen het totaal.");
        }

        var chances = new Table().Border(TableBorder.Rounded).Title("Kans om het doel van de periode te halen");
        chances.AddColumn("Groep");
        foreach (var h in new[] { "Doel", "Gemiddeld", "P10 / P50 / P90 eind" })
        {
            chances.AddColumn(new TableColumn(h).RightAligned());
        }

        chances.AddColumn("Kans");
        foreach (var g in MonitoringSnapshot.AssessedGroups)
        {
            var series = f[g];
            var end = series.Cumulative[^1];
            // 0 homes in a segment of unknown homes means "not known", not "none".
            var unknown = p.Report[g].NotAssessed == NotAssessedReason.UnknownSegment || (g != SegmentGroup.All && !p.HasTarget && end.P90 == 0);
            chances.AddRow(
                g.Dutch(),
                p.HasTarget ? Format.Count(series.Target) : "-",
                unknown ? "-" : Format.Number(series.Mean, 0),
                unknown ? "-" : $"{Format.Count(end.P10)} / {Format.Count(end.P50)} / {Format.Count(end.P90)}",
                Assessed(p, g)
                    ? $"{Format.Percent(series.Probability)} ({Format.Count(series.RunsMeetingTarget)} van {Format.Count(f.Runs)} runs)"
                    : Markup.Escape(MonitoringOutput.TierText(p, p.Report[g])));
        }

        console.Write(chances);
        if (!p.HasTarget)
        {
            console.MarkupLine($"[yellow]Geen doel:[/] {Markup.Escape(MonitoringOutput.NoTargetReason(snapshot, p))}");
        }

        console.MarkupLine($"P10 / P50 / P90: over {Format.Count(f.Runs)} runs levert 10% / 50% / 90% van de runs hooguit zoveel (de waarde op die rang, zonder interpolatie). Kans = runs die minstens het doel halen / runs.");
        WriteParameters(console, snapshot.Parameters);
        console.MarkupLine($"Runs {Format.Count(f.Runs)}, seed {f.Seed.ToString(CultureInfo.InvariantCulture)}, parameters {Markup.Escape(f.ParametersId)}; berekend in {Format.Count(elapsed)} ms op {Environment.ProcessorCount} processorkernen. Dezelfde runs en seed geven dezelfde uitkomst.");
        console.MarkupLine($"[yellow]Beperking:[/] {Markup.Escape(Limitation)}");
        foreach (var note in MonitoringOutput.Notes(snapshot, p).Where(n => !n.StartsWith("De drempels", StringComparison.Ordinal)))
        {
            console.MarkupLine($"[yellow]Let op:[/] {Markup.Escape(note)}");
        }
    }

    private static void WriteParameters(IAnsiConsole console, ForecastParameters parameters)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Parameters: {Markup.Escape(parameters.Name)} [yellow](aanname)[/]");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Kans gerealiseerd").RightAligned());
        table.AddColumn("Vertraging 0/1/2/… jaar");
        table.AddColumn("Zekerheid");
        foreach (var x in parameters.All)
        {
            table.AddRow(
                x.Key == ForecastParameters.ContractedKey ? Markup.Escape(x.Label) : $"{x.Key} {Markup.Escape(x.Label)}",
                Format.Percent(x.RealisationProbability, 0),
                string.Join(" / ", x.Delay.Select(d => Format.Percent(d, 0))),
                Markup.Escape(x.Confidence.Dutch()));
        }

        console.Write(table);
        foreach (var source in parameters.All.Select(x => x.Source).Distinct(StringComparer.Ordinal))
        {
            console.MarkupLine($"Bron: {Markup.Escape(source)}");
        }
    }

    private static object Json(SubjectProgress p, ForecastResult f) => new
    {
        subject = new { level = MonitoringOutput.Code(p.Subject.Level), id = p.Subject.Id, name = p.Subject.Name },
        period = new { from = f.FirstYear, to = f.LastYear },
        asOfYear = p.Report.AsOfYear,
        runs = f.Runs,
        seed = f.Seed,
        parametersId = f.ParametersId,
        plans = f.Plans,
        series = f.Series.Select(s => new
        {
            group = MonitoringOutput.Code(s.Group),
            label = s.Group.Dutch(),
            target = s.Target,
            runsMeetingTarget = Assessed(p, s.Group) ? s.RunsMeetingTarget : (int?)null,
            probability = Assessed(p, s.Group) ? MonitoringOutput.Exact(s.Probability) : null,
            mean = MonitoringOutput.Exact(s.Mean),
            perYear = s.PerYear.Select(b => new { year = b.Year, p10 = b.P10, p50 = b.P50, p90 = b.P90 }),
            cumulative = s.Cumulative.Select(b => new { year = b.Year, p10 = b.P10, p50 = b.P50, p90 = b.P90 }),
        }),
        limitation = Limitation,
    };
}
