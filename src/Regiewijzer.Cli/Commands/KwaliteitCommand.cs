using System.CommandLine;
using Regiewijzer.Core.Quality;
using Regiewijzer.Data.Features;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer kwaliteit: the data-quality findings of the stored reference data, and the corrections by provinces.</summary>
internal static class KwaliteitCommand
{
    public static Command Create(TextWriter stdout)
    {
        var municipality = new Option<string?>("--gemeente") { Description = "Alleen deze gemeente (CBS-code, bijvoorbeeld GM0339)." };
        var command = new Command("kwaliteit", "Toon de invoer met een signaal: onwaarschijnlijke aandelen corporatiewoningen, sprongen in de voorraad, opgaven boven de groeicapaciteit en gemeenten zonder regio.")
        {
            municipality,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var report = await CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
            var only = parse.GetValue(municipality)?.Trim().ToUpperInvariant();
            var findings = only is null ? [.. report.Findings] : report.Of(only).ToList();
            var corrected = only is null ? [.. report.Corrected] : report.CorrectedOf([only]);
            var console = Terminal.For(stdout);
            if (findings.Count == 0 && corrected.Count == 0)
            {
                console.MarkupLine("Geen signalen: alle invoer is binnen de controlegrenzen.");
                return CliApp.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Gemeente");
            table.AddColumn("Signaal");
            table.AddColumn("Toelichting");
            foreach (var f in findings)
            {
                table.AddRow($"{Markup.Escape(f.Name)} ({f.Municipality.Value})", $"{Markup.Escape(f.Title)} ({f.CodeText})", Markup.Escape(f.Message));
            }

            foreach (var (name, s) in corrected)
            {
                table.AddRow($"{Markup.Escape(name)} ({s.MunicipalityCode})", "Gecorrigeerd door de provincie",
                    Markup.Escape($"{Core.Format.Count(s.SocialStock)} corporatiewoningen op 1 januari {s.ReferenceYear} (de bron noemt {Core.Format.Count(s.ReferenceSocialStock ?? s.SocialStock)}). Bron: {s.CorrectionSource}"));
            }

            console.Write(table);
            var t = DataQualityThresholds.Default;
            console.MarkupLine(Markup.Escape(
                $"Controlegrenzen (aanname): aandeel corporatiewoningen onder {Core.Format.Percent(t.MinCorporationShare.Value, 0)}, voorraadverandering boven {Core.Format.Percent(t.MaxStockChangePerYear.Value, 0)} per jaar, "
                + $"opgave boven {Core.Format.Percent(t.MaxTaskPerYear.Value, 0)} van de voorraad per jaar. Een signaal is geen fout: de waarde telt mee tot de provincie een correctie met bron vastlegt (web: de pagina van de gemeente)."));
            return CliApp.Ok;
        });
        return command;
    }
}
