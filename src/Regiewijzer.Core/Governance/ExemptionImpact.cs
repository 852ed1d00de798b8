using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Governance;

/// <summary>
/// The what-if of an exemption request (domain.md §8): the region's distribution as it is and as it would be if the
/// exemption were granted, so the province sees who absorbs the difference before it decides.
/// </summary>
public static class ExemptionImpact
{
    /// <summary>
    /// The input after granting: <paramref name="municipality"/>'s exemption gets <paramref name="requestedFloor"/> for
    /// <paramref name="floor"/>'s segment, replacing an earlier value for that segment and keeping an existing exemption
    /// of the other segment. The other municipalities, the key and the region name are unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The municipality is not a member of the region.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floor"/> is not a defined value.</exception>
    public static RegionInput Apply(RegionInput current, MunicipalityCode municipality, ExemptionFloor floor, Fraction requestedFloor)
    {
        ArgumentNullException.ThrowIfNull(current);
        _ = floor.Dutch();
        var members = current.Municipalities.IsDefault ? [] : current.Municipalities;
        var index = -1;
        for (var i = 0; i < members.Length && index < 0; i++)
        {
            index = members[i].Code == municipality ? i : -1;
        }

        if (index < 0)
        {
            throw new ArgumentException($"{municipality} is not a member of region {current.Name}.", nameof(municipality));
        }

        var member = members[index];
        var existing = member.Exemption;
        var exemption = floor == ExemptionFloor.Social
            ? new Exemption(requestedFloor, existing?.MiddleFloor)
            : new Exemption(existing?.SocialFloor, requestedFloor);
        return current with { Municipalities = members.SetItem(index, member with { Exemption = exemption }) };
    }

    /// <summary>
    /// Distributes the region as it is (<paramref name="current"/>, existing exemptions included) and after granting
    /// the request (<see cref="Apply"/>), with the same norms and key, and compares them per municipality.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The municipality is not a member, the current input is invalid (see <see cref="Distribution.Validate"/>), or the
    /// requested floor is negative or above the norm set's floor for that segment.
    /// </exception>
    public static ExemptionWhatIf Compute(RegionInput current, NormSet norms, MunicipalityCode municipality, ExemptionFloor floor, Fraction requestedFloor)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(norms);
        var normFloor = floor.NormFloor(norms);
        if (requestedFloor.Sign < 0 || requestedFloor > normFloor)
        {
            throw new ArgumentOutOfRangeException(nameof(requestedFloor), $"The requested floor {requestedFloor} must lie in [0, {normFloor}].");
        }

        var after = Apply(current, municipality, floor, requestedFloor);
        var before = Distribution.Distribute(current, norms);
        var afterResult = Distribution.Distribute(after, norms);
        var rows = afterResult.Municipalities
            .Select(a => (After: a, Before: before.Municipalities.First(b => b.Code == a.Code)))
            .Select(p => new ExemptionImpactRow(
                p.After.Code,
                p.After.Name,
                p.After.Task,
                new CountChange(p.Before.Social, p.After.Social),
                new CountChange(p.Before.Middle, p.After.Middle),
                new CountChange(p.Before.Free, p.After.Free),
                p.After.Code == municipality))
            .ToImmutableArray();
        var requester = afterResult.Municipalities.First(m => m.Code == municipality);
        return new ExemptionWhatIf(municipality, floor, requestedFloor, after, before, afterResult, rows, requester.Lagging == floor.Segment());
    }
}

/// <summary>One municipality in an exemption what-if: its targets before and after granting.</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Name">Name for display.</param>
/// <param name="Task">N (the same before and after).</param>
/// <param name="Social">Social rent target before and after.</param>
/// <param name="Middle">Middle-segment target before and after.</param>
/// <param name="Free">Free-sector target before and after.</param>
/// <param name="IsRequester">True for the municipality that requests the exemption.</param>
public sealed record ExemptionImpactRow(
    MunicipalityCode Code,
    string Name,
    int Task,
    CountChange Social,
    CountChange Middle,
    CountChange Free,
    bool IsRequester)
{
    /// <summary>Social + middle before and after.</summary>
    public CountChange Affordable => Social + Middle;

    /// <summary>True when its social or middle target goes up: it absorbs (part of) the difference.</summary>
    public bool Absorbs => Social.Delta > 0 || Middle.Delta > 0;

    /// <summary>True when any of its targets changes.</summary>
    public bool Changes => Social.Delta != 0 || Middle.Delta != 0 || Free.Delta != 0;
}

/// <summary>
/// The what-if of one exemption request: the distributions before and after granting it, the change per municipality
/// (by code) and for the region, and the findings after.
/// </summary>
/// <param name="Municipality">The requesting municipality.</param>
/// <param name="Floor">The segment whose floor is lowered.</param>
/// <param name="RequestedFloor">The lowered floor, a fraction of the uncontracted task.</param>
/// <param name="InputAfter">The region input after granting (<see cref="ExemptionImpact.Apply"/>): the basis of a new agreement version.</param>
/// <param name="Before">The distribution of the current input.</param>
/// <param name="After">The distribution after granting.</param>
/// <param name="Rows">Every municipality, by code.</param>
/// <param name="HasEffect">
/// False when the segment is not the municipality's lagging segment: such an exemption has no effect at all
/// (domain.md §5 step 3), and before equals after.
/// </param>
public sealed record ExemptionWhatIf(
    MunicipalityCode Municipality,
    ExemptionFloor Floor,
    Fraction RequestedFloor,
    RegionInput InputAfter,
    RegionDistribution Before,
    RegionDistribution After,
    ImmutableArray<ExemptionImpactRow> Rows,
    bool HasEffect)
{
    /// <summary>The requesting municipality's row.</summary>
    public ExemptionImpactRow Requester => Rows.First(r => r.IsRequester);

    /// <summary>"Wie vangt het op?": the municipalities whose social or middle target goes up, by code.</summary>
    public ImmutableArray<ExemptionImpactRow> Absorbers => [.. Rows.Where(r => r.Absorbs)];

    /// <summary>Region task (unchanged by an exemption).</summary>
    public int Task => After.Task;

    /// <summary>Region social rent before and after.</summary>
    public CountChange Social => new(Before.Social, After.Social);

    /// <summary>Region middle segment before and after.</summary>
    public CountChange Middle => new(Before.Middle, After.Middle);

    /// <summary>Region free sector before and after.</summary>
    public CountChange Free => new(Before.Free, After.Free);

    /// <summary>Region affordable (social + middle) before and after.</summary>
    public CountChange Affordable => new(Before.Affordable, After.Affordable);

    /// <summary>Region shortfall against RS before and after.</summary>
    public CountChange SocialShortfall => new(Before.SocialShortfall, After.SocialShortfall);

    /// <summary>Region shortfall against RA before and after.</summary>
    public CountChange AffordableShortfall => new(Before.AffordableShortfall, After.AffordableShortfall);

    /// <summary>True when the region meets both norms after granting.</summary>
    public bool MeetsNormsAfter => After.MeetsNorms;

    /// <summary>
    /// All findings and signals after granting, as <see cref="Distribution.Distribute"/> reports them
    /// (shortfalls, EXEMPTION_NOT_ABSORBED over all granted exemptions including this one, HIGH_SOCIAL_SHARE, ...).
    /// </summary>
    public ImmutableArray<Finding> FindingsAfter => After.Findings;

    /// <summary>The EXEMPTION_NOT_ABSORBED findings after granting: what no other municipality can absorb.</summary>
    public ImmutableArray<Finding> NotAbsorbed => [.. After.Findings.Where(f => f.Code == FindingCode.ExemptionNotAbsorbed)];
}
