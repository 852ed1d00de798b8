using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>How a trajectory was made.</summary>
public enum TrajectoryKind
{
    /// <summary>The target spread evenly over the years (the default).</summary>
    Linear,

    /// <summary>Entered per year (edited).</summary>
    Custom,
}

/// <summary>
/// The agreed target of a period spread over its years (traject): homes per segment per year,
/// from <see cref="FirstYear"/> to <see cref="LastYear"/> inclusive. <see cref="Target"/> is the
/// sum over the years.
/// </summary>
public sealed record Trajectory
{
    private Trajectory(int firstYear, ImmutableArray<SegmentHomes> perYear, TrajectoryKind kind)
    {
        FirstYear = firstYear;
        PerYear = perYear;
        Kind = kind;
        Target = perYear.Aggregate(SegmentHomes.Zero, (sum, h) => sum + h);
    }

    public int FirstYear { get; }

    /// <summary>Last year of the period (inclusive).</summary>
    public int LastYear => FirstYear + PerYear.Length - 1;

    /// <summary>Homes per segment due in each year, index 0 = <see cref="FirstYear"/>.</summary>
    public ImmutableArray<SegmentHomes> PerYear { get; }

    public TrajectoryKind Kind { get; }

    /// <summary>The whole target of the period.</summary>
    public SegmentHomes Target { get; }

    /// <summary>
    /// The target spread linearly over <paramref name="firstYear"/>..<paramref name="lastYear"/>
    /// (inclusive, n years), per segment in whole homes: after k years the cumulative trajectory is
    /// ⌊target·k/n⌋, so each year gets ⌊target/n⌋ or one more, the years sum exactly to the target,
    /// and the trajectory never runs ahead of the exact linear line (the last year completes it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">lastYear &lt; firstYear.</exception>
    public static Trajectory Linear(int firstYear, int lastYear, SegmentHomes target) =>
        new(firstYear, SpreadLinear(target, firstYear, lastYear), TrajectoryKind.Linear);

    /// <summary>A trajectory entered per year (index 0 = <paramref name="firstYear"/>); its target is the sum.</summary>
    /// <exception cref="ArgumentException">No years.</exception>
    public static Trajectory Custom(int firstYear, IEnumerable<SegmentHomes> perYear)
    {
        ArgumentNullException.ThrowIfNull(perYear);
        var years = perYear.ToImmutableArray();
        return years.IsEmpty
            ? throw new ArgumentException("A trajectory needs at least one year.", nameof(perYear))
            : new Trajectory(firstYear, years, TrajectoryKind.Custom);
    }

    /// <summary>
    /// The target spread over consecutive years in proportion to <paramref name="weights"/> (index 0
    /// = <paramref name="firstYear"/>), per segment in whole homes: after k years the cumulative
    /// trajectory is ⌊target·W_k/W⌋ with W_k the sum of the first k weights and W the sum of all, so
    /// the years sum exactly to the target. Equal weights give <see cref="Linear"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No weights, a negative weight, or all weights zero.</exception>
    public static Trajectory Weighted(int firstYear, IReadOnlyList<int> weights, SegmentHomes target)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.All(w => w == 0))
        {
            throw new ArgumentException("A weighted trajectory needs at least one year, no negative weights and a positive sum.", nameof(weights));
        }

        var sum = weights.Sum(w => (long)w);
        var years = ImmutableArray.CreateBuilder<SegmentHomes>(weights.Count);
        var before = 0L;
        foreach (var w in weights)
        {
            var after = before + w;
            years.Add(new SegmentHomes(
                Between(target.SocialRent, before, after, sum),
                Between(target.MiddleRent, before, after, sum),
                Between(target.AffordableOwnership, before, after, sum),
                Between(target.FreeRent, before, after, sum),
                Between(target.FreeOwnership, before, after, sum),
                Between(target.Unknown, before, after, sum)));
            before = after;
        }

        return new Trajectory(firstYear, years.MoveToImmutable(), TrajectoryKind.Custom);

        static int Between(int total, long from, long to, long all) =>
            (int)((Int128)total * to / all - (Int128)total * from / all);
    }

    /// <summary>
    /// Homes due up to and including <paramref name="year"/>: zero before the period, the whole
    /// target from the last year on.
    /// </summary>
    public SegmentHomes CumulativeThrough(int year)
    {
        var sum = SegmentHomes.Zero;
        for (var y = FirstYear; y <= Math.Min(year, LastYear); y++)
        {
            sum += PerYear[y - FirstYear];
        }

        return sum;
    }

    /// <summary>Linear spread with cumulative ⌊total·k/n⌋ per segment (see <see cref="Linear"/>).</summary>
    internal static ImmutableArray<SegmentHomes> SpreadLinear(SegmentHomes total, int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var n = (long)lastYear - firstYear + 1;
        var result = ImmutableArray.CreateBuilder<SegmentHomes>((int)n);
        for (var k = 1L; k <= n; k++)
        {
            result.Add(new SegmentHomes(
                Step(total.SocialRent, k, n),
                Step(total.MiddleRent, k, n),
                Step(total.AffordableOwnership, k, n),
                Step(total.FreeRent, k, n),
                Step(total.FreeOwnership, k, n),
                Step(total.Unknown, k, n)));
        }

        return result.MoveToImmutable();
    }

    private static int Step(int total, long k, long n) => (int)((total * k / n) - (total * (k - 1) / n));
}
