using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>Imports dwelling stock per municipality and reference year; all or nothing, upsert on (gemeentecode, peiljaar).</summary>
public static class ImportStock
{
    public static readonly IReadOnlyList<string> Required = ["gemeentecode", "peiljaar", "woningvoorraad", "corporatiewoningen"];
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
        var seen = new Dictionary<(string, int), int>();
        var valid = new List<(string Code, int Year, int Total, int Social, string? Source)>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var code = check.Municipality(row, "gemeentecode", known);
            var year = check.Year(row, "peiljaar");
            var total = check.Count(row, "woningvoorraad");
            var social = check.Count(row, "corporatiewoningen");
            if (total is { } t && social is { } s && s > t)
            {
                check.Add(row, "corporatiewoningen", $"{s} corporatiewoningen is meer dan de woningvoorraad ({t})");
                social = null;
            }

            if (code is not null && year is { } y && check.Unique(seen, (code, y), row, "gemeentecode", $"gemeente {code} met peiljaar {y}")
                && total is not null && social is not null)
            {
                valid.Add((code, y, total.Value, social.Value, ImportChecks.Optional(row, "bron")));
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

        var existing = await db.Stock.ToDictionaryAsync(s => (s.MunicipalityCode, s.ReferenceYear), ct).ConfigureAwait(false);
        int inserted = 0, updated = 0;
        foreach (var r in valid)
        {
            if (!existing.TryGetValue((r.Code, r.Year), out var row))
            {
                row = new StockRow { MunicipalityCode = r.Code, ReferenceYear = r.Year, SocialMetric = string.Empty, Source = string.Empty };
                db.Stock.Add(row);
                inserted++;
            }
            else
            {
                updated++;
            }

            row.TotalStock = r.Total;
            if (row.IsCorrected)
            {
                // A province's correction wins over the source; the imported value becomes the source's value beside it.
                row.ReferenceSocialStock = r.Social;
                row.SocialStock = Math.Min(row.SocialStock, r.Total);
            }
            else
            {
                row.SocialStock = r.Social;
            }

            row.SocialMetric = "corporatiewoningen";
            row.SocialShareYear = r.Year;
            row.IsEstimate = false;
            row.Source = r.Source ?? $"import {sourceName}";
        }

        await ImportTransaction.SaveAsync(db, ct).ConfigureAwait(false);
        return new ImportResult(inserted, updated, []);
    }
}
