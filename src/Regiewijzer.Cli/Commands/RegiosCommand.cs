using System.CommandLine;
using Regiewijzer.Core;
using Regiewijzer.Data.Features;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer regios: each region with province(s), members, task and its origin.</summary>
internal static class RegiosCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("regios", "Toon de woningbouwregio's met provincie(s), aantal gemeenten, opgave en herkomst.");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var regions = await ListRegions.RunAsync(db, ct).ConfigureAwait(false);
            var console = Terminal.For(stdout);
            var table = new Table().Border(TableBorder.Rounded).ShowFooters();
            table.AddColumn("Id");
            table.AddColumn("Regio");
            table.AddColumn("Provincie(s)");
            table.AddColumn(new TableColumn("Gemeenten").RightAligned());
            table.AddColumn(new TableColumn("Opgave 2022-2030").RightAligned());
            table.AddColumn("Herkomst opgave");
            table.AddColumn(new TableColumn("Woondeal").RightAligned());
            foreach (var r in regions)
            {
                table.AddRow(
                    r.Id,
                    Markup.Escape(r.Name),
                    Markup.Escape(r.Provinces),
                    r.Municipalities.ToString(Format.Dutch) + (r.IndicativeMembers > 0 ? $" ({r.IndicativeMembers} indicatief)" : string.Empty),
                    r.Task == 0 ? "-" : Format.Count(r.Task),
                    Markup.Escape(r.Origin),
                    r.DealTotal is { } t ? $"{Format.Count(t)} ({Markup.Escape(DealPrecision.Dutch(r.DealPrecision))})" : "niet gevonden");
            }

            table.Columns[1].Footer($"[bold]{regions.Count} regio's[/]");
            table.Columns[3].Footer($"[bold]{regions.Sum(r => r.Municipalities)}[/]");
            table.Columns[4].Footer($"[bold]{Format.Count(regions.Sum(r => r.Task))}[/]");
            console.Write(table);
            if (regions.Any(r => r.WithoutTask > 0))
            {
                console.MarkupLine("Geen opgave bekend: voer een regiototaal of gemeentelijke opgaven in ('regiewijzer import taken'); tot dan wordt zo'n gemeente niet verdeeld.");
            }

            console.MarkupLine("Indicatief: lidmaatschap samengesteld uit algemene kennis van de regionale samenwerking, niet uit de tekst van de woondeal (zie Bronnen en aannames in de webapplicatie, /bronnen).");
            return CliApp.Ok;
        });
        return command;
    }
}
