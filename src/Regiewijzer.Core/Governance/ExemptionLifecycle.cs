using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Governance;

/// <summary>
/// The lifecycle of an exemption request (ontheffing, domain.md §8): requested, then exactly one of granted,
/// refused or withdrawn; after that it never changes (a municipality submits a new request). Also the Dutch names
/// of <see cref="ExemptionStatus"/> and <see cref="ExemptionFloor"/>.
/// </summary>
public static class ExemptionLifecycle
{
    /// <summary>
    /// Null when <paramref name="from"/> → <paramref name="to"/> is allowed (aangevraagd → verleend, geweigerd or
    /// ingetrokken), else a Dutch sentence saying why not. Staying in the same status is refused.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A status is not a defined value.</exception>
    public static string? Refusal(ExemptionStatus from, ExemptionStatus to)
    {
        _ = from.Dutch();
        _ = to.Dutch();
        if (from == to)
        {
            return $"De aanvraag is al {from.Dutch()}.";
        }

        return from == ExemptionStatus.Requested
            ? null
            : $"De aanvraag is {from.Dutch()} en verandert niet meer; dien zo nodig een nieuwe aanvraag in.";
    }

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is allowed (<see cref="Refusal"/> is null).</summary>
    public static bool CanMove(ExemptionStatus from, ExemptionStatus to) => Refusal(from, to) is null;

    /// <summary>True while the request awaits a decision (aangevraagd).</summary>
    public static bool IsOpen(ExemptionStatus status) => status == ExemptionStatus.Requested;

    /// <summary>"aangevraagd", "verleend", "geweigerd" or "ingetrokken".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Dutch(this ExemptionStatus status) => status switch
    {
        ExemptionStatus.Requested => "aangevraagd",
        ExemptionStatus.Granted => "verleend",
        ExemptionStatus.Refused => "geweigerd",
        ExemptionStatus.Withdrawn => "ingetrokken",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>"sociale huur" or "middensegment".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined floor.</exception>
    public static string Dutch(this ExemptionFloor floor) => floor switch
    {
        ExemptionFloor.Social => "sociale huur",
        ExemptionFloor.Middle => "middensegment",
        _ => throw new ArgumentOutOfRangeException(nameof(floor)),
    };

    /// <summary>The norm set's floor for that segment: socialFloor (3/10 by law) or middleFloor (2/5 by law).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined floor.</exception>
    public static Fraction NormFloor(this ExemptionFloor floor, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        return floor switch
        {
            ExemptionFloor.Social => norms.SocialFloor.Value,
            ExemptionFloor.Middle => norms.MiddleFloor.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(floor)),
        };
    }

    /// <summary>The lagging segment whose floor this exemption lowers; an exemption of the other segment has no effect.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined floor.</exception>
    public static LaggingSegment Segment(this ExemptionFloor floor) => floor switch
    {
        ExemptionFloor.Social => LaggingSegment.Social,
        ExemptionFloor.Middle => LaggingSegment.Middle,
        _ => throw new ArgumentOutOfRangeException(nameof(floor)),
    };

    /// <summary>Parses the Dutch label or the English name ("Requested", ...); case-insensitive, surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out ExemptionStatus status) =>
        GovernanceText.TryParse(text, Dutch, out status);

    /// <summary>Parses "sociale huur", "middensegment", "Social" or "Middle"; case-insensitive, surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out ExemptionFloor floor) =>
        GovernanceText.TryParse(text, Dutch, out floor);
}
