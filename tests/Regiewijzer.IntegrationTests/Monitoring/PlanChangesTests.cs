using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>
/// Issue 19: after a plan change monitoring reads only the plans that changed (the change numbers the database's
/// triggers raise for every writer), and the figures and forecasts it keeps up to date from them are those of reading
/// everything again.
/// </summary>
public sealed class PlanChangesTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task EveryWriteOfAPlanOrItsDeliveries_WhoeverWrites_GivesThePlanAHigherNumber(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var plans = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync(Ct);
        var start = await PlanChanges.LatestAsync(db, Ct);
        Assert.Null(await PlanChanges.SinceAsync(db, 0, 10, Ct)); // the seeded plans: more than 10 changed since 0

        var renamed = await db.Plans.SingleAsync(p => p.Id == plans[0], Ct); // through the application
        renamed.Name += " (gewijzigd)";
        await db.SaveChangesAsync(Ct);
        var (afterRename, n1) = (await PlanChanges.SinceAsync(db, start, 10, Ct))!.Value;
        Assert.Equal([plans[0]], afterRename);
        Assert.True(n1 > start);

        // Plain SQL, as another program would: a delivery only, then a whole plan removed.
        await db.Database.ExecuteSqlAsync($"""UPDATE plan_deliveries SET "SocialRent" = "SocialRent" + 1 WHERE "PlanId" = {plans[1]}""", Ct);
        var (afterDelivery, n2) = (await PlanChanges.SinceAsync(db, n1, 10, Ct))!.Value;
        Assert.Equal([plans[1]], afterDelivery);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM plans WHERE "Id" = {plans[2]}""", Ct);
        var (afterDelete, n3) = (await PlanChanges.SinceAsync(db, n2, 10, Ct))!.Value;
        Assert.Equal([plans[2]], afterDelete);
        Assert.True(n3 > n2 && n2 > n1);

        Assert.Equal([plans[0], plans[1], plans[2]], (await PlanChanges.SinceAsync(db, start, 10, Ct))!.Value.Plans);
        Assert.Equal(n3, await PlanChanges.LatestAsync(db, Ct));
        Assert.Empty((await PlanChanges.SinceAsync(db, n3, 10, Ct))!.Value.Plans);
    }

    [Fact]
    public async Task PostgreSql_WritersOfPlansTakeTheirTurn_SoNumbersRiseInCommitOrder()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Postgres);
        await using var a = database.Context();
        await using var b = database.Context();
        var plans = await a.Plans.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(Ct);
        var start = await PlanChanges.LatestAsync(a, Ct);

        await using var first = await a.Database.BeginTransactionAsync(Ct);
        await a.Database.ExecuteSqlAsync($"""UPDATE plans SET "Name" = "Name" || ' A' WHERE "Id" = {plans[0]}""", Ct);

        // While A has written a plan and not committed, B cannot write another plan: it waits its turn (here at most 1 s).
        await b.Database.OpenConnectionAsync(Ct);
        await b.Database.ExecuteSqlRawAsync("SET lock_timeout = '1s'", Ct);
        var waited = await Assert.ThrowsAsync<Npgsql.PostgresException>(
            () => b.Database.ExecuteSqlAsync($"""UPDATE plans SET "Name" = "Name" || ' B' WHERE "Id" = {plans[1]}""", Ct));
        Assert.Equal("55P03", waited.SqlState); // lock_not_available

        await first.CommitAsync(Ct);
        await b.Database.ExecuteSqlAsync($"""UPDATE plans SET "Name" = "Name" || ' B' WHERE "Id" = {plans[1]}""", Ct);
        var (changed, _) = (await PlanChanges.SinceAsync(a, start, 10, Ct))!.Value;
        Assert.Equal([plans[0], plans[1]], changed); // A committed first, so A's number is the lower one
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task RowsAfterAChange_ReadOnlyTheChangedPlans_AndEqualReadingEverything(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var before = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.All, null, Ct);
        var (changedId, deletedId) = await ChangeThreePlansAsync(database);

        var after = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.Plans, before, Ct);
        var whole = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.All, null, Ct);

        Assert.NotNull(after.ChangedPlans);
        Assert.Equal(3, after.ChangedPlans.Count);
        Assert.Contains(after.ChangedPlans, c => c.Before?.Id == $"p{changedId}" && c.After?.Id == $"p{changedId}" && c.After.Homes.SocialRent == c.Before.Homes.SocialRent + 40);
        Assert.Contains(after.ChangedPlans, c => c.Before?.Id == $"p{deletedId}" && c.After is null);
        Assert.Contains(after.ChangedPlans, c => c.Before is null && c.After?.Name == "Nieuw plan");
        Assert.Null(whole.ChangedPlans);
        Assert.Equal(whole.Plans.Count, after.Plans.Count);
        Assert.Equal(Describe(whole.Plans), Describe(after.Plans));
        Assert.NotEqual(Describe(before.Plans), Describe(after.Plans));
    }

    [Fact]
    public async Task ForecastsKeptAcrossAChange_EqualForecastsOfAFreshStart()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(database.Options, Ct);
        var cache = app.Services.GetRequiredService<MonitoringCache>();
        var subjects = new[] { (MonitoringLevel.Nation, "NL"), (MonitoringLevel.Province, "PV25"), (MonitoringLevel.Region, "WD19") };
        var first = await cache.GetAsync(Ct);
        foreach (var (level, id) in subjects)
        {
            cache.Forecast(first, first.Progress(first.Find(level, id)!)); // kept
        }

        var northHolland = first.Progress(first.Find(MonitoringLevel.Province, "PV27")!);
        var northHollandForecast = cache.Forecast(first, northHolland);
        await ChangeThreePlansAsync(database); // Ede (in Foodvalley, Gelderland): stored by another process
        var kept = await cache.GetAsync(Ct);
        Assert.NotSame(first, kept);
        Assert.Same(northHolland, kept.Progress(kept.Find(MonitoringLevel.Province, "PV27")!)); // no changed plan there: kept
        Assert.Same(northHollandForecast, cache.Forecast(kept, northHolland));
        Assert.NotSame(first.Progress(first.Find(MonitoringLevel.Province, "PV25")!), kept.Progress(kept.Find(MonitoringLevel.Province, "PV25")!));
        await using var fresh = database.Context();
        var whole = await LoadMonitoring.RunAsync(fresh, ct: Ct);

        foreach (var (level, id) in subjects)
        {
            var progress = kept.Progress(kept.Find(level, id)!);
            var expected = whole.Forecast(whole.Progress(whole.Find(level, id)!));
            var actual = cache.Forecast(kept, progress);
            Assert.Equal(Describe(expected), Describe(actual));
            Assert.NotEqual(Describe(cache.Forecast(first, first.Progress(first.Find(level, id)!))), Describe(actual));
        }
    }

    [Fact]
    public async Task KeptParts_AfterAChange_SimulateOnlyTheChangedPlans()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var country = await CheckCountry.RunAsync(db, Ct);
        var rows = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.All, null, Ct);
        var parts = new ForecastParts();
        var before = LoadMonitoring.Build(country, rows);
        var (_, simulatedBefore) = parts.Forecast(before, before.Progress(MonitoringSubject.Nation));
        Assert.Equal(before.Progress(MonitoringSubject.Nation).Plans.Length, simulatedBefore); // nothing kept yet: every plan simulated

        await ChangeThreePlansAsync(database);
        var next = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.Plans, rows, Ct);
        parts.Changed(rows.Plans.Edition, next.Plans.Edition, next.ChangedPlans);
        var after = LoadMonitoring.Build(country, next);
        var (result, simulated) = parts.Forecast(after, after.Progress(MonitoringSubject.Nation));

        Assert.Equal(4, simulated); // only the three plans: the changed one as it was and as it is, the deleted one, the new one
        Assert.Equal(Describe(after.Forecast(after.Progress(MonitoringSubject.Nation))), Describe(result));

        // A second change goes on from the first: the kept totals and plan ids brought up to date again, not read whole.
        await ChangeThreePlansAsync(database, "NIEUW-2");
        var second = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.Plans, next, Ct);
        parts.Changed(next.Plans.Edition, second.Plans.Edition, second.ChangedPlans);
        var afterSecond = LoadMonitoring.Build(country, second);
        var (resultSecond, simulatedSecond) = parts.Forecast(afterSecond, afterSecond.Progress(MonitoringSubject.Nation));
        Assert.Equal(4, simulatedSecond);
        Assert.Equal(Describe(afterSecond.Forecast(afterSecond.Progress(MonitoringSubject.Nation))), Describe(resultSecond));
        next = second;
        result = resultSecond;

        // A change not told (the plans read whole): the kept parts are not trusted, all is simulated again.
        var whole = await LoadMonitoring.LoadRowsAsync(db, MonitoringParts.All, null, Ct);
        parts.Changed(next.Plans.Edition, whole.Plans.Edition, whole.ChangedPlans);
        var again = LoadMonitoring.Build(country, whole);
        var (resultAgain, simulatedAgain) = parts.Forecast(again, again.Progress(MonitoringSubject.Nation));
        Assert.Equal(again.Progress(MonitoringSubject.Nation).Plans.Length, simulatedAgain);
        Assert.Equal(Describe(result), Describe(resultAgain));
    }

    /// <summary>In Ede, through another context: one plan gets 40 more social-rent homes, one is deleted, one is added.</summary>
    private static async Task<(int Changed, int Deleted)> ChangeThreePlansAsync(TestDatabase database, string addedCode = "NIEUW-1")
    {
        await using var db = database.Context();
        var ede = await db.Plans.Include(p => p.Deliveries).Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).Take(2).ToListAsync(Ct);
        ede[0].Deliveries[0].SocialRent += 40;
        ede[0].Version++;
        db.Plans.Remove(ede[1]);
        var added = new PlanRow { MunicipalityCode = "GM0228", Code = addedCode, Name = "Nieuw plan", Status = "1b", PriceLevelYear = 2024, Source = "test", UpdatedAt = DateTimeOffset.UtcNow };
        added.Deliveries.Add(new PlanDeliveryRow { Year = 2027, SocialRent = 120, FreeOwnership = 80 });
        db.Plans.Add(added);
        await db.SaveChangesAsync(Ct);
        return (ede[0].Id, ede[1].Id);
    }

    private static string Describe(MonitoringPlans plans) => string.Join(
        '\n',
        plans.ByMunicipality.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Value.Select(p =>
            $"{g.Key} {p.Facts} {p.Plan.Id} {p.Plan.Name} {p.Plan.Status} {p.Plan.Contracted} {string.Join(';', p.Plan.Deliveries.Select(d => $"{d.Year}:{d.Homes}"))}")));

    private static string Describe(ForecastResult result) =>
        $"{result.Plans} {result.Runs} {result.Seed} " + string.Join(
            '\n',
            result.Series.Select(s => $"{s.Group} {s.Target} {s.RunsMeetingTarget} {s.Probability} {s.Mean} {string.Join(';', s.PerYear)} {string.Join(';', s.Cumulative)}"));
}
