using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>A region's trajectory profile: weights per year, back to linear, and lost updates (EditTrajectory).</summary>
public sealed class EditTrajectoryTests(TestDatabases databases)
{
    private const string Foodvalley = "WD19";

    /// <summary>Weights 2022-2030 as typed ("1.000" in Dutch notation).</summary>
    private static readonly string[] Profile = ["5", "5", "10", "10", "10", "15", "15", "15", "1.000"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_WithoutRows_IsLinearWithWeightOneEachYear()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();

        var state = await EditTrajectory.LoadAsync(db, "wd19", Ct);

        Assert.NotNull(state);
        Assert.Null(state.Weights);
        Assert.Equal("lineair", state.Token);
        Assert.Equal(Enumerable.Range(2022, 9), state.Years);
        Assert.All(state.Years, y => Assert.Equal("1", state.Form().WeightOf(y)));
        Assert.Null(await EditTrajectory.LoadAsync(db, "WD99", Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Save_Weights_ShapeTheRegionsTrajectory_ThenResetToLinear(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var state = (await EditTrajectory.LoadAsync(db, Foodvalley, Ct))!;
        var form = state.Form();
        foreach (var (year, weight) in state.Years.Zip(Profile))
        {
            form.Weights[year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = weight;
        }

        var result = await EditTrajectory.SaveAsync(db, Foodvalley, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        Assert.Equal([5, 5, 10, 10, 10, 15, 15, 15, 1000], snapshot.WeightsOf(Foodvalley));
        var progress = snapshot.Progress(snapshot.Find(MonitoringLevel.Region, Foodvalley)!);
        Assert.Equal("aangepast jaarprofiel (Regio Foodvalley)", progress.TrajectoryText);
        // Due through 2023: per member ⌊target·10/1085⌋ per segment instead of ⌊target·2/9⌋.
        var members = snapshot.MunicipalitiesOf(snapshot.Find(MonitoringLevel.Region, Foodvalley)!).Select(snapshot.TargetOf).OfType<SegmentHomes>().ToList();
        var due = members.Sum(t => (t.SocialRent * 10 / 1085) + (t.MiddleRent * 10 / 1085) + (t.FreeRent * 10 / 1085));
        Assert.Equal(due, progress.Report[SegmentGroup.All].Due);
        Assert.Equal(25_383, progress.Report[SegmentGroup.All].Target);

        var saved = (await EditTrajectory.LoadAsync(db, Foodvalley, Ct))!;
        Assert.NotEqual("lineair", saved.Token);
        Assert.Equal(OutcomeKind.Ok, (await EditTrajectory.ResetAsync(db, Foodvalley, saved.Token, Ct)).Kind);
        Assert.Equal(0, await db.TrajectoryWeights.CountAsync(w => w.RegionId == Foodvalley, Ct));
        Assert.Null((await EditTrajectory.LoadAsync(db, Foodvalley, Ct))!.Weights);
    }

    [Fact]
    public async Task Save_InvalidWeights_AreReportedPerYear()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var form = new TrajectoryForm { Token = "lineair" };
        foreach (var year in Enumerable.Range(2022, 9))
        {
            form.Weights[year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "0";
        }

        var zero = await EditTrajectory.SaveAsync(db, Foodvalley, form, new EditClock(), Ct);
        form.Weights["2023"] = "-2";
        form.Weights["2024"] = "2,5";
        form.Weights.Remove("2025");
        var wrong = await EditTrajectory.SaveAsync(db, Foodvalley, form, new EditClock(), Ct);

        Assert.Equal([("Weights", "alle gewichten zijn 0; geef minstens één jaar een gewicht groter dan 0 (of zet het traject terug op lineair)")], zero.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Equal(
            [
                ("Weights[2023]", "'-2' is negatief; een aantal is 0 of meer"),
                ("Weights[2024]", "'2,5' is geen geheel aantal: gebruik geen komma (schrijf 1.200 of 1200)"),
                ("Weights[2025]", "leeg; vul een geheel aantal in"),
            ],
            wrong.Errors.Select(e => (e.Field, e.Reason)));
        Assert.False(await db.TrajectoryWeights.AnyAsync(Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Save_LostUpdate_IsRejectedWithBothVersions(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var state = (await EditTrajectory.LoadAsync(db, Foodvalley, Ct))!;
        var anne = state.Form();
        var bert = state.Form();
        anne.Weights["2030"] = "3";
        Assert.Equal(OutcomeKind.Ok, (await EditTrajectory.SaveAsync(db, Foodvalley, anne, new EditClock(), Ct)).Kind);

        bert.Weights["2022"] = "2";
        var result = await EditTrajectory.SaveAsync(db, Foodvalley, bert, new EditClock(), Ct);
        var reset = await EditTrajectory.ResetAsync(db, Foodvalley, "lineair", Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Equal(("2", "1"), (result.Current!.Submitted!.WeightOf(2022), result.Current.Stored!.WeightOf(2022)));
        Assert.Equal(("1", "3"), (result.Current.Submitted.WeightOf(2030), result.Current.Stored.WeightOf(2030)));
        Assert.Equal(OutcomeKind.Conflict, reset.Kind);
        Assert.Null(reset.Current!.Submitted);
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 3], snapshot.WeightsOf(Foodvalley));

        // Reapplied on the stored profile: saved deliberately, every row's version bumped.
        bert.Token = result.Current.Stored.Token;
        Assert.Equal(OutcomeKind.Ok, (await EditTrajectory.SaveAsync(db, Foodvalley, bert, new EditClock(), Ct)).Kind);
        Assert.All(await db.TrajectoryWeights.Where(w => w.RegionId == Foodvalley).ToListAsync(Ct), w => Assert.Equal(1, w.Version));
    }
}
