using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>
/// The monitoring decisions over Core records, without a database: one province with a distributed region (GM0001 with
/// a task, GM0002 without), a distributed region whose adopted agreement wins (GM0003), a region that could not be
/// distributed (GM0004), a municipality in no region (GM0005) and an agreement for a region the check did not
/// distribute (GM0006).
/// </summary>
public class MonitoringBookTests
{
    private static readonly SegmentHomes Computed1 = new(90, 90, 0, 90, 0);
    private static readonly SegmentHomes Computed3 = new(180, 0, 0, 0, 0);
    private static readonly SegmentHomes Agreed3 = new(270, 0, 0, 9, 0);
    private static readonly SegmentHomes Agreed6 = new(18, 0, 0, 0, 0);

    private static MonitoringBook Book(
        IEnumerable<RealisationFacts>? realisations = null,
        IReadOnlyDictionary<string, int[]>? weights = null,
        IEnumerable<(Plan Plan, PlanFacts Facts)>? plans = null) =>
        new(
            2022,
            2030,
            [
                new("GM0001", "Een", "PV01", "WD01"),
                new("GM0002", "Twee", "PV01", "WD01"),
                new("GM0003", "Drie", "PV01", "WD02"),
                new("GM0004", "Vier", "PV01", "WD03"),
                new("GM0005", "Vijf", "PV01", null),
                new("GM0006", "Zes", "PV01", "WD04"),
            ],
            [new("WD01", "Regio Een"), new("WD02", "Regio Twee"), new("WD03", "Regio Drie"), new("WD04", "Regio Vier")],
            [new("PV01", "Provincie")],
            [
                new("WD01", "Regio Een", 2022, 2030, ["GM0002"], new Dictionary<string, SegmentHomes> { ["GM0001"] = Computed1 }),
                new("WD02", "Regio Twee", 2022, 2030, [], new Dictionary<string, SegmentHomes> { ["GM0003"] = Computed3 }),
                new("WD03", "Regio Drie", 2022, 2030, ["GM0004"], null),
            ],
            [
                new(7, "WD02", 2, DateTimeOffset.UnixEpoch, new Dictionary<string, SegmentHomes> { ["GM0003"] = Agreed3 }),
                new(8, "WD04", 1, DateTimeOffset.UnixEpoch, new Dictionary<string, SegmentHomes> { ["GM0006"] = Agreed6 }),
            ],
            MonitoringBook.GroupPlans(plans ?? []),
            realisations ?? [],
            weights ?? new Dictionary<string, int[]>());

    [Fact]
    public void KeepProgressFrom_OnlyThePlansOfOneMunicipalityChanged_OthersKeepTheirProgress()
    {
        (Plan, PlanFacts) PlanIn(string code, int id, int homes) =>
            (new Plan($"p{id}", new MunicipalityCode(code), $"Plan {id}", PlanningStatus.Irrevocable, 2024, [new PlanDelivery(2027, new SegmentHomes(homes, 0, 0, 0, 0))]), new PlanFacts(id, $"c{id}", "test", null, 1));
        var before = Book(plans: [PlanIn("GM0001", 1, 10), PlanIn("GM0003", 2, 20)]);
        var subjects = new[] { ("GM0001", MonitoringLevel.Municipality), ("GM0003", MonitoringLevel.Municipality), ("WD01", MonitoringLevel.Region), ("WD02", MonitoringLevel.Region), ("PV01", MonitoringLevel.Province), ("NL", MonitoringLevel.Nation) }
            .Select(s => before.Find(s.Item2, s.Item1)!).ToList();
        var old = subjects.Select(s => before.Progress(s)).ToList();

        var after = Book(plans: [PlanIn("GM0001", 1, 25), PlanIn("GM0003", 2, 20)]); // plan 1 in GM0001 (WD01) changed
        after.KeepProgressFrom(before, new HashSet<string>(["GM0001"]));
        var fresh = Book(plans: [PlanIn("GM0001", 1, 25), PlanIn("GM0003", 2, 20)]);

        for (var i = 0; i < subjects.Count; i++)
        {
            var kept = after.Progress(subjects[i]);
            var expected = fresh.Progress(subjects[i]);
            Assert.Equal(expected.Report.Pipeline.Sum(r => r.Remaining.SocialRent), kept.Report.Pipeline.Sum(r => r.Remaining.SocialRent));
            PlanTallyTests.AssertSameReport(expected.Report, kept.Report);
            PlanTallyTests.AssertSameSummary(expected.PlanSummary, kept.PlanSummary);
            var untouched = subjects[i].Id is "GM0003" or "WD02";
            Assert.Equal(untouched, ReferenceEquals(old[i], kept)); // taken over only where no changed plan lies
        }
    }

    private static RealisationFacts Realised(string code, int year, int homes, bool estimate = false) =>
        new(new Realisation(new MunicipalityCode(code), year, new SegmentHomes(homes, 0, 0, 0, 0)), 0, "test", estimate, null, 1);

    [Fact]
    public void TargetOf_AdoptedAgreementWinsOverTheComputedDistribution()
    {
        var book = Book();

        Assert.Equal(Computed1, book.TargetOf("GM0001"));
        Assert.Null(book.TargetSourceOf("GM0001")!.Agreement);
        Assert.Equal(Agreed3, book.TargetOf("GM0003"));
        Assert.Equal(7, book.TargetSourceOf("GM0003")!.Agreement!.Id);
        Assert.Equal((Agreed6, "Regio Vier"), (book.TargetOf("GM0006")!.Value, book.TargetSourceOf("GM0006")!.RegionName));
        Assert.Null(book.TargetOf("GM0002"));
        Assert.Equal(["Regio Een", "Regio Twee", "Regio Vier"], book.TargetSourcesOf(["GM0006", "GM0003", "GM0001", "GM0002"]).Select(s => s.RegionName));
    }

    [Theory]
    [InlineData("GM0005", "ligt in geen woningbouwregio")]
    [InlineData("GM0004", "Regio Drie is niet verdeeld (geen gemeente heeft een opgave voor 2022-2030)")]
    [InlineData("GM0002", "geen opgave voor 2022-2030 in Regio Een; de regio is zonder deze gemeente verdeeld")]
    public void WhyNoTarget_SaysWhich(string code, string expected) => Assert.Equal(expected, Book().WhyNoTarget(code));

    [Fact]
    public void Progress_CountsOnlyMembersWithATarget()
    {
        var progress = Book().Progress(Book().Find(MonitoringLevel.Province, "PV01")!);

        Assert.True(progress.HasTarget);
        Assert.Equal(["GM0001", "GM0003", "GM0006"], progress.Members);
        Assert.Equal(["GM0002", "GM0004", "GM0005"], progress.WithoutTarget);
        Assert.Equal(Computed1 + Agreed3 + Agreed6, progress.Target);
    }

    [Fact]
    public void Progress_AsOfYearIsTheLastYearEveryMemberHasARowFor()
    {
        var book = Book([Realised("GM0001", 2022, 5), Realised("GM0001", 2023, 5), Realised("GM0003", 2022, 5), Realised("GM0001", 2031, 5)]);

        Assert.Equal(2023, book.AsOfYear);
        Assert.Equal(2023, book.Progress(book.Find(MonitoringLevel.Region, "WD01")!).Report.AsOfYear);
        var region2 = book.Progress(book.Find(MonitoringLevel.Region, "WD02")!);
        Assert.Equal((2022, true), (region2.Report.AsOfYear, region2.HasRealisations));
        var province = book.Progress(book.Find(MonitoringLevel.Province, "PV01")!); // GM0006 has no row at all
        Assert.Equal((2021, false), (province.Report.AsOfYear, province.HasRealisations));
        Assert.Empty(province.Realisations);
    }

    [Fact]
    public void Progress_SumsEachMembersTrajectoryByItsRegionsWeights()
    {
        int[] profile = [1, 0, 0, 0, 0, 0, 0, 0, 2];
        var book = Book(weights: new Dictionary<string, int[]> { ["WD02"] = profile, ["WD01"] = new int[9] });
        var province = book.Progress(book.Find(MonitoringLevel.Province, "PV01")!);

        Assert.Equal("aangepast jaarprofiel (Regio Twee)", province.TrajectoryText);
        Assert.Null(book.WeightsOf("WD01")); // a profile of zeros is linear
        var expected = Trajectory.Linear(2022, 2030, Computed1).PerYear[0] + Trajectory.Weighted(2022, profile, Agreed3).PerYear[0] + Trajectory.Linear(2022, 2030, Agreed6).PerYear[0];
        Assert.Equal(expected.Total, province.Report.Trajectory.PerYear[0].Total);
        Assert.StartsWith("lineair", book.Progress(book.Find(MonitoringLevel.Region, "WD01")!).TrajectoryText, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_NoTarget_NothingIsAssessed()
    {
        var book = Book();
        var progress = book.Progress(book.Find(MonitoringLevel.Municipality, "GM0005")!);

        Assert.False(progress.HasTarget);
        Assert.Equal(["GM0005"], progress.Members);
        Assert.Equal(SubjectProgress.NoTargetText, progress.WhyNotAssessed(progress.Report[SegmentGroup.All]));
    }

    [Fact]
    public void Warnings_AreWorstFirstAndOnlyForSubjectsWithATarget()
    {
        var book = Book([
            Realised("GM0001", 2022, 30), Realised("GM0001", 2023, 60),
            Realised("GM0003", 2022, 0), Realised("GM0003", 2023, 0),
            Realised("GM0006", 2022, 2), Realised("GM0006", 2023, 2)]);

        var warnings = book.Warnings("PV01");

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.NotEqual(WarningTier.OnTrack, w.Tier));
        Assert.Equal(
            warnings.OrderByDescending(w => w.Tier).ThenBy(w => w.Progress.Ratio).ThenBy(w => w.Subject.Level).Select(w => w.Subject.Id),
            warnings.Select(w => w.Subject.Id));
        Assert.DoesNotContain(warnings, w => w.Subject.Id is "GM0002" or "GM0004" or "GM0005" or "WD03");
        Assert.Contains(warnings, w => w.Subject.Id == "GM0003");
        Assert.Empty(book.Warnings("PV99"));
    }
}
