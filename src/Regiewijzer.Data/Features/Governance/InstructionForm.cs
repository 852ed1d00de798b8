using System.Globalization;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// An instruction as typed in the form or posted as JSON. <see cref="Version"/> is the stored version the user read
/// (null when creating). Field names in errors are the JSON names: addressee, subject, content, deadline, warningReference.
/// </summary>
public sealed class InstructionForm
{
    /// <summary>The addressee's id: a municipality ("GM0228") or a province ("PV25").</summary>
    public string? Addressee { get; set; }

    public string? Subject { get; set; }

    public string? Content { get; set; }

    /// <summary>The deadline as yyyy-MM-dd (the date input) or d-M-yyyy.</summary>
    public string? Deadline { get; set; }

    /// <summary>The monitoring warning it answers, e.g. "voortgang/gemeente/GM0228"; optional.</summary>
    public string? WarningReference { get; set; }

    public int? Version { get; set; }

    /// <summary>The stored instruction as the form shows it.</summary>
    public static InstructionForm From(InstructionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new InstructionForm
        {
            Addressee = row.AddresseeId,
            Subject = row.Subject,
            Content = row.Content,
            Deadline = row.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            WarningReference = row.WarningReference,
            Version = row.Version,
        };
    }
}

/// <summary>An instruction with its issuer and addressee as organisations (names for display, kinds for the rules).</summary>
public sealed record InstructionView(InstructionRow Row, OrganisationRow Issuer, OrganisationRow Addressee)
{
    /// <summary>The deadline has passed (before <paramref name="today"/>) and the issued instruction is not complied with.</summary>
    public bool IsOverdue(DateOnly today) => Row.Status == InstructionStatus.Issued && Row.Deadline < today;

    /// <summary>What to weigh before giving it: issuer and addressee by name, subject, deadline and days left, legal basis.</summary>
    public DecisionFacts GivingFacts(DateOnly today) =>
        Decisions.GivingInstruction(Issuer.Name, Addressee.Name, Row.Subject, Row.Deadline, today, Row.LegalBasis);
}

/// <summary>Dates of the instructions register: "today" in Dutch time, and the deadline as typed.</summary>
public static class InstructionDates
{

    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy"];

    /// <summary>Today's date in the Netherlands.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DutchTime.Date(clock.GetUtcNow());
    }

    /// <summary>A date as yyyy-MM-dd or d-M-yyyy, or null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
