using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Reference;

/// <summary>
/// Seeds the shipped reference data (data/reference, see data/SOURCES.md) in one transaction.
/// Idempotent: a database that already holds the reference data is left as it is.
/// </summary>
public static class ReferenceSeeder
{
    public const int PeriodFrom = 2022;
    public const int PeriodTo = 2030;

    /// <summary>The folder with the shipped CSV files, next to the running program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "reference");

    /// <summary>The shipped files and the columns the seeder reads from each (checked before anything is written).</summary>
    private static readonly Dictionary<string, string[]> Files = new(StringComparer.Ordinal)
    {
        ["gemeenten-2025.csv"] = ["gemeentecode", "gemeentenaam", "gemeentenaam_wbk", "provinciecode", "provincienaam"],
        ["woningvoorraad-2024.csv"] = ["gemeentecode", "woningvoorraad_2024", "corporatiewoningen_2024_est", "woningvoorraad_2022", "corporatiewoningen_2022", "netto_groei_voorraad_2022_2024"],
        ["woondeals.csv"] = ["woondeal_id", "woondeal_naam", "provincie", "woningen_2022_2030", "precisie", "bron_aantal", "toelichting"],
        ["woondeal-gemeenten.csv"] = ["gemeentecode", "gemeentenaam", "woondeal_id", "bron_lidmaatschap"],
        ["woondeal-taken-gemeenten.csv"] = ["gemeentecode", "woningen_2022_2030", "bron"],
        ["provinciale-bouwafspraken-2022.csv"] = ["provinciecode", "bouwafspraak_2022_2030", "bron_bouwafspraak"],
        ["plancapaciteit-2021.csv"] = MonitoringSeeder.PlanColumns,
        ["nieuwbouw-2012-2020.csv"] = MonitoringSeeder.NewBuildColumns,
    };

    /// <summary>The files of the monitoring data (plans and realisations), seeded on their own into databases created before they shipped.</summary>
    private static readonly string[] MonitoringFiles = ["plancapaciteit-2021.csv", "nieuwbouw-2012-2020.csv", "woningvoorraad-2024.csv"];

    /// <summary>
    /// Seeds when the database has no municipalities yet, and adds what later versions shipped (monitoring data,
    /// organisations) to older databases. Returns true when it seeded anything. Seeding is not audited: it is nobody's change.
    /// </summary>
    public static async Task<bool> SeedAsync(RegiewijzerDb db, string? directory = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var auditing = db.Auditing;
        db.Auditing = false;
        try
        {
            var reference = await SeedReferenceAsync(db, directory ?? DefaultDirectory, clock ?? TimeProvider.System, ct).ConfigureAwait(false);
            var organisations = await OrganisationSeeder.SeedAsync(db, ct).ConfigureAwait(false);
            var deals = await DealSeeder.SeedAsync(db, directory ?? DefaultDirectory, (clock ?? TimeProvider.System).GetUtcNow(), ct).ConfigureAwait(false);
            return reference || organisations || deals;
        }
        finally
        {
            db.Auditing = auditing;
        }
    }

    private static async Task<bool> SeedReferenceAsync(RegiewijzerDb db, string directory, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Municipalities.AnyAsync(ct).ConfigureAwait(false))
        {
            return await SeedMonitoringAsync(db, directory, clock, ct).ConfigureAwait(false);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var tables = Files.ToDictionary(f => f.Key, f => ReadShipped(directory, f.Key, f.Value), StringComparer.Ordinal);
        var seeded = new List<object>(); // ~15.000 rows, written in bulk past the change tracker
        foreach (var f in Files.Keys)
        {
            seeded.Add(new DataSetRow { File = f, Sha256 = Sha256(Path.Combine(directory, f)), Rows = tables[f].Count, LoadedAt = now });
        }

        SeedProvincesAndMunicipalities(seeded, tables["gemeenten-2025.csv"], tables["provinciale-bouwafspraken-2022.csv"]);
        SeedStock(seeded, tables["woningvoorraad-2024.csv"]);
        var regions = SeedRegions(seeded, tables["woondeals.csv"], tables["woondeal-gemeenten.csv"]);
        var plan = SeedPlanCapacity(seeded, tables["plancapaciteit-2021.csv"]);
        SeedTasks(seeded, regions, tables["woondeal-taken-gemeenten.csv"], tables["woningvoorraad-2024.csv"], plan);
        SeedNorms(seeded);
        AddMonitoring(seeded, tables, tables["gemeenten-2025.csv"].Select(r => r["gemeentecode"]).ToHashSet(StringComparer.Ordinal), now);
        await BulkInsert.InsertAsync(db, seeded, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds plans, realisations and monitoring parameters to a database seeded before they shipped (no nieuwbouw data set yet).</summary>
    private static async Task<bool> SeedMonitoringAsync(RegiewijzerDb db, string directory, TimeProvider clock, CancellationToken ct)
    {
        if (await db.DataSets.AnyAsync(d => d.File == "nieuwbouw-2012-2020.csv", ct).ConfigureAwait(false)
            || await db.Plans.AnyAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var tables = MonitoringFiles.ToDictionary(f => f, f => ReadShipped(directory, f, Files[f]), StringComparer.Ordinal);
        var file = "nieuwbouw-2012-2020.csv";
        List<object> seeded = [new DataSetRow { File = file, Sha256 = Sha256(Path.Combine(directory, file)), Rows = tables[file].Count, LoadedAt = now }];
        var municipalities = await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(ct).ConfigureAwait(false);
        AddMonitoring(seeded, tables, municipalities.ToHashSet(StringComparer.Ordinal), now);
        await BulkInsert.InsertAsync(db, seeded, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    private static void AddMonitoring(List<object> seeded, Dictionary<string, IReadOnlyList<TableRow>> tables, HashSet<string> municipalities, DateTimeOffset now)
    {
        MonitoringSeeder.SeedPlans(seeded, tables["plancapaciteit-2021.csv"], municipalities, now);
        MonitoringSeeder.SeedRealisations(seeded, tables["nieuwbouw-2012-2020.csv"], tables["woningvoorraad-2024.csv"], municipalities, now);
        MonitoringSeeder.SeedParameters(seeded);
    }

    private static void SeedProvincesAndMunicipalities(List<object> seeded, IReadOnlyList<TableRow> municipalities, IReadOnlyList<TableRow> agreements)
    {
        var agreementByCode = agreements.ToDictionary(r => r["provinciecode"], StringComparer.Ordinal);
        foreach (var p in municipalities.Select(r => (Code: r["provinciecode"], Name: r["provincienaam"])).Distinct().OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            agreementByCode.TryGetValue(p.Code, out var a);
            seeded.Add(new ProvinceRow
            {
                Code = p.Code,
                Name = p.Name,
                Agreement2022 = a is null ? null : Int(a["bouwafspraak_2022_2030"]),
                AgreementSource = a?["bron_bouwafspraak"],
            });
        }

        foreach (var r in municipalities)
        {
            seeded.Add(new MunicipalityRow { Code = r["gemeentecode"], Name = r["gemeentenaam"], MapName = r["gemeentenaam_wbk"], ProvinceCode = r["provinciecode"] });
        }
    }

    private static void SeedStock(List<object> seeded, IReadOnlyList<TableRow> rows)
    {
        const string source = "CBS Kerncijfers wijken en buurten (85984NED 2024; Wijk- en Buurtkaart 2022), CC BY 4.0";
        foreach (var r in rows)
        {
            seeded.Add(Stock(r, 2024, "woningvoorraad_2024", "corporatiewoningen_2024_est", estimate: true, "corporatiewoningen 2024 geschat als aandeel 2022 × voorraad 2024"));
            seeded.Add(Stock(r, 2022, "woningvoorraad_2022", "corporatiewoningen_2022", estimate: false, "corporatiewoningen = afgerond aandeel 2022 × voorraad 2022"));
        }

        StockRow Stock(TableRow r, int year, string totalColumn, string socialColumn, bool estimate, string note) => new()
        {
            MunicipalityCode = r["gemeentecode"],
            ReferenceYear = year,
            TotalStock = Int(r[totalColumn])!.Value,
            SocialStock = Int(r[socialColumn])!.Value,
            SocialMetric = "corporatiewoningen",
            SocialShareYear = 2022,
            IsEstimate = estimate,
            Source = $"{source}; {note}",
        };
    }

    private static List<HousingRegionRow> SeedRegions(List<object> seeded, IReadOnlyList<TableRow> deals, IReadOnlyList<TableRow> members)
    {
        var regions = new List<HousingRegionRow>();
        foreach (var d in deals)
        {
            var region = new HousingRegionRow
            {
                Id = d["woondeal_id"],
                Name = d["woondeal_naam"],
                Provinces = d["provincie"],
                DealTotal = Int(d["woningen_2022_2030"]),
                DealPrecision = d["precisie"],
                DealSource = Empty(d["bron_aantal"]),
                Notes = Empty(d["toelichting"]),
                PeriodFrom = PeriodFrom,
                PeriodTo = PeriodTo,
            };
            regions.Add(region);
            seeded.Add(region);
        }

        foreach (var m in members)
        {
            var membership = new RegionMembershipRow
            {
                MunicipalityCode = m["gemeentecode"],
                RegionId = m["woondeal_id"],
                Source = m["bron_lidmaatschap"],
                Indicative = IsIndicative(m["gemeentenaam"], m["bron_lidmaatschap"]),
            };
            regions.First(r => r.Id == membership.RegionId).Members.Add(membership);
            seeded.Add(membership);
        }

        return regions;
    }

    /// <summary>
    /// Indicatief unless a part of the source that names this municipality is not the "samengesteld"
    /// part (the shipped mapping cites deal texts for some members and marks the rest samengesteld). The English words
    /// of the upstream file ("constructed", "inferred") count too, for a mapping imported as it was shared.
    /// </summary>
    internal static bool IsIndicative(string name, string source)
    {
        var parts = source.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Contains(name, StringComparison.OrdinalIgnoreCase) && !Constructed(p)))
        {
            return false;
        }

        return Constructed(source) || source.Contains("inferred", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Constructed(string text) =>
        text.Contains("samengesteld", StringComparison.OrdinalIgnoreCase) || text.Contains("constructed", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, PlanCapacityRow> SeedPlanCapacity(List<object> seeded, IReadOnlyList<TableRow> rows)
    {
        var byCode = new Dictionary<string, PlanCapacityRow>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var code = r["gemeentecode_2025"];
            if (code.Length == 0)
            {
                continue; // Haaren (dissolved 2021) has no single successor; see data/SOURCES.md.
            }

            if (!byCode.TryGetValue(code, out var row))
            {
                row = new PlanCapacityRow { MunicipalityCode = code, Source = "Data Bewijst / Follow the Money, plancapaciteit ~2021 (provinciale monitors)" };
                byCode[code] = row;
            }

            row.Hard = Sum(row.Hard, Int(r["htotaal"]));
            row.Soft = Sum(row.Soft, Int(r["ztotaal"]));
            row.Total = Sum(row.Total, Int(r["totaal"]));
        }

        seeded.AddRange(byCode.Values);
        return byCode;
    }

    private static void SeedTasks(List<object> seeded, List<HousingRegionRow> regions, IReadOnlyList<TableRow> published, IReadOnlyList<TableRow> stockRows, Dictionary<string, PlanCapacityRow> plan)
    {
        var agreed = published.ToDictionary(r => r["gemeentecode"], StringComparer.Ordinal);
        var stock = stockRows.ToDictionary(r => r["gemeentecode"], r => (long)Int(r["woningvoorraad_2024"])!.Value, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var codes = region.Members.Select(m => m.MunicipalityCode).ToList();
            long agreedSum = 0;
            foreach (var code in codes.Where(agreed.ContainsKey))
            {
                var r = agreed[code];
                var homes = Int(r["woningen_2022_2030"])!.Value;
                agreedSum += homes;
                seeded.Add(new TaskRow { MunicipalityCode = code, PeriodFrom = PeriodFrom, PeriodTo = PeriodTo, Homes = homes, Origin = TaskOrigin.Agreed, Source = r["bron"] });
            }

            var rest = codes.Where(c => !agreed.ContainsKey(c)).ToList();
            if (region.DealTotal is not { } total || rest.Count == 0)
            {
                continue; // No known regional total: no derived tasks until one is entered.
            }

            var derived = TaskDerivation.FromRegionTotal(
                total,
                agreedSum,
                [.. rest.Select(c => new TaskDerivation.Candidate(new MunicipalityCode(c), plan.TryGetValue(c, out var p) ? PlanWeight(p) : null, stock[c]))]);
            foreach (var (code, homes) in derived.Tasks)
            {
                seeded.Add(new TaskRow
                {
                    MunicipalityCode = code.Value,
                    PeriodFrom = PeriodFrom,
                    PeriodTo = PeriodTo,
                    Homes = homes,
                    Origin = TaskOrigin.Derived,
                    Method = derived.Method,
                    Source = region.DealSource ?? "woondeal " + region.Name,
                });
            }
        }
    }

    private static long PlanWeight(PlanCapacityRow p) =>
        p.Hard is null && p.Soft is null ? p.Total ?? 0 : (long)(p.Hard ?? 0) + (p.Soft ?? 0);

    private static void SeedNorms(List<object> seeded)
    {
        var set = NormSets.Law2026;
        foreach (var p in set.Parameters)
        {
            seeded.Add(new NormParameterRow
            {
                NormSetId = set.Id,
                NormSetName = set.Name,
                Key = p.Key,
                Label = p.Label,
                Value = p.Value.ToString(),
                Source = p.Source,
                Confidence = p.Confidence.ToString(),
                Note = p.Note,
            });
        }

        foreach (var l in PriceLimitTable.All)
        {
            seeded.Add(new PriceLimitRow
            {
                Year = l.Year,
                SocialRentLimit = l.SocialRentLimit,
                MiddleRentLimit = l.MiddleRentLimit,
                AffordablePurchaseLimit = l.AffordablePurchaseLimit,
                Source = l.Source,
                Confidence = l.Confidence.ToString(),
                Note = l.Note,
            });
        }
    }

    private static int? Int(string text) =>
        text.Length == 0 ? null : (int)decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static int? Sum(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    /// <summary>A shipped file through the same reader as imports; a broken shipped file is a bug, so it throws.</summary>
    internal static IReadOnlyList<TableRow> ReadShipped(string directory, string file, string[] columns)
    {
        var read = TabularReader.ReadFile(Path.Combine(directory, file));
        if (read.Table is null)
        {
            throw new InvalidDataException($"{file}: {string.Join("; ", read.Errors)}");
        }

        var missing = columns.Except(read.Table.Columns, StringComparer.Ordinal).ToList();
        return missing.Count == 0 ? read.Table.Rows : throw new InvalidDataException($"{file}: kolommen ontbreken: {string.Join(", ", missing)}");
    }

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
