using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public partial class ForecastTests
{
    private static readonly SegmentHomes Ten = new(10, 10, 10, 10, 10);

    private static Plan Plan(string id, PlanningStatus status, params (int Year, SegmentHomes Homes)[] years) =>
        new(id, ForecastGen.Code, id, status, 2026, years.Select(y => new PlanDelivery(y.Year, y.Homes)));

    private static ForecastInput Input(IReadOnlyList<Plan> plans, SegmentHomes target, ForecastParameters? parameters = null, int runs = 1000) =>
        new(2026, 2030, target, plans, parameters ?? ForecastParameterSets.Default, runs, Seed: 42);

    [Fact]
    public void Run_NoPlans_DeliversNothing()
    {
        var result = Forecast.Run(Input([], Ten));

        foreach (var series in result.Series)
        {
            Assert.All(series.PerYear.Concat(series.Cumulative), band => Assert.Equal((0, 0, 0), (band.P10, band.P50, band.P90)));
            Assert.Equal(Fraction.Zero, series.Probability);
            Assert.Equal(Fraction.Zero, series.Mean);
        }

        Assert.Equal([2026, 2027, 2028, 2029, 2030], result[SegmentGroup.All].PerYear.Select(b => b.Year));
    }

    [Fact]
    public void Run_NoPlansAndZeroTarget_MeetsItWithProbabilityOne()
    {
        var result = Forecast.Run(Input([], SegmentHomes.Of(Segment.SocialRent, 1)));

        Assert.Equal(Fraction.Zero, result[SegmentGroup.SocialRent].Probability);
        Assert.Equal(Fraction.One, result[SegmentGroup.MiddleRent].Probability);
        Assert.Equal(Fraction.One, result[SegmentGroup.FreeOwnership].Probability);
    }

    [Fact]
    public void Run_AllCertainWithoutDelay_IsExactlyThePlan()
    {
        var plans = new[]
        {
            Plan("a", PlanningStatus.Idea, (2026, new(5, 0, 0, 0, 1)), (2028, new(5, 2, 0, 0, 0))),
            Plan("b", PlanningStatus.Irrevocable, (2028, new(0, 0, 7, 3, 0))),
            Plan("c", PlanningStatus.Vision, (2024, new(1, 1, 1, 1, 1))),
            Plan("d", PlanningStatus.Draft, (2031, new(9, 9, 9, 9, 9))),
        };

        var result = Forecast.Run(Input(plans, new(12, 3, 8, 4, 2), ForecastParameterSets.Certain));

        // Plan c (2024, overdue) delivers in the first year; plan d (2031) after the period.
        int[] socialPerYear = [6, 0, 5, 0, 0];
        int[] allCumulative = [11, 11, 28, 28, 28];
        Assert.Equal(socialPerYear, result[SegmentGroup.SocialRent].PerYear.Select(b => b.P50));
        Assert.All(result.Series.SelectMany(s => s.PerYear.Concat(s.Cumulative)), b => Assert.True(b.P10 == b.P50 && b.P50 == b.P90));
        Assert.Equal(allCumulative, result[SegmentGroup.All].Cumulative.Select(b => b.P90));
        Assert.Equal(Fraction.FromInteger(11), result[SegmentGroup.SocialRent].Mean);
        Assert.Equal(Fraction.Zero, result[SegmentGroup.SocialRent].Probability);
        Assert.Equal(Fraction.One, result[SegmentGroup.MiddleRent].Probability);
        Assert.Equal(Fraction.One, result[SegmentGroup.FreeOwnership].Probability);
        Assert.Equal((11, Fraction.One), (result[SegmentGroup.Middle].Target, result[SegmentGroup.Middle].Probability)); // 3 + 8 of 3 + 8
        Assert.Equal((6, Fraction.One), (result[SegmentGroup.Free].Target, result[SegmentGroup.Free].Probability));
        Assert.Equal(Fraction.Zero, result[SegmentGroup.Affordable].Probability); // 22 of 23
        Assert.Equal(Fraction.Zero, result[SegmentGroup.All].Probability); // 28 of 29
    }

    [Fact]
    public void Run_HomesOfUnknownSegment_CountOnlyInTheTotal()
    {
        var plan = Plan("u", PlanningStatus.Irrevocable, (2026, new SegmentHomes(1, 2, 3, 4, 5, 100)));

        var result = Forecast.Run(Input([plan], new SegmentHomes(1, 2, 3, 4, 5, 0), ForecastParameterSets.Certain, runs: 10));

        Assert.Equal(115, result[SegmentGroup.All].Cumulative[^1].P50);
        Assert.Equal((1, 5, 6, 9), (result[SegmentGroup.SocialRent].Cumulative[^1].P50, result[SegmentGroup.Middle].Cumulative[^1].P50, result[SegmentGroup.Affordable].Cumulative[^1].P50, result[SegmentGroup.Free].Cumulative[^1].P50));
        Assert.Equal(Fraction.One, result[SegmentGroup.All].Probability);
    }

    [Fact]
    public void Run_PlanBeforeFromYear_IsMovedToIt()
    {
        var plans = new[] { Plan("c", PlanningStatus.Vision, (2024, new(1, 1, 1, 1, 1)), (2027, new(2, 0, 0, 0, 0))) };

        var result = Forecast.Run(Input(plans, Ten, ForecastParameterSets.Certain) with { FromYear = 2027 });

        Assert.Equal([0, 3, 0, 0, 0], result[SegmentGroup.SocialRent].PerYear.Select(b => b.P50));
        Assert.Equal([0, 7, 7, 7, 7], result[SegmentGroup.All].Cumulative.Select(b => b.P50));
    }

    [Fact]
    public void Run_Realised_IsAddedToEveryRun()
    {
        var realised = new[] { new Realisation(ForecastGen.Code, 2026, Ten), new Realisation(ForecastGen.Code, 2025, Ten) };

        var result = Forecast.Run(Input([], Ten) with { Realised = realised, FromYear = 2027 });

        Assert.Equal([10, 10, 10, 10, 10], result[SegmentGroup.MiddleRent].Cumulative.Select(b => b.P10));
        Assert.Equal(Fraction.One, result[SegmentGroup.MiddleRent].Probability);
    }

    [Fact]
    public void Run_NeverRealised_DeliversNothing()
    {
        var never = new ForecastParameter("x", "x", Fraction.Zero, [Fraction.One], "test", Confidence.Assumption);
        var parameters = new ForecastParameters(
            "nooit",
            "nooit",
            [.. PlanningStatuses.All.Select(s => never with { Key = s.Code() })],
            ForecastParameterSets.Certain.Contracted);
        var plans = new[] { Plan("a", PlanningStatus.Irrevocable, (2027, Ten)), new Plan("b", ForecastGen.Code, "b", PlanningStatus.Idea, 2026, [new(2027, Ten)], contracted: true) };

        var result = Forecast.Run(Input(plans, Ten, parameters));

        Assert.Equal(Fraction.FromInteger(10), result[SegmentGroup.SocialRent].Mean); // only the contracted plan
    }

    [Fact]
    public void Run_DelayBeyondThePeriod_IsNotCounted()
    {
        var late = new ForecastParameter("x", "x", Fraction.One, [Fraction.Zero, Fraction.Zero, Fraction.One], "test", Confidence.Assumption);
        var parameters = new ForecastParameters("laat", "laat", [.. PlanningStatuses.All.Select(s => late with { Key = s.Code() })], late with { Key = "contracted" });
        var plans = new[] { Plan("a", PlanningStatus.Irrevocable, (2027, Ten), (2029, Ten)) };

        var result = Forecast.Run(Input(plans, Ten, parameters, runs: 10));

        Assert.Equal([0, 0, 0, 10, 0], result[SegmentGroup.FreeRent].PerYear.Select(b => b.P50));
    }

    [Fact]
    public void Run_DuplicateIds_Throws()
    {
        var plans = new[] { Plan("a", PlanningStatus.Irrevocable, (2027, Ten)), Plan("a", PlanningStatus.Idea, (2028, Ten)) };

        Assert.Throws<ArgumentException>(() => Forecast.Run(Input(plans, Ten)));
    }

    [Theory]
    [InlineData(2026, 2025, 100)]
    [InlineData(2026, 2126, 100)]
    [InlineData(2026, 2030, 0)]
    [InlineData(2026, 2030, 1_000_001)]
    public void Run_InvalidPeriodOrRuns_Throws(int first, int last, int runs)
    {
        Assert.Throws<ArgumentException>(() => Forecast.Run(new ForecastInput(first, last, Ten, [], ForecastParameterSets.Default, runs)));
    }

    [Fact]
    public void Run_TooManyHomes_Throws()
    {
        var big = new SegmentHomes(int.MaxValue / 2, 0, 0, 0, 0);
        var plans = new[] { Plan("a", PlanningStatus.Irrevocable, (2027, big)), Plan("b", PlanningStatus.Irrevocable, (2027, big)), Plan("c", PlanningStatus.Irrevocable, (2027, big)) };

        Assert.Throws<ArgumentException>(() => Forecast.Run(Input(plans, Ten)));
    }

    [Fact]
    public void Run_CancelledBeforeItStarts_ThrowsAndGivesNoResult()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var plans = new[] { Plan("a", PlanningStatus.Idea, (2027, Ten)) };

        Assert.ThrowsAny<OperationCanceledException>(() => Forecast.RunCancellable(Input(plans, Ten), cancelled.Token));
    }

    [Fact]
    public void Engine_CancelledToken_StopsTheMonteCarloLoopItself()
    {
        // Past the check in Forecast.Run: the token must reach the parallel loop, which stops between blocks.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var input = Input([Plan("a", PlanningStatus.Idea, (2027, Ten))], Ten, runs: 100_000);

        Assert.ThrowsAny<OperationCanceledException>(() => ForecastEngine.Run(input, ForecastPlans.Prepare(input), -1, cancelled.Token));
    }
}
