using System.Globalization;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Pages.Instructions;

/// <summary>Dutch texts, status classes, field ids and links of the instruction pages.</summary>
internal static class InstructionText
{
    /// <summary>Field (as the feature names it) → element id and label.</summary>
    public static IReadOnlyDictionary<string, (string Id, string Label)> Fields { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["addressee"] = ("instructie-geadresseerde", "Geadresseerde"),
        ["subject"] = ("instructie-onderwerp", "Onderwerp"),
        ["content"] = ("instructie-inhoud", "Inhoud"),
        ["deadline"] = ("instructie-termijn", "Termijn"),
        ["warningReference"] = ("instructie-signalering", "Signalering"),
    };

    public static string Id(string field) => Fields.TryGetValue(field, out var f) ? f.Id : "instructie";

    public static string Label(string field) => Fields.TryGetValue(field, out var f) ? f.Label : field;

    /// <summary>The error summary's lines (label, link to the field, reason).</summary>
    public static IReadOnlyList<(string Label, string? Href, string Message)> Errors(IEnumerable<FieldError> errors) =>
        [.. errors.Select(e => (Label(e.Field), (string?)$"#{Id(e.Field)}", e.Reason))];

    /// <summary>The reason of one field, or null.</summary>
    public static string? ErrorFor(IEnumerable<FieldError> errors, string field) =>
        errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.Ordinal))?.Reason;

    /// <summary>"gegeven", "gegeven – termijn verstreken", …</summary>
    public static string Status(InstructionView v, DateOnly today) =>
        v.IsOverdue(today) ? $"{v.Row.Status.Dutch()} – termijn verstreken" : v.Row.Status.Dutch();

    public static string StatusClass(InstructionView v, DateOnly today) => v.IsOverdue(today) ? "rw-status rw-status--bad"
        : v.Row.Status switch
        {
            InstructionStatus.Complied => "rw-status rw-status--ok",
            InstructionStatus.Issued => "rw-status rw-status--warn",
            _ => "rw-status",
        };

    public static string Number(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The progress page of an organisation (its warnings), or null for the Rijk.</summary>
    public static string? Monitoring(OrganisationRow o) => o.Kind switch
    {
        OrganisationKind.Municipality => $"/voortgang/gemeente/{o.Id}",
        OrganisationKind.Province => $"/voortgang/provincie/{o.Id}",
        _ => null,
    };

    /// <summary>The statuses an issuer can move to from <paramref name="status"/>, with the button text.</summary>
    public static IReadOnlyList<(InstructionStatus To, string Button)> Moves(InstructionStatus status) =>
    [
        .. new[] { (InstructionStatus.Issued, "Instructie geven"), (InstructionStatus.Complied, "Markeren als opgevolgd"), (InstructionStatus.Withdrawn, "Instructie intrekken") }
            .Where(m => InstructionLifecycle.CanMove(status, m.Item1)),
    ];

}
