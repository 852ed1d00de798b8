using CsCheck;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>
/// A forecast from the run totals of its plans in parts (what the web app keeps per subject, so a
/// change simulates only the part that holds it) is the forecast of all plans at once, field by field.
/// </summary>
public sealed class ForecastPartsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CombineParts_AnyPartition_EqualsTheWholeRun()
    {
        Gen.Select(ForecastGen.Input, Gen.Int[1, 4], Gen.Int).Sample(
            (input, partCount, partitionSeed) =>
            {
                var random = new Random(partitionSeed);
                var parts = input.Plans.GroupBy(_ => random.Next(partCount))
                    .Select(g => Forecast.SimulatePart(input with { Plans = [.. g] }, cancellationToken: Ct))
                    .ToList();
                if (parts.Count == 0)
                {
                    parts.Add(Forecast.SimulatePart(input with { Plans = [] }, cancellationToken: Ct));
                }

                ForecastGen.Equal(Forecast.Run(input), Forecast.CombineParts(input, parts, cancellationToken: Ct));
                ForecastGen.Equal(ForecastReference.Run(input), Forecast.CombineParts(input, parts, maxDegreeOfParallelism: 1, cancellationToken: Ct));
            },
            iter: 200);
    }

    [Fact]
    public void CombineParts_AfterAChange_ReusesTheOtherParts()
    {
        ForecastGen.Input.Where(i => i.Plans.Count >= 2).Sample(
            input =>
            {
                var rest = input.Plans.Skip(1).ToList();
                var kept = Forecast.SimulatePart(input with { Plans = rest }, cancellationToken: Ct);
                var p = input.Plans[0];
                var changed = new Plan(p.Id, p.Municipality, "gewijzigd", p.Status, p.PriceLevelYear, p.Deliveries.Select(d => d with { Year = d.Year + 1 }), p.Contracted);
                var after = input with { Plans = [changed, .. rest] };

                var combined = Forecast.CombineParts(after, [kept, Forecast.SimulatePart(after with { Plans = [changed] }, cancellationToken: Ct)], cancellationToken: Ct);

                ForecastGen.Equal(Forecast.Run(after), combined);
            },
            iter: 100);
    }

    [Fact]
    public void ReplacePlans_OnePlanChangedRemovedOrAdded_EqualsSimulatingThePartAgain()
    {
        Gen.Select(ForecastGen.Input.Where(i => i.Plans.Count >= 2), Gen.Int[0, 2]).Sample(
            (input, what) =>
            {
                var part = Forecast.SimulatePart(input, cancellationToken: Ct);
                var p = input.Plans[0];
                var changed = new Plan(p.Id, p.Municipality, p.Name, p.Status, p.PriceLevelYear, p.Deliveries.Select(d => d with { Homes = d.Homes + new SegmentHomes(3, 0, 0, 0, 0) }), !p.Contracted);
                var added1 = new Plan(p.Id + "-nieuw", changed.Municipality, changed.Name, changed.Status, changed.PriceLevelYear, changed.Deliveries, changed.Contracted);
                var rest = input.Plans.Skip(1).ToList();
                var (removed, added, after) = what switch
                {
                    0 => (new List<Plan> { p }, new List<Plan> { changed }, input with { Plans = [changed, .. rest] }), // changed
                    1 => (new List<Plan> { p }, new List<Plan>(), input with { Plans = rest }), // deleted
                    _ => (new List<Plan>(), new List<Plan> { added1 }, input with { Plans = [.. input.Plans, added1] }), // added
                };

                var replaced = Forecast.ReplacePlans(part, input, removed, added, cancellationToken: Ct);
                var ids = UniquePlanIds.Of(input.Plans).Replace(removed, added); // what the web app keeps beside the totals

                Assert.Equal(after.Plans.Count, replaced.Plans);
                Assert.Equal(after.Plans.Sum(x => (long)x.Homes.Total), replaced.Homes); // what the check of at most int.MaxValue homes sums
                ForecastGen.Equal(Forecast.Run(after), Forecast.CombineParts(after, [replaced], cancellationToken: Ct));
                ForecastGen.Equal(Forecast.Run(after), Forecast.CombineParts(after, [replaced], ids, cancellationToken: Ct));
                ForecastGen.Equal(Forecast.Run(input), Forecast.CombineParts(input, [part], cancellationToken: Ct)); // the part itself is unchanged
            },
            iter: 100);
    }

    [Fact]
    public void ReplacePlans_PartOfAnotherPeriodOrRuns_OrMorePlansRemovedThanHeld_IsRefused()
    {
        Gen.Select(ForecastGen.Input.Where(i => i.Plans.Count >= 1), Gen.Int[1, 3]).Sample(
            (input, take) =>
            {
                var first = Forecast.SimulatePart(input with { Plans = [input.Plans[0]] }, cancellationToken: Ct);
                var none = new List<Plan>();
                Assert.Throws<ArgumentException>(() => Forecast.ReplacePlans(first, input with { Runs = input.Runs + 1 }, none, none, cancellationToken: Ct));
                Assert.Throws<ArgumentException>(() => Forecast.ReplacePlans(first, input with { LastYear = input.LastYear + 1 }, none, none, cancellationToken: Ct));
                var p = input.Plans[0];
                List<Plan> tooMany = [.. Enumerable.Range(0, take + 1).Select(k => new Plan($"{p.Id}-{k}", p.Municipality, p.Name, p.Status, p.PriceLevelYear, p.Deliveries))];
                var refused = Assert.Throws<ArgumentException>(() => Forecast.ReplacePlans(first, input, tooMany, none, cancellationToken: Ct));
                Assert.Contains("removed from a part of 1", refused.Message, StringComparison.Ordinal);
            },
            iter: 20);
    }

    [Fact]
    public void CombineParts_PartsThatDoNotHoldEveryPlanOrDiffer_AreRefused()
    {
        ForecastGen.Input.Where(i => i.Plans.Count >= 2).Sample(
            input =>
            {
                var first = Forecast.SimulatePart(input with { Plans = [input.Plans[0]] }, cancellationToken: Ct);
                var rest = Forecast.SimulatePart(input with { Plans = input.Plans.Skip(1).ToList() }, cancellationToken: Ct);

                Assert.Throws<ArgumentException>(() => Forecast.CombineParts(input, [rest], cancellationToken: Ct));
                Assert.Throws<ArgumentException>(() => Forecast.CombineParts(input with { Runs = input.Runs + 1 }, [first, rest], cancellationToken: Ct));
                ForecastGen.Equal(Forecast.Run(input), Forecast.CombineParts(input, [first, rest], cancellationToken: Ct));
            },
            iter: 20);
    }

    [Fact]
    public void CombineParts_WithIdsOfAnotherNumberOfPlans_IsRefused()
    {
        ForecastGen.Input.Where(i => i.Plans.Count >= 2).Sample(
            input =>
            {
                var whole = Forecast.SimulatePart(input, cancellationToken: Ct);
                var fewer = UniquePlanIds.Of([.. input.Plans.Skip(1)]);

                var refused = Assert.Throws<ArgumentException>(() => Forecast.CombineParts(input, [whole], fewer, cancellationToken: Ct));
                Assert.Equal("ids", refused.ParamName);
                ForecastGen.Equal(Forecast.Run(input), Forecast.CombineParts(input, [whole], UniquePlanIds.Of(input.Plans), cancellationToken: Ct));
            },
            iter: 20);
    }

    [Fact]
    public void CombineParts_MoreThanIntMaxValueHomesOverTheParts_IsRefused()
    {
        // Each part holds fewer than int.MaxValue homes; together they hold more. With the ids known, the plans are not
        // read: the check sums the homes the parts carry.
        var big = new SegmentHomes(int.MaxValue / 2, 0, 0, 0, 0);
        Plan Big(string id) => new(id, ForecastGen.Code, id, PlanningStatus.Irrevocable, 2026, [new PlanDelivery(2027, big)]);
        var input = new ForecastInput(2026, 2030, big, [Big("a"), Big("b"), Big("c")], ForecastParameterSets.Default, Runs: 10);
        var parts = input.Plans.Select(p => Forecast.SimulatePart(input with { Plans = [p] }, cancellationToken: Ct)).ToList();

        var refused = Assert.Throws<ArgumentException>(() => Forecast.CombineParts(input, parts, UniquePlanIds.Of(input.Plans), cancellationToken: Ct));
        Assert.Contains("at most 2147483647 are supported", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Forecast.CombineParts(input, parts, cancellationToken: Ct));
    }
}
