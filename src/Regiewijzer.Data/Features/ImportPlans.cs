using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features;

/// <summary>
/// Imports plans (plancapaciteit); all or nothing. One row is one part of a plan: homes per segment or a number of
/// homes with one rent or price; the rows with the same (gemeentecode, plancode) form one plan and repeat its
/// fields. Upsert on (gemeentecode, plancode): an imported plan replaces the stored plan with that code (fields and
/// deliveries); other plans are untouched. The template and every rule: docs/import.md.
/// </summary>
public static class ImportPlans
{
    public static readonly IReadOnlyList<string> Required = ["gemeentecode", "plancode", "naam", "planstatus", "opleverjaar_van"];

    /// <summary>Homes per segment (the first form of a row), in the order of <see cref="SegmentHomes"/>.</summary>
    public static readonly IReadOnlyList<string> SegmentColumns = ["sociale_huur", "middenhuur", "betaalbare_koop", "vrije_huur", "vrije_koop", "segment_onbekend"];

    /// <summary>Homes with a rent or price (the second form of a row), classified with the limits of prijspeiljaar.</summary>
    public static readonly IReadOnlyList<string> PricedColumns = ["eigendom", "prijs", "aantal"];

    public static readonly IReadOnlyList<string> Optional =
        ["opleverjaar_tot", "prijspeiljaar", "gecontracteerd", "contractdatum", "bron", .. SegmentColumns, .. PricedColumns];

    /// <summary>The error when someone else changed one of the same plans between reading and saving (optimistic concurrency).</summary>
    internal static readonly ImportError Concurrent = new(0, string.Empty, "iemand anders heeft tegelijk dezelfde gegevens gewijzigd; er is niets opgeslagen; lees het bestand opnieuw in");

    /// <summary>Most homes in one plan; more is almost certainly a typing error.</summary>
    public const int MaxHomesPerPlan = 1_000_000;

    public static Task<ImportResult> RunFileAsync(RegiewijzerDb db, string path, IProgress<int>? progress = null, CancellationToken ct = default) =>
        ImportChecks.FromFileAsync(path, (table, name) => RunAsync(db, table, name, progress, ct));

    /// <inheritdoc cref="RunAsync(RegiewijzerDb, Table, string, TimeProvider, IProgress{int}?, CancellationToken)"/>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, IProgress<int>? progress = null, CancellationToken ct = default) =>
        RunAsync(db, table, sourceName, TimeProvider.System, progress, ct);

    /// <summary>Checks every row and plan; writes only when all are valid. The source of plans without 'bron' is "import {sourceName}"; progress counts rows checked.</summary>
    /// <remarks>Unrestricted and without an actor ("systeem" in the audit trail). The web app and the command line use the overload with an <see cref="Actor"/>; the command line's operator (<see cref="Actor.IsOperator"/>) is not restricted there.</remarks>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, TimeProvider clock, IProgress<int>? progress = null, CancellationToken ct = default) =>
        RunAsync(db, table, sourceName, clock, null, progress, ct);

    /// <summary>
    /// As the unrestricted import, for <paramref name="actor"/>: every row for a municipality the actor may not edit
    /// (<see cref="Permissions.CanEditMunicipality"/>) is an error on its gemeentecode, so nothing is imported.
    /// </summary>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, Actor actor, TimeProvider clock, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Governance.AuditActing.For(db, actor, Permissions.EditableMunicipalities(actor) is [var first, ..] ? first : null); // the municipality it acts for
        return RunAsync(db, table, sourceName, clock, actor.IsOperator ? null : actor, progress, ct); // the operator imports unrestricted
    }

    /// <summary>The rows for known municipalities that <paramref name="actor"/> may not edit, each an error (null actor: the operator, no check).</summary>
    internal static void RefuseWithoutRights(ImportChecks check, Table table, IReadOnlySet<string> known, Actor? actor)
    {
        if (actor is null)
        {
            return;
        }

        foreach (var row in table.Rows)
        {
            var code = row["gemeentecode"].ToUpperInvariant();
            if (known.Contains(code) && !Permissions.CanEditMunicipality(actor, code))
            {
                check.Add(row, "gemeentecode", $"geen rechten voor gemeente {code}: alleen bewerkers van die gemeente mogen haar gegevens inlezen");
            }
        }
    }

    private static async Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, TimeProvider clock, Actor? actor, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var (check, failed) = ImportChecks.Start(table, Required, Optional);
        if (check is null)
        {
            return failed!;
        }

        if (!SegmentColumns.Concat(PricedColumns).Any(table.Columns.Contains))
        {
            check.Errors.Add(new ImportError(1, string.Empty,
                $"het bestand heeft geen kolommen voor de woningen; gebruik de segmentkolommen ({string.Join(", ", SegmentColumns)}) of eigendom, prijs en aantal"));
            return ImportResult.Failed(check.Sorted());
        }

        var known = await ImportTransaction.MunicipalityCodesAsync(db, ct).ConfigureAwait(false);
        var reader = new PlanLineReader(check, table, known);
        var plans = new Dictionary<(string, string), ImportedPlan>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (reader.Read(table.Rows[i]) is { } line)
            {
                if (plans.TryGetValue((line.Municipality, line.Code), out var plan))
                {
                    plan.Add(line, check);
                }
                else
                {
                    plans.Add((line.Municipality, line.Code), new ImportedPlan(line));
                }
            }

            if (i % 1000 == 999)
            {
                progress?.Report(i + 1);
            }
        }

        progress?.Report(table.Rows.Count);
        RefuseWithoutRights(check, table, known, actor);
        foreach (var plan in plans.Values)
        {
            plan.CheckHomes(check);
        }

        if (check.Errors.Count > 0)
        {
            return ImportResult.Failed(check.Sorted());
        }

        int inserted, updated;
        try
        {
            (inserted, updated) = await SaveAsync(db, plans.Values, sourceName, clock.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (Database.DatabaseErrors.IsConflict(e)) // lost a race, also on a unique code (PostgreSQL 23505)
        {
            return ImportResult.Failed([Concurrent]);
        }

        var homes = plans.Values.Sum(p => (long)p.Homes.Total);
        List<string> notes = [$"{Format.Count(plans.Count)} {(plans.Count == 1 ? "plan" : "plannen")} met {Format.Count(homes)} woningen uit {Format.Count(table.Rows.Count)} {(table.Rows.Count == 1 ? "rij" : "rijen")}."];
        if (updated > 0)
        {
            notes.Add($"{Format.Count(updated)} bestaande {(updated == 1 ? "plan is" : "plannen zijn")} vervangen (naam, status, jaren, contract en woningen); andere plannen zijn niet veranderd.");
        }

        RegiewijzerMetrics.Imported("plannen", inserted + updated);
        return new ImportResult(inserted, updated, []) { Notes = notes };
    }

    /// <summary>Writes the plans in batches inside one transaction (<see cref="ImportTransaction.SaveInBatchesAsync"/>): new plans in bulk, replaced plans through the change tracker.</summary>
    private static async Task<(int Inserted, int Updated)> SaveAsync(RegiewijzerDb db, IEnumerable<ImportedPlan> plans, string sourceName, DateTimeOffset now, CancellationToken ct)
    {
        var all = plans.ToList();
        var municipalities = all.Select(p => p.First.Municipality).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Plans.AsNoTracking().Where(p => municipalities.Contains(p.MunicipalityCode))
            .Select(p => new { p.Id, p.MunicipalityCode, p.Code }).ToDictionaryAsync(p => (p.MunicipalityCode, p.Code), p => p.Id, ct).ConfigureAwait(false);
        int inserted = 0, updated = 0;
        await ImportTransaction.SaveInBatchesAsync(db, all, async batch =>
        {
            var ids = batch.Select(p => existing.TryGetValue((p.First.Municipality, p.First.Code), out var id) ? id : 0).Where(id => id != 0).ToList();
            var stored = ids.Count == 0 ? []
                : (await db.Plans.Include(p => p.Deliveries).Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(p => (p.MunicipalityCode, p.Code));
            var added = new List<PlanRow>();
            foreach (var plan in batch)
            {
                var first = plan.First;
                if (!stored.TryGetValue((first.Municipality, first.Code), out var row))
                {
                    row = new PlanRow { MunicipalityCode = first.Municipality, Code = first.Code, Name = first.Name, Status = first.Status.Code(), Source = string.Empty };
                    added.Add(row);
                    inserted++;
                }
                else
                {
                    updated++;
                }

                row.Name = first.Name;
                row.Status = first.Status.Code();
                row.PriceLevelYear = first.PriceLevelYear ?? first.From;
                row.Contracted = first.Contracted;
                row.ContractedOn = first.ContractedOn;
                row.Source = first.Source ?? $"import {sourceName}";
                row.Assumption = null;
                row.UpdatedAt = now;
                ReplaceDeliveries(db, row, plan.Deliveries());
            }

            await BulkInsert.InsertAsync(db, added, ct).ConfigureAwait(false); // new plans and their deliveries past the change tracker; the replaced ones are saved after the batch
        }, ct).ConfigureAwait(false);
        return (inserted, updated);
    }

    /// <summary>Updates the stored years that stay, deletes the others and adds the new ones (one row per plan and year).</summary>
    private static void ReplaceDeliveries(RegiewijzerDb db, PlanRow row, IEnumerable<PlanDelivery> deliveries)
    {
        var byYear = row.Deliveries.ToDictionary(d => d.Year);
        foreach (var d in deliveries)
        {
            if (!byYear.Remove(d.Year, out var delivery))
            {
                delivery = new PlanDeliveryRow { Year = d.Year };
                row.Deliveries.Add(delivery);
            }

            (delivery.SocialRent, delivery.MiddleRent, delivery.AffordableOwnership) = (d.Homes.SocialRent, d.Homes.MiddleRent, d.Homes.AffordableOwnership);
            (delivery.FreeRent, delivery.FreeOwnership, delivery.UnknownSegment) = (d.Homes.FreeRent, d.Homes.FreeOwnership, d.Homes.Unknown);
        }

        foreach (var gone in byYear.Values)
        {
            row.Deliveries.Remove(gone);
            db.PlanDeliveries.Remove(gone);
        }
    }

    /// <summary>The rows of one plan: the first gives the plan's fields, the others must repeat them; the homes add up.</summary>
    private sealed class ImportedPlan(PlanLine first)
    {
        private readonly long[] sums = Sums(first.Homes);
        private readonly List<int> lines = [first.Line];

        public PlanLine First { get; } = first;

        public SegmentHomes Homes => new((int)sums[0], (int)sums[1], (int)sums[2], (int)sums[3], (int)sums[4], (int)sums[5]);

        public void Add(PlanLine line, ImportChecks check)
        {
            lines.Add(line.Line);
            var other = Sums(line.Homes);
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += other[i];
            }

            Agree(line, check, "naam", First.Name, line.Name);
            Agree(line, check, "planstatus", First.Status.Code(), line.Status.Code());
            Agree(line, check, "opleverjaar_van", Year(First.From), Year(line.From));
            Agree(line, check, "opleverjaar_tot", Year(First.To), Year(line.To));
            Agree(line, check, "prijspeiljaar", First.PriceLevelYear is { } a ? Year(a) : "", line.PriceLevelYear is { } b ? Year(b) : "");
            Agree(line, check, "gecontracteerd", First.Contracted ? "ja" : "nee", line.Contracted ? "ja" : "nee");
            Agree(line, check, "contractdatum", Date(First.ContractedOn), Date(line.ContractedOn));
            Agree(line, check, "bron", First.Source ?? "", line.Source ?? "");
        }

        /// <summary>At least one home, at most <see cref="MaxHomesPerPlan"/>; reported on the plan's first line.</summary>
        public void CheckHomes(ImportChecks check)
        {
            var total = sums.Sum();
            var where = lines.Count == 1 ? $"regel {lines[0]}" : $"regels {string.Join(", ", lines)}";
            if (total == 0)
            {
                check.Errors.Add(new ImportError(First.Line, "plancode", $"plan {First.Municipality} {First.Code} heeft geen woningen ({where}); een plan heeft ten minste één woning"));
            }
            else if (total > MaxHomesPerPlan)
            {
                check.Errors.Add(new ImportError(First.Line, "plancode", $"plan {First.Municipality} {First.Code} heeft {Format.Count(total)} woningen ({where}); hoogstens {Format.Count(MaxHomesPerPlan)} per plan"));
            }
        }

        /// <summary>The homes spread evenly over the delivery years (<see cref="Plan.Spread"/>), validated as a Core plan.</summary>
        public System.Collections.Immutable.ImmutableArray<PlanDelivery> Deliveries()
        {
            var spread = Plan.Spread(First.From, First.To, Homes);
            var plan = new Plan(First.Code, new MunicipalityCode(First.Municipality), First.Name, First.Status, First.PriceLevelYear ?? First.From, spread, First.Contracted, First.ContractedOn);
            return plan.Deliveries;
        }

        private void Agree(PlanLine line, ImportChecks check, string column, string expected, string actual)
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                check.Errors.Add(new ImportError(line.Line, column,
                    $"'{actual}' wijkt af van regel {First.Line} ('{expected}') van plan {First.Municipality} {First.Code}; elke rij van een plan herhaalt naam, planstatus, opleverjaren, prijspeiljaar, contract en bron"));
            }
        }

        private static long[] Sums(SegmentHomes h) => [h.SocialRent, h.MiddleRent, h.AffordableOwnership, h.FreeRent, h.FreeOwnership, h.Unknown];

        private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Date(DateOnly? date) => date?.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
