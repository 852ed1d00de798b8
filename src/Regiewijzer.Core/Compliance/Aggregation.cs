using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Compliance;

/// <summary>Which level a total belongs to.</summary>
public enum AggregateLevel
{
    Province,
    Nation,
}

/// <summary>
/// Totals of distributed targets for a province or the nation, checked against the same norms as a
/// region: social &gt;= ceil(socialShare * task) and affordable &gt;= ceil(affordableShare * task).
/// </summary>
public sealed record AggregateCheck(
    AggregateLevel Level,
    string Code,
    string Name,
    int Municipalities,
    int Regions,
    int Task,
    int RequiredSocial,
    int RequiredAffordable,
    int Social,
    int Middle,
    ImmutableArray<Finding> Findings)
{
    public int Affordable => Social + Middle;

    public int Free => Task - Social - Middle;

    public int SocialShortfall => Math.Max(0, RequiredSocial - Social);

    public int AffordableShortfall => Math.Max(0, RequiredAffordable - Affordable);

    public bool MeetsNorms => SocialShortfall == 0 && AffordableShortfall == 0;
}

/// <summary>Aggregates region distributions to provinces and the nation (domain.md §6).</summary>
public static class Aggregation
{
    /// <summary>
    /// One check per province, by the province each municipality lies in (a region that crosses a
    /// border counts in both provinces), ordered by province code.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A municipality has no province in <paramref name="provinceOf"/>.</exception>
    public static ImmutableArray<AggregateCheck> ByProvince(
        IEnumerable<RegionDistribution> regions,
        IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf,
        IReadOnlyDictionary<ProvinceCode, string> provinceNames,
        NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(provinceOf);
        ArgumentNullException.ThrowIfNull(provinceNames);
        ArgumentNullException.ThrowIfNull(norms);
        var groups = new SortedDictionary<ProvinceCode, (List<MunicipalityDistribution> Members, HashSet<string> Regions)>();
        foreach (var region in regions)
        {
            foreach (var m in region.Municipalities)
            {
                var province = provinceOf.TryGetValue(m.Code, out var p) ? p : throw new KeyNotFoundException($"No province known for {m.Code}.");
                if (!groups.TryGetValue(province, out var group))
                {
                    group = ([], new HashSet<string>(StringComparer.Ordinal));
                    groups[province] = group;
                }

                group.Members.Add(m);
                group.Regions.Add(region.Name);
            }
        }

        return [.. groups.Select(g => Check(
            AggregateLevel.Province,
            g.Key.Value,
            provinceNames.TryGetValue(g.Key, out var name) ? name : g.Key.Value,
            g.Value.Members,
            g.Value.Regions.Count,
            norms))];
    }

    /// <summary>The national totals of all given regions.</summary>
    public static AggregateCheck National(IEnumerable<RegionDistribution> regions, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var list = regions.ToList();
        return Check(AggregateLevel.Nation, "NL", "Nederland", [.. list.SelectMany(r => r.Municipalities)], list.Count, norms);
    }

    private static AggregateCheck Check(AggregateLevel level, string code, string name, List<MunicipalityDistribution> members, int regions, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        long task = 0, social = 0, middle = 0;
        foreach (var m in members)
        {
            task += m.Task;
            social += m.Social;
            middle += m.Middle;
        }

        var t = checked((int)task);
        var requiredSocial = norms.SocialShare.Value.CeilingOf(t);
        var requiredAffordable = norms.AffordableShare.Value.CeilingOf(t);
        var findings = new List<Finding>();
        var where = level == AggregateLevel.Nation ? "Nederland" : $"Provincie {name}";
        var basis = "Wet versterking regie volkshuisvesting; de norm geldt landelijk, per provincie en per regio";
        if (social < requiredSocial)
        {
            var shortfall = checked((int)(requiredSocial - social));
            findings.Add(new Finding(
                level == AggregateLevel.Nation ? FindingCode.NationalSocialShortfall : FindingCode.ProvinceSocialShortfall,
                Severity.Error,
                null,
                shortfall,
                $"{where} komt {Format.Count(shortfall)} sociale huurwoningen tekort: vereist {Format.Count(requiredSocial)} ({norms.SocialShare.Value} van {Format.Count(t)}), verdeeld {Format.Count(social)}.",
                "sociaal ≥ ⌈aandeel sociale huur × Σ opgave⌉",
                basis));
        }

        if (social + middle < requiredAffordable)
        {
            var shortfall = checked((int)(requiredAffordable - social - middle));
            findings.Add(new Finding(
                level == AggregateLevel.Nation ? FindingCode.NationalAffordableShortfall : FindingCode.ProvinceAffordableShortfall,
                Severity.Error,
                null,
                shortfall,
                $"{where} komt {Format.Count(shortfall)} betaalbare woningen tekort: vereist {Format.Count(requiredAffordable)} ({norms.AffordableShare.Value} van {Format.Count(t)}), verdeeld {Format.Count(social + middle)}.",
                "betaalbaar ≥ ⌈aandeel betaalbaar × Σ opgave⌉",
                basis));
        }

        return new AggregateCheck(level, code, name, members.Count, regions, t, requiredSocial, requiredAffordable, checked((int)social), checked((int)middle), [.. findings]);
    }
}
