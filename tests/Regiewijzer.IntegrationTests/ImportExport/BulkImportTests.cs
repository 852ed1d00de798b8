using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Monitoring;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

/// <summary>
/// New plans are written in bulk past the change tracker (issue 19): the audit trail, the keys and the change signal must
/// be what a save through the change tracker gives.
/// </summary>
public sealed class BulkImportTests(TestDatabases databases)
{
    private const string Header = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;sociale_huur;middenhuur;betaalbare_koop;vrije_huur;vrije_koop;segment_onbekend";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportPlans_NewPlansGetTheAuditEntriesOfASaveThroughTheChangeTracker(Provider provider)
    {
        await using var imported = await databases.CreateSeededAsync(provider);
        await using var saved = await databases.CreateSeededAsync(provider);
        var signal = new DataChangeSignal();
        var raised = new List<IReadOnlySet<Type>>();
        signal.Listen(change =>
        {
            raised.Add(change.Types);
            return ValueTask.CompletedTask;
        });
        await using (var db = imported.Context())
        {
            db.Changes = signal;
            db.Clock = new EditClock();
            var table = ImportDatabase.Csv(Header, "GM0228;BULK-1;Eerste plan;1a;2026;2028;10;5;0;0;3;1", "GM0363;BULK-2;Tweede plan;2b;2027;;0;0;4;0;0;0");
            var result = await ImportPlans.RunAsync(db, table, "bulk.csv", new EditClock(), ct: Ct);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            Assert.Equal((2, 0), (result.Inserted, result.Updated));
        }

        var stored = Assert.Single(raised); // once, after the commit
        Assert.Contains(typeof(PlanRow), stored);
        Assert.Contains(typeof(PlanDeliveryRow), stored);

        // The same plans through the change tracker into an identical database: the same keys and the same audit entries.
        List<PlanRow> plans;
        await using (var db = imported.Context())
        {
            plans = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.Code.StartsWith("BULK-")).OrderBy(p => p.Id).ToListAsync(Ct);
        }

        Assert.Equal(4, plans.Sum(p => p.Deliveries.Count));
        await using (var db = saved.Context())
        {
            db.Clock = new EditClock();
            foreach (var plan in plans)
            {
                db.Plans.Add(Copy(plan));
            }

            await db.SaveChangesAsync(Ct);
            var keys = await db.Plans.AsNoTracking().Where(p => p.Code.StartsWith("BULK-")).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
            Assert.Equal(plans.Select(p => p.Id), keys);
        }

        var audit = await AuditAsync(imported);
        Assert.Equal(6, audit.Count); // 2 plans, 4 delivery years
        Assert.Equal(await AuditAsync(saved), audit);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ImportPlans_ADuplicatePlanInTheDatabaseStoresNothing(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        int plans, audit;
        await using (var db = database.Context())
        {
            (plans, audit) = (await db.Plans.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));

            // A unique index the import does not know about refuses the second plan's row in the bulk write: the first
            // plan, written in the same transaction, must not stay.
            await db.Database.ExecuteSqlRawAsync("""CREATE UNIQUE INDEX "IX_test_plans_name" ON plans ("Name") WHERE "Code" LIKE 'DUP-%'""", Ct);
            var table = ImportDatabase.Csv(Header, "GM0228;DUP-1;Zelfde naam;1a;2026;;1;0;0;0;0;0", "GM0363;DUP-2;Zelfde naam;1a;2026;;1;0;0;0;0;0");
            var result = await ImportPlans.RunAsync(db, table, "dubbel.csv", ct: Ct);
            Assert.False(result.Succeeded);
            Assert.Contains("iemand anders heeft tegelijk dezelfde gegevens gewijzigd", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
        }

        await using (var db = database.Context())
        {
            Assert.Equal((plans, audit), (await db.Plans.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));
        }
    }

    private static PlanRow Copy(PlanRow plan)
    {
        var copy = new PlanRow
        {
            MunicipalityCode = plan.MunicipalityCode,
            Code = plan.Code,
            Name = plan.Name,
            Status = plan.Status,
            PriceLevelYear = plan.PriceLevelYear,
            Contracted = plan.Contracted,
            ContractedOn = plan.ContractedOn,
            Source = plan.Source,
            Assumption = plan.Assumption,
            UpdatedAt = plan.UpdatedAt,
            Version = plan.Version,
        };
        copy.Deliveries.AddRange(plan.Deliveries.OrderBy(d => d.Id).Select(d => new PlanDeliveryRow
        {
            Year = d.Year,
            SocialRent = d.SocialRent,
            MiddleRent = d.MiddleRent,
            AffordableOwnership = d.AffordableOwnership,
            FreeRent = d.FreeRent,
            FreeOwnership = d.FreeOwnership,
            UnknownSegment = d.UnknownSegment,
        }));
        return copy;
    }

    /// <summary>Every field of the plans' audit entries but the entry's own number.</summary>
    private static async Task<List<string>> AuditAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "plan").ToListAsync(Ct);
        return [.. entries.Select(a => string.Join("|", a.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), a.ActorId, a.ActorName, a.OrganisationId, a.ObjectType, a.ObjectId, a.Entity, a.EntityKey, a.Action, a.Before, a.After))
            .Order(StringComparer.Ordinal)];
    }
}
