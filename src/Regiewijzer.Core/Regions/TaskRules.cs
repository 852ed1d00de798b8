using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Regions;

/// <summary>A period of a regional building task: the woondeal's 2022-2030 or a ten-year period under the law.</summary>
/// <param name="From">First year.</param>
/// <param name="To">Last year.</param>
public sealed record TaskPeriod(int From, int To)
{
    /// <summary>"2022-2030".</summary>
    public string Code => $"{From}-{To}";

    /// <summary>True for the woondeals' period.</summary>
    public bool IsWoondeal => this == TaskPeriods.Woondeal;

    /// <summary>"woondeal 2022-2030" or "wettelijke periode 2026-2035 (startjaar: aanname)".</summary>
    public string Label => IsWoondeal
        ? $"woondeal {Code}"
        : this == TaskPeriods.Law ? $"wettelijke periode {Code} (startjaar: {TaskPeriods.LawStartYear.Confidence.Dutch()})" : $"periode {Code}";

    /// <summary>Parses "2026-2035"; null when it is not two years with the first not after the second (at most 15 years).</summary>
    public static TaskPeriod? TryParse(string? text)
    {
        if (text?.Trim().Split('-') is [var a, var b] && int.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var to)
            && from is >= 2000 and <= 2100 && to >= from && to - from < 15)
        {
            return new TaskPeriod(from, to);
        }

        return null;
    }
}

/// <summary>The periods a region's task can have (law as data: the start year of the law's ten-year period is a labelled parameter).</summary>
public static class TaskPeriods
{
    /// <summary>The woondeals' period.</summary>
    public static TaskPeriod Woondeal { get; } = new(2022, 2030);

    /// <summary>
    /// The first year of the law's ten-year period. Assumption: the law is to enter into force on 1 July 2026 and
    /// plans over ten years; that the first period starts in 2026 is our reading until the decree fixes it.
    /// </summary>
    public static NormParameter LawStartYear { get; } = new(
        "lawPeriodStart",
        "Eerste jaar van de tienjarige periode onder de wet",
        new Fraction(2026, 1),
        "Wetsvoorstel Wet versterking regie volkshuisvesting (Kamerstuk 36512): programma's over tien jaar",
        Confidence.Assumption,
        "Aanname: de wet treedt naar verwachting op 1 juli 2026 in werking; dat de eerste tienjarige periode in 2026 begint is onze lezing tot het besluit het vastlegt.");

    /// <summary>The law's ten-year period from <see cref="LawStartYear"/>.</summary>
    public static TaskPeriod Law { get; } = new((int)LawStartYear.Value.Numerator, (int)LawStartYear.Value.Numerator + NormSets.Default.PeriodYears - 1);

    /// <summary>The periods offered for a region: the woondeal's, the law's, and any other a task exists for.</summary>
    public static ImmutableArray<TaskPeriod> Offered(IEnumerable<TaskPeriod> existing) =>
        [.. new[] { Woondeal, Law }.Concat(existing).Distinct().OrderBy(p => p.From).ThenBy(p => p.To)];
}

/// <summary>One municipal task as entered: homes, afgesproken (with its source) or afgeleid (with its method).</summary>
public sealed record TaskEntry(string Municipality, int? Homes, string? Origin, string? Basis);

/// <summary>The rules for a task entered by a province or proposed by a municipality (pure; every problem with field and Dutch reason).</summary>
public static class TaskRules
{
    public const int MaxHomes = 1_000_000;
    public const int MinBasisLength = 5;
    public const int MaxBasisLength = 500;

    /// <summary>The Dutch origin codes.</summary>
    public const string Agreed = "afgesproken";

    public const string Derived = "afgeleid";

    /// <summary>Problems of one entry as (field, reason); field names are "{prefix}homes", "{prefix}origin", "{prefix}basis".</summary>
    public static ImmutableArray<(string Field, string Reason)> Check(TaskEntry entry, string name, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = ImmutableArray.CreateBuilder<(string, string)>();
        if (entry.Homes is not { } homes || homes < 0 || homes > MaxHomes)
        {
            errors.Add(($"{prefix}homes", $"{name}: vul de opgave in als heel aantal woningen van 0 tot en met {Format.Count(MaxHomes)}."));
        }

        var origin = entry.Origin?.Trim().ToLowerInvariant();
        if (origin is not (Agreed or Derived))
        {
            errors.Add(($"{prefix}origin", $"{name}: kies de herkomst, afgesproken (met bron) of afgeleid (met methode)."));
        }

        var basis = entry.Basis?.Trim() ?? string.Empty;
        if (basis.Length < MinBasisLength || basis.Length > MaxBasisLength)
        {
            errors.Add(($"{prefix}basis", origin == Derived
                ? $"{name}: beschrijf hoe de opgave is afgeleid ({MinBasisLength} tot {MaxBasisLength} tekens)."
                : $"{name}: noem de bron van het afgesproken aantal ({MinBasisLength} tot {MaxBasisLength} tekens), bijvoorbeeld het besluit of de woondeal."));
        }

        return errors.ToImmutable();
    }
}
