using System.Globalization;

namespace Regiewijzer.Data.Features;

/// <summary>Matches what a person types for a province: its CBS code, its CBS name or a common name.</summary>
public static class FindProvince
{
    /// <summary>Names in common use besides the CBS name, by CBS code.</summary>
    private static readonly Dictionary<string, string> CommonNames = new(StringComparer.Ordinal)
    {
        ["PV21"] = "Friesland",
    };

    /// <summary>True when <paramref name="query"/> is the code, the name (case and accents ignored) or a common name.</summary>
    public static bool Matches(string code, string name, string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Trim();
        return string.Equals(code, q, StringComparison.OrdinalIgnoreCase)
            || Same(name, q)
            || (CommonNames.TryGetValue(code, out var common) && Same(common, q));
    }

    private static bool Same(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a, b, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0; // "Fryslan" finds Fryslân
}
