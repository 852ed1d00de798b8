using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Cli.Commands;

/// <summary>--regio, --gemeente and --provincie of monitor and prognose: at most one; none is the nation.</summary>
internal sealed class SubjectOptions
{
    public Option<string?> Region { get; } = new("--regio") { Description = "Een woningbouwregio: id (WD19) of een uniek deel van de naam (Foodvalley)." };

    public Option<string?> Municipality { get; } = new("--gemeente") { Description = "Een gemeente: CBS-code (GM0228) of (een uniek deel van) de naam (Ede)." };

    public Option<string?> Province { get; } = new("--provincie") { Description = "Een provincie: code (PV25) of naam (Gelderland). Zonder --regio, --gemeente of --provincie: het land." };

    public void AddTo(Command command)
    {
        command.Options.Add(Region);
        command.Options.Add(Municipality);
        command.Options.Add(Province);
        command.Validators.Add(r =>
        {
            if (new[] { r.GetResult(Region), r.GetResult(Municipality), r.GetResult(Province) }.Count(o => o is not null) > 1)
            {
                r.AddError("Kies hooguit één van --regio, --gemeente en --provincie (zonder: het land).");
            }
        });
    }

    /// <summary>The subject asked for, or a Dutch error naming the candidates.</summary>
    public async Task<(MonitoringSubject? Subject, string? Error)> ResolveAsync(ParseResult parse, RegiewijzerDb db, MonitoringSnapshot snapshot, CancellationToken ct)
    {
        if (parse.GetValue(Region) is { } region)
        {
            var (row, error) = await FindRegion.RunAsync(db, region, ct).ConfigureAwait(false);
            return row is null ? (null, error) : (snapshot.Find(MonitoringLevel.Region, row.Id), null);
        }

        if (parse.GetValue(Province) is { } province)
        {
            var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
            var match = provinces.FirstOrDefault(p => FindProvince.Matches(p.Code, p.Name, province));
            return match is null
                ? (null, $"onbekende provincie '{province}' (kies uit: {string.Join(", ", provinces.Select(p => $"{p.Code} {p.Name}"))})")
                : (snapshot.Find(MonitoringLevel.Province, match.Code), null);
        }

        if (parse.GetValue(Municipality) is { } municipality)
        {
            return await FindMunicipalityAsync(db, snapshot, municipality.Trim(), ct).ConfigureAwait(false);
        }

        return (MonitoringSubject.Nation, null);
    }

    private static async Task<(MonitoringSubject?, string?)> FindMunicipalityAsync(RegiewijzerDb db, MonitoringSnapshot snapshot, string q, CancellationToken ct)
    {
        var all = await db.Municipalities.AsNoTracking().Select(m => new { m.Code, m.Name }).ToListAsync(ct).ConfigureAwait(false);
        var exact = all.FirstOrDefault(m => string.Equals(m.Code, q, StringComparison.OrdinalIgnoreCase) || Same(m.Name, q));
        var matches = exact is not null ? [exact] : all.Where(m => m.Name.Contains(q, StringComparison.OrdinalIgnoreCase)).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            1 => (snapshot.Find(MonitoringLevel.Municipality, matches[0].Code), null),
            0 => (null, $"geen gemeente gevonden voor '{q}'; geef een CBS-code (GM0228) of de naam"),
            _ => (null, $"'{q}' past op meerdere gemeenten: {string.Join(", ", matches.Take(10).Select(m => $"{m.Code} {m.Name}"))}{(matches.Count > 10 ? ", …" : string.Empty)}"),
        };
    }

    private static bool Same(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a, b, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
