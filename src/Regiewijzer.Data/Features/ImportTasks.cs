using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>Imports municipal tasks per period; all or nothing, upsert on (gemeentecode, periode_van, periode_tot).</summary>
public static class ImportTasks
{
    public static readonly IReadOnlyList<string> Required = ["gemeentecode", "periode_van", "periode_tot", "woningen"];
    public static readonly IReadOnlyList<string> Optional = ["bron", "herkomst", "methode"];

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
        var seen = new Dictionary<(string, int, int), int>();
        var valid = new List<(string Code, int From, int To, int Homes, TaskOrigin Origin, string? Method, string? Source)>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var code = check.Municipality(row, "gemeentecode", known);
            var from = check.Year(row, "periode_van");
            var to = check.Year(row, "periode_tot");
            if (from > to)
            {
                check.Add(row, "periode_tot", $"periode_tot {to} ligt voor periode_van {from}");
                to = null;
            }

            var homes = check.Count(row, "woningen");
            TaskOrigin? origin = row["herkomst"].ToLowerInvariant() switch
            {
                "" or "afgesproken" => TaskOrigin.Agreed,
                "afgeleid" => TaskOrigin.Derived,
                _ => null,
            };
            if (origin is null)
            {
                check.Add(row, "herkomst", $"'{row["herkomst"]}' is geen herkomst; kies afgesproken of afgeleid");
            }

            if (code is not null && from is { } f && to is { } t
                && check.Unique(seen, (code, f, t), row, "gemeentecode", $"gemeente {code} met periode {f}-{t}")
                && homes is not null && origin is not null)
            {
                valid.Add((code, f, t, homes.Value, origin.Value, ImportChecks.Optional(row, "methode"), ImportChecks.Optional(row, "bron")));
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

        var existing = await db.Tasks.ToDictionaryAsync(t => (t.MunicipalityCode, t.PeriodFrom, t.PeriodTo), ct).ConfigureAwait(false);
        int inserted = 0, updated = 0;
        foreach (var r in valid)
        {
            if (!existing.TryGetValue((r.Code, r.From, r.To), out var row))
            {
                row = new TaskRow { MunicipalityCode = r.Code, PeriodFrom = r.From, PeriodTo = r.To, Source = string.Empty };
                db.Tasks.Add(row);
                inserted++;
            }
            else
            {
                updated++;
            }

            row.Homes = r.Homes;
            row.Origin = r.Origin;
            row.Method = r.Method;
            row.Source = r.Source ?? $"import {sourceName}";
        }

        await ImportTransaction.SaveAsync(db, ct).ConfigureAwait(false);
        return new ImportResult(inserted, updated, []);
    }
}
