using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The audit trail as the database writes it (RegiewijzerDb.SaveChanges): who, when, what, before and after, append-only.</summary>
public sealed class ChangeRecordTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SaveChanges_RecordsWhoWhenWhatBeforeAndAfter(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using (var empty = database.Context())
        {
            Assert.Equal(0, await empty.AuditEntries.CountAsync(Ct)); // seeding is nobody's change
        }

        var actor = new AuditActor("acc-1", "Test Bewerker (t@test.nl)", "GM0228");
        int planId;
        await using (var db = database.Context())
        {
            db.Actor = actor;
            var plan = await db.Plans.Include(p => p.Deliveries).OrderBy(p => p.Id).FirstAsync(p => p.MunicipalityCode == "GM0228" && p.Status == "1b", Ct);
            planId = plan.Id;
            plan.Name = "Nieuwe naam";
            plan.Status = "1a";
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.Context();
        var entry = await check.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("plan", planId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.ObjectType, entry.ObjectId));
        Assert.Equal(("plans", "gewijzigd"), (entry.Entity, entry.Action));
        Assert.Equal(("acc-1", "GM0228"), (entry.ActorId, entry.OrganisationId));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - entry.At).TotalMinutes) < 5, "when: now");
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.NotEqual("Nieuwe naam", before.GetProperty("Name").GetString());
        Assert.Equal("1b", before.GetProperty("Status").GetString()); // shipped plan capacity: hard = 1b
        Assert.Equal("Nieuwe naam", after.GetProperty("Name").GetString());
        Assert.Equal("1a", after.GetProperty("Status").GetString());
        Assert.Equal(before.GetProperty("Version").GetInt32() + 1, after.GetProperty("Version").GetInt32());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task AddedAndDeletedRows_AreRecordedWithTheirGeneratedKeys(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        int id;
        await using (var db = database.Context())
        {
            var plan = new PlanRow { MunicipalityCode = "GM0228", Code = "AUDIT-1", Name = "Audit", Status = "3", Source = "test", PriceLevelYear = 2024 };
            plan.Deliveries.Add(new PlanDeliveryRow { Year = 2027, SocialRent = 10 });
            db.Plans.Add(plan);
            await db.SaveChangesAsync(Ct);
            id = plan.Id;
            db.Plans.Remove(plan);
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.Context();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.Where(a => a.ObjectType == "plan" && a.ObjectId == key).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(
            ["plan_deliveries aangemaakt", "plan_deliveries verwijderd", "plans aangemaakt", "plans verwijderd"],
            entries.Select(e => e.Entity + " " + e.Action).Order(StringComparer.Ordinal).ToList());
        Assert.All(entries, e => Assert.Equal("systeem", e.ActorId)); // no actor set: the system
        Assert.Contains(entries, e => e.Action == "aangemaakt" && e.Before is null && e.After!.Contains("\"SocialRent\":10", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "verwijderd" && e.After is null && e.Before!.Contains("AUDIT-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task AuditEntries_CannotBeChangedOrDeleted_ByTheAppOrTheDatabase(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using (var db = database.Context())
        {
            var plan = await db.Plans.FirstAsync(Ct);
            plan.Name = "gewijzigd";
            await db.SaveChangesAsync(Ct);
        }

        await using var app = database.Context();
        var entry = await app.AuditEntries.FirstAsync(Ct);
        entry.After = "{}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SaveChangesAsync(Ct));

        await using var raw = database.Context();
        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"After\" = '{}'", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", Ct));
        Assert.Equal(1, await raw.AuditEntries.CountAsync(Ct));
    }
}
