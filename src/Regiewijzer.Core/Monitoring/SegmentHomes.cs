using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// A number of homes in each of the five segments (domain.md section 3), plus homes whose segment
/// is not known (<see cref="Unknown"/>: source data such as CBS new-build counts or plan capacity
/// without a split). Unknown homes count only in <see cref="Total"/>, never in a segment or in
/// affordable. All counts are &gt;= 0; addition is checked (throws <see cref="OverflowException"/>
/// beyond <see cref="int.MaxValue"/>).
/// </summary>
public readonly record struct SegmentHomes
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public SegmentHomes(int socialRent, int middleRent, int affordableOwnership, int freeRent, int freeOwnership, int unknown = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unknown);
        ArgumentOutOfRangeException.ThrowIfNegative(socialRent);
        ArgumentOutOfRangeException.ThrowIfNegative(middleRent);
        ArgumentOutOfRangeException.ThrowIfNegative(affordableOwnership);
        ArgumentOutOfRangeException.ThrowIfNegative(freeRent);
        ArgumentOutOfRangeException.ThrowIfNegative(freeOwnership);
        SocialRent = socialRent;
        MiddleRent = middleRent;
        AffordableOwnership = affordableOwnership;
        FreeRent = freeRent;
        FreeOwnership = freeOwnership;
        Unknown = unknown;
    }

    /// <summary>Only <paramref name="count"/> homes of unknown segment.</summary>
    public static SegmentHomes OfUnknown(int count) => new(0, 0, 0, 0, 0, count);

    public static SegmentHomes Zero => default;

    public int SocialRent { get; }

    public int MiddleRent { get; }

    public int AffordableOwnership { get; }

    public int FreeRent { get; }

    public int FreeOwnership { get; }

    /// <summary>Homes whose segment is not known (segment onbekend).</summary>
    public int Unknown { get; }

    /// <summary>Affordable = social rent + middle rent + affordable ownership.</summary>
    public int Affordable => checked(SocialRent + MiddleRent + AffordableOwnership);

    /// <summary>Middle segment = middle rent + affordable ownership.</summary>
    public int Middle => checked(MiddleRent + AffordableOwnership);

    /// <summary>Free sector = free rent + free ownership.</summary>
    public int Free => checked(FreeRent + FreeOwnership);

    /// <summary>All homes: the five segments and the unknown ones.</summary>
    public int Total => checked(Affordable + FreeRent + FreeOwnership + Unknown);

    /// <summary>The count of one segment.</summary>
    public int this[Segment segment] => segment switch
    {
        Segment.SocialRent => SocialRent,
        Segment.MiddleRent => MiddleRent,
        Segment.AffordableOwnership => AffordableOwnership,
        Segment.FreeRent => FreeRent,
        Segment.FreeOwnership => FreeOwnership,
        _ => throw new ArgumentOutOfRangeException(nameof(segment)),
    };

    /// <summary>The count of a segment or of a group of segments.</summary>
    public int this[SegmentGroup group] => group switch
    {
        SegmentGroup.Middle => Middle,
        SegmentGroup.Free => Free,
        SegmentGroup.Affordable => Affordable,
        SegmentGroup.All => Total,
        _ => this[(Segment)group],
    };

    /// <summary>Only <paramref name="count"/> homes in <paramref name="segment"/>.</summary>
    public static SegmentHomes Of(Segment segment, int count) => Zero.With(segment, count);

    /// <summary>A copy with one segment's count replaced.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public SegmentHomes With(Segment segment, int count) => segment switch
    {
        Segment.SocialRent => new(count, MiddleRent, AffordableOwnership, FreeRent, FreeOwnership, Unknown),
        Segment.MiddleRent => new(SocialRent, count, AffordableOwnership, FreeRent, FreeOwnership, Unknown),
        Segment.AffordableOwnership => new(SocialRent, MiddleRent, count, FreeRent, FreeOwnership, Unknown),
        Segment.FreeRent => new(SocialRent, MiddleRent, AffordableOwnership, count, FreeOwnership, Unknown),
        Segment.FreeOwnership => new(SocialRent, MiddleRent, AffordableOwnership, FreeRent, count, Unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(segment)),
    };

    /// <exception cref="OverflowException">A sum exceeds <see cref="int.MaxValue"/>.</exception>
    public static SegmentHomes operator +(SegmentHomes a, SegmentHomes b) => new(
        checked(a.SocialRent + b.SocialRent),
        checked(a.MiddleRent + b.MiddleRent),
        checked(a.AffordableOwnership + b.AffordableOwnership),
        checked(a.FreeRent + b.FreeRent),
        checked(a.FreeOwnership + b.FreeOwnership),
        checked(a.Unknown + b.Unknown));

    public static SegmentHomes Add(SegmentHomes a, SegmentHomes b) => a + b;

    /// <summary>"sr/mr/ak/vh/vk" counts (then "+n onbekend" when there are unknown homes), invariant digits, for diagnostics.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SocialRent}/{MiddleRent}/{AffordableOwnership}/{FreeRent}/{FreeOwnership}{(Unknown == 0 ? "" : $"+{Unknown} onbekend")}");
}

/// <summary>
/// A segment (the first five values, equal to <see cref="Segment"/>) or a group of segments: the
/// distribution's social / middle / free are <see cref="SocialRent"/>, <see cref="Middle"/> and <see cref="Free"/>.
/// </summary>
public enum SegmentGroup
{
    SocialRent = Segment.SocialRent,
    MiddleRent = Segment.MiddleRent,
    AffordableOwnership = Segment.AffordableOwnership,
    FreeRent = Segment.FreeRent,
    FreeOwnership = Segment.FreeOwnership,

    /// <summary>Middle segment: middle rent + affordable ownership (the distribution's "middle").</summary>
    Middle,

    /// <summary>Free sector: free rent + free ownership (the distribution's "free").</summary>
    Free,

    /// <summary>Social rent + middle rent + affordable ownership.</summary>
    Affordable,

    /// <summary>All five segments.</summary>
    All,
}

/// <summary>Dutch names and the list of <see cref="SegmentGroup"/>s.</summary>
public static class SegmentGroups
{
    /// <summary>The five segments, then middle, free, affordable and all: the order of results.</summary>
    public static ImmutableArray<SegmentGroup> All { get; } = [.. Enum.GetValues<SegmentGroup>()];

    public static string Dutch(this SegmentGroup group) => group switch
    {
        SegmentGroup.Middle => "middensegment",
        SegmentGroup.Free => "vrije sector",
        SegmentGroup.Affordable => "betaalbaar",
        SegmentGroup.All => "totaal",
        _ => ((Segment)group).Dutch(),
    };
}
