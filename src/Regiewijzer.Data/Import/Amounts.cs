using System.Globalization;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Euro amounts (rents, prices) as people type them, with at most two decimals (cents). A leading or
/// trailing '€' or "EUR" is ignored. In a Dutch file (';' CSV, XLSX) '.' groups thousands and ',' is the
/// decimal separator ("€ 355.000", "1.234,56", "808,06"); in a ',' CSV it is the other way round
/// ("1,234.56", "808.06") and "355.000" is ambiguous, so rejected. Negatives and text are rejected.
/// </summary>
public static class Amounts
{
    /// <returns>The amount in euros, or a Dutch reason why the text is not one.</returns>
    public static (decimal? Value, string? Error) Parse(string text, NumberNotation notation)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Strip(text);
        if (t.Length == 0)
        {
            return (null, "leeg; vul een bedrag in euro's in");
        }

        if (t[0] is '-' or '\u2212')
        {
            return Counts.IsNumberLike(Strip(t[1..])) ? (null, $"'{text.Trim()}' is negatief; een bedrag is 0 of meer") : (null, $"'{text.Trim()}' is geen bedrag");
        }

        if (!Counts.IsNumberLike(t))
        {
            return (null, $"'{text.Trim()}' is geen bedrag (schrijf bijvoorbeeld 1.234,56 of € 355.000)");
        }

        var (group, decimalMark) = notation == NumberNotation.Dutch ? ('.', ',') : (',', '.');
        var parts = t.Split(decimalMark);
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            return (null, $"'{text.Trim()}' is geen bedrag");
        }

        var (whole, cents) = (parts[0], parts.Length == 2 ? parts[1] : string.Empty);
        if (parts.Length == 2 && (cents.Length == 0 || cents.Contains(group, StringComparison.Ordinal)))
        {
            return (null, $"'{text.Trim()}' is geen bedrag ('{group}' scheidt duizendtallen, '{decimalMark}' de centen)");
        }

        if (notation == NumberNotation.International && parts.Length == 2 && cents.Length == 3 && !whole.Contains(group, StringComparison.Ordinal))
        {
            return (null, $"'{text.Trim()}' is dubbelzinnig in een bestand met ',' als scheidingsteken (Nederlands {whole}{cents} of internationaal {whole}.{cents}); schrijf het bedrag zonder punt tussen de duizendtallen");
        }

        if (cents.Length > 2)
        {
            return (null, $"'{text.Trim()}' heeft meer dan twee decimalen; rond af op hele centen");
        }

        if (whole.Contains(group, StringComparison.Ordinal) && !Counts.IsGrouped(whole, group))
        {
            return (null, $"'{text.Trim()}' is geen bedrag ('{group}' scheidt duizendtallen en moet door drie cijfers gevolgd worden)");
        }

        var digits = whole.Replace(group.ToString(), string.Empty, StringComparison.Ordinal) + (cents.Length > 0 ? "." + cents : string.Empty);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 1_000_000_000m
            ? (value, null)
            : (null, $"'{text.Trim()}' is te groot");
    }

    /// <summary>Without white space (also non-breaking), a leading or trailing '€' or "EUR".</summary>
    private static string Strip(string text)
    {
        var t = text.Replace("\u00A0", " ", StringComparison.Ordinal).Trim();
        foreach (var symbol in new[] { "€", "EUR" })
        {
            if (t.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                t = t[symbol.Length..].Trim();
            }

            if (t.EndsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^symbol.Length].Trim();
            }
        }

        return t.EndsWith(",-", StringComparison.Ordinal) ? t[..^2] : t;
    }
}
