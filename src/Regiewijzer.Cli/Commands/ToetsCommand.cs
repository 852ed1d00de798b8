using System.CommandLine;
using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Data.Features;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer toets --provincie NAAM | --nationaal</summary>
internal static class ToetsCommand
{
    private static readonly string[] Headers = ["Niveau", "Naam", "Regio's", "Gemeenten", "Opgave", "Sociaal", "vereist", "Betaalbaar", "vereist", "Oordeel"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var province = new Option<string?>("--provincie") { Description = "Toets één provincie (naam of code, bijv. Gelderland of PV25)." };
        var national = new Option<bool>("--nationaal") { Description = "Toets het land en alle provincies." };
        var command = new Command("toets", "Verdeel alle regio's en toets provincie of land aan 2/3 betaalbaar en 30% sociale huur.") { province, national };
        command.Validators.Add(r =>
        {
            if (r.GetValue(province) is null == !r.GetValue(national))
            {
                r.AddError("Kies --provincie NAAM of --nationaal.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var check = await CheckCountry.RunAsync(db, ct).ConfigureAwait(false);
            var console = Terminal.For(stdout);
            var wanted = parse.GetValue(province);
            var provinces = check.Provinces.AsEnumerable();
            if (wanted is not null)
            {
                provinces = provinces.Where(p => FindProvince.Matches(p.Code, p.Name, wanted));
                if (!provinces.Any())
                {
                    stderr.WriteLine($"regiewijzer: onbekende provincie '{wanted}' (kies uit: {string.Join(", ", check.Provinces.Select(p => p.Name))})");
                    return CliApp.InvalidInput;
                }
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in Headers)
            {
                table.AddColumn(new TableColumn(h));
            }

            var rows = provinces.ToList();
            if (wanted is null)
            {
                rows.Add(check.Nation);
            }

            foreach (var a in rows)
            {
                table.AddRow(
                    a.Level == AggregateLevel.Nation ? "[bold]Land[/]" : "Provincie",
                    Markup.Escape(a.Name),
                    a.Regions.ToString(Format.Dutch),
                    a.Municipalities.ToString(Format.Dutch),
                    Format.Count(a.Task),
                    $"{Format.Count(a.Social)} ({Format.Percent(Share(a.Social, a.Task))})",
                    Format.Count(a.RequiredSocial),
                    $"{Format.Count(a.Affordable)} ({Format.Percent(Share(a.Affordable, a.Task))})",
                    Format.Count(a.RequiredAffordable),
                    Verdict(a, check.MissingFrom(a), details: false));
            }

            console.Write(table);
            foreach (var a in rows.Where(r => check.MissingFrom(r) > 0))
            {
                // A partial sum is never judged as the whole (TotalCompleteness): say what is left out.
                console.MarkupLine($"[yellow]Niet te beoordelen:[/] {Markup.Escape(a.Name)}: {TotalCompleteness.MissingText(check.MissingFrom(a))}; de aantallen zijn de som van wat bekend is.");
            }

            var findings = rows.SelectMany(r => r.Findings).ToList();
            console.MarkupLine(findings.Count == 0 ? "Bevindingen: geen." : $"Bevindingen ({findings.Count}):");
            foreach (var f in findings)
            {
                console.MarkupLine($"  [red]{f.CodeText}[/]: {Markup.Escape(f.Message)}");
            }

            // With --provincie only the regions that lie (partly) in that province.
            var names = rows.Where(r => r.Level == AggregateLevel.Province).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var regions = check.Regions
                .Where(r => wanted is null || r.Question.Region.Provinces.Split(';', StringSplitOptions.TrimEntries).Any(names.Contains))
                .ToList();
            var regionFindings = regions.Where(r => r.Result is not null).SelectMany(r => r.Result!.Findings.Select(f => (r.Question.Region.Name, f))).ToList();
            console.MarkupLine($"Bevindingen en signalen in de regio's: {regionFindings.Count(x => x.f.Severity == Severity.Error)} tekorten, {regionFindings.Count(x => x.f.Severity == Severity.Signal)} signalen (HIGH_SOCIAL_SHARE).");
            foreach (var (name, f) in regionFindings.Where(x => x.f.Severity != Severity.Signal))
            {
                console.MarkupLine($"  [red]{f.CodeText}[/] {Markup.Escape(name)}: {Markup.Escape(f.Message)}");
            }

            foreach (var r in regions.Where(r => r.Result is null))
            {
                console.MarkupLine($"[yellow]Niet verdeeld:[/] {Markup.Escape(r.NotDistributed!)}");
            }

            WriteLevels(console, check, rows.Where(r => r.Level == AggregateLevel.Province).Select(r => r.Code).ToHashSet(StringComparer.Ordinal), wanted is null);

            var partial = regions.Where(r => r.Result is not null && !r.Question.IsComplete).ToList();
            foreach (var r in partial)
            {
                console.MarkupLine($"[yellow]Onvolledig:[/] {Markup.Escape(r.Question.Region.Name)}: {r.Question.WithoutTask.Length} gemeente(n) zonder opgave ({Markup.Escape(string.Join(", ", r.Question.WithoutTask.Select(m => m.Name)))}) tellen niet mee.");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Fraction Share(int part, int whole) => whole == 0 ? Fraction.Zero : new Fraction(part, whole);

    /// <summary>
    /// The what-if of domain.md §5b: per province the check had every region been distributed only at regional level,
    /// against the distribution per province part (the default), and the parts of regions across its border.
    /// </summary>
    private static void WriteLevels(IAnsiConsole console, CountryCheck check, HashSet<string> provinces, bool nation)
    {
        var levels = check.Levels.Where(l => provinces.Contains(l.Code)).ToList();
        console.MarkupLine("Norm per provincie: verdeling alleen op regioniveau tegenover verdeling per provinciaal deel (standaard):");
        var table = new Table().Border(TableBorder.Ascii);
        foreach (var h in new[] { "Provincie", "Sociaal alleen regio", "Sociaal nu", "vereist", "Betaalbaar alleen regio", "Betaalbaar nu", "vereist", "Oordeel alleen regio", "Oordeel nu" })
        {
            table.AddColumn(new TableColumn(h));
        }

        var rows = levels.Select(l => (l.Name, l.RegionOnly, l.Now)).ToList();
        if (nation && check.NationRegionOnly is { } nationBefore)
        {
            rows.Add(("Nederland", nationBefore, check.Nation));
        }

        foreach (var (name, before, now) in rows)
        {
            table.AddRow(
                Markup.Escape(name),
                Format.Count(before.Social),
                Format.Count(now.Social),
                Format.Count(now.RequiredSocial),
                Format.Count(before.Affordable),
                Format.Count(now.Affordable),
                Format.Count(now.RequiredAffordable),
                Verdict(before, check.MissingFrom(now), details: true),
                Verdict(now, check.MissingFrom(now), details: true));
        }

        console.Write(table);
        var parts = levels.SelectMany(l => l.Parts).ToList();
        if (parts.Count == 0)
        {
            console.MarkupLine("Geen regio's over een provinciegrens.");
            return;
        }

        console.MarkupLine("Regio's over een provinciegrens, per provinciaal deel (vereist = de norm voor dat deel):");
        var partTable = new Table().Border(TableBorder.Ascii);
        foreach (var h in new[] { "Regio", "Provincie", "Opgave", "Sociaal alleen regio", "Sociaal nu", "vereist", "Betaalbaar alleen regio", "Betaalbaar nu", "vereist", "Uitleg" })
        {
            partTable.AddColumn(new TableColumn(h));
        }

        foreach (var p in parts)
        {
            partTable.AddRow(
                Markup.Escape(p.RegionName),
                Markup.Escape(p.Province.Name),
                Format.Count(p.Task),
                Format.Count(p.SocialRegionOnly),
                Format.Count(p.Social),
                Format.Count(p.RequiredSocial),
                Format.Count(p.AffordableRegionOnly),
                Format.Count(p.Affordable),
                Format.Count(p.RequiredAffordable),
                Markup.Escape(PartText(p)));
        }

        console.Write(partTable);
        foreach (var l in levels.Where(l => !l.Now.MeetsNorms))
        {
            var infeasible = l.Parts.Where(p => p.Infeasible).ToList();
            var regions = check.Regions.Where(r => r.Result is { MeetsNorms: false }
                && r.Question.Region.Provinces.Split(';', StringSplitOptions.TrimEntries).Contains(l.Name)).ToList();
            var reasons = infeasible.Select(p => $"{p.RegionName}: het deel in {p.Province.Name} kan binnen de ruimte van zijn gemeenten niet meer halen (sociaal {Format.Count(p.Social)} van {Format.Count(p.RequiredSocial)}, betaalbaar {Format.Count(p.Affordable)} van {Format.Count(p.RequiredAffordable)})")
                .Concat(regions.Select(r => $"{r.Question.Region.Name}: de regio zelf haalt de norm niet (zie de bevindingen van de regio)"))
                .ToList();
            var known = check.MissingFrom(l.Now) > 0 ? " in het bekende deel" : "";
            console.MarkupLine($"[red]Tekort {Markup.Escape(l.Name)}[/]{known}: sociaal {Format.Count(l.Now.SocialShortfall)}, betaalbaar {Format.Count(l.Now.AffordableShortfall)}. "
                + Markup.Escape(reasons.Count == 0 ? "Geen onhaalbaar deel gevonden: het tekort komt uit de afronding of uit gemeenten zonder opgave." : "Onhaalbaar: " + string.Join("; ", reasons) + "."));
        }
    }

    /// <summary>"voldoet", "tekort" (with the shortfalls when <paramref name="details"/>) or, with municipalities left out, "niet te beoordelen".</summary>
    private static string Verdict(AggregateCheck a, int missing, bool details) => TotalCompleteness.Verdict(a, missing) switch
    {
        "voldoet" => "[green]voldoet[/]",
        "tekort" => details ? $"[red]tekort[/] ({Shortfalls(a.SocialShortfall, a.AffordableShortfall)})" : "[red]tekort[/]",
        var other => $"[yellow]{other}[/]",
    };

    /// <summary>What the province-aware distribution changes for one part, in Dutch.</summary>
    internal static string PartText(CrossBorderPart p)
    {
        if (p.Infeasible)
        {
            return $"onhaalbaar: tekort {Shortfalls(p.SocialShortfall, p.AffordableShortfall)} (geen ruimte bij de gemeenten)";
        }

        return p.ShortRegionOnly
            ? $"alleen regio: tekort {Shortfalls(p.SocialShortfallRegionOnly, p.AffordableShortfallRegionOnly)}; nu voldoet"
            : "voldoet in beide";
    }

    private static string Shortfalls(int social, int affordable) =>
        string.Join(", ", new[] { social > 0 ? $"sociaal {Format.Count(social)}" : null, affordable > 0 ? $"betaalbaar {Format.Count(affordable)}" : null }.OfType<string>());
}
