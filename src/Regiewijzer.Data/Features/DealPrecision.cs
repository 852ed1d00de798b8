using System.Text.RegularExpressions;

namespace Regiewijzer.Data.Features;

/// <summary>
/// The precision of a woondeal total in Dutch for display. The shipped data (woondeals.csv,
/// column precisie) notes it in English, sometimes with a Dutch quote from the source.
/// </summary>
public static partial class DealPrecision
{
    private static readonly (string English, string Dutch)[] Heads =
    [
        ("approximate lower bound", "ondergrens bij benadering"),
        ("approximate", "bij benadering"),
        ("minimum", "minimaal"),
        ("exact", "exact"),
        ("not found", "niet gevonden"),
    ];

    private static readonly (string English, string Dutch)[] Details =
    [
        ("rounded in source", "afgerond in de bron"),
        ("as announced before signing", "zoals aangekondigd vóór ondertekening"),
        ("ambition", "ambitie"),
    ];

    /// <summary>"exact (rounded in source)" -> "exact, afgerond in de bron"; Dutch quotes are kept; unknown text is shown as it is.</summary>
    public static string Dutch(string precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        var open = precision.IndexOf(" (", StringComparison.Ordinal);
        var head = open < 0 ? precision : precision[..open];
        var detail = open < 0 ? null : precision[(open + 2)..].TrimEnd(')');
        var dutchHead = Heads.FirstOrDefault(h => string.Equals(h.English, head, StringComparison.Ordinal)).Dutch ?? head;
        if (string.IsNullOrEmpty(detail) || string.Equals(detail, $"\"{dutchHead}\"", StringComparison.Ordinal))
        {
            return dutchHead;
        }

        foreach (var (english, dutch) in Details)
        {
            detail = detail.Replace(english, dutch, StringComparison.Ordinal);
        }

        return $"{dutchHead}, {ThousandsComma().Replace(detail, "$1.$2")}";
    }

    [GeneratedRegex(@"(\d),(\d{3})\b")]
    private static partial Regex ThousandsComma();
}
