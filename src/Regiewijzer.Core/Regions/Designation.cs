using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Regions;

/// <summary>
/// One designation act of a province (aanwijzing in its omgevingsverordening): for its own municipalities, which
/// woningbouwregio each is in, from <see cref="InForceFrom"/> until the province's next act. A map, so within one act a
/// municipality is in at most one region.
/// </summary>
/// <remarks>
/// <para>Version: increases per province; the latest version in force at a date wins.</para>
/// <para>LegalReference: the article of the omgevingsverordening or its URL.</para>
/// <para>RegionOf: municipality to region id; a municipality left out is in no designated region.</para>
/// <para>RegionNames: region id to its name.</para>
/// </remarks>
public sealed record DesignationAct(
    ProvinceCode Province,
    int Version,
    DateOnly InForceFrom,
    string LegalReference,
    ImmutableDictionary<MunicipalityCode, string> RegionOf,
    ImmutableDictionary<string, string> RegionNames)
{
    /// <summary>
    /// Per region id, the other provinces that must designate the same region for their own municipalities before it is in
    /// force (a region across a border). A region not named here involves only this province.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<ProvinceCode>> Partners { get; init; } = ImmutableDictionary<string, ImmutableArray<ProvinceCode>>.Empty;
}

/// <summary>A designated woningbouwregio in force at a date, with its municipalities (from every province involved).</summary>
public sealed record DesignatedRegion(string Id, string Name, ImmutableArray<MunicipalityCode> Municipalities, ImmutableArray<ProvinceCode> Provinces);

/// <summary>Who designates: only a province, and only for its own municipalities.</summary>
public sealed record Designator(bool IsProvince, ProvinceCode? Province);

/// <summary>The rules and history of designations (pure).</summary>
public static class Designations
{
    /// <summary>
    /// Dutch reasons why <paramref name="designator"/> may not record <paramref name="act"/>; empty when it may.
    /// A municipality cannot designate; a province designates only its own municipalities, with a legal reference,
    /// a name for every region, and a version above its previous act.
    /// </summary>
    public static ImmutableArray<string> Check(Designator designator, DesignationAct act, IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf, IEnumerable<DesignationAct> previous)
    {
        ArgumentNullException.ThrowIfNull(designator);
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(provinceOf);
        ArgumentNullException.ThrowIfNull(previous);
        var errors = ImmutableArray.CreateBuilder<string>();
        if (!designator.IsProvince)
        {
            errors.Add("Alleen een provincie wijst woningbouwregio's aan; een gemeente kan een indeling voorstellen.");
        }
        else if (designator.Province != act.Province)
        {
            errors.Add("Een provincie wijst alleen regio's aan voor haar eigen gemeenten.");
        }

        foreach (var m in act.RegionOf.Keys.Where(m => !provinceOf.TryGetValue(m, out var p) || p != act.Province).Order())
        {
            errors.Add($"{m.Value} ligt niet in deze provincie.");
        }

        if (string.IsNullOrWhiteSpace(act.LegalReference))
        {
            errors.Add("Vermeld de juridische grondslag: het artikel van de omgevingsverordening of de URL.");
        }

        foreach (var id in act.RegionOf.Values.Distinct(StringComparer.Ordinal).Where(id => !act.RegionNames.TryGetValue(id, out var n) || string.IsNullOrWhiteSpace(n)).Order(StringComparer.Ordinal))
        {
            errors.Add($"Regio {id} heeft geen naam.");
        }

        foreach (var id in act.RegionNames.Keys.Concat(act.RegionOf.Values).Distinct(StringComparer.Ordinal).Where(id => !IsRegionId(id)).Order(StringComparer.Ordinal))
        {
            errors.Add($"\"{id}\" is geen geldige regiocode: 2 tot 20 hoofdletters, cijfers of streepjes, bijvoorbeeld WD19 of PV25-R1.");
        }

        foreach (var (region, partners) in act.Partners.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (partners.Contains(act.Province))
            {
                errors.Add($"Regio {region}: de eigen provincie is geen partner; noem alleen de andere provincies die deze regio ook aanwijzen.");
            }
        }

        if (previous.Where(p => p.Province == act.Province).Select(p => p.Version).DefaultIfEmpty(0).Max() >= act.Version)
        {
            errors.Add("Er is al een aanwijzing met deze of een hogere versie; laad de nieuwste en probeer het opnieuw.");
        }

        return errors.ToImmutable();
    }

    /// <summary>
    /// The municipalities of <paramref name="act"/>'s province that the act leaves out (in code order): a designation covers
    /// every municipality of the province, so the page and the API name each one still to be placed.
    /// </summary>
    public static ImmutableArray<MunicipalityCode> Unassigned(DesignationAct act, IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf)
    {
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(provinceOf);
        return [.. provinceOf.Where(kv => kv.Value == act.Province && !act.RegionOf.ContainsKey(kv.Key)).Select(kv => kv.Key).Order()];
    }

    /// <summary>
    /// Per region id, every province that must have designated it (in the acts in force on <paramref name="date"/>): each
    /// province that places a municipality in it and every partner an act names for it.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<ProvinceCode>> RequiredProvinces(DateOnly date, IReadOnlyCollection<DesignationAct> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var required = new Dictionary<string, HashSet<ProvinceCode>>(StringComparer.Ordinal);
        foreach (var act in InForce(date, acts))
        {
            foreach (var region in act.RegionOf.Values.Distinct(StringComparer.Ordinal))
            {
                var set = required.TryGetValue(region, out var s) ? s : required[region] = [];
                set.Add(act.Province);
                if (act.Partners.TryGetValue(region, out var partners))
                {
                    set.UnionWith(partners);
                }
            }
        }

        return required.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Order().ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>True for a region code: 2 to 20 capitals, digits or hyphens, starting with a capital or digit.</summary>
    public static bool IsRegionId(string? id) =>
        id is { Length: >= 2 and <= 20 } && (char.IsAsciiLetterUpper(id[0]) || char.IsAsciiDigit(id[0])) && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The act of each province in force on <paramref name="date"/> (provinces without one are left out).</summary>
    public static ImmutableArray<DesignationAct> InForce(DateOnly date, IReadOnlyCollection<DesignationAct> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        return [.. acts.Select(a => a.Province).Distinct().Select(p => InForce(p, date, acts)).OfType<DesignationAct>()];
    }

    /// <summary>
    /// The regions of <paramref name="province"/>'s act in force that are not in force themselves (a region across the border
    /// waiting for another province), each with the provinces that still have to designate it; empty when none waits.
    /// </summary>
    public static ImmutableArray<(string Region, ImmutableArray<ProvinceCode> Missing)> Waiting(ProvinceCode province, DateOnly date, IReadOnlyCollection<DesignationAct> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        if (InForce(province, date, acts) is not { } act)
        {
            return [];
        }

        var current = InForce(date, acts);
        var inForce = RegionsInForce(date, acts).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var required = RequiredProvinces(date, acts);
        return [.. act.RegionOf.Values.Distinct(StringComparer.Ordinal).Where(r => !inForce.Contains(r)).Order(StringComparer.Ordinal)
            .Select(r => (r, required.GetValueOrDefault(r, []).Where(q => !current.Any(a => a.Province == q && a.RegionOf.ContainsValue(r))).ToImmutableArray()))];
    }

    /// <summary>The act of <paramref name="province"/> in force on <paramref name="date"/> (latest date, then highest version), or null.</summary>
    public static DesignationAct? InForce(ProvinceCode province, DateOnly date, IEnumerable<DesignationAct> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        return acts.Where(a => a.Province == province && a.InForceFrom <= date).OrderByDescending(a => a.InForceFrom).ThenByDescending(a => a.Version).FirstOrDefault();
    }

    /// <summary>
    /// The designated regions in force on <paramref name="date"/>. A region whose municipalities lie in several provinces is in
    /// force only when every province that must hold a part has designated it: per <paramref name="requiredProvinces"/>, or
    /// when that is null per <see cref="RequiredProvinces"/> (the acts' own partners).
    /// A municipality is in at most one region (each province's act is a map and provinces hold disjoint municipalities).
    /// </summary>
    public static ImmutableArray<DesignatedRegion> RegionsInForce(DateOnly date, IReadOnlyCollection<DesignationAct> acts, IReadOnlyDictionary<string, ImmutableArray<ProvinceCode>>? requiredProvinces = null)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var current = InForce(date, acts);
        requiredProvinces ??= RequiredProvinces(date, acts);
        return [.. current
            .SelectMany(a => a.RegionOf.Select(kv => (Act: a, Municipality: kv.Key, Region: kv.Value)))
            .GroupBy(x => x.Region, StringComparer.Ordinal)
            .Where(g =>
            {
                var designatedBy = g.Select(x => x.Act.Province).ToHashSet();
                return !requiredProvinces.TryGetValue(g.Key, out var required) || required.All(designatedBy.Contains);
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DesignatedRegion(
                g.Key,
                g.First().Act.RegionNames[g.Key],
                [.. g.Select(x => x.Municipality).Order()],
                [.. g.Select(x => x.Act.Province).Distinct().Order()]))];
    }

    /// <summary>"Which region was GM0203 in on 1 March 2027?": the region in force then, or null.</summary>
    public static DesignatedRegion? RegionOf(MunicipalityCode municipality, DateOnly date, IReadOnlyCollection<DesignationAct> acts, IReadOnlyDictionary<string, ImmutableArray<ProvinceCode>>? requiredProvinces = null) =>
        RegionsInForce(date, acts, requiredProvinces).FirstOrDefault(r => r.Municipalities.Contains(municipality));
}
