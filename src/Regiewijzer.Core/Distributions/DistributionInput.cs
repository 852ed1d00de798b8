using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Distributions;

/// <summary>How the regional remainder of social rent is spread in pass 1 (domain.md §5 step 5).</summary>
public enum DistributionKey
{
    /// <summary>Weight U (uncontracted task) for every municipality. The default.</summary>
    Proportional,

    /// <summary>Weight U for social-lagging municipalities, 0 for the others.</summary>
    LaggingFirst,

    /// <summary>Weight U * (threshold - s) for social-lagging municipalities, 0 for the others.</summary>
    GapWeighted,
}

/// <summary>At which levels the norms are met by the distribution of one region (domain.md §5b).</summary>
public enum DistributionLevels
{
    /// <summary>In the region and in each province's part of it (the default; the same as <see cref="Region"/> within one province).</summary>
    ProvinceAndRegion,

    /// <summary>Only in the region as a whole (domain.md §5 alone): kept for comparison.</summary>
    Region,
}

/// <summary>Dutch names of the keys, as the CLI, the pages and the explanation show them.</summary>
public static class DistributionKeyText
{
    public static string Dutch(this DistributionKey key) => key switch
    {
        DistributionKey.Proportional => "proportioneel",
        DistributionKey.LaggingFirst => "achterblijvers eerst",
        DistributionKey.GapWeighted => "naar achterstand",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };
}

/// <summary>Homes per segment group: social rent, middle segment, free sector. Counts are &gt;= 0.</summary>
public readonly record struct SegmentCounts
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public SegmentCounts(int social, int middle, int free)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(social);
        ArgumentOutOfRangeException.ThrowIfNegative(middle);
        ArgumentOutOfRangeException.ThrowIfNegative(free);
        Social = social;
        Middle = middle;
        Free = free;
    }

    public int Social { get; }

    public int Middle { get; }

    public int Free { get; }

    public int Total => checked(Social + Middle + Free);

    public static SegmentCounts None => default;
}

/// <summary>
/// A granted exemption (ontheffing): a lowered floor fraction for social rent and/or the middle
/// segment. Only the fraction of the municipality's lagging segment has effect.
/// </summary>
public sealed record Exemption(Fraction? SocialFloor, Fraction? MiddleFloor);

/// <summary>A voluntary commitment: at least this many social and/or middle homes, contracted ones included.</summary>
public sealed record Commitment(int? Social, int? Middle);

/// <summary>One municipality's input to a regional distribution.</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Name">Name for display.</param>
/// <param name="Task">N: new homes in the period.</param>
/// <param name="Stock">T: total dwelling stock (&gt; 0).</param>
/// <param name="SocialStock">S: social stock by the NormSet's stock metric (0 &lt;= S &lt;= T).</param>
/// <param name="Contracted">C: homes already contracted (grandfathered), per segment group; total &lt;= N.</param>
/// <param name="Exemption">A granted exemption, or null.</param>
/// <param name="Commitment">A voluntary commitment, or null.</param>
/// <param name="Province">The province the municipality lies in, or null when unknown (then the region is one part).</param>
public sealed record MunicipalityInput(
    MunicipalityCode Code,
    string Name,
    int Task,
    int Stock,
    int SocialStock,
    SegmentCounts Contracted = default,
    Exemption? Exemption = null,
    Commitment? Commitment = null,
    ProvinceCode? Province = null);

/// <summary>One region's distribution question.</summary>
/// <param name="Name">Region name for display.</param>
/// <param name="Municipalities">The members; order does not matter.</param>
/// <param name="Key">The key for the social remainder.</param>
/// <param name="Levels">Whether each province's part of the region must meet the norms as well (domain.md §5b).</param>
public sealed record RegionInput(
    string Name,
    ImmutableArray<MunicipalityInput> Municipalities,
    DistributionKey Key = DistributionKey.Proportional,
    DistributionLevels Levels = DistributionLevels.ProvinceAndRegion);

/// <summary>The scenario rule on provinces: every municipality has one (a province-aware distribution) or none does.</summary>
public static class ProvinceRule
{
    /// <summary>How many of <paramref name="municipalities"/> have a province; the rule holds when that is 0 or all of them.</summary>
    public static bool IsAllOrNone(IReadOnlyCollection<MunicipalityInput> municipalities, out int withProvince)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        withProvince = municipalities.Count(m => m.Province is not null);
        return withProvince == 0 || withProvince == municipalities.Count;
    }

    /// <summary>True when a municipality added to these must carry a province: they have provinces, or there are none yet.</summary>
    public static bool AddedNeedsProvince(IReadOnlyCollection<MunicipalityInput> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return municipalities.Count == 0 || municipalities.Any(m => m.Province is not null);
    }
}
