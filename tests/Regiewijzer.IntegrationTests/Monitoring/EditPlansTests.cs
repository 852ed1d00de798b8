using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.Monitoring;

/// <summary>Creating, changing and removing plans as the web app does (EditPlans), on the seeded data.</summary>
public sealed class EditPlansTests(TestDatabases databases)
{
    private const string Ede = "GM0228";
    private const string EdeHard2022 = "pc2021-GM0228-h-2022";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_StoresTheHomesPerYear_WithTheEditSourceAndDate()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var form = new PlanForm
        {
            Code = " ede-centrum ",
            Name = "Ede Centrum, fase 1",
            Status = " 1A ",
            PriceLevelYear = "2025",
            Contracted = true,
            ContractedOn = "31-3-2026",
            Deliveries =
            [
                new() { Year = "2026", SocialRent = "1.200", MiddleRent = "300" },
                new() { Year = "2027", UnknownSegment = "45" },
                new(),
                new() { Year = "2028" }, // a year without homes is not stored
            ],
        };

        var result = await EditPlans.CreateAsync(db, "gm0228", form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var row = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Id == result.Value!.Id, Ct);
        Assert.Equal((Ede, "ede-centrum", "Ede Centrum, fase 1", "1a", 2025), (row.MunicipalityCode, row.Code, row.Name, row.Status, row.PriceLevelYear));
        Assert.Equal((true, new DateOnly(2026, 3, 31)), (row.Contracted, row.ContractedOn));
        Assert.Equal("bewerkt in Regiewijzer op 24-11-2026", row.Source);
        Assert.Equal(EditClock.Now, row.UpdatedAt);
        Assert.Equal(
            [(2026, 1200, 300, 0), (2027, 0, 0, 45)],
            row.Deliveries.OrderBy(d => d.Year).Select(d => (d.Year, d.SocialRent, d.MiddleRent, d.UnknownSegment)));
        Assert.False(EditPlans.IsShipped(row));

        // The monitoring snapshot counts it: Ede's plans were the 4 shipped ones (5.419 homes).
        var snapshot = await LoadMonitoring.RunAsync(db, ct: Ct);
        var plans = snapshot.PlansOf(Ede).ToList();
        Assert.Equal(5, plans.Count);
        Assert.Equal(5_419 + 1_545, plans.Sum(p => p.Plan.Homes.Total));
        Assert.Equal(1_500, plans.Single(p => p.Facts.Code == "ede-centrum").Plan.Homes.Affordable);
    }

    [Fact]
    public async Task Create_InvalidFields_ReportsEachInDutchAndStoresNothing()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var before = await db.Plans.CountAsync(Ct);
        var form = new PlanForm
        {
            Code = EdeHard2022,
            Name = "  ",
            Status = "5",
            PriceLevelYear = "21",
            ContractedOn = "2026-01-01",
            Deliveries =
            [
                new() { Year = "2026", SocialRent = "1,5" },
                new() { Year = "2027", UnknownSegment = "-3" },
                new() { Year = "2026", FreeRent = "10" },
                new() { Year = "2029", MiddleRent = "200000" },
                new() { FreeOwnership = "10" },
            ],
        };

        var result = await EditPlans.CreateAsync(db, Ede, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal(
            [
                ("Code", $"de code '{EdeHard2022}' heeft al een ander plan van deze gemeente ('Plancapaciteit 2021: harde plancapaciteit, 2020-2024 (gespreid over 2022-2024)'); kies een andere code"),
                ("Name", "leeg; vul de naam van het plan in"),
                ("Status", "'5' is geen planstatus; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b"),
                ("PriceLevelYear", "'21' is geen jaartal (vier cijfers, 1900-2100)"),
                ("ContractedOn", "vul alleen een contractdatum in als het plan gecontracteerd is (vink 'gecontracteerd' aan of maak de datum leeg)"),
                ("Deliveries[0].SocialRent", "'1,5' is geen geheel aantal: gebruik geen komma (schrijf 1.200 of 1200)"),
                ("Deliveries[1].UnknownSegment", "'-3' is negatief; een aantal is 0 of meer"),
                ("Deliveries[2].Year", "2026 staat twee keer in de tabel; tel de woningen van dat jaar op in één rij"),
                ("Deliveries[3].MiddleRent", "200.000 is meer dan 100.000 woningen in één jaar; controleer het aantal"),
                ("Deliveries[4].Year", "leeg; vul een jaartal in"),
            ],
            result.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Equal(before, await db.Plans.CountAsync(Ct));
    }

    [Fact]
    public async Task Create_WithoutHomes_AsksForAtLeastOneYear()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var form = new PlanForm { Code = "leeg", Name = "Leeg plan", Status = "3", PriceLevelYear = "2025", Deliveries = [new() { Year = "2026", SocialRent = "0" }, new()] };

        var result = await EditPlans.CreateAsync(db, Ede, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal("het plan heeft geen woningen; vul voor minstens één jaar een aantal woningen in", result.ErrorFor("Deliveries"));
        Assert.Single(result.Errors);
    }

    [Fact]
    public async Task Create_UnknownMunicipality_IsNotFound()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();

        var result = await EditPlans.CreateAsync(db, "GM9999", new PlanForm(), new EditClock(), Ct);

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
    }

    [Fact]
    public async Task Update_ShippedPlan_KeepsItsOriginAndAssumption()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var row = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == EdeHard2022, Ct);
        var form = PlanForm.From(row);
        Assert.Equal(["2022", "2023", "2024"], form.Deliveries.Select(d => d.Year));
        Assert.Equal(["634", "634", "635"], form.Deliveries.Select(d => d.UnknownSegment));
        form.Status = "1a";
        form.Deliveries[0].UnknownSegment = "700";
        form.Deliveries[2] = new DeliveryForm(); // the year 2024 removed
        form.Deliveries.Add(new DeliveryForm { Year = "2030", SocialRent = "5" });

        var result = await EditPlans.UpdateAsync(db, row.Id, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var saved = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Id == row.Id, Ct);
        Assert.Equal((1, "1a"), (saved.Version, saved.Status));
        Assert.Equal([(2022, 700, 0), (2023, 634, 0), (2030, 0, 5)], saved.Deliveries.OrderBy(d => d.Year).Select(d => (d.Year, d.UnknownSegment, d.SocialRent)));
        Assert.Equal($"bewerkt in Regiewijzer op 24-11-2026; bron: {row.Source}", saved.Source);
        Assert.Equal(row.Assumption, saved.Assumption);
        Assert.True(EditPlans.IsShipped(saved));
        Assert.Equal(2, await db.PlanDeliveries.CountAsync(d => d.PlanId == row.Id && d.Year < 2025, Ct));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Update_LostUpdate_IsRejectedWithBothVersions(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var row = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == EdeHard2022, Ct);
        var anne = PlanForm.From(row);
        var bert = PlanForm.From(row);
        anne.Name = "Versie van Anne";
        Assert.Equal(OutcomeKind.Ok, (await EditPlans.UpdateAsync(db, row.Id, anne, new EditClock(), Ct)).Kind);

        bert.Name = "Versie van Bert";
        bert.Status = "3";
        var result = await EditPlans.UpdateAsync(db, row.Id, bert, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        var conflict = result.Current!;
        Assert.Equal(("Versie van Bert", "3", 0), (conflict.Submitted!.Name, conflict.Submitted.Status, conflict.Submitted.Version));
        Assert.Equal(("Versie van Anne", "1b", 1), (conflict.Stored!.Name, conflict.Stored.Status, conflict.Stored.Version));
        Assert.StartsWith("bewerkt in Regiewijzer op 24-11-2026", conflict.StoredSource, StringComparison.Ordinal);
        Assert.Equal("Versie van Anne", await db.Plans.Where(p => p.Id == row.Id).Select(p => p.Name).SingleAsync(Ct));

        // Bert saw both versions and saves his again, now based on the stored version: a deliberate overwrite.
        bert.Version = conflict.Stored.Version;
        Assert.Equal(OutcomeKind.Ok, (await EditPlans.UpdateAsync(db, row.Id, bert, new EditClock(), Ct)).Kind);
        var saved = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == row.Id, Ct);
        Assert.Equal(("Versie van Bert", "3", 2), (saved.Name, saved.Status, saved.Version));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Update_ChangeBetweenReadAndWrite_IsCaughtByTheVersionInTheUpdate(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        int id;
        PlanForm form;
        await using (var read = database.Context())
        {
            var row = await read.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == EdeHard2022, Ct);
            (id, form) = (row.Id, PlanForm.From(row));
        }

        await using var db = EditDatabases.WithChangeBeforeSave(database, async other =>
        {
            var plan = await other.Plans.SingleAsync(p => p.Id == id, Ct);
            plan.Name = "Tussendoor gewijzigd";
            await other.SaveChangesAsync(Ct);
        });
        form.Name = "Mijn naam";

        var result = await EditPlans.UpdateAsync(db, id, form, new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Equal(("Mijn naam", "Tussendoor gewijzigd", 1), (result.Current!.Submitted!.Name, result.Current.Stored!.Name, result.Current.Stored.Version));
        await using var check = database.Context();
        Assert.Equal("Tussendoor gewijzigd", await check.Plans.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(Ct));
    }

    [Fact]
    public async Task Update_RemovedMeanwhile_IsAConflictWithNothingStored()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var row = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == EdeHard2022, Ct);
        Assert.Equal(OutcomeKind.Ok, (await EditPlans.DeleteAsync(db, row.Id, row.Version, Ct)).Kind);

        var result = await EditPlans.UpdateAsync(db, row.Id, PlanForm.From(row), new EditClock(), Ct);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.NotNull(result.Current!.Submitted);
        Assert.Null(result.Current.Stored);
    }

    [Fact]
    public async Task Delete_StaleVersion_IsRejected_ThenTheSeenVersionIsRemovedWithItsDeliveries()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var row = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == EdeHard2022, Ct);
        var form = PlanForm.From(row);
        form.Name = "Gewijzigd";
        await EditPlans.UpdateAsync(db, row.Id, form, new EditClock(), Ct);

        var stale = await EditPlans.DeleteAsync(db, row.Id, row.Version, Ct);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Null(stale.Current!.Submitted);
        Assert.Equal(("Gewijzigd", 1), (stale.Current.Stored!.Name, stale.Current.Stored.Version));
        Assert.True(await db.Plans.AnyAsync(p => p.Id == row.Id, Ct));

        Assert.Equal(OutcomeKind.Ok, (await EditPlans.DeleteAsync(db, row.Id, 1, Ct)).Kind);
        Assert.False(await db.Plans.AnyAsync(p => p.Id == row.Id, Ct));
        Assert.Equal(0, await db.PlanDeliveries.CountAsync(d => d.PlanId == row.Id, Ct));
        Assert.Equal(OutcomeKind.NotFound, (await EditPlans.DeleteAsync(db, row.Id, 1, Ct)).Kind);
    }
}
