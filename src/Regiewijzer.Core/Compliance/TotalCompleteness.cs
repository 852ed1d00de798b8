namespace Regiewijzer.Core.Compliance;

/// <summary>
/// Whether a provincial or national total is whole: a municipality without a known task (its region not distributed,
/// or itself without a task) is left out of the sums, and a sum with parts left out is never judged as if it were the
/// whole. Pages, downloads and the CLI use this one rule and its wording.
/// </summary>
public static class TotalCompleteness
{
    /// <summary>The key of the national total in <see cref="MissingCounts"/>.</summary>
    public const string Nation = "NL";

    /// <summary>The verdict of a total with parts left out (instead of "voldoet" or "tekort").</summary>
    public const string NotJudgeable = "niet te beoordelen";

    /// <summary>
    /// The municipalities left out, counted per province code and for the nation (<see cref="Nation"/>): one province
    /// code per municipality without a known task. A province without any has no entry.
    /// </summary>
    public static IReadOnlyDictionary<string, int> MissingCounts(IEnumerable<string> provinceOfEachMissing)
    {
        ArgumentNullException.ThrowIfNull(provinceOfEachMissing);
        var counts = provinceOfEachMissing.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        counts[Nation] = counts.Values.Sum();
        return counts;
    }

    /// <summary>How many municipalities the total <paramref name="total"/> leaves out (0: it is whole).</summary>
    public static int MissingFrom(IReadOnlyDictionary<string, int> missing, AggregateCheck total)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(total);
        return missing.GetValueOrDefault(total.Level == AggregateLevel.Nation ? Nation : total.Code);
    }

    /// <summary>"21 gemeenten zonder bekende opgave tellen niet mee"; null when none is missing.</summary>
    public static string? MissingText(int missing) =>
        missing > 0 ? $"{Format.Count(missing)} {(missing == 1 ? "gemeente" : "gemeenten")} zonder bekende opgave tellen niet mee" : null;

    /// <summary>
    /// The verdict of a total as one short text: "voldoet", "tekort" or, with municipalities left out,
    /// "niet te beoordelen" (never "voldoet" for a partial sum).
    /// </summary>
    public static string Verdict(AggregateCheck total, int missing)
    {
        ArgumentNullException.ThrowIfNull(total);
        return missing > 0 ? NotJudgeable : total.MeetsNorms ? "voldoet" : "tekort";
    }

    /// <summary>
    /// The "voldoet" column of a download: "ja", "nee" or, with municipalities left out,
    /// "niet te beoordelen (21 gemeenten zonder bekende opgave tellen niet mee)".
    /// </summary>
    public static string YesNo(AggregateCheck total, int missing)
    {
        ArgumentNullException.ThrowIfNull(total);
        return missing > 0 ? $"{NotJudgeable} ({MissingText(missing)})" : total.MeetsNorms ? "ja" : "nee";
    }
}
