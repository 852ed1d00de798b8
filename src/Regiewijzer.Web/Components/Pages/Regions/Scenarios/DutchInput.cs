using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Regiewijzer.Core;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>
/// Reads numbers as a Dutch user types them: "1.234" and "1234" are whole numbers (the point groups thousands),
/// "12,5" has a decimal comma. Anything else is rejected with a Dutch reason, never guessed.
/// </summary>
internal static partial class DutchInput
{
    /// <summary>
    /// Longest number read, without spaces: the same limit as a share in a scenario file (<see cref="Fraction.MaxLength"/>).
    /// Longer text is refused before it is parsed, so that reading stays linear in its length.
    /// </summary>
    public const int MaxLength = Fraction.MaxLength;

    /// <summary>A whole number of homes (0 or more), or the reason it is not one. Empty text is null without error.</summary>
    public static (int? Value, string? Error) Count(string? text)
    {
        var t = Clean(text);
        if (t.Length == 0)
        {
            return (null, null);
        }

        if (t.Length > MaxLength)
        {
            return (null, TooLong(t));
        }

        if (t.StartsWith('-') || t.StartsWith('−'))
        {
            return (null, "mag niet negatief zijn; vul 0 of meer in");
        }

        if (t.Contains(',', StringComparison.Ordinal))
        {
            return (null, $"'{text?.Trim()}' is geen geheel aantal woningen: gebruik geen komma (1.234 of 1234)");
        }

        if (!WholeNumber().IsMatch(t))
        {
            return (null, t.Contains('.', StringComparison.Ordinal)
                ? $"'{text?.Trim()}' is geen geheel getal: gebruik de punt alleen tussen duizendtallen, zoals 1.234"
                : $"'{text?.Trim()}' is geen geheel getal; vul een aantal woningen in, zoals 1.234");
        }

        return int.TryParse(t.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"'{text?.Trim()}' is te groot");
    }

    /// <summary>
    /// An exact share typed as a percentage ("20", "20%", "12,5") or as a fraction ("1/5"), or the reason it is
    /// not one. Empty text is null without error.
    /// </summary>
    public static (Fraction? Value, string? Error) Share(string? text)
    {
        var t = Clean(text).TrimEnd('%');
        if (t.Length == 0)
        {
            return (null, null);
        }

        if (t.Length > MaxLength)
        {
            return (null, TooLong(t));
        }

        if (t.StartsWith('-') || t.StartsWith('−'))
        {
            return (null, "mag niet negatief zijn");
        }

        if (t.Contains('/', StringComparison.Ordinal))
        {
            return Fraction.TryParse(t, out var fraction) && fraction <= Fraction.One
                ? (fraction, null)
                : (null, $"'{text?.Trim()}' is geen breuk tussen 0 en 1, zoals 1/5");
        }

        if (t.Contains('.', StringComparison.Ordinal))
        {
            return (null, $"'{text?.Trim()}': gebruik een komma voor decimalen, zoals 12,5");
        }

        if (!Fraction.TryParse(t.Replace(',', '.'), out var percent) || percent > 100)
        {
            return (null, $"'{text?.Trim()}' is geen percentage tussen 0 en 100, zoals 20 of 12,5");
        }

        return (percent / 100, null);
    }

    /// <summary>How <see cref="Share"/> reads back: "20" for 1/5, "12,5" for 1/8, the fraction "1/6" when the percentage does not end.</summary>
    public static string ShareText(Fraction share)
    {
        var percent = share * 100;
        for (var decimals = 0; decimals <= 4; decimals++)
        {
            if ((percent * (long)BigInteger.Pow(10, decimals)).IsInteger)
            {
                return Format.Number(percent, decimals);
            }
        }

        return share.ToString();
    }

    private static string TooLong(string t) =>
        $"'{t.AsSpan(0, 20)}…' is te lang ({Format.Count(t.Length)} tekens); een getal heeft hooguit {MaxLength} tekens";

    /// <summary>Trims and drops spaces (also non-breaking) that people type between thousands.</summary>
    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"^([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();
}
