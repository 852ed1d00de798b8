using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>One line of a side-by-side comparison: what the user submitted and what is stored now (null when absent).</summary>
public sealed record ConflictRow(string Label, string? Mine, string? Stored)
{
    public bool Differs => !string.Equals(Mine, Stored, StringComparison.Ordinal);
}

/// <summary>The lines comparing two versions of a plan, a realisation or a trajectory profile, in Dutch.</summary>
internal static class ConflictRows
{
    public static IReadOnlyList<ConflictRow> Plan(PlanForm? mine, PlanForm? stored) =>
    [
        new("Code", mine?.Code?.Trim(), stored?.Code),
        new("Naam", mine?.Name?.Trim(), stored?.Name),
        new("Planstatus", StatusText(mine?.Status), StatusText(stored?.Status)),
        new("Prijspeiljaar", mine?.PriceLevelYear?.Trim(), stored?.PriceLevelYear),
        new("Gecontracteerd", Contract(mine), Contract(stored)),
        new("Woningen per jaar", Deliveries(mine), Deliveries(stored)),
        new("Woningen totaal", Total(mine), Total(stored)),
    ];

    public static IReadOnlyList<ConflictRow> Realisation(RealisationForm? mine, RealisationForm? stored) =>
    [
        .. EditFields.Segments.Select((s, i) => new ConflictRow(s.Label, Count(mine?.Counts.ElementAt(i), mine is null), Count(stored?.Counts.ElementAt(i), stored is null))),
        new("Bron", mine is null ? null : EditRules.Text(mine.Source) ?? "-", stored is null ? null : stored.Source ?? "-"),
        new("Schatting of benadering", mine is null ? null : YesNo(mine.IsEstimate), stored is null ? null : YesNo(stored.IsEstimate)),
        new("Toelichting", mine is null ? null : EditRules.Text(mine.Note) ?? "-", stored is null ? null : stored.Note ?? "-"),
    ];

    public static IReadOnlyList<ConflictRow> Trajectory(IEnumerable<int> years, TrajectoryForm? mine, TrajectoryForm? stored, bool storedIsLinear) =>
    [
        .. years.Select(y => new ConflictRow(
            $"Gewicht {y.ToString(CultureInfo.InvariantCulture)}",
            mine is null ? null : Count(mine.WeightOf(y), false),
            stored is null ? null : storedIsLinear ? "lineair" : Count(stored.WeightOf(y), false))),
    ];

    /// <summary>"1b vastgesteld plan (hard)", or the text as typed when it is not a status.</summary>
    public static string? StatusText(string? code) =>
        code is null ? null
        : PlanningStatuses.TryParse(code, out var status) ? $"{status.Code()} {status.Dutch()} ({(status.IsHard() ? "hard" : "zacht")})"
        : code.Trim();

    private static string? Contract(PlanForm? form) =>
        form is null ? null
        : !form.Contracted ? "nee"
        : string.IsNullOrWhiteSpace(form.ContractedOn) ? "ja"
        : $"ja, {DateText(form.ContractedOn)}";

    private static string DateText(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d-M-yyyy", CultureInfo.InvariantCulture)
            : text.Trim();

    /// <summary>"2026: 1.200 sociale huur, 10 segment onbekend; 2027: …" (rows without homes left out).</summary>
    private static string? Deliveries(PlanForm? form)
    {
        if (form is null)
        {
            return null;
        }

        var years = form.Deliveries.Where(d => !d.IsEmpty).OrderBy(d => d.Year, StringComparer.Ordinal).Select(d =>
        {
            var parts = EditFields.Segments.Zip(d.Counts)
                .Select(x => (x.First.Label, Text: Count(x.Second, false)))
                .Where(x => x.Text != "0")
                .Select(x => $"{x.Text} {x.Label.ToLowerInvariant()}");
            return $"{d.Year?.Trim()}: {string.Join(", ", parts)}";
        }).ToList();
        return years.Count == 0 ? "geen" : string.Join("\n", years); // one line per year (the table keeps line breaks)
    }

    private static string? Total(PlanForm? form)
    {
        if (form is null)
        {
            return null;
        }

        long total = 0;
        foreach (var text in form.Deliveries.SelectMany(d => d.Counts))
        {
            var (value, error) = string.IsNullOrWhiteSpace(text) ? (0, null) : Counts.Parse(text, NumberNotation.Dutch);
            if (error is not null)
            {
                return "-";
            }

            total += value ?? 0;
        }

        return Format.Count(total);
    }

    /// <summary>A count as typed, normalised ("1200" and "1.200" both "1.200"; empty "0"), or the raw text when it is not one.</summary>
    private static string? Count(string? text, bool absent)
    {
        if (absent)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "0";
        }

        var (value, _) = Counts.Parse(text, NumberNotation.Dutch);
        return value is { } v ? Format.Count(v) : text.Trim();
    }

    private static string YesNo(bool value) => value ? "ja" : "nee";
}
