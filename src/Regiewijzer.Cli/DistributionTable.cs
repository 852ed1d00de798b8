using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Spectre.Console;

namespace Regiewijzer.Cli;

/// <summary>A distribution as a readable Spectre.Console table with region totals and findings.</summary>
internal static class DistributionTable
{
    public static void Write(RegionDistribution result, Scenario scenario, TextWriter output)
    {
        var console = Terminal.For(output);
        var n = result.Norms;
        var period = scenario.Period is { } p && !result.Name.Contains($"{p.From}-{p.To}", StringComparison.Ordinal) ? $" {p.From}-{p.To}" : string.Empty;
        console.Write(new Rule($"[bold]{Markup.Escape(result.Name)}[/]{Markup.Escape(period)}").LeftJustified());
        console.MarkupLine($"Sleutel: [bold]{Markup.Escape(KeyName(result.Key))}[/]   Normen: {Markup.Escape(n.Name)} (betaalbaar {Format.Share(n.AffordableShare.Value)}, sociale huur {Format.Share(n.SocialShare.Value)}, drempel {Format.Share(n.LaggingThreshold.Value)}, ondergrens sociaal {Format.Share(n.SocialFloor.Value)}, midden {Format.Share(n.MiddleFloor.Value)})");

        var table = new Table().Border(TableBorder.Rounded).ShowFooters();
        table.AddColumn("Code");
        table.AddColumn("Gemeente");
        table.AddColumn(new TableColumn("Opgave N").RightAligned());
        table.AddColumn(new TableColumn("Aandeel s").RightAligned());
        table.AddColumn("Achterblijvend");
        table.AddColumn(new TableColumn("Ondergrens S/M").RightAligned());
        table.AddColumn(new TableColumn("Regionaal S/M").RightAligned());
        table.AddColumn(new TableColumn("Sociaal").RightAligned());
        table.AddColumn(new TableColumn("Midden").RightAligned());
        table.AddColumn(new TableColumn("Vrij").RightAligned());
        table.AddColumn(new TableColumn("% sociaal").RightAligned());
        foreach (var m in result.Municipalities)
        {
            var flag = result.Findings.Any(f => f.Municipality == m.Code && f.Code == FindingCode.HighSocialShare) ? "[red]" : "[default]";
            table.AddRow(
                m.Code.Value,
                Markup.Escape(m.Name) + (m.Exempted ? " [yellow](ontheffing)[/]" : string.Empty),
                Format.Count(m.Task),
                Format.Number(m.StockShare, 3),
                m.Lagging.Dutch(),
                $"{Format.Count(m.FloorSocial)}/{Format.Count(m.FloorMiddle)}",
                $"{Format.Count(m.RegionalSocial)}/{Format.Count(m.RegionalMiddle)}",
                Format.Count(m.Social),
                Format.Count(m.Middle),
                Format.Count(m.Free),
                m.Task == 0 ? "-" : $"{flag}{Format.Percent(new Fraction(m.Social, m.Task))}[/]");
        }

        table.Columns[1].Footer("[bold]Regio[/]");
        table.Columns[2].Footer($"[bold]{Format.Count(result.Task)}[/]");
        table.Columns[5].Footer($"{Format.Count(result.SumFloorSocial)}/{Format.Count(result.SumFloorMiddle)}");
        table.Columns[7].Footer($"[bold]{Format.Count(result.Social)}[/]");
        table.Columns[8].Footer($"[bold]{Format.Count(result.Middle)}[/]");
        table.Columns[9].Footer($"[bold]{Format.Count(result.Free)}[/]");
        table.Columns[10].Footer(result.Task == 0 ? "-" : Format.Percent(new Fraction(result.Social, result.Task)));
        console.Write(table);

        console.MarkupLine(Check("Sociale huur", result.Social, result.RequiredSocial, $"RS = ⌈{Format.Share(n.SocialShare.Value)} × {Format.Count(result.Task)}⌉"));
        console.MarkupLine(Check("Betaalbaar", result.Affordable, result.RequiredAffordable, $"RA = ⌈{Format.Share(n.AffordableShare.Value)} × {Format.Count(result.Task)}⌉"));
        console.MarkupLine(result.MeetsNorms ? "[green bold]De regio haalt beide normen.[/]" : "[red bold]De regio haalt de normen niet.[/]");

        if (result.Findings.Length == 0)
        {
            console.MarkupLine("Bevindingen: geen.");
            return;
        }

        console.MarkupLine($"Bevindingen ({result.Findings.Length}):");
        foreach (var f in result.Findings)
        {
            var colour = f.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "blue" };
            console.MarkupLine($"  [{colour}]{f.CodeText}[/] ({f.Severity.Dutch()}){(f.Municipality is { } c ? " " + c.Value : string.Empty)}: {Markup.Escape(f.Message)}");
        }
    }

    private static string Check(string label, int actual, int required, string rule)
    {
        var ok = actual >= required;
        return $"{label}: {Format.Count(actual)} verdeeld, vereist {Format.Count(required)} ({Markup.Escape(rule)}) {(ok ? "[green]voldoet[/]" : $"[red]tekort {Format.Count(required - actual)}[/]")}";
    }

    private static string KeyName(DistributionKey key) =>
        key == DistributionKey.Proportional ? $"{key.Dutch()} (naar rato van de ongecontracteerde opgave)" : key.Dutch();
}
