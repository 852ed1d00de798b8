namespace Regiewijzer.Core.Distributions;

/// <summary>The names of the distribution keys in a scenario file, the API and the stored regions, and the one parser of them.</summary>
public static class DistributionKeys
{
    /// <summary>The scenario name of a key: proportional, lagging-first or gap-weighted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown key.</exception>
    public static string Name(DistributionKey key) => key switch
    {
        DistributionKey.Proportional => "proportional",
        DistributionKey.LaggingFirst => "lagging-first",
        DistributionKey.GapWeighted => "gap-weighted",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    /// <summary>The names a reader may choose from, in Dutch ("proportional, lagging-first of gap-weighted").</summary>
    public const string Choices = "proportional, lagging-first of gap-weighted";

    /// <summary>
    /// A key from its scenario name (exact). With <paramref name="lenient"/> (a URL parameter as people type it) also in
    /// any case, trimmed, and by its Dutch name with hyphens (proportioneel, achterblijvers-eerst, naar-achterstand).
    /// </summary>
    /// <returns>False for null, empty or an unknown name.</returns>
    public static bool TryParse(string? text, out DistributionKey key, bool lenient = false)
    {
        var t = lenient ? text?.Trim() : text;
        var comparison = lenient ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (name, dutch, value) in Names)
        {
            if (string.Equals(t, name, comparison) || (lenient && string.Equals(t, dutch, comparison)))
            {
                key = value;
                return true;
            }
        }

        key = DistributionKey.Proportional;
        return false;
    }

    private static readonly (string Name, string Dutch, DistributionKey Key)[] Names =
    [
        ("proportional", "proportioneel", DistributionKey.Proportional),
        ("lagging-first", "achterblijvers-eerst", DistributionKey.LaggingFirst),
        ("gap-weighted", "naar-achterstand", DistributionKey.GapWeighted),
    ];
}
