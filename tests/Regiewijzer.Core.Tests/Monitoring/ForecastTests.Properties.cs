using CsCheck;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>Properties of the forecast over random small inputs, with <see cref="ForecastReference"/> as oracle.</summary>
public partial class ForecastTests
{
    [Fact]
    public void Run_RandomInput_EqualsTheReference()
    {
        ForecastGen.Input.Sample(input => ForecastGen.Equal(ForecastReference.Run(input), Forecast.Run(input)), iter: 300);
    }

    [Fact]
    public void Run_SameSeed_SameResultForAnyThreadCountAndPlanOrder()
    {
        Gen.Select(ForecastGen.Input, Gen.Int).Sample(
            (input, shuffleSeed) =>
            {
                var expected = Forecast.Run(input, maxDegreeOfParallelism: 1);
                var shuffled = input.Plans.ToArray();
                new Random(shuffleSeed).Shuffle(shuffled);

                ForecastGen.Equal(expected, Forecast.Run(input));
                ForecastGen.Equal(expected, Forecast.Run(input, maxDegreeOfParallelism: 2));
                ForecastGen.Equal(expected, Forecast.Run(input with { Plans = shuffled }, maxDegreeOfParallelism: 3));
            },
            iter: 200);
    }

    /// <summary>
    /// A plan's draws depend only on (seed, its id, run), so adding a plan leaves every other plan's
    /// outcome in every run unchanged and only adds homes: no run total, percentile or probability
    /// of meeting a target can go down.
    /// </summary>
    [Fact]
    public void Run_MorePlans_NeverLowersTheProbabilityOrAPercentile()
    {
        var gen = ForecastGen.Input.SelectMany(input =>
            ForecastGen.PlanWithoutId(input.LastYear - input.FirstYear + 1).Array[1, 4]
                .Select(extra => (input, extra.Select((make, i) => make("extra" + ForecastGen.Id(i))).ToArray())));
        gen.Sample(
            (input, extra) =>
            {
                var before = Forecast.Run(input);
                var after = Forecast.Run(input with { Plans = [.. input.Plans, .. extra] });

                foreach (var (b, a) in before.Series.Zip(after.Series))
                {
                    Assert.True(a.Probability >= b.Probability, $"{a.Group}: {a.Probability} < {b.Probability}");
                    Assert.True(a.Mean >= b.Mean);
                    foreach (var (pb, pa) in b.Cumulative.Zip(a.Cumulative).Concat(b.PerYear.Zip(a.PerYear)))
                    {
                        Assert.True(pa.P10 >= pb.P10 && pa.P50 >= pb.P50 && pa.P90 >= pb.P90, $"{a.Group} {pa} < {pb}");
                    }
                }
            },
            iter: 200);
    }

    [Fact]
    public void Run_DifferentSeed_GivesDifferentDraws()
    {
        var input = new ForecastInput(
            2026,
            2035,
            new SegmentHomes(100, 100, 100, 100, 100),
            [.. Enumerable.Range(0, 50).Select(i => new Plan(ForecastGen.Id(i), ForecastGen.Code, "p", PlanningStatuses.All[i % 8], 2026, [new(2027 + (i % 5), new(3, 3, 3, 3, 3))]))],
            ForecastParameterSets.Default,
            2000,
            Seed: 1);

        var one = Forecast.Run(input);
        var two = Forecast.Run(input with { Seed = 2 });

        Assert.NotEqual(one[SegmentGroup.All].Mean, two[SegmentGroup.All].Mean);
    }
}
