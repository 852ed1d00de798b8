using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class ProgressTests
{
    // 100 homes a year over 2026-2035: per year 30 social, 10 middle rent, 20 affordable ownership, 10 free rent, 30 free ownership.
    private static readonly Trajectory Trajectory = Trajectory.Linear(2026, 2035, new SegmentHomes(300, 100, 200, 100, 300));

    private static readonly Realisation[] Realised =
    [
        new(ForecastGen.Code, 2025, new SegmentHomes(99, 99, 99, 99, 99)), // before the period: ignored
        new(ForecastGen.Code, 2026, new SegmentHomes(30, 10, 20, 10, 30)),
        new(ForecastGen.Code, 2027, new SegmentHomes(30, 10, 20, 10, 30)),
        new(ForecastGen.Code, 2028, new SegmentHomes(20, 10, 5, 10, 30)),
        new(ForecastGen.Code, 2028, new SegmentHomes(5, 0, 0, 0, 0)), // a second municipality or row: added
        new(ForecastGen.Code, 2029, new SegmentHomes(99, 99, 99, 99, 99)), // after the as-of year: ignored
    ];

    private static readonly Plan[] Plans =
    [
        new("A", ForecastGen.Code, "A", PlanningStatus.Irrevocable, 2026, [new(2027, new SegmentHomes(10, 0, 0, 0, 0))]),
        new("B", ForecastGen.Code, "B", PlanningStatus.Adopted, 2026, [new(2029, new SegmentHomes(20, 0, 10, 0, 0))], contracted: true),
        new("C", ForecastGen.Code, "C", PlanningStatus.Intention, 2026, Plan.Spread(2030, 2031, new SegmentHomes(0, 10, 0, 0, 10))),
        new("D", ForecastGen.Code, "D", PlanningStatus.Idea, 2026, [new(2036, new SegmentHomes(50, 0, 0, 0, 0))]),
    ];

    private static ProgressReport Report(int asOfYear = 2028) =>
        Progress.Compute(Trajectory, Realised, Plans, asOfYear, MonitoringLevel.Municipality);

    [Fact]
    public void Compute_Groups_HaveTheExactRatioAndTier()
    {
        var report = Report();

        Assert.Equal((90, 85, new Fraction(85, 90), WarningTier.Attention, 5), Row(report[SegmentGroup.SocialRent]));
        Assert.Equal((30, 30, Fraction.One, WarningTier.OnTrack, 0), Row(report[SegmentGroup.MiddleRent]));
        Assert.Equal((60, 45, new Fraction(3, 4), WarningTier.Behind, 15), Row(report[SegmentGroup.AffordableOwnership])); // exactly 75%
        Assert.Equal((90, 75, new Fraction(75, 90), WarningTier.Behind, 15), Row(report[SegmentGroup.Middle]));
        Assert.Equal((120, 120, Fraction.One, WarningTier.OnTrack, 0), Row(report[SegmentGroup.Free]));
        Assert.Equal((180, 160, new Fraction(160, 180), WarningTier.Attention, 20), Row(report[SegmentGroup.Affordable]));
        Assert.Equal((300, 280, new Fraction(280, 300), WarningTier.Attention, 20), Row(report[SegmentGroup.All]));
        Assert.Equal(1000, report[SegmentGroup.All].Target);
    }

    [Fact]
    public void Compute_Worst_SuggestsTheStepForItsTier()
    {
        var report = Report();

        // Affordable ownership (75%) and the middle segment (83%) are both behind; the lower ratio is the worst.
        Assert.Equal((WarningTier.Behind, SegmentGroup.AffordableOwnership), (report.WorstTier, report.WorstGroup));
        Assert.Equal(EscalationStep.AdministrativeConsultation, report.Suggestion);
        Assert.Equal(EscalationStep.ProvinceInstruction, Progress.Compute(Trajectory, Realised, Plans, 2028, MonitoringLevel.Region, lastStepTaken: EscalationStep.AdministrativeConsultation).Suggestion);
        Assert.Equal("hdt-2018", report.ThresholdsId);
    }

    [Theory]
    [InlineData(Evidence.Estimated)]
    [InlineData(Evidence.Missing)]
    public void Compute_NotMeasured_TiersAreIndicativeAndTheStepIsCompleteData(Evidence evidence)
    {
        var report = Progress.Compute(Trajectory, Realised, Plans, 2028, MonitoringLevel.Municipality, evidence: evidence);

        Assert.Equal((WarningTier.Behind, SegmentGroup.AffordableOwnership), (report.WorstTier, report.WorstGroup));
        Assert.Equal((evidence, true), (report.Evidence, report.IsIndicative));
        Assert.Equal(EscalationStep.CompleteData, report.Suggestion);
    }

    [Fact]
    public void Compute_Measured_IsNotIndicative()
    {
        var report = Report();

        Assert.Equal((Evidence.Measured, false), (report.Evidence, report.IsIndicative));
    }

    [Fact]
    public void Compute_Years_ShowRealisedUpToTheAsOfYearAndPlansAfterIt()
    {
        var report = Report();

        Assert.Equal(Enumerable.Range(2026, 10), report.Years.Select(y => y.Year));
        Assert.Equal([true, true, true, false, false, false, false, false, false, false], report.Years.Select(y => y.IsRealised));
        Assert.Equal([30, 60, 85, 85, 85, 85, 85, 85, 85, 85], report.Years.Select(y => y.CumulativeRealised.SocialRent));
        Assert.Equal([30, 60, 90, 120, 150, 180, 210, 240, 270, 300], report.Years.Select(y => y.CumulativeDue.SocialRent));
        Assert.Equal([0, 0, 0, 30, 10, 10, 0, 0, 0, 0], report.Years.Select(y => y.Planned.Total));
        Assert.Equal([0, 0, 0, 30, 0, 0, 0, 0, 0, 0], report.Years.Select(y => y.PlannedHard.Total));
        Assert.Equal((20, 20), (report[SegmentGroup.SocialRent].Planned, report[SegmentGroup.SocialRent].PlannedHard));
    }

    [Fact]
    public void Compute_Pipeline_SplitsEachStatusByWhenItIsExpected()
    {
        var pipeline = Report().Pipeline;

        Assert.Equal(PlanningStatuses.All, pipeline.Select(p => p.Status));
        Assert.Equal((1, 10, 0), (pipeline[0].Plans, pipeline[0].Overdue.Total, pipeline[0].Remaining.Total));
        Assert.Equal((1, 30, 30), (pipeline[1].Plans, pipeline[1].Remaining.Total, pipeline[1].ContractedRemaining.Total));
        Assert.Equal((1, 20, 0), (pipeline[5].Plans, pipeline[5].Remaining.Total, pipeline[5].ContractedRemaining.Total));
        Assert.Equal((1, 50), (pipeline[7].Plans, pipeline[7].AfterPeriod.Total));
        Assert.Equal(0, pipeline[3].Plans);
        Assert.True(pipeline[1].IsHard);
        Assert.False(pipeline[5].IsHard);
    }

    [Fact]
    public void Compute_NothingDueYet_IsOnTrackWithoutRatio()
    {
        var report = Report(asOfYear: 2025);

        Assert.All(report.Groups, g => Assert.Equal((0, 0, (Fraction?)null, WarningTier.OnTrack), (g.Due, g.Realised, g.Ratio, g.Tier)));
        Assert.Equal((WarningTier.OnTrack, (SegmentGroup?)null, EscalationStep.None), (report.WorstTier, report.WorstGroup, report.Suggestion));
        Assert.Equal((0, 10), (report.Pipeline[0].Overdue.Total, report.Pipeline[0].Remaining.Total)); // plan A (2027) is not overdue yet
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2036)]
    public void Compute_AsOfYearOutsideThePeriod_Throws(int asOfYear)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Report(asOfYear));
    }

    [Fact]
    public void Compute_GroupsWithoutAnOwnTarget_AreNotAssessedAndNeverTheWorst()
    {
        // The agreement sets social, middle and free; middle rent and affordable ownership on their own are not assessed.
        SegmentGroup[] assessed = [SegmentGroup.SocialRent, SegmentGroup.Middle, SegmentGroup.Free, SegmentGroup.Affordable, SegmentGroup.All];
        var report = Progress.Compute(Trajectory, Realised, Plans, 2028, MonitoringLevel.Municipality, assessed: assessed);

        Assert.Equal((null, null, NotAssessedReason.NoOwnTarget), (report[SegmentGroup.AffordableOwnership].Ratio, report[SegmentGroup.AffordableOwnership].Tier, report[SegmentGroup.AffordableOwnership].NotAssessed));
        Assert.Equal(45, report[SegmentGroup.AffordableOwnership].Realised); // the figures stay
        Assert.Equal((WarningTier.Behind, SegmentGroup.Middle), (report.WorstTier, report.WorstGroup));
        Assert.True(report[SegmentGroup.Middle].IsAssessed);
    }

    [Fact]
    public void Compute_RealisedOfUnknownSegment_OnlyTheTotalIsAssessed()
    {
        Realisation[] realised = [new(ForecastGen.Code, 2026, SegmentHomes.OfUnknown(100)), new(ForecastGen.Code, 2027, SegmentHomes.OfUnknown(60))];

        var report = Progress.Compute(Trajectory, realised, [], 2027, MonitoringLevel.Municipality);

        Assert.Equal((200, 160, new Fraction(160, 200), WarningTier.Behind), (report[SegmentGroup.All].Due, report[SegmentGroup.All].Realised, report[SegmentGroup.All].Ratio, report[SegmentGroup.All].Tier));
        Assert.All(SegmentGroups.All.Where(g => g != SegmentGroup.All), g => Assert.Equal((null, NotAssessedReason.UnknownSegment), (report[g].Tier, report[g].NotAssessed)));
        Assert.Equal((WarningTier.Behind, SegmentGroup.All), (report.WorstTier, report.WorstGroup));
    }

    [Fact]
    public void Compute_SegmentsUnknown_OnlyTheTotalIsAssessedEvenWithoutUnknownHomes()
    {
        // A proxy of zero homes (the stock shrank) holds no homes of unknown segment but says nothing about segments either.
        Realisation[] realised = [new(ForecastGen.Code, 2026, SegmentHomes.Zero)];

        var known = Progress.Compute(Trajectory, realised, [], 2026, MonitoringLevel.Municipality);
        var unknown = Progress.Compute(Trajectory, realised, [], 2026, MonitoringLevel.Municipality, segmentsUnknown: true);

        Assert.Equal(WarningTier.SeriouslyBehind, known[SegmentGroup.SocialRent].Tier);
        Assert.Equal((null, NotAssessedReason.UnknownSegment), (unknown[SegmentGroup.SocialRent].Tier, unknown[SegmentGroup.SocialRent].NotAssessed));
        Assert.Equal(WarningTier.SeriouslyBehind, unknown[SegmentGroup.All].Tier);
        Assert.StartsWith("niet te beoordelen", NotAssessedReason.UnknownSegment.Dutch(), StringComparison.Ordinal);
    }

    private static (int Due, int Realised, Fraction? Ratio, WarningTier? Tier, int Shortfall) Row(GroupProgress g) =>
        (g.Due, g.Realised, g.Ratio, g.Tier, g.Shortfall);
}
