using Microsoft.EntityFrameworkCore;
using Regiewijzer.Cli;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class ImportPlansTests(TestDatabases databases)
{
    private const string Header = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;prijspeiljaar;gecontracteerd;contractdatum;sociale_huur;vrije_koop;eigendom;prijs;aantal";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int, string)[] Where(ImportResult result) => [.. result.Errors.Select(e => (e.Line, e.Column))];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_EveryErrorKind_ReportedWithLineColumnAndReason_NothingChanged(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var before = await PlanSnapshot.TakeAsync(db);
        var path = database.WriteFile(
            "plannen.csv",
            Header + ";opmerking",
            "GM0228;T-1;Goed plan;1a;2025;2026;;;;10;5;;;",          // 2: fine on its own (would be inserted)
            "GM9999;T-2;Onbekend;1a;2025;;;;;10;;;;",                 // 3: unknown municipality
            "GM0228;T-3;Status;5;2025;;;;;10;;;;",                    // 4: unknown status
            "GM0228;T-4;Negatief;1b;2025;;;;;-3;;;;",                 // 5: negative count
            "GM0228;T-5;Tekst;1b;2025;;;;;tien;;;;",                  // 6: not a number
            "GM0228;T-6;Gemengd;1b;2025;;2025;;;5;;huur;850;4",        // 7: both forms on one row
            "GM0228;T-7;Leeg;1b;2025;;;;;;;;;",                       // 8: neither form
            "GM0228;T-8;Peil 2019;1b;2025;;2019;;;;;huur;700;4",       // 9: no price limits for 2019
            "GM0228;T-9;Pacht;1b;2025;;2025;;;;;pacht;700;4",          // 10: unknown tenure
            "GM0228;T-1;Ander plan;1a;2025;2026;;;;3;;;;",            // 11: same plan, other name than line 2
            "GM0228;T-1;Goed plan;1a;2025;2026;;;;10;5;;;",           // 12: duplicate of line 2
            "GM0228;T-10;Datum;2a;2025;;;nee;01-03-2024;4;;;;",        // 13: contract date without contract
            "GM0228;T-11;Jaren;2a;2027;2025;;;;4;;;;",                // 14: delivery years reversed
            "GM0228;T-12;Zonder peil;3;2025;;;;;;;koop;300.000;2",     // 15: price without price level year
            "GM0228;T-13;Koop te laag;3;2025;;2025;;;;;koop;800;2",    // 16: purchase price that is a rent
            "GM0228;T-14;Nul;3;2025;;;;;0;0;;;");                      // 17: a plan without homes
        var result = await ImportPlans.RunFileAsync(db, path, ct: Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(1, "opmerking"), (3, "gemeentecode"), (4, "planstatus"), (5, "sociale_huur"), (6, "sociale_huur"), (7, "eigendom"), (8, "aantal"),
             (9, "prijspeiljaar"), (10, "eigendom"), (11, "naam"), (12, "plancode"), (13, "contractdatum"), (14, "opleverjaar_tot"),
             (15, "prijspeiljaar"), (16, "prijs"), (17, "plancode")],
            Where(result));
        string Reason(int line) => result.Errors.Single(e => e.Line == line).Reason;
        Assert.Contains("onbekende kolom 'opmerking'", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("gemeente GM9999 bestaat niet", Reason(3), StringComparison.Ordinal);
        Assert.Equal("'5' is geen planstatus; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b", Reason(4));
        Assert.Equal("'-3' is negatief; een aantal is 0 of meer", Reason(5));
        Assert.Equal("'tien' is geen getal", Reason(6));
        Assert.Contains("zowel segmentaantallen (sociale_huur) als een prijs (eigendom, prijs, aantal)", Reason(7), StringComparison.Ordinal);
        Assert.StartsWith("geen woningen op deze rij", Reason(8), StringComparison.Ordinal);
        Assert.Equal("Geen prijsgrenzen bekend voor prijspeil 2019 (bekend: 2023-2026).", Reason(9));
        Assert.Equal("'pacht' is geen eigendom; kies huur of koop", Reason(10));
        Assert.Equal("'Ander plan' wijkt af van regel 2 ('Goed plan') van plan GM0228 T-1; elke rij van een plan herhaalt naam, planstatus, opleverjaren, prijspeiljaar, contract en bron", Reason(11));
        Assert.Equal("dubbele rij: dezelfde rij van plan GM0228 T-1 staat ook op regel 2 (regels 2 en 12)", Reason(12));
        Assert.Equal("een contractdatum hoort alleen bij gecontracteerd = ja", Reason(13));
        Assert.Equal("opleverjaar_tot 2025 ligt voor opleverjaar_van 2027", Reason(14));
        Assert.StartsWith("leeg; een rij met een prijs heeft een prijspeiljaar nodig", Reason(15), StringComparison.Ordinal);
        Assert.StartsWith("koopprijs € 800,00 is onwaarschijnlijk", Reason(16), StringComparison.Ordinal);
        Assert.Equal("plan GM0228 T-14 heeft geen woningen (regel 17); een plan heeft ten minste één woning", Reason(17));
        Assert.Equal("regel 9, kolom prijspeiljaar: Geen prijsgrenzen bekend voor prijspeil 2019 (bekend: 2023-2026).", result.Errors[7].ToString());
        Assert.Equal((0, 0), (result.Inserted, result.Updated));

        await using var fresh = database.Context();
        Assert.Equal(before, await PlanSnapshot.TakeAsync(fresh));
        Assert.Equal((1236, before.Deliveries), (await fresh.Plans.CountAsync(Ct), await fresh.PlanDeliveries.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_OneBadRowInAGoodFile_ChangesNothing(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var existing = await db.Plans.AsNoTracking().Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).FirstAsync(Ct);
        var before = await PlanSnapshot.TakeAsync(db);
        var table = ImportDatabase.Csv(
            Header,
            $"GM0228;{existing.Code};Vervangt een meegeleverd plan;1a;2025;2026;;;;10;5;;;",
            "GM0228;NIEUW-1;Nieuw;1b;2026;;;;;8;;;;",
            "GM0203;NIEUW-2;Nieuw;1b;2026;;;;;8;;;;",
            "GM0203;NIEUW-3;Fout;1b;2026;;;;;8,5;;;;");
        var result = await ImportPlans.RunAsync(db, table, "p.csv", ct: Ct);

        Assert.Equal([(5, "sociale_huur")], Where(result));
        await using var fresh = database.Context();
        Assert.Equal(before, await PlanSnapshot.TakeAsync(fresh));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_DutchNumbers_ClassifiedWithTheLimitsOfThePriceLevelYear_ExactlyAtALimitIsLower(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        // 2023: social rent up to € 808,06, middle rent up to € 1.000, affordable purchase up to € 355.000.
        var table = ImportDatabase.Csv(
            Header,
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;huur;808,06;1.000",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;huur;€ 808,07;20",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;huur;1.000;30",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;huur;1.000,01;40",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;koop;€ 355.000;50",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;;;koop;355.000,01;61",
            "GM0228;PRIJS;Grenzen 2023;1a;2025;2027;2023;ja;2024-03-15;2;;;;");
        var result = await ImportPlans.RunAsync(db, table, "prijzen.csv", ct: Ct);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal((1, 0), (result.Inserted, result.Updated));
        Assert.Equal("1 plan met 1.203 woningen uit 7 rijen.", Assert.Single(result.Notes));
        await using var check = database.Context();
        var plan = await check.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "PRIJS", Ct);
        Assert.Equal(("Grenzen 2023", "1a", 2023, true, new DateOnly(2024, 3, 15), "import prijzen.csv", (string?)null),
            (plan.Name, plan.Status, plan.PriceLevelYear, plan.Contracted, plan.ContractedOn, plan.Source, plan.Assumption));
        // Per segment over 2025-2027 as Plan.Spread: after k of 3 years ⌊homes·k/3⌋ (social 1.002 = 334 a year; middle 50 = 16, 17, 17).
        Assert.Equal(
            [(2025, 334, 16, 16, 13, 20, 0), (2026, 334, 17, 17, 13, 20, 0), (2027, 334, 17, 17, 14, 21, 0)],
            plan.Deliveries.OrderBy(d => d.Year).Select(d => (d.Year, d.SocialRent, d.MiddleRent, d.AffordableOwnership, d.FreeRent, d.FreeOwnership, d.UnknownSegment)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_SegmentCountsWithAnUnknownPriceLevelYear_Accepted(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var result = await ImportPlans.RunAsync(db, ImportDatabase.Csv(Header, "GM0228;OUD;Peil 2019;1c;2026;;2019;;;12;3;;;"), "p.csv", ct: Ct);
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        var plan = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == "OUD", Ct);
        Assert.Equal((2019, 2026, 12, 3), (plan.PriceLevelYear, Assert.Single(plan.Deliveries).Year, plan.Deliveries[0].SocialRent, plan.Deliveries[0].FreeOwnership));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_ExistingCode_ReplacesThatPlanAndItsDeliveries_OthersUntouched(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using (var db = database.Context())
        {
            var first = await ImportPlans.RunAsync(db, ImportDatabase.Csv(Header, "GM0228;ED-1;Eerste versie;3;2025;2028;;;;40;;;;", "GM0228;ED-2;Blijft;3;2026;;;;;5;;;;"), "v1.csv", ct: Ct);
            Assert.Equal((2, 0), (first.Inserted, first.Updated));
        }

        int plans, deliveries, version, kept;
        await using (var db = database.Context())
        {
            plans = await db.Plans.CountAsync(Ct);
            deliveries = await db.PlanDeliveries.CountAsync(Ct);
            version = (await db.Plans.AsNoTracking().SingleAsync(p => p.Code == "ED-1", Ct)).Version;
            kept = (await db.Plans.AsNoTracking().SingleAsync(p => p.Code == "ED-2", Ct)).Version;
            var second = await ImportPlans.RunAsync(db, ImportDatabase.Csv(Header + ";bron", "GM0228;ED-1;Tweede versie;1b;2027;2028;;ja;;6;1;;;;raadsbesluit"), "v2.csv", ct: Ct);
            Assert.Equal((0, 1), (second.Inserted, second.Updated));
            Assert.Contains("1 bestaande plan is vervangen", second.Notes[1], StringComparison.Ordinal);
        }

        await using var check = database.Context();
        var plan = await check.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "ED-1", Ct);
        Assert.Equal(("Tweede versie", "1b", true, "raadsbesluit"), (plan.Name, plan.Status, plan.Contracted, plan.Source));
        Assert.True(plan.Version > version);
        Assert.Equal([(2027, 3, 0), (2028, 3, 1)], plan.Deliveries.OrderBy(d => d.Year).Select(d => (d.Year, d.SocialRent, d.FreeOwnership)));
        Assert.Equal(plans, await check.Plans.CountAsync(Ct));
        Assert.Equal(deliveries - 2, await check.PlanDeliveries.CountAsync(Ct));
        Assert.Equal(kept, (await check.Plans.AsNoTracking().SingleAsync(p => p.Code == "ED-2", Ct)).Version);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_Xlsx_NumbersTextAndDateCells(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = Path.Combine(database.Directory, "plannen.xlsx");
        string[] header = ["gemeentecode", "plancode", "naam", "planstatus", "opleverjaar_van", "prijspeiljaar", "gecontracteerd", "contractdatum", "eigendom", "prijs", "aantal"];
        using (var file = File.Create(path))
        {
            // 45366 is how Excel stores the date 15-03-2024; 900.07 is the 2025 social rent limit exactly.
            Xlsx.Write(file, header, [["GM0228", "X-1", "Uit Excel", "1A", 2026, 2025, "ja", 45366, "huur", 900.07, 12], ["GM0228", "X-1", "Uit Excel", "1A", 2026, 2025, "ja", 45366, "koop", 405000.555, 3]]);
        }

        await using var db = database.Context();
        var failed = await ImportPlans.RunFileAsync(db, path, ct: Ct);
        Assert.Equal([(3, "prijs")], Where(failed));
        Assert.Equal("'405000,555' heeft meer dan twee decimalen; rond af op hele centen", failed.Errors[0].Reason);

        using (var file = File.Create(path))
        {
            Xlsx.Write(file, header, [["GM0228", "X-1", "Uit Excel", "1A", 2026, 2025, "ja", 45366, "huur", 900.07, 12], ["GM0228", "X-1", "Uit Excel", "1A", 2026, 2025, "ja", 45366, "koop", 405000.01, 3]]);
        }

        var result = await ImportPlans.RunFileAsync(db, path, ct: Ct);
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        var plan = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.Code == "X-1", Ct);
        var d = Assert.Single(plan.Deliveries);
        Assert.Equal(("1a", new DateOnly(2024, 3, 15), "import plannen.xlsx", 12, 0, 3), (plan.Status, plan.ContractedOn, plan.Source, d.SocialRent, d.AffordableOwnership, d.FreeOwnership));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Template_ImportsCleanly(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var result = await ImportPlans.RunFileAsync(db, Templates.Plans, ct: Ct);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal((3, 0), (result.Inserted, result.Updated));
        Assert.Equal("3 plannen met 300 woningen uit 6 rijen.", result.Notes[0]);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.Source.Contains("Voorbeeld") || p.Code == "BAR-014").OrderBy(p => p.Code).ToListAsync(Ct);
        Assert.Equal(["BAR-014", "EDE-001", "EDE-002"], plans.Select(p => p.Code));
        Assert.Equal((2027, "import plannen-sjabloon.csv", 120), (plans[0].PriceLevelYear, plans[0].Source, plans[0].Deliveries.Sum(d => d.UnknownSegment)));
        Assert.Equal((2024, true, new DateOnly(2024, 3, 15), 3), (plans[1].PriceLevelYear, plans[1].Contracted, plans[1].ContractedOn, plans[1].Deliveries.Count));
        var priced = Assert.Single(plans[2].Deliveries);
        // Limits 2025: € 850 social rent, € 1.150 middle rent, € 380.000 affordable, € 525.000 free ownership.
        Assert.Equal((2026, 24, 16, 12, 0, 8), (priced.Year, priced.SocialRent, priced.MiddleRent, priced.AffordableOwnership, priced.FreeRent, priced.FreeOwnership));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_MissingColumnOrNoHomeColumns_ReportedOnTheHeader(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using var db = database.Context();
        var missing = await ImportPlans.RunAsync(db, ImportDatabase.Csv("gemeentecode;plancode;naam;opleverjaar_van;sociale_huur", "GM0228;A;B;2025;1"), "p.csv", ct: Ct);
        Assert.Equal([(1, "planstatus")], Where(missing));
        var noHomes = await ImportPlans.RunAsync(db, ImportDatabase.Csv("gemeentecode;plancode;naam;planstatus;opleverjaar_van", "GM0228;A;B;1a;2025"), "p.csv", ct: Ct);
        Assert.Equal([(1, "")], Where(noHomes));
        Assert.StartsWith("het bestand heeft geen kolommen voor de woningen", noHomes.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("€ 355.000", NumberNotation.Dutch, "355000")]
    [InlineData("355.000,-", NumberNotation.Dutch, "355000")]
    [InlineData("1.234,56", NumberNotation.Dutch, "1234.56")]
    [InlineData("808,06", NumberNotation.Dutch, "808.06")]
    [InlineData("EUR 900", NumberNotation.Dutch, "900")]
    [InlineData("1234,5 €", NumberNotation.Dutch, "1234.5")]
    [InlineData("808.06", NumberNotation.International, "808.06")]
    [InlineData("1,234.56", NumberNotation.International, "1234.56")]
    [InlineData("355,000", NumberNotation.International, "355000")]
    public void Amounts_Parse_Accepted(string text, NumberNotation notation, string expected) =>
        Assert.Equal((decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (string?)null), Amounts.Parse(text, notation));

    [Theory]
    [InlineData("", NumberNotation.Dutch, "leeg; vul een bedrag in euro's in")]
    [InlineData("-5", NumberNotation.Dutch, "'-5' is negatief; een bedrag is 0 of meer")]
    [InlineData("€ -5", NumberNotation.Dutch, "'€ -5' is negatief; een bedrag is 0 of meer")]
    [InlineData("veel", NumberNotation.Dutch, "'veel' is geen bedrag (schrijf bijvoorbeeld 1.234,56 of € 355.000)")]
    [InlineData("1.5", NumberNotation.Dutch, "'1.5' is geen bedrag ('.' scheidt duizendtallen en moet door drie cijfers gevolgd worden)")]
    [InlineData("808,065", NumberNotation.Dutch, "'808,065' heeft meer dan twee decimalen; rond af op hele centen")]
    [InlineData("1,234.56", NumberNotation.Dutch, "'1,234.56' is geen bedrag ('.' scheidt duizendtallen, ',' de centen)")]
    [InlineData("355.000", NumberNotation.International, "'355.000' is dubbelzinnig in een bestand met ',' als scheidingsteken (Nederlands 355000 of internationaal 355.000); schrijf het bedrag zonder punt tussen de duizendtallen")]
    public void Amounts_Parse_Rejected(string text, NumberNotation notation, string reason) =>
        Assert.Equal(((decimal?)null, reason), Amounts.Parse(text, notation));

    [Fact]
    public async Task Cli_ImportPlannen_TemplateExit0_ErrorsExit1()
    {
        await using var database = await ImportDatabase.CreateAsync(databases, Provider.Sqlite);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run([.. database.CliArgs, "import", "plannen", "--bestand", Templates.Plans], stdout, stderr));
        Assert.Contains("plannen-sjabloon.csv: 3 nieuw, 0 bijgewerkt.", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 plannen met 300 woningen uit 6 rijen.", stdout.ToString(), StringComparison.Ordinal);

        var path = database.WriteFile("fout.csv", Header, "GM0228;A;B;9z;2025;;;;;1;;;;");
        Assert.Equal(1, CliApp.Run([.. database.CliArgs, "import", "plannen", "--bestand", path], stdout, stderr));
        Assert.StartsWith("regel 2, kolom planstatus: '9z' is geen planstatus", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 fout; er is niets opgeslagen.", stderr.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The shipped import templates, copied next to the tests by the Data project.</summary>
internal static class Templates
{
    public static string Plans => Path.Combine(AppContext.BaseDirectory, "data", "templates", "plannen-sjabloon.csv");

    public static string Realisations => Path.Combine(AppContext.BaseDirectory, "data", "templates", "realisaties-sjabloon.csv");
}

/// <summary>Every plan, delivery and realisation as text, for before == after comparisons, plus the counts.</summary>
internal sealed record PlanSnapshot(int Plans, int Deliveries, int Realisations, string Text)
{
    public static async Task<PlanSnapshot> TakeAsync(RegiewijzerDb db)
    {
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.MunicipalityCode}|{p.Code}|{p.Name}|{p.Status}|{p.PriceLevelYear}|{p.Contracted}|{p.ContractedOn}|{p.Source}|{p.UpdatedAt}|{p.Version}").ToListAsync();
        var deliveries = await db.PlanDeliveries.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => $"{d.Id}|{d.PlanId}|{d.Year}|{d.SocialRent}|{d.MiddleRent}|{d.AffordableOwnership}|{d.FreeRent}|{d.FreeOwnership}|{d.UnknownSegment}").ToListAsync();
        var realisations = await db.Realisations.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.MunicipalityCode}|{r.Year}|{r.SocialRent}|{r.MiddleRent}|{r.AffordableOwnership}|{r.FreeRent}|{r.FreeOwnership}|{r.UnknownSegment}|{r.IsEstimate}|{r.Source}|{r.Note}|{r.Version}").ToListAsync();
        return new(plans.Count, deliveries.Count, realisations.Count, string.Join('\n', plans.Concat(deliveries).Concat(realisations)));
    }
}
