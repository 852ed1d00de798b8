using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Data.Features;

/// <summary>Every region distributed, with province and national totals and their findings.</summary>
public sealed record CountryCheck(
    ImmutableArray<RegionOutcome> Regions,
    ImmutableArray<AggregateCheck> Provinces,
    AggregateCheck Nation)
{
    /// <summary>Regions that could not be distributed (no task known): not part of the totals.</summary>
    public IEnumerable<RegionOutcome> NotDistributed => Regions.Where(r => r.Result is null);

    public int MunicipalitiesWithoutTask => Regions.Sum(r => r.Question.WithoutTask.Length);
}

/// <summary>Distributes all regions (in memory; nothing stored) and checks provinces and the nation. Loads every row once.</summary>
public static class CheckCountry
{
    public static async Task<CountryCheck> RunAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        var rows = await LoadRegionInput.LoadAsync(db, _ => true, ct).ConfigureAwait(false);
        var outcomes = regions.Select(r => DistributeRegion.Decide(LoadRegionInput.Build(r, rows))).ToImmutableArray();

        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var provinceOf = municipalities.ToDictionary(m => new MunicipalityCode(m.Code), m => new ProvinceCode(m.ProvinceCode));
        var names = provinces.ToDictionary(p => new ProvinceCode(p.Code), p => p.Name);
        var distributed = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        return new CountryCheck(
            outcomes,
            Aggregation.ByProvince(distributed, provinceOf, names, NormSets.Default),
            Aggregation.National(distributed, NormSets.Default));
    }
}
