using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Compliance;

/// <summary>
/// One province's part of a region across a provincial border, under the region-only distribution and
/// under the province-aware distribution (domain.md §5b): the what-if a province officer reads.
/// </summary>
public sealed record CrossBorderPart(
    string RegionId,
    string RegionName,
    ProvinceCode Province,
    int Municipalities,
    int Task,
    int RequiredSocial,
    int RequiredAffordable,
    int SocialRegionOnly,
    int AffordableRegionOnly,
    int Social,
    int Affordable)
{
    public int SocialShortfallRegionOnly => Math.Max(0, RequiredSocial - SocialRegionOnly);

    public int AffordableShortfallRegionOnly => Math.Max(0, RequiredAffordable - AffordableRegionOnly);

    public int SocialShortfall => Math.Max(0, RequiredSocial - Social);

    public int AffordableShortfall => Math.Max(0, RequiredAffordable - Affordable);

    /// <summary>Under the region-only distribution this part pulls its province below a norm.</summary>
    public bool ShortRegionOnly => SocialShortfallRegionOnly > 0 || AffordableShortfallRegionOnly > 0;

    /// <summary>Even placed within the part the norms cannot be met: its municipalities' rooms do not allow it.</summary>
    public bool Infeasible => SocialShortfall > 0 || AffordableShortfall > 0;
}

/// <summary>A province's check under both distributions, with the parts of regions across its border.</summary>
public sealed record ProvinceLevels(AggregateCheck Now, AggregateCheck RegionOnly, ImmutableArray<CrossBorderPart> Parts)
{
    public string Code => Now.Code;

    public string Name => Now.Name;
}

/// <summary>Compares the province-aware distribution (the default) with the region-only one, per province (domain.md §5b).</summary>
public static class LevelComparison
{
    /// <summary>
    /// Per province (by code): the check of the distributed targets, the check had every region been
    /// distributed region-only, and each part of a region across the border.
    /// </summary>
    public static ImmutableArray<ProvinceLevels> ByProvince(
        IReadOnlyList<(string Id, RegionDistribution Result)> regions,
        IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf,
        IReadOnlyDictionary<ProvinceCode, string> provinceNames,
        NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var now = Aggregation.ByProvince(regions.Select(r => r.Result), provinceOf, provinceNames, norms);
        var before = Aggregation.ByProvince(regions.Select(r => RegionOnlyOf(r.Result)), provinceOf, provinceNames, norms)
            .ToDictionary(a => a.Code, StringComparer.Ordinal);
        var parts = new List<CrossBorderPart>();
        foreach (var (id, result) in regions)
        {
            var only = RegionOnlyOf(result);
            var byProvince = result.Municipalities.GroupBy(m => provinceOf[m.Code]).ToList();
            if (byProvince.Count < 2)
            {
                continue;
            }

            foreach (var group in byProvince.OrderBy(g => g.Key))
            {
                var codes = group.Select(m => m.Code).ToHashSet();
                var task = group.Sum(m => m.Task);
                var onlyMembers = only.Municipalities.Where(m => codes.Contains(m.Code)).ToList();
                parts.Add(new CrossBorderPart(
                    id,
                    result.Name,
                    group.Key,
                    codes.Count,
                    task,
                    norms.SocialShare.Value.CeilingOf(task),
                    norms.AffordableShare.Value.CeilingOf(task),
                    onlyMembers.Sum(m => m.Social),
                    onlyMembers.Sum(m => m.Affordable),
                    group.Sum(m => m.Social),
                    group.Sum(m => m.Affordable)));
            }
        }

        return [.. now.Select(a => new ProvinceLevels(
            a,
            before[a.Code],
            [.. parts.Where(p => string.Equals(p.Province.Value, a.Code, StringComparison.Ordinal)).OrderBy(p => p.RegionName, StringComparer.Ordinal)]))];
    }

    /// <summary>The region-only distribution of a region: its comparison when it was placed per part, else itself.</summary>
    public static RegionDistribution RegionOnlyOf(RegionDistribution result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RegionOnly ?? result;
    }
}
