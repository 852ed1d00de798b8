using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features;

/// <summary>
/// Imports realisations (completed homes per municipality and year, per segment); all or nothing. Upsert on
/// (gemeentecode, jaar): a row replaces what is stored for that municipality and year, including the shipped CBS
/// figures and the net stock growth proxy; the result says how many it replaced. Rules: docs/import.md.
/// </summary>
public static class ImportRealisations
{
    public static readonly IReadOnlyList<string> Required = ["gemeentecode", "jaar"];

    /// <summary>At least one must be in the file; a missing column counts as 0 homes.</summary>
    public static IReadOnlyList<string> SegmentColumns => ImportPlans.SegmentColumns;

    public static readonly IReadOnlyList<string> Optional = [.. ImportPlans.SegmentColumns, "bron", "schatting", "toelichting"];

    public static Task<ImportResult> RunFileAsync(RegiewijzerDb db, string path, IProgress<int>? progress = null, CancellationToken ct = default) =>
        ImportChecks.FromFileAsync(path, (table, name) => RunAsync(db, table, name, progress, ct));

    /// <inheritdoc cref="RunAsync(RegiewijzerDb, Table, string, TimeProvider, IProgress{int}?, CancellationToken)"/>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, IProgress<int>? progress = null, CancellationToken ct = default) =>
        RunAsync(db, table, sourceName, TimeProvider.System, progress, ct);

    /// <summary>Checks every row; writes only when all are valid. The source of rows without 'bron' is "import {sourceName}"; progress counts rows checked.</summary>
    /// <remarks>Unrestricted and without an actor ("systeem" in the audit trail). The web app and the command line use the overload with an <see cref="Actor"/>; the command line's operator (<see cref="Actor.IsOperator"/>) is not restricted there.</remarks>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, TimeProvider clock, IProgress<int>? progress = null, CancellationToken ct = default) =>
        RunAsync(db, table, sourceName, clock, null, progress, ct);

    /// <summary>As the unrestricted import, for <paramref name="actor"/>: every row for a municipality the actor may not edit is an error, so nothing is imported.</summary>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, Actor actor, TimeProvider clock, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Governance.AuditActing.For(db, actor, Permissions.EditableMunicipalities(actor) is [var first, ..] ? first : null); // the municipality it acts for
        return RunAsync(db, table, sourceName, clock, actor.IsOperator ? null : actor, progress, ct); // the operator imports unrestricted
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

        var present = SegmentColumns.Where(table.Columns.Contains).ToList();
        if (present.Count == 0)
        {
            check.Errors.Add(new ImportError(1, string.Empty, $"het bestand heeft geen segmentkolom; gebruik ten minste één van {string.Join(", ", SegmentColumns)} (ontbrekende kolommen tellen als 0)"));
            return ImportResult.Failed(check.Sorted());
        }

        var known = await ImportTransaction.MunicipalityCodesAsync(db, ct).ConfigureAwait(false);
        var seen = new Dictionary<(string, int), int>();
        var valid = new List<(string Code, int Year, SegmentHomes Homes, bool Estimate, string? Note, string? Source)>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var code = check.Municipality(row, "gemeentecode", known);
            var year = check.Year(row, "jaar");
            var counts = SegmentColumns.Select(c => row[c].Length == 0 ? 0 : check.Count(row, c)).ToList();
            if (present.All(c => row[c].Length == 0))
            {
                check.Add(row, present[0], $"geen aantallen op deze rij; vul ten minste één van {string.Join(", ", present)} (0 mag)");
            }

            var estimate = check.YesNo(row, "schatting", empty: false);
            var note = check.Text(row, "toelichting", 1000, required: false);
            var source = check.Text(row, "bron", 500, required: false);
            if (code is not null && year is { } y && check.Unique(seen, (code, y), row, "gemeentecode", $"gemeente {code} met jaar {y}")
                && counts.All(c => c is not null) && estimate is not null)
            {
                var homes = new SegmentHomes(counts[0]!.Value, counts[1]!.Value, counts[2]!.Value, counts[3]!.Value, counts[4]!.Value, counts[5]!.Value);
                valid.Add((code, y, homes, estimate.Value, note, source));
            }

            if (i % 1000 == 999)
            {
                progress?.Report(i + 1);
            }
        }

        progress?.Report(table.Rows.Count);
        ImportPlans.RefuseWithoutRights(check, table, known, actor);
        if (check.Errors.Count > 0)
        {
            return ImportResult.Failed(check.Sorted());
        }

        var now = clock.GetUtcNow();
        int inserted = 0, updated = 0, estimates = 0;
        try
        {
            await ImportTransaction.SaveInBatchesAsync(db, valid, async batch =>
            {
                var codes = batch.Select(r => r.Code).Distinct(StringComparer.Ordinal).ToList();
                var years = batch.Select(r => r.Year).Distinct().ToList();
                var existing = await db.Realisations.Where(r => codes.Contains(r.MunicipalityCode) && years.Contains(r.Year))
                    .ToDictionaryAsync(r => (r.MunicipalityCode, r.Year), ct).ConfigureAwait(false);
                var added = new List<RealisationRow>();
                foreach (var r in batch)
                {
                    if (!existing.TryGetValue((r.Code, r.Year), out var row))
                    {
                        row = new RealisationRow { MunicipalityCode = r.Code, Year = r.Year, Source = string.Empty };
                        added.Add(row);
                        inserted++;
                    }
                    else
                    {
                        updated++;
                        estimates += row.IsEstimate ? 1 : 0;
                    }

                    (row.SocialRent, row.MiddleRent, row.AffordableOwnership) = (r.Homes.SocialRent, r.Homes.MiddleRent, r.Homes.AffordableOwnership);
                    (row.FreeRent, row.FreeOwnership, row.UnknownSegment) = (r.Homes.FreeRent, r.Homes.FreeOwnership, r.Homes.Unknown);
                    row.IsEstimate = r.Estimate;
                    row.Note = r.Note;
                    row.Source = r.Source ?? $"import {sourceName}";
                    row.UpdatedAt = now;
                }

                await BulkInsert.InsertAsync(db, added, ct).ConfigureAwait(false); // new years past the change tracker, as new plans (ImportPlans)
            }, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (Database.DatabaseErrors.IsConflict(e)) // lost a race, also on a unique code (PostgreSQL 23505)
        {
            return ImportResult.Failed([ImportPlans.Concurrent]);
        }

        RegiewijzerMetrics.Imported("realisaties", inserted + updated);
        return new ImportResult(inserted, updated, []) { Notes = Notes(updated, estimates) };
    }

    /// <summary>What was replaced (the counts themselves are in the result); none when nothing existed.</summary>
    private static List<string> Notes(int updated, int estimates)
    {
        if (updated == 0)
        {
            return [];
        }

        var which = estimates == 0 ? string.Empty
            : $", waarvan {Format.Count(estimates)} {(estimates == 1 ? "schatting" : "schattingen")} (zoals de meegeleverde benadering 2022-2023 uit de netto groei van de woningvoorraad)";
        return [$"{Format.Count(updated)} bestaande {(updated == 1 ? "realisatie" : "realisaties")} voor dezelfde gemeente en hetzelfde jaar {(updated == 1 ? "is" : "zijn")} vervangen{which}; de oude cijfers zijn niet bewaard."];
    }
}
