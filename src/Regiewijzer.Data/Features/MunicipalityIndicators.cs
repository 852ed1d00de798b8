using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// One municipality on the national map: where it lies, its stock and, when its region could be distributed, its
/// targets. Stock indicators exist for every municipality; targets only where a task is known.
/// </summary>
/// <param name="Code">CBS code, e.g. GM0228.</param>
/// <param name="Name">Municipality name.</param>
/// <param name="ProvinceCode">CBS province code, e.g. PV25.</param>
/// <param name="ProvinceName">Province name.</param>
/// <param name="Region">Its region's outcome; null when the municipality belongs to no region.</param>
/// <param name="IndicativeMember">True where the membership was constructed rather than taken from a deal text.</param>
/// <param name="Stock">The latest stock row; null when none is stored.</param>
/// <param name="Task">The task row for the region's period; null when no task is known.</param>
/// <param name="Distribution">Its targets; null when no task is known.</param>
public sealed record MunicipalityIndicator(
    string Code,
    string Name,
    string ProvinceCode,
    string ProvinceName,
    RegionOutcome? Region,
    bool IndicativeMember,
    StockRow? Stock,
    TaskRow? Task,
    MunicipalityDistribution? Distribution)
{
    /// <summary>s = S / T from the latest stock, exact.</summary>
    public Fraction? StockShare => Stock is { TotalStock: > 0 } s ? new Fraction(s.SocialStock, s.TotalStock) : null;

    /// <summary>The lagging segment: the distribution's, or by the same rule from the stock (exactly at the threshold is middle).</summary>
    public LaggingSegment? Lagging => Distribution?.Lagging
        ?? (StockShare is { } share ? share < NormSets.Default.LaggingThreshold.Value ? LaggingSegment.Social : LaggingSegment.Middle : null);

    /// <summary>Affordable targets (social + middle) as a share of the task.</summary>
    public Fraction? AffordableShare => Distribution is { Task: > 0 } d ? new Fraction(d.Affordable, d.Task) : null;

    /// <summary>Social-rent target as a share of the task.</summary>
    public Fraction? SocialShare => Distribution is { Task: > 0 } d ? new Fraction(d.Social, d.Task) : null;

    public string? RegionId => Region?.Question.Region.Id;

    public string? RegionName => Region?.Question.Region.Name;
}

/// <summary>The country check with every municipality and province: what the overview, province and search pages show.</summary>
public sealed record CountryIndicators(
    CountryCheck Check,
    ImmutableArray<ProvinceRow> Provinces,
    ImmutableArray<MunicipalityIndicator> Municipalities)
{
    public IEnumerable<MunicipalityIndicator> InProvince(string provinceCode) =>
        Municipalities.Where(m => string.Equals(m.ProvinceCode, provinceCode, StringComparison.Ordinal));
}

/// <summary>Builds <see cref="CountryIndicators"/> from a country check and four small queries (municipalities, provinces, members, stock).</summary>
public static class MunicipalityIndicators
{
    public static async Task<CountryIndicators> RunAsync(RegiewijzerDb db, CountryCheck check, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(check);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
        var members = (await db.Memberships.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(m => m.MunicipalityCode, StringComparer.Ordinal);
        var stock = (await db.Stock.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(s => s.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ReferenceYear)!, StringComparer.Ordinal);

        var regions = check.Regions.ToDictionary(r => r.Question.Region.Id, StringComparer.Ordinal);
        var provinceNames = provinces.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var targets = check.Regions.Where(r => r.Result is not null)
            .SelectMany(r => r.Result!.Municipalities)
            .ToDictionary(m => m.Code.Value, StringComparer.Ordinal);

        var rows = municipalities.Select(m =>
        {
            var member = members.GetValueOrDefault(m.Code);
            var region = member is null ? null : regions.GetValueOrDefault(member.RegionId);
            return new MunicipalityIndicator(
                m.Code,
                m.Name,
                m.ProvinceCode,
                provinceNames.GetValueOrDefault(m.ProvinceCode, m.ProvinceCode),
                region,
                member?.Indicative ?? false,
                stock.GetValueOrDefault(m.Code),
                region?.Question.Tasks.GetValueOrDefault(m.Code),
                targets.GetValueOrDefault(m.Code));
        });
        return new CountryIndicators(check, [.. provinces], [.. rows]);
    }
}
