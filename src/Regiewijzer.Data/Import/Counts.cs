using System.Buffers;
using System.Globalization;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Whole, non-negative counts as people type them. Accepted: "1234" always; "1.234" (Dutch
/// thousands) in a Dutch file (';' CSV, XLSX); "1,234" (international thousands, quoted) in a ','
/// CSV. Rejected: fractions ("1.234,5", and "1,5" in a ';' file where the comma is the decimal
/// separator), negatives, text, and "1.234" in a ',' file (1234 or 1,234?). A decimal part is
/// rejected even when it is zero, because "1,000" would otherwise silently become 1.
/// </summary>
public static class Counts
{
    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.,");

    /// <returns>The count, or a Dutch reason why the text is not one.</returns>
    public static (int? Value, string? Error) Parse(string text, NumberNotation notation)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return (null, "leeg; vul een geheel aantal in");
        }

        if (t[0] is '-' or '\u2212')
        {
            return IsNumberLike(t.AsSpan(1)) ? (null, $"'{t}' is negatief; een aantal is 0 of meer") : (null, $"'{t}' is geen getal");
        }

        if (!IsNumberLike(t))
        {
            return (null, $"'{t}' is geen getal");
        }

        var (group, decimalMark) = notation == NumberNotation.Dutch ? ('.', ',') : (',', '.');
        var hasDot = t.Contains('.', StringComparison.Ordinal);
        var hasComma = t.Contains(',', StringComparison.Ordinal);
        if (hasDot && hasComma)
        {
            return (null, $"'{t}' is geen geheel aantal");
        }

        if (t.Contains(decimalMark, StringComparison.Ordinal))
        {
            return notation == NumberNotation.International && IsGrouped(t, '.')
                ? (null, $"'{t}' is dubbelzinnig in een bestand met ',' als scheidingsteken (Nederlands {t.Replace(".", string.Empty, StringComparison.Ordinal)} of internationaal een breuk); schrijf het aantal zonder punt")
                : (null, notation == NumberNotation.Dutch
                    ? $"'{t}' is geen geheel aantal (in een bestand met ';' en in XLSX is de komma het decimaalteken)"
                    : $"'{t}' is geen geheel aantal");
        }

        if (t.Contains(group, StringComparison.Ordinal) && !IsGrouped(t, group))
        {
            return (null, $"'{t}' is geen geheel aantal ('{group}' scheidt duizendtallen en moet door drie cijfers gevolgd worden)");
        }

        var digits = t.Replace(group.ToString(), string.Empty, StringComparison.Ordinal);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"'{t}' is te groot (hoogstens {int.MaxValue.ToString("N0", Core.Format.Dutch)})");
    }

    /// <summary>A year written as four digits in 1900-2100.</summary>
    public static (int? Value, string? Error) ParseYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        return t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
            ? (year, null)
            : (null, t.Length == 0 ? "leeg; vul een jaartal in" : $"'{t}' is geen jaartal (vier cijfers, 1900-2100)");
    }

    /// <summary>Starts with a digit and holds only digits, '.' and ','.</summary>
    internal static bool IsNumberLike(ReadOnlySpan<char> t) =>
        t.Length > 0 && char.IsAsciiDigit(t[0]) && !t.ContainsAnyExcept(NumberChars);

    /// <summary>"1.234.567": one to three digits, then groups of exactly three.</summary>
    internal static bool IsGrouped(string t, char group)
    {
        var parts = t.Split(group);
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }
}
