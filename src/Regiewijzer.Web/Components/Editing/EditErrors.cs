using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>The error summary's title and lines (label, link to the field, reason) of an edit's errors.</summary>
internal static class EditErrors
{
    public static string Title(IReadOnlyList<FieldError> errors) =>
        $"Controleer de invoer ({errors.Count} {(errors.Count == 1 ? "fout" : "fouten")})";

    public static IReadOnlyList<(string Label, string? Href, string Message)> Items(IReadOnlyList<FieldError> errors) =>
        [.. errors.Select(e => (EditFields.Label(e.Field), (string?)$"#{EditFields.Id(e.Field)}", e.Reason))];
}
