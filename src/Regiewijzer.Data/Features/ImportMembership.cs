using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>Imports which housing region each municipality belongs to; all or nothing, upsert on gemeentecode.</summary>
public static class ImportMembership
{
    public static readonly IReadOnlyList<string> Required = ["gemeentecode", "regio_id"];
    public static readonly IReadOnlyList<string> Optional = ["bron"];

    public static Task<ImportResult> RunFileAsync(RegiewijzerDb db, string path, IProgress<int>? progress = null, CancellationToken ct = default) =>
        ImportChecks.FromFileAsync(path, (table, name) => RunAsync(db, table, name, progress, ct));

    /// <summary>Checks every row; writes only when all are valid. The source of rows without 'bron' is "import {sourceName}"; progress counts rows checked.</summary>
    /// <summary>As the import without an actor, with <paramref name="actor"/> (the operator at the command line) as the audit trail's "who".</summary>
    public static Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, Actor actor, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Governance.AuditActing.For(db, actor, null);
        return RunAsync(db, table, sourceName, progress, ct);
    }

    public static async Task<ImportResult> RunAsync(RegiewijzerDb db, Table table, string sourceName, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (check, failed) = ImportChecks.Start(table, Required, Optional);
        if (check is null)
        {
            return failed!;
        }

        var known = await ImportTransaction.MunicipalityCodesAsync(db, ct).ConfigureAwait(false);
        var regions = (await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(id => id, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = new List<(string Code, string Region, string? Source)>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var code = check.Municipality(row, "gemeentecode", known);
            var regionText = row["regio_id"];
            string? region = null;
            if (regionText.Length == 0)
            {
                check.Add(row, "regio_id", "leeg; vul een regio-id in (bijvoorbeeld WD19)");
            }
            else if (!regions.TryGetValue(regionText, out region))
            {
                check.Add(row, "regio_id", $"regio '{regionText}' bestaat niet; 'regiewijzer regios' toont de regio-id's");
            }

            if (code is not null && check.Unique(seen, code, row, "gemeentecode", $"gemeente {code}") && region is not null)
            {
                valid.Add((code, region, ImportChecks.Optional(row, "bron")));
            }

            if (i % 1000 == 999)
            {
                progress?.Report(i + 1);
            }
        }

        progress?.Report(table.Rows.Count);
        if (check.Errors.Count > 0)
        {
            return ImportResult.Failed(check.Sorted());
        }

        var existing = await db.Memberships.ToDictionaryAsync(m => m.MunicipalityCode, StringComparer.Ordinal, ct).ConfigureAwait(false);
        int inserted = 0, updated = 0;
        foreach (var r in valid)
        {
            if (!existing.TryGetValue(r.Code, out var row))
            {
                row = new RegionMembershipRow { MunicipalityCode = r.Code, RegionId = r.Region, Source = string.Empty };
                db.Memberships.Add(row);
                inserted++;
            }
            else
            {
                updated++;
            }

            if (row.DesignationProvince is null)
            {
                row.RegionId = r.Region;
            }
            else
            {
                row.DealRegionId = r.Region; // designated by the province: the import changes only the woondeal region behind it
            }

            row.Indicative = false;
            row.Source = r.Source ?? $"import {sourceName}";
        }

        await ImportTransaction.SaveAsync(db, ct).ConfigureAwait(false);
        return new ImportResult(inserted, updated, []);
    }
}
