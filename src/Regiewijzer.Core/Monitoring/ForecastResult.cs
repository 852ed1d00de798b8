using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The 10th, 50th and 90th percentile of homes over the runs, by nearest rank: with the n run
/// values sorted ascending, P_q is the value at 1-based rank ⌈q·n/100⌉.
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="P10">At most 10% of the runs deliver fewer homes.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">At least 90% of the runs deliver at most this many homes.</param>
public readonly record struct PercentileBand(int Year, int P10, int P50, int P90);

/// <summary>The forecast of one segment or group of segments.</summary>
/// <param name="Group">Segment or group.</param>
/// <param name="Target">Target of the period for the group (for a group of segments: the sum of their targets).</param>
/// <param name="RunsMeetingTarget">Runs whose cumulative homes at the end of the period are at least the target.</param>
/// <param name="Probability">RunsMeetingTarget / runs, exact.</param>
/// <param name="Mean">Mean cumulative homes at the end of the period over the runs, exact.</param>
/// <param name="PerYear">Percentiles of the homes delivered in each year.</param>
/// <param name="Cumulative">Percentiles of the homes delivered from the first year up to and including each year.</param>
public sealed record ForecastSeries(
    SegmentGroup Group,
    int Target,
    int RunsMeetingTarget,
    Fraction Probability,
    Fraction Mean,
    ImmutableArray<PercentileBand> PerYear,
    ImmutableArray<PercentileBand> Cumulative);

/// <summary>A Monte Carlo forecast of deliveries (domain.md section 7).</summary>
/// <param name="FirstYear">First year of the period.</param>
/// <param name="LastYear">Last year of the period (inclusive).</param>
/// <param name="Runs">Number of runs.</param>
/// <param name="Seed">The seed: the same seed and input give the same result on any machine.</param>
/// <param name="ParametersId">Id of the <see cref="ForecastParameters"/> used.</param>
/// <param name="Plans">Number of plans in the input.</param>
/// <param name="Series">The five segments, middle, free, affordable and all, in the order of <see cref="SegmentGroups.All"/>.</param>
public sealed record ForecastResult(
    int FirstYear,
    int LastYear,
    int Runs,
    ulong Seed,
    string ParametersId,
    int Plans,
    ImmutableArray<ForecastSeries> Series)
{
    /// <summary>The forecast of one segment or group.</summary>
    public ForecastSeries this[SegmentGroup group] => Series[(int)group];
}
