using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class PlanTests
{
    private static readonly SegmentHomes Homes = new(3, 2, 1, 0, 4);

    [Fact]
    public void Plan_Deliveries_AreOrderedByYearAndSummed()
    {
        var plan = new Plan("p", ForecastGen.Code, "Noord", PlanningStatus.Adopted, 2026, [new(2029, Homes), new(2027, Homes)], contracted: true, contractedOn: new DateOnly(2026, 3, 1));

        Assert.Equal([2027, 2029], plan.Deliveries.Select(d => d.Year));
        Assert.Equal((2027, 2029), (plan.FirstYear, plan.LastYear));
        Assert.Equal(new SegmentHomes(6, 4, 2, 0, 8), plan.Homes);
        Assert.True(plan.IsHard);
    }

    [Fact]
    public void Plan_Invalid_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Plan(" ", ForecastGen.Code, "x", PlanningStatus.Idea, 2026, [new(2027, Homes)]));
        Assert.Throws<ArgumentException>(() => new Plan("p", ForecastGen.Code, "x", PlanningStatus.Idea, 2026, []));
        Assert.Throws<ArgumentException>(() => new Plan("p", ForecastGen.Code, "x", PlanningStatus.Idea, 2026, [new(2027, Homes), new(2027, Homes)]));
        Assert.Throws<ArgumentException>(() => new Plan("p", ForecastGen.Code, "x", PlanningStatus.Idea, 2026, [new(2027, Homes)], contractedOn: new DateOnly(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Plan("p", ForecastGen.Code, "x", PlanningStatus.Idea, 2026, [new(0, Homes)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentHomes(1, -1, 0, 0, 0));
    }

    [Fact]
    public void Spread_TenOverFourYears_FollowsTheCumulativeFloor()
    {
        // After k of 4 years ⌊10·k/4⌋ = 2, 5, 7, 10 homes: per year 2, 3, 2, 3.
        var deliveries = Plan.Spread(2027, 2030, SegmentHomes.Of(Segment.SocialRent, 10));

        Assert.Equal([2027, 2028, 2029, 2030], deliveries.Select(d => d.Year));
        Assert.Equal([2, 3, 2, 3], deliveries.Select(d => d.Homes.SocialRent));
    }

    [Fact]
    public void SegmentHomes_Groups_AddTheirSegments()
    {
        var homes = new SegmentHomes(1, 2, 4, 8, 16);

        Assert.Equal((6, 24, 7, 31), (homes.Middle, homes.Free, homes.Affordable, homes.Total));
        Assert.Equal([1, 2, 4, 8, 16, 6, 24, 7, 31], SegmentGroups.All.Select(g => homes[g]));
        Assert.Equal(["sociale huur", "middenhuur", "betaalbare koop", "vrije sector huur", "vrije sector koop", "middensegment", "vrije sector", "betaalbaar", "totaal"], SegmentGroups.All.Select(g => g.Dutch()));
        Assert.Equal(SegmentHomes.Of(Segment.FreeRent, 3), SegmentHomes.Zero.With(Segment.FreeRent, 3));
    }
}
