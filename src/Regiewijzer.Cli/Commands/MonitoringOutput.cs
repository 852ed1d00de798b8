using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Cli.Commands;

/// <summary>What monitor and prognose share: --format, JSON in the field names of the API, Dutch labels and the notes that go with the figures.</summary>
internal static class MonitoringOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // output for people and scripts, not for HTML: keep ë readable
    };

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: 'table' (leesbare tabellen) of 'json' (met de veldnamen van de API).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("json", "table");
        return format;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);

    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static object Exact(Fraction f) => new { exact = f.ToString(), value = f.ToDecimal(4) };

    public static string LevelDutch(MonitoringLevel level) => level switch
    {
        MonitoringLevel.Nation => "land",
        MonitoringLevel.Province => "provincie",
        MonitoringLevel.Region => "regio",
        _ => "gemeente",
    };


    /// <summary>Where the counted municipalities' targets come from: the adopted agreement of their region, or the computed distribution.</summary>
    public static string TargetSources(MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var sources = snapshot.TargetSourcesOf(p.Members);
        var agreed = sources.Where(s => s.Agreement is not null)
            .Select(s => $"vastgestelde afspraak {s.RegionName} versie {s.Agreement!.Number} ({DutchTime.Dutch(s.Agreement.AdoptedAt)})").ToList();
        var computed = sources.Count(s => s.Agreement is null);
        if (computed > 0)
        {
            agreed.Add(computed == 1 && sources.Count == 1
                ? $"verdeling volgens de wet van {sources[0].RegionName} (geen vastgestelde afspraak)"
                : $"verdeling volgens de wet voor {computed} {(computed == 1 ? "regio" : "regio's")} zonder vastgestelde afspraak");
        }

        return string.Join("; ", agreed);
    }

    /// <summary>The tier, or why there is none.</summary>
    public static string TierText(SubjectProgress p, GroupProgress g) => p.WhyNotAssessed(g) ?? g.Tier!.Value.Dutch();

    public static object Progress(MonitoringSnapshot snapshot, SubjectProgress p) => new
    {
        subject = new { level = Code(p.Subject.Level), id = p.Subject.Id, name = p.Subject.Name },
        period = new { from = snapshot.FirstYear, to = snapshot.LastYear },
        asOfYear = p.Report.AsOfYear,
        hasTarget = p.HasTarget,
        noTargetReason = p.HasTarget ? null : NoTargetReason(snapshot, p),
        membersCounted = p.Members.Length,
        targetSources = p.HasTarget ? TargetSources(snapshot, p) : null,
        withoutTarget = p.WithoutTarget,
        trajectory = p.TrajectoryText,
        groups = p.Report.Groups.Select(g => new
        {
            group = Code(g.Group),
            label = g.Group.Dutch(),
            target = g.Target,
            due = g.Due,
            realised = g.Realised,
            ratio = g.Ratio is { } r ? Exact(r) : null,
            tier = g.Tier is { } t ? Code(t) : null,
            tierLabel = TierText(p, g),
            shortfall = g.Shortfall,
            planned = g.Planned,
            plannedHard = g.PlannedHard,
        }),
        pipeline = p.Report.Pipeline.Select(r => new
        {
            status = r.Status.Code(),
            label = r.Status.Dutch(),
            hard = r.IsHard,
            plans = r.Plans,
            overdue = r.Overdue.Total,
            remaining = r.Remaining.Total,
            afterPeriod = r.AfterPeriod.Total,
            contractedRemaining = r.ContractedRemaining.Total,
        }),
        worstTier = Code(p.Report.WorstTier),
        worstGroup = p.Report.WorstGroup is { } wg ? Code(wg) : null,
        suggestion = Code(p.Report.Suggestion),
        suggestionLabel = p.Report.Suggestion.Dutch(),
        evidence = Code(p.Report.Evidence),
        evidenceLabel = p.Report.Evidence.Dutch(),
        usesEstimates = p.UsesEstimates,
        notes = Notes(snapshot, p),
    };

    public static object Warning(MonitoringWarning w) => new
    {
        subject = new { level = Code(w.Subject.Level), id = w.Subject.Id, name = w.Subject.Name },
        tier = Code(w.Tier),
        tierLabel = w.Tier.Dutch(),
        group = Code(w.Group),
        target = w.Progress.Target,
        due = w.Progress.Due,
        realised = w.Progress.Realised,
        ratio = w.Progress.Ratio is { } r ? Exact(r) : null,
        shortfall = w.Progress.Shortfall,
        suggestion = Code(w.Suggestion),
        suggestionLabel = w.Suggestion.Dutch(),
        evidence = Code(w.Evidence),
        evidenceLabel = w.Evidence.Dutch(),
        usesEstimates = w.UsesEstimates,
    };

    /// <summary>Why a subject without any target has none.</summary>
    public static string NoTargetReason(MonitoringSnapshot snapshot, SubjectProgress p) => p.Subject.Level == MonitoringLevel.Municipality
        ? $"{p.Subject.Name}: {snapshot.WhyNoTarget(p.Subject.Id)}."
        : $"geen van de {p.WithoutTarget.Length} gemeenten heeft een afgesproken doel; gerealiseerd en plannen staan er wel, een fase niet.";

    /// <summary>What to know to read the figures: proxies, unknown segments, assumptions, members left out.</summary>
    public static IReadOnlyList<string> Notes(MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var notes = new List<string>();
        var estimates = p.Realisations.Where(r => r.IsEstimate).ToList();
        if (estimates.Count > 0)
        {
            var common = estimates.Where(r => r.Note is not null).GroupBy(r => r.Note!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
            notes.Add($"gerealiseerd in {Years(estimates.Min(r => r.Realisation.Year), estimates.Max(r => r.Realisation.Year))} is een benadering (aanname), geen telling van opgeleverde nieuwbouw. {common}".TrimEnd());
        }

        var realisedUnknown = p.Report[SegmentGroup.All].Realised - p.Report[SegmentGroup.Affordable].Realised - p.Report[SegmentGroup.Free].Realised;
        if (realisedUnknown > 0)
        {
            notes.Add($"van {Format.Count(realisedUnknown)} gerealiseerde woningen is het segment onbekend: alleen het totaal wordt beoordeeld.");
        }

        var assumed = p.Plans.Where(x => !string.IsNullOrWhiteSpace(x.Facts.Assumption)).ToList();
        if (assumed.Count > 0)
        {
            var common = assumed.GroupBy(x => x.Facts.Assumption!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
            notes.Add($"{Format.Count(assumed.Count)} van de {Format.Count(p.Plans.Length)} plannen zijn opgeslagen met een aanname, bijvoorbeeld: {common}");
        }

        if (p.HasTarget && p.WithoutTarget.Length > 0)
        {
            var names = p.WithoutTarget.Take(10).Select(c => snapshot.Find(MonitoringLevel.Municipality, c)?.Name ?? c);
            notes.Add($"{p.WithoutTarget.Length} gemeente(n) zonder afgesproken doel tellen niet mee: {string.Join(", ", names)}{(p.WithoutTarget.Length > 10 ? ", …" : string.Empty)}.");
        }

        if (snapshot.Thresholds.OnTrack.Note is { } thresholds)
        {
            notes.Add(thresholds);
        }

        return notes;
    }

    private static string Years(int from, int to) => from == to ? $"{from}" : $"{from}-{to}";
}
