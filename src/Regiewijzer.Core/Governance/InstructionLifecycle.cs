namespace Regiewijzer.Core.Governance;

/// <summary>
/// The lifecycle of an instruction (instructiebesluit, domain.md §8): a concept is issued or withdrawn; an issued
/// instruction is complied with or withdrawn; complied and withdrawn instructions are closed. Also the Dutch names
/// of <see cref="InstructionStatus"/> and <see cref="OrganisationKind"/>.
/// </summary>
public static class InstructionLifecycle
{
    /// <summary>
    /// Null when <paramref name="from"/> → <paramref name="to"/> is allowed (concept → gegeven or ingetrokken; gegeven →
    /// opgevolgd or ingetrokken), else a Dutch sentence saying why not. Staying in the same status is refused.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A status is not a defined value.</exception>
    public static string? Refusal(InstructionStatus from, InstructionStatus to)
    {
        _ = from.Dutch();
        _ = to.Dutch();
        return (from, to) switch
        {
            _ when from == to => $"De instructie is al {from.Dutch()}.",
            (InstructionStatus.Complied or InstructionStatus.Withdrawn, _) => $"De instructie is {from.Dutch()} en daarmee afgesloten; geef zo nodig een nieuwe instructie.",
            (InstructionStatus.Concept, InstructionStatus.Issued or InstructionStatus.Withdrawn) => null,
            (InstructionStatus.Concept, _) => "Een concept-instructie kan niet worden opgevolgd: eerst geven.",
            (InstructionStatus.Issued, InstructionStatus.Complied or InstructionStatus.Withdrawn) => null,
            _ => "Een gegeven instructie gaat niet terug naar concept; trek haar in en maak een nieuwe.",
        };
    }

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is allowed (<see cref="Refusal"/> is null).</summary>
    public static bool CanMove(InstructionStatus from, InstructionStatus to) => Refusal(from, to) is null;

    /// <summary>Only a concept instruction may be edited (subject, content, deadline, addressee).</summary>
    public static bool IsEditable(InstructionStatus status) => status == InstructionStatus.Concept;

    /// <summary>"concept", "gegeven", "opgevolgd" or "ingetrokken".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Dutch(this InstructionStatus status) => status switch
    {
        InstructionStatus.Concept => "concept",
        InstructionStatus.Issued => "gegeven",
        InstructionStatus.Complied => "opgevolgd",
        InstructionStatus.Withdrawn => "ingetrokken",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>"Rijk", "provincie" or "gemeente".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public static string Dutch(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Rijk => "Rijk",
        OrganisationKind.Province => "provincie",
        OrganisationKind.Municipality => "gemeente",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses the Dutch label or the English name ("Issued", ...); case-insensitive, surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out InstructionStatus status) =>
        GovernanceText.TryParse(text, Dutch, out status);

    /// <summary>Parses "Rijk", "provincie", "gemeente" or the English names; case-insensitive, surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out OrganisationKind kind) =>
        GovernanceText.TryParse(text, Dutch, out kind);
}
