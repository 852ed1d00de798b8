using System.CommandLine;
using Regiewijzer.Core;
using Regiewijzer.Core.Deals;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Deals;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer woondeals lijst | afstemming [--provincie] | wet [ID]: the deals as published, their reconciliation and each deal against the law.</summary>
internal static class WoondealsCommand
{
    private static readonly string[] ListHeaders = ["Id", "Woondeal", "Provincie(s)", "Totaal", "Precisie", "Periode", "Gemeenten", "Gepubliceerd per gemeente", "Eigen verdeling"];

    private static readonly string[] ReconcileHeaders = ["Provincie", "Woondeals", "Som bekend", "Gepubliceerd (deals)", "Verschil", "Afspraak 2022", "Oordeel"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("woondeals", "De 35 woondeals zoals gepubliceerd: totalen met precisie, partijen, afstemming met het landelijke en provinciale cijfer, en elke deal tegen de wet.");
        command.Subcommands.Add(List(stdout));
        command.Subcommands.Add(Reconcile(stdout, stderr));
        command.Subcommands.Add(Law(stdout, stderr));
        return command;
    }

    private static Command List(TextWriter stdout)
    {
        var command = new Command("lijst", "Toon elke woondeal met totaal, precisie (exact, afgerond, minimaal, onbekend), partijen, gepubliceerde gemeentelijke aantallen en eigen verdeling.");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var deals = await LoadDeals.AllAsync(db, ct).ConfigureAwait(false);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in ListHeaders)
            {
                table.AddColumn(h);
            }

            foreach (var d in deals)
            {
                table.AddRow(
                    d.Id,
                    Markup.Escape(d.Name),
                    Markup.Escape(string.Join("; ", d.Provinces)),
                    d.Total.Homes is { } t ? Format.Count(t) : "onbekend",
                    DealPrecisions.Dutch(d.Total.Precision),
                    $"{d.PeriodFrom}-{d.PeriodTo}",
                    d.Parties.Length.ToString(Format.Dutch),
                    d.Numbers.Length == 0 ? "-" : d.Numbers.Length.ToString(Format.Dutch),
                    d.Split is null ? "-" : "ja");
            }

            Terminal.For(stdout).Write(table);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Reconcile(TextWriter stdout, TextWriter stderr)
    {
        var province = new Option<string?>("--provincie") { Description = "Alleen deze provincie (naam of code, bijv. Gelderland of PV25)." };
        var command = new Command("afstemming", "Tel de woondeals op voor zover bekend en leg de som naast het landelijke cijfer (936.349) en de gepubliceerde afspraak van elke provincie.") { province };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var result = await ReconcileDeals.RunAsync(db, ct).ConfigureAwait(false);
            var console = Terminal.For(stdout);
            var wanted = parse.GetValue(province);
            if (wanted is null)
            {
                foreach (var line in DealText.National(result.Nation))
                {
                    console.WriteLine(line);
                }

                console.WriteLine();
            }

            var rows = result.Provinces.Where(p => wanted is null || FindProvince.Matches(p.Figures.Code.Value, p.Figures.Name, wanted)).ToList();
            if (rows.Count == 0)
            {
                stderr.WriteLine($"regiewijzer: onbekende provincie '{wanted}' (kies uit: {string.Join(", ", result.Provinces.Select(p => p.Figures.Name))})");
                return CliApp.InvalidInput;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in ReconcileHeaders)
            {
                table.AddColumn(h);
            }

            foreach (var p in rows)
            {
                var l = p.Line;
                table.AddRow(
                    Markup.Escape(p.Figures.Name),
                    $"{l.Sum.KnownCount} van {l.Sum.Deals} bekend",
                    Format.Count(l.Sum.Known),
                    l.Published is { } f ? Format.Count(f.Homes) : "niet gevonden",
                    l.Gap is { } g ? Format.Count(g) : "-",
                    p.Figures.Agreement2022 is { } a ? Format.Count(a.Homes) : "-",
                    Markup.Escape(DealText.Verdict(l)));
            }

            console.Write(table);
            foreach (var p in rows.Where(p => p.Line.Verdict == ReconciliationVerdict.NotAssessable || p.Line.Overlaps.Length > 0 || p.CrossBorder.Length > 0))
            {
                console.WriteLine($"{p.Figures.Name}: {string.Join(" ", DealText.Province(p))}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Law(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string?>("woondeal") { Description = "Id van de woondeal (bijv. WD26); zonder id alle woondeals met een eigen verdeling.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("wet", "Leg de eigen verdeling van een woondeal naast wat de wet van hetzelfde totaal vraagt (2/3 betaalbaar, 30% sociale huur) en zeg wat er moet veranderen.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var wanted = parse.GetValue(id);
            IReadOnlyList<DealLawComparison> list;
            if (wanted is null)
            {
                list = [.. (await ReconcileDeals.AgainstLawAsync(db, ct).ConfigureAwait(false)).Where(c => c.HasSplit)];
            }
            else if (await ReconcileDeals.AgainstLawAsync(db, wanted, ct).ConfigureAwait(false) is { } one)
            {
                list = [one];
            }
            else
            {
                stderr.WriteLine($"regiewijzer: onbekende woondeal '{wanted}'; gebruik WD01 tot en met WD35 ('regiewijzer woondeals lijst').");
                return CliApp.InvalidInput;
            }

            var console = Terminal.For(stdout);
            foreach (var c in list)
            {
                foreach (var s in c.Sentences.Concat(c.Notes))
                {
                    console.WriteLine(s);
                }
            }

            console.WriteLine($"Normen: {Core.Norms.NormSets.Default.Name}; vereist = ⌈aandeel × totaal van de woondeal⌉.");
            return CliApp.Ok;
        });
        return command;
    }
}
