using System.Globalization;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The code of the province <paramref name="query"/> names (code or name), or null.</summary>
    public static async Task<string?> CodeAsync(RegiewijzerDb db, string query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provinces = await db.Provinces.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct).ConfigureAwait(false);
        return provinces.FirstOrDefault(p => Matches(p.Code, p.Name, query))?.Code;
    }

    private static bool Same(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a, b, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0; // "Fryslan" finds Fryslân
}
