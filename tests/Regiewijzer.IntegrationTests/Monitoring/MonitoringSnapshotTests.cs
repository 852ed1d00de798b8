using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

public sealed class MonitoringSnapshotTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Seed_PlanCapacityAndRealisations_MatchTheShippedFiles(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();

        // plancapaciteit-2021.csv: totaal + positive "onbekend" columns of all rows with a 2025 code (Haaren left out) = 1,230,350 + 54,527.
        Assert.Equal(1_284_877, await db.PlanDeliveries.SumAsync(d => d.UnknownSegment, Ct));
        Assert.Equal(0, await db.PlanDeliveries.SumAsync(d => d.SocialRent + d.MiddleRent + d.AffordableOwnership + d.FreeRent + d.FreeOwnership, Ct));
        Assert.Equal(["1b", "3"], await db.Plans.Select(p => p.Status).Distinct().OrderBy(s => s).ToListAsync(Ct));
        Assert.DoesNotContain(await db.Plans.Select(p => p.Assumption).ToListAsync(Ct), string.IsNullOrEmpty);

        // CBS 81955NED new-build 2019 of codes that still exist, and the 2022-2023 proxy (net growth, negatives as 0).
        Assert.Equal(69_498, await db.Realisations.Where(r => r.Year == 2019).SumAsync(r => r.UnknownSegment, Ct));
        Assert.Equal(342, await db.Realisations.CountAsync(r => r.Year == 2023 && r.IsEstimate, Ct));
        var diemen = await db.Realisations.Where(r => r.MunicipalityCode == "GM0384" && r.Year >= 2022).OrderBy(r => r.Year).ToListAsync(Ct);
        Assert.All(diemen, r => Assert.Equal(0, r.UnknownSegment));
        Assert.Contains("kromp (-255)", diemen[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_Foodvalley_CountsMembersWithATargetAgainstTheLinearTrajectory()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        var region = snapshot.Find(MonitoringLevel.Region, "WD19")!;

        var progress = snapshot.Progress(region);

        Assert.Equal((2022, 2030, 2023), (snapshot.FirstYear, snapshot.LastYear, snapshot.AsOfYear));
        Assert.True(progress.HasTarget);
        Assert.True(progress.UsesEstimates);
        var regionResult = snapshot.Country.Regions.Single(r => r.Question.Region.Id == "WD19").Result!;
        Assert.Equal((regionResult.Social, regionResult.Middle, regionResult.Free), (progress.Target.SocialRent, progress.Target.Middle, progress.Target.Free));
        var all = progress.Report[SegmentGroup.All];
        Assert.Equal(regionResult.Task, all.Target);

        // Due through 2023 = sum over members of ⌊task·2/9⌋ per segment; realised = the members' net growth 2022-2023.
        var due = regionResult.Municipalities.Sum(m => (m.Social * 2 / 9) + (m.Middle * 2 / 9) + (m.Free * 2 / 9));
        var realised = await db.Realisations.Where(r => r.Year >= 2022 && r.Year <= 2023 && progress.Members.Contains(r.MunicipalityCode)).SumAsync(r => r.UnknownSegment, Ct);
        Assert.Equal((due, realised), (all.Due, all.Realised));
        Assert.Equal(new WarningThresholds("x", "x", snapshot.Thresholds.OnTrack, snapshot.Thresholds.Attention, snapshot.Thresholds.Behind).TierOf(realised, due), all.Tier);

        // Realised homes of unknown segment: only the total is assessed.
        Assert.Equal(NotAssessedReason.UnknownSegment, progress.Report[SegmentGroup.SocialRent].NotAssessed);
        Assert.Equal(NotAssessedReason.NoOwnTarget, progress.Report[SegmentGroup.MiddleRent].NotAssessed);
    }

    [Fact]
    public async Task Progress_ProxyOfZero_SegmentsAreStillNotAssessed()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);

        // Scherpenzeel's stock shrank by 10 in 2022-2023: its proxy rows hold 0 homes, which says nothing about segments.
        var progress = snapshot.Progress(snapshot.Find(MonitoringLevel.Municipality, "GM0279")!);

        Assert.True(progress.HasTarget);
        Assert.Equal(0, progress.Report[SegmentGroup.All].Realised);
        Assert.Equal(WarningTier.SeriouslyBehind, progress.Report[SegmentGroup.All].Tier);
        Assert.Equal(NotAssessedReason.UnknownSegment, progress.Report[SegmentGroup.SocialRent].NotAssessed);
    }

    [Fact]
    public async Task Forecast_Nation_IsReproducibleAndCountsRealisedHomes()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        var progress = snapshot.Progress(MonitoringSubject.Nation);

        var a = snapshot.Forecast(progress, runs: 2000, seed: 7);
        var b = snapshot.Forecast(progress, runs: 2000, seed: 7, maxDegreeOfParallelism: 1);

        Assert.Equal(a.Series[(int)SegmentGroup.All].Cumulative, b.Series[(int)SegmentGroup.All].Cumulative);
        Assert.Equal(progress.Plans.Length, a.Plans);
        var realised = progress.Report[SegmentGroup.All].Realised;
        var cumulative2023 = a[SegmentGroup.All].Cumulative.Single(c => c.Year == 2023);
        Assert.Equal((realised, realised, realised), (cumulative2023.P10, cumulative2023.P50, cumulative2023.P90));
        Assert.True(a[SegmentGroup.All].Cumulative[^1].P10 > realised);
    }

    [Fact]
    public async Task Warnings_Gelderland_AreWorstFirst()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);

        var warnings = snapshot.Warnings("PV25");

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.NotEqual(WarningTier.OnTrack, w.Tier));
        Assert.Equal(warnings.OrderByDescending(w => w.Tier).ThenBy(w => w.Progress.Ratio).Select(w => w.Subject.Id), warnings.Select(w => w.Subject.Id));
        Assert.Contains(warnings, w => w.Subject.Level == MonitoringLevel.Municipality);
        Assert.Empty(snapshot.Warnings("PV99"));
    }
}
