using System.Globalization;
using System.Text.RegularExpressions;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Components.Pages.Municipalities.HousingProgramme;

/// <summary>Column labels, input ids and error lines of the VHP page ("years[2].socialRent" → id "vhp-2-sociale-huur").</summary>
internal static partial class VhpText
{
    /// <summary>The five segments: JSON/field name, id part, label.</summary>
    public static IReadOnlyList<(string Field, string Slug, string Label)> Segments { get; } =
    [
        ("socialRent", "sociale-huur", "Sociale huur"),
        ("middleRent", "middenhuur", "Middenhuur"),
        ("affordableOwnership", "betaalbare-koop", "Betaalbare koop"),
        ("freeRent", "vrije-huur", "Vrije sector huur"),
        ("freeOwnership", "vrije-koop", "Vrije sector koop"),
    ];

    public static string Id(int row, int segment) => $"vhp-{row.ToString(CultureInfo.InvariantCulture)}-{Segments[segment].Slug}";

    /// <summary>The input name of a segment in row <paramref name="row"/> (Form.Years[row].SocialRent).</summary>
    public static string Name(int row, int segment) =>
        $"Form.Years[{row.ToString(CultureInfo.InvariantCulture)}].{char.ToUpperInvariant(Segments[segment].Field[0])}{Segments[segment].Field[1..]}";

    public static string? ErrorFor(IEnumerable<FieldError> errors, int row, int segment) =>
        errors.FirstOrDefault(e => e.Field == $"years[{row.ToString(CultureInfo.InvariantCulture)}].{Segments[segment].Field}")?.Reason;

    /// <summary>The error summary's lines: "Sociale huur 2024", link to the input, reason.</summary>
    public static IReadOnlyList<(string Label, string? Href, string Message)> Errors(IEnumerable<FieldError> errors, int firstYear) =>
    [
        .. errors.Select(e =>
        {
            var m = FieldPattern().Match(e.Field);
            if (!m.Success)
            {
                return (e.Field, (string?)null, e.Reason);
            }

            var row = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var segment = Segments.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Field == m.Groups[2].Value);
            var year = (firstYear + row).ToString(CultureInfo.InvariantCulture);
            return segment.s.Field is null ? ($"Jaar, rij {row + 1}", null, e.Reason) : ($"{segment.s.Label} {year}", $"#{Id(row, segment.i)}", e.Reason);
        }),
    ];

    [GeneratedRegex(@"^years\[(\d+)\]\.(\w+)$")]
    private static partial Regex FieldPattern();
}
