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

    /// <summary>
    /// Per province: its check under the distributions as made (province-aware, domain.md §5b) and had every region
    /// been distributed region-only, with the parts of regions across its border.
    /// </summary>
    public ImmutableArray<ProvinceLevels> Levels { get; init; } = [];

    /// <summary>Each province's designation status today: designated, waiting for a partner province, or indicative (the woondeals).</summary>
    public ImmutableArray<global::Regiewijzer.Data.Features.Regions.ProvinceDesignation> Designations { get; init; } = [];

    /// <summary>The national check had every region been distributed region-only.</summary>
    public AggregateCheck? NationRegionOnly { get; init; }

    /// <summary>
    /// Municipalities left out of the totals (no known task) per province code and for the nation
    /// (<see cref="TotalCompleteness.MissingCounts"/>): a total with any left out is not judged.
    /// </summary>
    public IReadOnlyDictionary<string, int> Missing { get; init; } = TotalCompleteness.MissingCounts([]);

    /// <summary>How many municipalities <paramref name="total"/> leaves out (0: it is whole).</summary>
    public int MissingFrom(AggregateCheck total) => TotalCompleteness.MissingFrom(Missing, total);
}

/// <summary>Distributes all regions (in memory; nothing stored) and checks provinces and the nation. Loads every row once.</summary>
public static class CheckCountry
{
    public static async Task<CountryCheck> RunAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Members.Any()).OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        var rows = await LoadRegionInput.LoadAsync(db, _ => true, ct).ConfigureAwait(false);
        var outcomes = regions.Select(r => DistributeRegion.Decide(LoadRegionInput.Build(r, rows))).ToImmutableArray();

        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var provinceOf = municipalities.ToDictionary(m => new MunicipalityCode(m.Code), m => new ProvinceCode(m.ProvinceCode));
        var names = provinces.ToDictionary(p => new ProvinceCode(p.Code), p => p.Name);
        var distributed = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        var counted = distributed.SelectMany(d => d.Municipalities.Select(m => m.Code.Value)).ToHashSet(StringComparer.Ordinal);
        var levels = LevelComparison.ByProvince(
            [.. outcomes.Where(o => o.Result is not null).Select(o => (o.Question.Region.Id, o.Result!))],
            provinceOf,
            names,
            NormSets.Default);
        return new CountryCheck(
            outcomes,
            [.. levels.Select(l => l.Now)],
            Aggregation.National(distributed, NormSets.Default))
        {
            Levels = levels,
            NationRegionOnly = Aggregation.National(distributed.Select(LevelComparison.RegionOnlyOf), NormSets.Default),
            Missing = TotalCompleteness.MissingCounts(municipalities.Where(m => !counted.Contains(m.Code)).Select(m => m.ProvinceCode)),
            Designations = await global::Regiewijzer.Data.Features.Regions.LoadDesignations.StatusAsync(db, DutchTime.Date(DateTimeOffset.UtcNow), ct).ConfigureAwait(false),
        };
    }
}
