using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>Entering, changing and removing a municipality's realisation of one year (EditRealisations).</summary>
public sealed class EditRealisationsTests(TestDatabases databases)
{
    private const string Ede = "GM0228";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_NewYear_StoresTheSegmentsWithSourceAndMovesTheAsOfYear()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var form = new RealisationForm { SocialRent = "250", MiddleRent = "1.100", UnknownSegment = "", Source = "BAG-opleveringen, eigen telling", Note = "voorlopig" };

        var result = await EditRealisations.SaveAsync(db, Ede, 2024, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == Ede && r.Year == 2024, Ct);
        Assert.Equal((250, 1100, 0, 0), (row.SocialRent, row.MiddleRent, row.FreeRent, row.UnknownSegment));
        Assert.Equal(("bewerkt in Regiewijzer op 24-11-2026; bron: BAG-opleveringen, eigen telling", false, "voorlopig", 0), (row.Source, row.IsEstimate, row.Note, row.Version));
        Assert.Equal("BAG-opleveringen, eigen telling", RealisationForm.From(row).Source);

        // The latest as-of year moves to 2024 (2023 shipped); Ede's own progress uses 2024, but its region's stays at
        // 2023 until every member has a 2024 figure, so the other members do not look behind.
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        Assert.Equal(2024, snapshot.AsOfYear);
        Assert.Equal(1_350, snapshot.RealisationsOf(Ede).Single(r => r.Realisation.Year == 2024).Realisation.Homes.Affordable);
        Assert.Equal(2024, snapshot.Progress(snapshot.Find(Regiewijzer.Core.Monitoring.MonitoringLevel.Municipality, Ede)!).Report.AsOfYear);
        Assert.Equal(2023, snapshot.Progress(snapshot.Find(Regiewijzer.Core.Monitoring.MonitoringLevel.Region, "WD19")!).Report.AsOfYear);
        Assert.Equal(2023, snapshot.Progress(snapshot.Find(Regiewijzer.Core.Monitoring.MonitoringLevel.Municipality, "GM0203")!).Report.AsOfYear);
    }

    [Fact]
    public async Task Save_ShippedProxy_KeepsItsSourceBehindTheEdit()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == Ede && r.Year == 2023, Ct);
        var form = RealisationForm.From(row);
        Assert.Equal(("847", true), (form.UnknownSegment, form.IsEstimate));
        form.UnknownSegment = "900";

        var result = await EditRealisations.SaveAsync(db, Ede, 2023, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var saved = await db.Realisations.AsNoTracking().SingleAsync(r => r.Id == row.Id, Ct);
        Assert.Equal((900, 1, true), (saved.UnknownSegment, saved.Version, saved.IsEstimate));
        Assert.Equal($"bewerkt in Regiewijzer op 24-11-2026; bron: {row.Source}", saved.Source);
    }

    [Fact]
    public async Task Save_InvalidCounts_ReportsEachField()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var form = new RealisationForm { SocialRent = "veel", FreeOwnership = "1.5", UnknownSegment = "-1", Note = new string('x', 1001) };

        var result = await EditRealisations.SaveAsync(db, Ede, 2024, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal(
            [
                ("SocialRent", "'veel' is geen getal"),
                ("FreeOwnership", "'1.5' is geen geheel aantal ('.' scheidt duizendtallen en moet door drie cijfers gevolgd worden)"),
                ("UnknownSegment", "'-1' is negatief; een aantal is 0 of meer"),
                ("Note", "te lang (1001 tekens); hoogstens 1000"),
            ],
            result.Errors.Select(e => (e.Field, e.Reason)));
        Assert.False(await db.Realisations.AnyAsync(r => r.MunicipalityCode == Ede && r.Year == 2024, Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Save_LostUpdate_IsRejectedWithBothVersions(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == Ede && r.Year == 2019, Ct);
        var anne = RealisationForm.From(row);
        var bert = RealisationForm.From(row);
        anne.UnknownSegment = "700";
        Assert.Equal(OutcomeKind.Ok, (await EditRealisations.SaveAsync(db, Ede, 2019, anne, new EditClock(), Ct)).Kind);

        bert.UnknownSegment = "710";
        var result = await EditRealisations.SaveAsync(db, Ede, 2019, bert, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Equal(("710", "700", 1), (result.Current!.Submitted!.UnknownSegment, result.Current.Stored!.UnknownSegment, result.Current.Stored.Version));
        Assert.Equal(700, await db.Realisations.Where(r => r.Id == row.Id).Select(r => r.UnknownSegment).SingleAsync(Ct));
    }

    [Fact]
    public async Task Save_NoRowSeenButOneEnteredMeanwhile_IsAConflict()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        Assert.Equal(OutcomeKind.Ok, (await EditRealisations.SaveAsync(db, Ede, 2024, new RealisationForm { UnknownSegment = "800" }, new EditClock(), Ct)).Kind);

        var result = await EditRealisations.SaveAsync(db, Ede, 2024, new RealisationForm { UnknownSegment = "900" }, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Equal(("900", "800"), (result.Current!.Submitted!.UnknownSegment, result.Current.Stored!.UnknownSegment));
    }

    [Fact]
    public async Task Delete_RemovesTheSeenRowOnly()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == Ede && r.Year == 2012, Ct);

        Assert.Equal(OutcomeKind.Conflict, (await EditRealisations.DeleteAsync(db, Ede, 2012, row.Id, row.Version + 1, Ct)).Kind);
        Assert.Equal(OutcomeKind.Ok, (await EditRealisations.DeleteAsync(db, Ede, 2012, row.Id, row.Version, Ct)).Kind);

        Assert.False(await db.Realisations.AnyAsync(r => r.Id == row.Id, Ct));
        Assert.Equal(OutcomeKind.NotFound, (await EditRealisations.DeleteAsync(db, Ede, 2012, row.Id, row.Version, Ct)).Kind);
    }

    [Fact]
    public async Task Progress_CountsAnEditedSegmentSplit()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        foreach (var year in new[] { 2022, 2023 })
        {
            var row = await db.Realisations.AsNoTracking().SingleAsync(r => r.MunicipalityCode == Ede && r.Year == year, Ct);
            var form = RealisationForm.From(row);
            (form.SocialRent, form.UnknownSegment, form.IsEstimate) = ("400", "0", false);
            Assert.Equal(OutcomeKind.Ok, (await EditRealisations.SaveAsync(db, Ede, year, form, new EditClock(), Ct)).Kind);
        }

        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        var progress = snapshot.Progress(snapshot.Find(MonitoringLevel.Municipality, Ede)!);

        Assert.False(progress.UsesEstimates);
        Assert.Equal(800, progress.Report[SegmentGroup.SocialRent].Realised);
        Assert.Null(progress.Report[SegmentGroup.SocialRent].NotAssessed);
    }
}
