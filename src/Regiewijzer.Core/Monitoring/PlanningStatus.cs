using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// Planning status (planstatus) of a housing plan, as in the provincial plan monitors (domain.md
/// section 7). "Plan" stands for the zoning plan (bestemmingsplan, under the Omgevingswet the
/// omgevingsplan). Hard plans are 1a-1c, soft plans the rest. The order is from hard to soft.
/// </summary>
public enum PlanningStatus
{
    /// <summary>1a: irrevocable zoning plan.</summary>
    Irrevocable,

    /// <summary>1b: adopted zoning plan, not yet irrevocable.</summary>
    Adopted,

    /// <summary>1c: draft zoning plan.</summary>
    Draft,

    /// <summary>2a: preliminary draft zoning plan (earlier formal stage).</summary>
    PreliminaryDraft,

    /// <summary>2b: zoning plan in preparation (earlier formal stage).</summary>
    InPreparation,

    /// <summary>3: intention or initiative.</summary>
    Intention,

    /// <summary>4a: vision.</summary>
    Vision,

    /// <summary>4b: idea.</summary>
    Idea,
}

/// <summary>Codes ("1a"), Dutch labels and the hard/soft split of <see cref="PlanningStatus"/>.</summary>
public static class PlanningStatuses
{
    private static readonly string[] Codes = ["1a", "1b", "1c", "2a", "2b", "3", "4a", "4b"];

    private static readonly string[] Labels =
    [
        "onherroepelijk plan",
        "vastgesteld plan",
        "ontwerpplan",
        "voorontwerpplan",
        "plan in voorbereiding",
        "intentie of initiatief",
        "visie",
        "idee",
    ];

    /// <summary>All statuses from hard to soft (1a first).</summary>
    public static ImmutableArray<PlanningStatus> All { get; } = [.. Enum.GetValues<PlanningStatus>()];

    /// <summary>True for 1a, 1b and 1c (harde plancapaciteit).</summary>
    public static bool IsHard(this PlanningStatus status) => status <= PlanningStatus.Draft;

    /// <summary>The monitor code: "1a", "1b", "1c", "2a", "2b", "3", "4a" or "4b".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Code(this PlanningStatus status) => Codes[Index(status)];

    /// <summary>Dutch label for display, e.g. "onherroepelijk plan".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Dutch(this PlanningStatus status) => Labels[Index(status)];

    /// <summary>
    /// Parses a monitor code ("1a" … "4b"; case-insensitive, surrounding spaces ignored).
    /// Returns false for anything else, including "1" or "2" without a letter.
    /// </summary>
    public static bool TryParse(string? code, out PlanningStatus status)
    {
        var text = code?.Trim();
        for (var i = 0; i < Codes.Length; i++)
        {
            if (string.Equals(Codes[i], text, StringComparison.OrdinalIgnoreCase))
            {
                status = (PlanningStatus)i;
                return true;
            }
        }

        status = default;
        return false;
    }

    private static int Index(PlanningStatus status) =>
        status is >= PlanningStatus.Irrevocable and <= PlanningStatus.Idea
            ? (int)status
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Onbekende planstatus.");
}
