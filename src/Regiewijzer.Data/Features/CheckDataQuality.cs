using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Quality;

namespace Regiewijzer.Data.Features;

/// <summary>The data-quality findings of the stored reference data, with the lookups a page needs.</summary>
/// <param name="Findings">Every finding, by code and then municipality code.</param>
/// <param name="Corrected">Municipalities whose corporation homes a province corrected: name and latest stock row, by code.</param>
public sealed record DataQualityReport(ImmutableArray<DataQualityFinding> Findings, ImmutableArray<(string Name, Model.StockRow Stock)> Corrected)
{
    /// <summary>The corrections of these municipalities.</summary>
    public IReadOnlyList<(string Name, Model.StockRow Stock)> CorrectedOf(IEnumerable<string> municipalities)
    {
        var set = municipalities.ToHashSet(StringComparer.Ordinal);
        return [.. Corrected.Where(c => set.Contains(c.Stock.MunicipalityCode))];
    }

    /// <summary>The findings of one municipality.</summary>
    public IEnumerable<DataQualityFinding> Of(string municipality) => Findings.Where(f => f.Municipality.Value == municipality);

    /// <summary>The findings about inputs of the distribution (stock, task) of these municipalities.</summary>
    public IEnumerable<DataQualityFinding> InputsOf(IEnumerable<string> municipalities)
    {
        var set = municipalities.ToHashSet(StringComparer.Ordinal);
        return Findings.Where(f => f.AffectsDistribution && set.Contains(f.Municipality.Value));
    }
}

/// <summary>
/// Checks the stored stock, tasks and regions of every municipality (Core <see cref="DataQuality"/>): implausible
/// corporation shares, stock jumps, tasks above growth capacity, municipalities in no region. Three queries.
/// </summary>
public static class CheckDataQuality
{
    public static async Task<DataQualityReport> RunAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Membership).ThenInclude(m => m!.Region)
            .OrderBy(m => m.Code).ToListAsync(ct).ConfigureAwait(false);
        var stock = (await db.Stock.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(s => s.MunicipalityCode, StringComparer.Ordinal);
        var tasks = (await db.Tasks.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(t => t.MunicipalityCode, StringComparer.Ordinal);
        var facts = new List<QualityFacts>();
        var corrected = ImmutableArray.CreateBuilder<(string, Model.StockRow)>();
        foreach (var m in municipalities)
        {
            var rows = stock[m.Code].OrderBy(s => s.ReferenceYear).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var latest = rows[^1];
            var earliest = rows.Count > 1 ? rows[0] : null;
            if (latest.IsCorrected)
            {
                corrected.Add((m.Name, latest));
            }

            var region = m.Membership?.Region;
            var task = region is null ? null : tasks[m.Code].FirstOrDefault(t => t.PeriodFrom == region.PeriodFrom && t.PeriodTo == region.PeriodTo);
            facts.Add(new QualityFacts(
                new MunicipalityCode(m.Code),
                m.Name,
                latest.ReferenceYear,
                latest.TotalStock,
                latest.SocialStock,
                latest.IsCorrected,
                earliest?.ReferenceYear,
                earliest?.TotalStock,
                task?.Homes,
                task is null ? null : task.PeriodTo - task.PeriodFrom + 1,
                m.Membership is not null));
        }

        return new DataQualityReport(DataQuality.Check(facts), corrected.ToImmutable());
    }
}
