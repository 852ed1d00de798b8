using System.Collections.Immutable;
using CsCheck;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>
/// A subject's progress and plan summary from its municipalities' sums (what the monitoring book keeps per
/// municipality) are those over all its plans at once.
/// </summary>
public class PlanTallyTests
{
    private const int Years = 9;

    private static readonly int LastYear = ForecastGen.FirstYear + Years - 1;

    /// <summary>Plans cut into consecutive parts (as a subject's plans are its municipalities' one after the other).</summary>
    private static readonly Gen<(ImmutableArray<Plan> Plans, int[] Cuts)> PlansInParts =
        ForecastGen.Plans(Years, 30).SelectMany(plans => Gen.Int[0, plans.Length].Array[0, 4].Select(cuts => (plans, cuts.Order().ToArray())));

    internal static IEnumerable<T[]> Parts<T>(IReadOnlyList<T> items, int[] cuts)
    {
        var from = 0;
        foreach (var cut in cuts.Append(items.Count))
        {
            yield return [.. items.Skip(from).Take(cut - from)];
            from = cut;
        }
    }

    [Fact]
    public void Progress_FromTheTalliesOfParts_IsTheProgressOverAllPlans()
    {
        Gen.Select(PlansInParts, Gen.Int[ForecastGen.FirstYear - 1, LastYear], ForecastGen.Homes).Sample((split, asOf, target) =>
        {
            var trajectory = Trajectory.Linear(ForecastGen.FirstYear, LastYear, target);
            var realised = new[] { new Realisation(ForecastGen.Code, ForecastGen.FirstYear, target) };
            var whole = Progress.Compute(trajectory, realised, split.Plans, asOf, MonitoringLevel.Region);
            var tallies = Parts(split.Plans, split.Cuts).Select(part => PlanTally.Of(part, ForecastGen.FirstYear, LastYear, asOf)).ToList();

            var summed = Progress.Compute(trajectory, realised, PlanTally.Sum(tallies, ForecastGen.FirstYear, LastYear, asOf), MonitoringLevel.Region);

            AssertSameReport(whole, summed);
        });
    }

    [Fact]
    public void Sum_OfAnotherAsOfYear_Throws()
    {
        var tally = PlanTally.Of([], ForecastGen.FirstYear, LastYear, ForecastGen.FirstYear);

        Assert.Throws<ArgumentException>(() => PlanTally.Sum([tally], ForecastGen.FirstYear, LastYear, ForecastGen.FirstYear + 1));
    }

    [Fact]
    public void Combine_OfTheSummariesOfParts_IsTheSummaryOfAllPlans()
    {
        string[] sources = ["CBS; GM0001", " CBS ;GM0002", "Provincie", "Provincie; x"];
        string?[] assumptions = [null, "", "aanname A", "aanname B"];
        var facts = Gen.Select(Gen.Int[0, sources.Length - 1], Gen.Int[0, assumptions.Length - 1], (s, a) => (sources[s], assumptions[a]));
        var plansWithFacts = PlansInParts.SelectMany(split => facts.Array[split.Plans.Length].Select(f =>
            (Plans: split.Plans.Select((p, i) => (p, new PlanFacts(i, p.Id, f[i].Item1, f[i].Item2, 1))).ToArray(), split.Cuts)));
        plansWithFacts.Sample(split =>
        {
            var whole = PlanSummary.Of(split.Plans);

            var combined = PlanSummary.Combine(Parts(split.Plans, split.Cuts).Select(PlanSummary.Of));

            AssertSameSummary(whole, combined);
        });
    }

    internal static void AssertSameReport(ProgressReport expected, ProgressReport actual)
    {
        Assert.Equal(expected.AsOfYear, actual.AsOfYear);
        Assert.Equal(expected.Years, actual.Years);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.Pipeline, actual.Pipeline);
        Assert.Equal((expected.WorstTier, expected.WorstGroup, expected.Suggestion), (actual.WorstTier, actual.WorstGroup, actual.Suggestion));
    }

    internal static void AssertSameSummary(PlanSummary expected, PlanSummary actual)
    {
        Assert.Equal((expected.Homes, expected.WithAssumption), (actual.Homes, actual.WithAssumption));
        Assert.Equal(expected.Groups, actual.Groups);
    }
}
