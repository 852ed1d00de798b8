using CsCheck;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class TrajectoryTests
{
    [Theory]
    [InlineData(1000, new[] { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 })]
    [InlineData(5, new[] { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 })]
    [InlineData(19, new[] { 1, 2, 2, 2, 2, 2, 2, 2, 2, 2 })]
    [InlineData(0, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Linear_TenYears_CumulativeIsFloorOfTargetTimesKOverN(int target, int[] perYear)
    {
        var trajectory = Trajectory.Linear(2026, 2035, SegmentHomes.Of(Segment.MiddleRent, target));

        Assert.Equal(perYear, trajectory.PerYear.Select(h => h.MiddleRent));
        Assert.Equal((2026, 2035, TrajectoryKind.Linear), (trajectory.FirstYear, trajectory.LastYear, trajectory.Kind));
        Assert.Equal(target, trajectory.Target.MiddleRent);
    }

    [Fact]
    public void Linear_Ede_TheTotalIsTheSumOfItsSegments()
    {
        // Ede's target 2022-2030: social 2.724, middle 1.734, free 2.542 (total 7.000). After 1 of 9 years each segment
        // is ⌊doel·1/9⌋ (302, 192, 282) and the total is their sum, 776 (not ⌊7.000/9⌋ = 777); after 4 years 3.109.
        var trajectory = Trajectory.Linear(2022, 2030, new SegmentHomes(2724, 1734, 0, 2542, 0));

        Assert.Equal(776, trajectory.CumulativeThrough(2022).Total);
        Assert.Equal(3109, trajectory.CumulativeThrough(2025).Total);
        Assert.Equal(7000, trajectory.CumulativeThrough(2030).Total);
    }

    [Fact]
    public void Linear_AnyTarget_TotalAndSegmentsFollowOneRule()
    {
        Gen.Select(ForecastGen.Homes, Gen.Int[1, 30])
            .Sample((target, years) =>
            {
                var trajectory = Trajectory.Linear(2026, 2026 + years - 1, target);
                for (var k = 1; k <= years; k++)
                {
                    var cumulative = trajectory.CumulativeThrough(2026 + k - 1);
                    var bySegments = Enum.GetValues<Segment>().Sum(s => (long)target[s] * k / years) + ((long)target.Unknown * k / years);
                    Assert.Equal(bySegments, cumulative.Total);
                    Assert.InRange(cumulative.Total, ((long)target.Total * k / years) - 6, (long)target.Total * k / years);
                }
            });
    }

    [Fact]
    public void Linear_AnyTarget_SumsExactlyAndNeverRunsAheadOfTheLine()
    {
        Gen.Select(ForecastGen.Homes.Select(h => new SegmentHomes(h.SocialRent * 997, h.MiddleRent, h.AffordableOwnership * 31, h.FreeRent, h.FreeOwnership)), Gen.Int[1, 30])
            .Sample((target, years) =>
            {
                var trajectory = Trajectory.Linear(2026, 2026 + years - 1, target);

                Assert.Equal(target, trajectory.Target);
                foreach (var segment in Enum.GetValues<Segment>())
                {
                    for (var k = 1; k <= years; k++)
                    {
                        var cumulative = trajectory.CumulativeThrough(2026 + k - 1)[segment];
                        Assert.Equal((long)target[segment] * k / years, cumulative);
                        var step = trajectory.PerYear[k - 1][segment];
                        Assert.InRange(step, target[segment] / years, (target[segment] / years) + 1);
                    }
                }
            });
    }

    [Fact]
    public void CumulativeThrough_BeforeAndAfterThePeriod_IsZeroAndTheTarget()
    {
        var trajectory = Trajectory.Linear(2026, 2030, new SegmentHomes(10, 20, 30, 40, 50));

        Assert.Equal(SegmentHomes.Zero, trajectory.CumulativeThrough(2025));
        Assert.Equal(new SegmentHomes(2, 4, 6, 8, 10), trajectory.CumulativeThrough(2026));
        Assert.Equal(trajectory.Target, trajectory.CumulativeThrough(2030));
        Assert.Equal(trajectory.Target, trajectory.CumulativeThrough(2040));
    }

    [Fact]
    public void Custom_PerYear_IsKeptAndSummed()
    {
        var trajectory = Trajectory.Custom(2026, [SegmentHomes.Of(Segment.SocialRent, 5), SegmentHomes.Zero, SegmentHomes.Of(Segment.SocialRent, 25)]);

        Assert.Equal((2028, TrajectoryKind.Custom, 30), (trajectory.LastYear, trajectory.Kind, trajectory.Target.SocialRent));
        Assert.Equal(5, trajectory.CumulativeThrough(2027).SocialRent);
        Assert.Throws<ArgumentException>(() => Trajectory.Custom(2026, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trajectory.Linear(2030, 2029, SegmentHomes.Zero));
    }

    [Fact]
    public void Weighted_EqualWeights_IsTheLinearTrajectory()
    {
        var target = new SegmentHomes(301, 99, 7, 0, 1234, 17);

        Assert.Equal(Trajectory.Linear(2022, 2030, target).PerYear, Trajectory.Weighted(2022, [1, 1, 1, 1, 1, 1, 1, 1, 1], target).PerYear);
    }

    [Fact]
    public void Weighted_Weights_CumulativeIsFloorOfTargetTimesShare()
    {
        // Weights 1, 2, 3, 4 (sum 10): cumulative ⌊100·1/10⌋, ⌊100·3/10⌋, ⌊100·6/10⌋, 100 and for 7: 0, 2, 4, 7.
        var trajectory = Trajectory.Weighted(2022, [1, 2, 3, 4], new SegmentHomes(100, 7, 0, 0, 0));

        Assert.Equal([10, 20, 30, 40], trajectory.PerYear.Select(y => y.SocialRent));
        Assert.Equal([0, 2, 2, 3], trajectory.PerYear.Select(y => y.MiddleRent));
        Assert.Equal((TrajectoryKind.Custom, 2025), (trajectory.Kind, trajectory.LastYear));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 3, -1 })]
    public void Weighted_NoPositiveSumOrANegativeWeight_Throws(int[] weights)
    {
        Assert.Throws<ArgumentException>(() => Trajectory.Weighted(2022, weights, new SegmentHomes(1, 1, 1, 1, 1)));
    }
}
