using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Deals;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Features.Regions;
using Spectre.Console;

namespace Regiewijzer.Cli.Commands;

/// <summary>
/// regiewijzer aanwijzing stand | gemeente GM0203 [--datum] | concept --provincie PV25 | vastleggen --provincie PV25 --bestand
/// aanwijzing.json --datum --grondslag --bevestig: the provinces' designations of woningbouwregio's (issue 13).
/// </summary>
internal static class AanwijzingCommand
{
    /// <summary>A designation file is small (a province has at most a few hundred municipalities); a larger file is refused before it is read.</summary>
    public const long MaxFileBytes = 1_000_000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("aanwijzing", "De aanwijzing van woningbouwregio's door de provincies: de stand per provincie, de regio van een gemeente op een datum, het concept van een provincie en een nieuwe aanwijzing vastleggen.");
        command.Subcommands.Add(Status(stdout, stderr));
        command.Subcommands.Add(Municipality(stdout, stderr));
        command.Subcommands.Add(Draft(stdout, stderr));
        command.Subcommands.Add(Record(stdout, stderr));
        return command;
    }

    private static Option<string?> DateOption() => new("--datum") { Description = "Peildatum als jjjj-mm-dd; standaard vandaag." };

    private static Command Status(TextWriter stdout, TextWriter stderr)
    {
        var date = DateOption();
        var command = new Command("stand", "Toon per provincie of zij de regio's heeft aangewezen, op een regio van een andere provincie wacht, of de woondeals als indicatieve regio's gebruikt.") { date };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(date), out var on))
            {
                await stderr.WriteLineAsync("De peildatum is geen datum: geef hem als jjjj-mm-dd, bijvoorbeeld 2027-03-01.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var status = await LoadDesignations.StatusAsync(db, on, ct).ConfigureAwait(false);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in (string[])["Provincie", "Stand", "In werking sinds", "Grondslag", "Wacht op"])
            {
                table.AddColumn(h);
            }

            foreach (var p in status)
            {
                table.AddRow(
                    Markup.Escape(p.Name),
                    p.State switch { DesignationState.Designated => "aangewezen", DesignationState.Waiting => "aangewezen, regio wacht", _ => "indicatief (woondeals)" },
                    p.Act is { } a ? $"{DutchTime.Dutch(a.Act.InForceFrom)} (versie {a.Act.Version})" : "-",
                    Markup.Escape(p.Act?.Act.LegalReference ?? "-"),
                    p.Waiting.IsEmpty ? "-" : Markup.Escape(string.Join("; ", p.Waiting.Select(w => $"{w.RegionId}: {string.Join(" en ", w.Missing)}"))));
            }

            var console = Terminal.For(stdout);
            console.WriteLine($"Stand op {DutchTime.Dutch(on)}:");
            console.Write(table);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Municipality(TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("gemeente") { Description = "CBS-gemeentecode, bijvoorbeeld GM0203." };
        var date = DateOption();
        var command = new Command("gemeente", "In welke woningbouwregio lag een gemeente op een datum? Zonder aanwijzing: de woondeals waarbij zij partij is (indicatief).") { code, date };
        command.SetAction(async (parse, ct) =>
        {
            var wanted = parse.GetValue(code)!.Trim().ToUpperInvariant();
            if (!TryDate(parse.GetValue(date), out var on))
            {
                await stderr.WriteLineAsync("De peildatum is geen datum: geef hem als jjjj-mm-dd, bijvoorbeeld 2027-03-01.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var municipality = MunicipalityCode.IsValid(wanted) ? await db.Municipalities.FindAsync([wanted], ct).ConfigureAwait(false) : null;
            if (municipality is null)
            {
                await stderr.WriteLineAsync($"Er is geen gemeente met code {wanted}; een gemeentecode ziet eruit als GM0203.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var region = await LoadDesignations.RegionOfAsync(db, wanted, on, ct).ConfigureAwait(false);
            if (region is not null)
            {
                await stdout.WriteLineAsync($"{municipality.Name} lag op {DutchTime.Dutch(on)} in de aangewezen woningbouwregio {region.Name} ({region.Id}).").ConfigureAwait(false);
                return CliApp.Ok;
            }

            var deals = LoadDesignations.DealsOf(await LoadDeals.AllAsync(db, ct).ConfigureAwait(false), wanted).Select(d => $"{d.Name} ({d.Id})").ToList();
            await stdout.WriteLineAsync($"{municipality.Name} lag op {DutchTime.Dutch(on)} in geen aangewezen woningbouwregio; indicatief: de woondeal{(deals.Count == 1 ? "" : "s")} {(deals.Count == 0 ? "(geen)" : string.Join(" en ", deals))}.").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Option<string> ProvinceOption() => new("--provincie") { Description = "De provincie (naam of code, bijv. Gelderland of PV25).", Required = true };

    private static Command Draft(TextWriter stdout, TextWriter stderr)
    {
        var province = ProvinceOption();
        var command = new Command("concept", "Schrijf het concept van een provincie als JSON (regio's en per gemeente de voorgestelde regio; een gemeente in twee woondeals heeft nog geen regio): bewerk het en leg het vast met 'aanwijzing vastleggen'.") { province };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var code = await FindProvince.CodeAsync(db, parse.GetValue(province)!, ct).ConfigureAwait(false);
            var work = code is null ? null : await LoadDesignations.WorkspaceAsync(db, code, DutchTime.Date(DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
            if (work is null)
            {
                await stderr.WriteLineAsync($"Er is geen provincie '{parse.GetValue(province)}'; gebruik een naam of een code van PV20 tot en met PV31.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            foreach (var m in work.Draft.Overlaps)
            {
                await stderr.WriteLineAsync($"Kies de regio van {m.Name} ({m.Code.Value}): partij bij {string.Join(" en ", m.Deals)}.").ConfigureAwait(false);
            }

            var file = new DesignationFile(
                work.NextVersion - 1,
                [.. work.Draft.Regions.Select(r => new DesignationFileRegion(r.Id, r.Name, [.. r.Partners.Select(p => p.Value)]))],
                work.Draft.Municipalities.ToDictionary(m => m.Code.Value, m => m.Proposed, StringComparer.Ordinal));
            await stdout.WriteLineAsync(JsonSerializer.Serialize(file, Json)).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Record(TextWriter stdout, TextWriter stderr)
    {
        var province = ProvinceOption();
        var file = new Option<FileInfo>("--bestand") { Description = "Het JSON-bestand (zoals 'aanwijzing concept' het schrijft).", Required = true };
        var date = new Option<string>("--datum") { Description = "In werking vanaf, jjjj-mm-dd.", Required = true };
        var reference = new Option<string>("--grondslag") { Description = "Juridische grondslag: artikel van de omgevingsverordening of URL.", Required = true };
        var confirm = new Option<bool>("--bevestig") { Description = "Bevestig dat dit de door de provincie vastgestelde aanwijzing is (verplicht)." };
        var command = new Command("vastleggen", "Leg een aanwijzing vast namens een provincie (door de beheerder, van een vastgestelde omgevingsverordening). Elke gemeente van de provincie in één regio.") { province, file, date, reference, confirm };
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(confirm))
            {
                await stderr.WriteLineAsync("Een aanwijzing is een besluit: voeg --bevestig toe om te bevestigen dat dit de vastgestelde aanwijzing is. Er is niets vastgelegd.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                await stderr.WriteLineAsync("--datum is geen datum: geef hem als jjjj-mm-dd, bijvoorbeeld 2027-03-01.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                await stderr.WriteLineAsync($"Het bestand {info.Name} bestaat niet.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            if (info.Length > MaxFileBytes)
            {
                await stderr.WriteLineAsync($"Het bestand is groter dan {Core.Format.Count(MaxFileBytes)} bytes; een aanwijzing is veel kleiner. Er is niets vastgelegd.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            DesignationFile? content;
            try
            {
                await using var stream = info.OpenRead();
                content = await JsonSerializer.DeserializeAsync<DesignationFile>(stream, Json, ct).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                await stderr.WriteLineAsync($"Het bestand is geen geldige aanwijzing (JSON, regel {(e.LineNumber ?? 0) + 1}). Er is niets vastgelegd.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var code = await FindProvince.CodeAsync(db, parse.GetValue(province)!, ct).ConfigureAwait(false);
            if (code is null)
            {
                await stderr.WriteLineAsync($"Er is geen provincie '{parse.GetValue(province)}'; gebruik een naam of een code van PV20 tot en met PV31.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var user = Environment.UserName;
            var actor = new Actor("cli:" + user, $"opdrachtregel ({user})", [new Grant(new OrganisationRef(code, OrganisationKind.Province, code), AccountRole.Editor)]);
            var input = new DesignationInput(
                from,
                parse.GetValue(reference),
                [.. (content?.Regions ?? []).Select(r => new DesignationRegionInput(r.Id, r.Name, r.Partners))],
                content?.Municipalities ?? new Dictionary<string, string?>(),
                content?.BasedOnVersion);
            var outcome = await DesignateRegions.RunAsync(db, actor, code, input, TimeProvider.System, ct).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                foreach (var line in outcome.Errors.Count > 0 ? outcome.Errors.Select(e => e.Reason) : [outcome.Reason ?? "Niet vastgelegd."])
                {
                    await stderr.WriteLineAsync(line).ConfigureAwait(false);
                }

                await stderr.WriteLineAsync("Er is niets vastgelegd.").ConfigureAwait(false);
                return outcome.Kind == OutcomeKind.Conflict ? CliApp.Conflict : CliApp.UsageError;
            }

            var act = outcome.Value!.Act;
            await stdout.WriteLineAsync($"Aanwijzing van {outcome.Value.ProvinceName} vastgelegd: versie {act.Version}, in werking vanaf {DutchTime.Dutch(act.InForceFrom)}, {act.RegionNames.Count} regio's, {act.RegionOf.Count} gemeenten.").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = DutchTime.Date(DateTimeOffset.UtcNow);
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>The file 'concept' writes and 'vastleggen' reads.</summary>
    internal sealed record DesignationFile(int? BasedOnVersion, ImmutableArray<DesignationFileRegion> Regions, Dictionary<string, string?> Municipalities);

    internal sealed record DesignationFileRegion(string Id, string Name, ImmutableArray<string> Partners);
}
