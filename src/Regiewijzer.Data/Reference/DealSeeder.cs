using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Deals;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Reference;

/// <summary>
/// Seeds the 35 woondeals as published (data/SOURCES.md, "Deals as data"): totals with precision, parties (overlaps
/// included), published municipal numbers, the deals' own splits and the provinces' published deal totals. Runs once,
/// also on databases seeded before the deals shipped.
/// </summary>
internal static class DealSeeder
{
    private static readonly Dictionary<string, string[]> Files = new(StringComparer.Ordinal)
    {
        ["woondeals.csv"] = ["woondeal_id", "woondeal_naam", "provincie", "woningen_2022_2030", "precisie", "bron_aantal", "toelichting"],
        ["woondeal-gemeenten.csv"] = ["gemeentecode", "gemeentenaam", "woondeal_id", "bron_lidmaatschap"],
        ["woondeal-taken-gemeenten.csv"] = ["gemeentecode", "woondeal_id", "woningen_2022_2030", "bron"],
        ["woondeal-segmenten.csv"] = ["woondeal_id", "sociale_huur", "middenhuur", "betaalbare_koop", "betaalbaar_totaal", "bron", "citaat"],
        ["woondeal-overlappingen.csv"] = ["gemeentecode", "gemeentenaam", "woondeal_id", "ook_in_woondeal_id", "zekerheid", "bron"],
        ["provinciale-bouwafspraken-2022.csv"] = ["provinciecode", "woondeals_totaal_gepubliceerd", "toelichting_woondeals", "bron_woondeals"],
    };

    /// <summary>The files only the deals use: recorded as data sets here.</summary>
    private static readonly string[] OwnFiles = ["woondeal-segmenten.csv", "woondeal-overlappingen.csv"];

    public static async Task<bool> SeedAsync(RegiewijzerDb db, string directory, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Deals.AnyAsync(ct).ConfigureAwait(false) || !await db.Municipalities.AnyAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        var t = Files.ToDictionary(f => f.Key, f => ReferenceSeeder.ReadShipped(directory, f.Key, f.Value), StringComparer.Ordinal);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var seeded = new List<object>();
        foreach (var f in OwnFiles)
        {
            if (!await db.DataSets.AnyAsync(d => d.File == f, ct).ConfigureAwait(false))
            {
                seeded.Add(new DataSetRow { File = f, Sha256 = ReferenceSeeder.Sha256(Path.Combine(directory, f)), Rows = t[f].Count, LoadedAt = now });
            }
        }

        var splits = t["woondeal-segmenten.csv"].ToDictionary(r => r["woondeal_id"], StringComparer.Ordinal);
        foreach (var d in t["woondeals.csv"])
        {
            var total = Int(d["woningen_2022_2030"]);
            splits.TryGetValue(d["woondeal_id"], out var s);
            seeded.Add(new DealRow
            {
                Id = d["woondeal_id"],
                Name = d["woondeal_naam"],
                Provinces = d["provincie"],
                Total = total,
                Precision = DealPrecisions.Code(DealPrecisions.Classify(d["precisie"], total is not null)),
                PrecisionWording = d["precisie"],
                Source = Empty(d["bron_aantal"]),
                Notes = Empty(d["toelichting"]),
                PeriodFrom = ReferenceSeeder.PeriodFrom,
                PeriodTo = ReferenceSeeder.PeriodTo,
                SocialRent = s is null ? null : Int(s["sociale_huur"]),
                MiddleRent = s is null ? null : Int(s["middenhuur"]),
                AffordablePurchase = s is null ? null : Int(s["betaalbare_koop"]),
                AffordableTotal = s is null ? null : Int(s["betaalbaar_totaal"]),
                SplitSource = s is null ? null : Empty(s["bron"]),
                SplitQuote = s is null ? null : Empty(s["citaat"]),
            });
        }

        foreach (var m in t["woondeal-gemeenten.csv"])
        {
            var certainty = ReferenceSeeder.IsIndicative(m["gemeentenaam"], m["bron_lidmaatschap"]) ? PartyCertainty.Indicative : PartyCertainty.Stated;
            seeded.Add(new DealPartyRow { DealId = m["woondeal_id"], MunicipalityCode = m["gemeentecode"], Certainty = DealPrecisions.Dutch(certainty), Source = m["bron_lidmaatschap"] });
        }

        foreach (var o in t["woondeal-overlappingen.csv"])
        {
            var certainty = string.Equals(o["zekerheid"], "exact", StringComparison.Ordinal) ? PartyCertainty.Stated : PartyCertainty.Derived;
            seeded.Add(new DealPartyRow { DealId = o["ook_in_woondeal_id"], MunicipalityCode = o["gemeentecode"], Certainty = DealPrecisions.Dutch(certainty), Source = o["bron"] });
        }

        foreach (var n in t["woondeal-taken-gemeenten.csv"])
        {
            seeded.Add(new DealNumberRow { DealId = n["woondeal_id"], MunicipalityCode = n["gemeentecode"], Homes = Int(n["woningen_2022_2030"])!.Value, Source = n["bron"] });
        }

        foreach (var p in t["provinciale-bouwafspraken-2022.csv"])
        {
            seeded.Add(new ProvinceDealFigureRow
            {
                ProvinceCode = p["provinciecode"],
                PublishedTotal = Int(p["woondeals_totaal_gepubliceerd"]),
                Wording = Empty(p["toelichting_woondeals"]),
                Source = Empty(p["bron_woondeals"]),
            });
        }

        await BulkInsert.InsertAsync(db, seeded, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    private static int? Int(string text) =>
        text.Length == 0 ? null : (int)decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
