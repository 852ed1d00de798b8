using System.Globalization;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Reference;

/// <summary>
/// Turns the shipped plan capacity (~2021) into plans and the CBS figures into realisations, with
/// every assumption written on the row (data/SOURCES.md, docs/rules.md "Monitoring"). Plan capacity
/// has no segments and no planning status per project, so each municipality gets one plan per
/// hardness and phase, of unknown segment, with status 1b (hard) or 3 (soft).
/// </summary>
internal static class MonitoringSeeder
{
    public const string PlanSource = "Data Bewijst / Follow the Money, plancapaciteit ~2021 (provinciale monitors), plancapaciteit-2021.csv";
    public const string NewBuildSource = "CBS StatLine 81955NED, nieuwbouw (bruto) per gemeente, nieuwbouw-2012-2020.csv";
    public const string NetGrowthSource = "CBS Kerncijfers wijken en buurten: woningvoorraad 1-1-2024 min 1-1-2022 (netto_groei_voorraad_2022_2024), woningvoorraad-2024.csv";

    /// <summary>Price level year stored on the shipped plans (their homes are not classified by price).</summary>
    public const int PlanPriceLevelYear = 2021;

    internal static readonly string[] PlanColumns =
        ["gemeentecode_2021", "gemeentecode_2025", "gemeentenaam_bron", "provincie_bron", "h2020-2024", "h2025-2029", "h2030+", "z2021-2024", "z2025-2029", "z2030+", "htotaal", "ztotaal", "totaal", "onbekend_2021-2024", "onbekend_2025-2029"];

    internal static readonly string[] NewBuildColumns = ["gemeentecode", "jaar", "nieuwbouw"];

    private const string StatusAssumption =
        "Aanname: plancapaciteit 2021 geeft geen planstatus per project; harde capaciteit (1a-1c) is als 1b opgeslagen, zachte (2a-4b) als 3, "
        + "zodat de standaardkansen het gemiddelde van hard (94%) en zacht (70%) geven. Segment onbekend: de bron splitst niet naar huur/koop of prijs.";

    private const string OverdueNote =
        " Let op: de stand is van ~2021; wat in 2022-2023 al is opgeleverd kan ook in de realisatie (netto groei) zitten.";

    private static readonly (string Column, bool Hard, int From, int To, string Phase)[] Phases =
    [
        ("h2020-2024", true, 2022, 2024, "2020-2024 (gespreid over 2022-2024)"),
        ("h2025-2029", true, 2025, 2029, "2025-2029"),
        ("h2030+", true, 2030, 2034, "2030 en later (aanname: gespreid over 2030-2034)"),
        ("z2021-2024", false, 2022, 2024, "2021-2024 (gespreid over 2022-2024)"),
        ("z2025-2029", false, 2025, 2029, "2025-2029"),
        ("z2030+", false, 2030, 2034, "2030 en later (aanname: gespreid over 2030-2034)"),
    ];

    public static void SeedPlans(List<object> seeded, IReadOnlyList<TableRow> rows, ISet<string> municipalities, DateTimeOffset now)
    {
        foreach (var r in rows)
        {
            var code = r["gemeentecode_2025"];
            if (code.Length == 0 || !municipalities.Contains(code))
            {
                continue; // Haaren (dissolved 2021) has no single successor; see data/SOURCES.md.
            }

            var origin = $"{r["gemeentenaam_bron"]} ({r["gemeentecode_2021"]}, provincie {r["provincie_bron"]})";
            foreach (var hard in new[] { true, false })
            {
                var phases = Phases.Where(p => p.Hard == hard && r[p.Column].Length > 0).Select(p => (p, Homes: Int(r[p.Column], allowNegative: true))).ToList();
                var total = Int(r[hard ? "htotaal" : "ztotaal"], allowNegative: true);
                var kind = hard ? "harde" : "zachte";
                if (phases.Any(x => x.Homes < 0))
                {
                    // Net capacity with a negative phase (more demolition than building): only the net total is meaningful.
                    if (total > 0)
                    {
                        var (from, to) = (phases.Min(x => x.p.From), phases.Max(x => x.p.To));
                        Add(code, r["gemeentecode_2021"], $"{(hard ? "h" : "z")}-netto", hard, from, to, total,
                            $"{kind} plancapaciteit netto (een fase is negatief; aanname: het nettototaal gelijk gespreid over {from}-{to})", origin);
                    }

                    continue;
                }

                var phased = phases.Sum(x => x.Homes);
                var scaled = phased > total;
                var (before, cumulative) = (0L, 0L);
                foreach (var (p, homes) in phases.Where(x => x.Homes > 0))
                {
                    // The totals are leading (the national total is theirs); where the phases add up to more, they only give the timing.
                    cumulative += homes;
                    var share = scaled ? (int)((total * cumulative / phased) - before) : homes;
                    before += share;
                    if (share > 0)
                    {
                        Add(code, r["gemeentecode_2021"], $"{(hard ? "h" : "z")}-{p.From}", hard, p.From, p.To, share,
                            $"{kind} plancapaciteit, {p.Phase}{(scaled ? $" (de fasen tellen op tot {phased}, meer dan het totaal {total}; naar het totaal geschaald)" : "")}", origin);
                    }
                }

                var rest = total - phased;
                if (rest > 0)
                {
                    Add(code, r["gemeentecode_2021"], $"{(hard ? "h" : "z")}-onbekend", hard, ReferenceSeeder.PeriodFrom, ReferenceSeeder.PeriodTo, rest,
                        $"{kind} plancapaciteit zonder fasering (aanname: gelijk gespreid over {ReferenceSeeder.PeriodFrom}-{ReferenceSeeder.PeriodTo})", origin);
                }
            }

            foreach (var (column, from, to) in new[] { ("onbekend_2021-2024", 2022, 2024), ("onbekend_2025-2029", 2025, 2029) })
            {
                if (Int(r[column], allowNegative: true) is > 0 and var homes)
                {
                    Add(code, r["gemeentecode_2021"], $"o-{from}", hard: false, from, to, homes, $"plancapaciteit hard/zacht onbekend, {column[9..]} (als zacht behandeld)", origin);
                }
            }

            var unsplit = Int(r["totaal"], allowNegative: true) - Int(r["htotaal"], allowNegative: true) - Int(r["ztotaal"], allowNegative: true);
            if (unsplit > 0)
            {
                Add(code, r["gemeentecode_2021"], "t-onbekend", hard: false, ReferenceSeeder.PeriodFrom, ReferenceSeeder.PeriodTo, unsplit,
                    $"plancapaciteit zonder hard/zacht en zonder fasering (als zacht behandeld, gelijk gespreid over {ReferenceSeeder.PeriodFrom}-{ReferenceSeeder.PeriodTo})", origin);
            }
        }

        void Add(string municipality, string code2021, string key, bool hard, int from, int to, int homes, string what, string origin)
        {
            var plan = new PlanRow
            {
                MunicipalityCode = municipality,
                Code = $"pc2021-{code2021}-{key}",
                Name = $"Plancapaciteit 2021: {what}",
                Status = (hard ? PlanningStatus.Adopted : PlanningStatus.Intention).Code(),
                PriceLevelYear = PlanPriceLevelYear,
                Source = $"{PlanSource}; {origin}",
                Assumption = StatusAssumption + (from <= 2023 ? OverdueNote : ""),
                UpdatedAt = now,
            };
            foreach (var d in Plan.Spread(from, to, SegmentHomes.OfUnknown(homes)))
            {
                plan.Deliveries.Add(new PlanDeliveryRow { Year = d.Year, UnknownSegment = d.Homes.Unknown });
            }

            seeded.Add(plan);
        }
    }

    /// <summary>
    /// CBS new-build 2012-2020 for codes that still exist (historic boundaries; codes of merged
    /// municipalities are left out), and 2022-2023 from the net stock growth, split evenly (proxy).
    /// </summary>
    public static (int NewBuild, int LeftOut) SeedRealisations(List<object> seeded, IReadOnlyList<TableRow> newBuild, IReadOnlyList<TableRow> stock, ISet<string> municipalities, DateTimeOffset now)
    {
        var (added, leftOut) = (0, new HashSet<string>(StringComparer.Ordinal));
        foreach (var r in newBuild)
        {
            var code = r["gemeentecode"];
            if (!municipalities.Contains(code))
            {
                leftOut.Add(code);
                continue;
            }

            if (r["nieuwbouw"].Length == 0)
            {
                continue;
            }

            seeded.Add(new RealisationRow
            {
                MunicipalityCode = code,
                Year = int.Parse(r["jaar"], CultureInfo.InvariantCulture),
                UnknownSegment = Int(r["nieuwbouw"]),
                Source = NewBuildSource,
                Note = "Gemeentelijke indeling van dat jaar; segment onbekend.",
                UpdatedAt = now,
            });
            added++;
        }

        foreach (var r in stock)
        {
            var growth = Int(r["netto_groei_voorraad_2022_2024"], allowNegative: true);
            var note = "Benadering (aanname): netto groei van de voorraad 1-1-2022 tot 1-1-2024 (nieuwbouw min sloop, plus transformatie en correcties), "
                + "gelijk verdeeld over 2022 en 2023; CBS nieuwbouw per gemeente na 2020 is niet gevonden. Segment onbekend."
                + (growth < 0 ? $" De voorraad kromp ({growth.ToString(CultureInfo.InvariantCulture)}); als 0 opgeslagen." : "");
            var total = Math.Max(0, growth);
            foreach (var (year, homes) in new[] { (2022, total / 2), (2023, total - (total / 2)) })
            {
                seeded.Add(new RealisationRow
                {
                    MunicipalityCode = r["gemeentecode"],
                    Year = year,
                    UnknownSegment = homes,
                    Source = NetGrowthSource,
                    IsEstimate = true,
                    Note = note,
                    UpdatedAt = now,
                });
            }
        }

        return (added, leftOut.Count);
    }

    /// <summary>The default forecast parameters and warning thresholds, stored for provenance (law as data).</summary>
    public static void SeedParameters(List<object> seeded)
    {
        var set = ForecastParameterSets.Default;
        foreach (var p in set.All)
        {
            seeded.Add(new ForecastParameterRow
            {
                SetId = set.Id,
                SetName = set.Name,
                Key = p.Key,
                Label = p.Label,
                Probability = p.RealisationProbability.ToString(),
                Delay = string.Join(';', p.Delay.Select(d => d.ToString())),
                Source = p.Source,
                Confidence = p.Confidence.ToString(),
                Note = p.Note,
            });
        }

        var t = WarningThresholdSets.Default;
        foreach (var p in new[] { t.OnTrack, t.Attention, t.Behind })
        {
            seeded.Add(new NormParameterRow
            {
                NormSetId = t.Id,
                NormSetName = t.Name,
                Key = p.Key,
                Label = p.Label,
                Value = p.Value.ToString(),
                Source = p.Source,
                Confidence = p.Confidence.ToString(),
                Note = p.Note,
            });
        }
    }

    private static int Int(string text, bool allowNegative = false)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        // Some provinces report fractions of homes (e.g. 107.16); rounded to whole homes.
        var value = (int)Math.Round(decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);
        return value < 0 && !allowNegative ? throw new InvalidDataException($"Negatief aantal '{text}' in de referentiedata.") : value;
    }
}
