using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class CalibrationTests
{
    private static readonly ForecastParameters Prior = ForecastParameterSets.Default;

    [Fact]
    public void Estimate_NoObservations_ReturnsThePrior()
    {
        var estimated = Calibration.Estimate([], Prior);

        Assert.Equal(Prior.All, estimated.All);
        Assert.Equal("prognose-2026-aanname+gekalibreerd", estimated.Id);
    }

    [Fact]
    public void Estimate_FewObservations_AreShrunkTowardsThePrior()
    {
        // Three 1a plans that all dropped out: p = (0 + 30 · 97/100) / (3 + 30) = 97/110, not 0.
        PlanOutcome[] outcomes = [.. Enumerable.Repeat(new PlanOutcome(PlanningStatus.Irrevocable, false, false, 0), 3)];

        var estimated = Calibration.Estimate(outcomes, Prior);

        var p = estimated.ByStatus[0];
        Assert.Equal(new Fraction(97, 110), p.RealisationProbability);
        Assert.Equal(Prior.ByStatus[0].Delay, p.Delay); // no realised plan: the delay stays the prior's
        Assert.Equal(Confidence.Secondary, p.Confidence);
        Assert.Contains("3 waarnemingen (0 gerealiseerd)", p.Source, StringComparison.Ordinal);
        Assert.Same(Prior.ByStatus[1], estimated.ByStatus[1]);
    }

    [Fact]
    public void Estimate_LongDelays_ExtendTheDistribution()
    {
        // Ten realised 1a plans, each 5 years late: q_5 = 10 / (10 + 30), q_0 = 30 · 7/10 / 40.
        PlanOutcome[] outcomes = [.. Enumerable.Repeat(new PlanOutcome(PlanningStatus.Irrevocable, false, true, 5), 10)];

        var delay = Calibration.Estimate(outcomes, Prior).ByStatus[0].Delay;

        Assert.Equal([new Fraction(21, 40), new Fraction(6, 40), new Fraction(3, 40), Fraction.Zero, Fraction.Zero, new Fraction(1, 4)], delay);
    }

    [Fact]
    public void Estimate_EarlyAndVeryLateDelays_AreClamped()
    {
        PlanOutcome[] outcomes = [new(PlanningStatus.Idea, false, true, -2), new(PlanningStatus.Idea, false, true, 99)];

        var delay = Calibration.Estimate(outcomes, Prior, priorWeight: 1).ByStatus[7].Delay;

        Assert.Equal(ForecastParameter.MaxDelayYears + 1, delay.Length);
        Assert.Equal(new Fraction(1, 3), delay[^1]);
        Assert.Equal(new Fraction(1, 3) + (new Fraction(15, 100) / 3), delay[0]);
    }

    [Fact]
    public void Estimate_ContractedOutcomes_CalibrateTheContractedParameter()
    {
        var estimated = Calibration.Estimate([new PlanOutcome(PlanningStatus.Idea, true, false, 0)], Prior, priorWeight: 1);

        Assert.Equal(new Fraction(1, 2), estimated.Contracted.RealisationProbability);
        Assert.Same(Prior.ByStatus[7], estimated.ByStatus[7]);
    }

    /// <summary>Known parameters per status; 40,000 synthetic observations each; the estimate lands within 0.01.</summary>
    [Fact]
    public void Estimate_ManySyntheticObservations_RecoversTheParameters()
    {
        var random = new Random(2026);
        double[] truthP = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.95];
        double[][] truthDelay = [[0.5, 0.5], [0.2, 0.3, 0.5], [1.0], [0.1, 0.1, 0.1, 0.7], [0.25, 0.25, 0.25, 0.25], [0.6, 0.4], [0, 0, 1.0], [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1], [0.8, 0.2]];
        var outcomes = new List<PlanOutcome>();
        for (var g = 0; g < 9; g++)
        {
            for (var n = 0; n < 40_000; n++)
            {
                var realised = random.NextDouble() < truthP[g];
                var u = random.NextDouble();
                var delay = 0;
                while (delay < truthDelay[g].Length - 1 && u >= truthDelay[g].Take(delay + 1).Sum())
                {
                    delay++;
                }

                outcomes.Add(new PlanOutcome(g < 8 ? (PlanningStatus)g : PlanningStatus.Idea, g == 8, realised, delay));
            }
        }

        var estimated = Calibration.Estimate(outcomes, Prior);

        for (var g = 0; g < 9; g++)
        {
            var p = estimated.All[g];
            Assert.InRange(p.RealisationProbability.ToDouble(), truthP[g] - 0.01, truthP[g] + 0.01);
            for (var d = 0; d < Math.Max(p.Delay.Length, truthDelay[g].Length); d++)
            {
                var expected = d < truthDelay[g].Length ? truthDelay[g][d] : 0;
                var actual = d < p.Delay.Length ? p.Delay[d].ToDouble() : 0;
                Assert.InRange(actual, expected - 0.01, expected + 0.01);
            }
        }
    }
}
