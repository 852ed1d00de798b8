namespace Regiewijzer.Core.Governance;

/// <summary>
/// The lifecycle of a regional agreement version (domain.md §8): concept → voorgesteld → vastgesteld. A proposed
/// version may go back to concept for rework; an adopted version never changes (a change is a new version).
/// Also the Dutch names of <see cref="AgreementStatus"/> and <see cref="ResponseKind"/>.
/// </summary>
public static class AgreementLifecycle
{
    /// <summary>
    /// Null when <paramref name="from"/> → <paramref name="to"/> is allowed (concept → voorgesteld, voorgesteld →
    /// concept, voorgesteld → vastgesteld), else a Dutch sentence saying why not. Staying in the same status is refused.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A status is not a defined value.</exception>
    public static string? Refusal(AgreementStatus from, AgreementStatus to)
    {
        _ = from.Dutch();
        _ = to.Dutch();
        return (from, to) switch
        {
            (AgreementStatus.Adopted, _) => "Een vastgestelde versie is onveranderlijk; maak een nieuwe versie.",
            _ when from == to => $"De versie is al {from.Dutch()}.",
            (AgreementStatus.Concept, AgreementStatus.Adopted) => "Een concept kan niet direct worden vastgesteld: eerst voorleggen aan de gemeenten.",
            _ => null,
        };
    }

    /// <summary>
    /// Why a what-if scenario cannot become a concept of a region's agreement, in Dutch; null when it can: every
    /// municipality in it is a member of the region, and its period is the region's.
    /// </summary>
    public static string? WhatIfRefusal(Scenarios.Scenario whatIf, IReadOnlyCollection<string> members, int periodFrom, int periodTo, string regionName)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        ArgumentNullException.ThrowIfNull(members);
        var strangers = whatIf.Region.Municipalities.Select(m => m.Code.Value).Where(c => !members.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
        {
            return $"Het scenario hoort niet bij {regionName}: {string.Join(", ", strangers)} {(strangers.Count == 1 ? "is geen gemeente" : "zijn geen gemeenten")} van de regio.";
        }

        if (whatIf.Region.Municipalities.IsEmpty)
        {
            return "Het scenario heeft geen gemeente met een opgave: er valt niets af te spreken.";
        }

        return whatIf.Period is { } p && (p.From != periodFrom || p.To != periodTo)
            ? $"Het scenario gaat over {p.From}-{p.To}; de afspraak van {regionName} over {periodFrom}-{periodTo}."
            : null;
    }

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is allowed (<see cref="Refusal"/> is null).</summary>
    public static bool CanMove(AgreementStatus from, AgreementStatus to) => Refusal(from, to) is null;

    /// <summary>Only a concept version may be edited (distribution input, key, texts).</summary>
    public static bool IsEditable(AgreementStatus status) => status == AgreementStatus.Concept;

    /// <summary>Only a proposed version takes municipalities' responses (akkoord or bezwaar).</summary>
    public static bool AcceptsResponses(AgreementStatus status) => status == AgreementStatus.Proposed;

    /// <summary>"concept", "voorgesteld" or "vastgesteld".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Dutch(this AgreementStatus status) => status switch
    {
        AgreementStatus.Concept => "concept",
        AgreementStatus.Proposed => "voorgesteld",
        AgreementStatus.Adopted => "vastgesteld",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>"akkoord" or "bezwaar".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public static string Dutch(this ResponseKind kind) => kind switch
    {
        ResponseKind.Accepted => "akkoord",
        ResponseKind.Objected => "bezwaar",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Parses "concept", "voorgesteld", "vastgesteld" or the English "Concept", "Proposed", "Adopted";
    /// case-insensitive, surrounding spaces ignored. False for anything else (numbers included).
    /// </summary>
    public static bool TryParse(string? text, out AgreementStatus status) =>
        GovernanceText.TryParse(text, Dutch, out status);

    /// <summary>Parses "akkoord", "bezwaar" or the English "Accepted", "Objected"; case-insensitive.</summary>
    public static bool TryParse(string? text, out ResponseKind kind) =>
        GovernanceText.TryParse(text, Dutch, out kind);
}
