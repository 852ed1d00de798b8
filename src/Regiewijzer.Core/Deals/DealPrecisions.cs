namespace Regiewijzer.Core.Deals;

/// <summary>Classifies the precision wording of the shipped woondeals.csv (column precisie) and names it in Dutch.</summary>
public static class DealPrecisions
{
    /// <summary>
    /// "not found" -> Unknown; "minimum…" and "approximate lower bound…" -> Minimum; "approximate…" and
    /// "exact (rounded in source)" -> Rounded; other "exact…" -> Exact. Anything else is Unknown only when there is no number,
    /// else Rounded (the cautious reading). The rule is an assumption of this project, documented in data/SOURCES.md.
    /// </summary>
    public static DealTotalPrecision Classify(string wording, bool hasNumber)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var w = wording.Trim();
        if (!hasNumber || w.StartsWith("not found", StringComparison.OrdinalIgnoreCase))
        {
            return DealTotalPrecision.Unknown;
        }

        if (w.StartsWith("minimum", StringComparison.OrdinalIgnoreCase) || w.StartsWith("approximate lower bound", StringComparison.OrdinalIgnoreCase))
        {
            return DealTotalPrecision.Minimum;
        }

        if (w.StartsWith("exact", StringComparison.OrdinalIgnoreCase))
        {
            return w.Contains("rounded in source", StringComparison.OrdinalIgnoreCase) ? DealTotalPrecision.Rounded : DealTotalPrecision.Exact;
        }

        return DealTotalPrecision.Rounded;
    }

    /// <summary>Dutch word for display: exact, afgerond, minimaal, onbekend.</summary>
    public static string Dutch(DealTotalPrecision precision) => precision switch
    {
        DealTotalPrecision.Exact => "exact",
        DealTotalPrecision.Rounded => "afgerond",
        DealTotalPrecision.Minimum => "minimaal",
        DealTotalPrecision.Unknown => "onbekend",
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    /// <summary>The code used in the API and in files: exact, afgerond, minimaal, onbekend.</summary>
    public static string Code(DealTotalPrecision precision) => Dutch(precision);

    /// <summary>Dutch word for a party's certainty: genoemd, indicatief, afgeleid.</summary>
    public static string Dutch(PartyCertainty certainty) => certainty switch
    {
        PartyCertainty.Stated => "genoemd",
        PartyCertainty.Indicative => "indicatief",
        PartyCertainty.Derived => "afgeleid",
        _ => throw new ArgumentOutOfRangeException(nameof(certainty)),
    };
}
