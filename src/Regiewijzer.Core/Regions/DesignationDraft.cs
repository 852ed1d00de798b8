using System.Collections.Immutable;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Regions;

/// <summary>One municipality in a province's designation draft: the deals it is party to and the region proposed for it.</summary>
/// <param name="Code">The municipality.</param>
/// <param name="Name">Its name.</param>
/// <param name="Deals">The woondeals it is party to (ids, in code order); more than one is an overlap the province resolves.</param>
/// <param name="Proposed">The region proposed: the one in the province's current act, else its only deal, else none (the province chooses).</param>
public sealed record DraftMunicipality(MunicipalityCode Code, string Name, ImmutableArray<string> Deals, string? Proposed)
{
    /// <summary>Party to more than one deal: the app shows the conflict and asks which region.</summary>
    public bool IsOverlap => Deals.Length > 1;
}

/// <summary>A region offered in a draft: a deal of the province (or a region of its current act) with the other provinces involved.</summary>
/// <param name="Id">Region code.</param>
/// <param name="Name">Region name.</param>
/// <param name="Partners">The other provinces proposed as partners (the current act's choice, else the deal's).</param>
/// <param name="Candidates">The other provinces that could be partners: those of the deal's parties, and the current partners.</param>
/// <param name="FromDeal">The region is a woondeal.</param>
public sealed record DraftRegion(string Id, string Name, ImmutableArray<ProvinceCode> Partners, ImmutableArray<ProvinceCode> Candidates, bool FromDeal);

/// <summary>Where a province starts when it designates: its municipalities, the deals as regions, and each overlap to resolve.</summary>
public sealed record DesignationDraft(ProvinceCode Province, ImmutableArray<DraftRegion> Regions, ImmutableArray<DraftMunicipality> Municipalities)
{
    /// <summary>The municipalities that are party to more than one deal.</summary>
    public IEnumerable<DraftMunicipality> Overlaps => Municipalities.Where(m => m.IsOverlap);

    /// <summary>
    /// The draft for <paramref name="province"/>: every deal one of its municipalities is party to becomes a region (its
    /// partners are the other provinces of that deal's parties); the current act's regions and choices win where there is one.
    /// </summary>
    public static DesignationDraft For(
        ProvinceCode province,
        IReadOnlyDictionary<MunicipalityCode, string> municipalities,
        IReadOnlyList<Deal> deals,
        DesignationAct? current)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(deals);
        var own = deals.Where(d => d.Parties.Any(p => p.Province == province)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var regions = new Dictionary<string, DraftRegion>(StringComparer.Ordinal);
        foreach (var d in own)
        {
            ImmutableArray<ProvinceCode> others = [.. d.Parties.Select(p => p.Province).Where(p => p != province).Distinct().Order()];
            regions[d.Id] = new DraftRegion(d.Id, d.Name, others, others, FromDeal: true);
        }

        if (current is not null)
        {
            foreach (var id in current.RegionOf.Values.Concat(current.RegionNames.Keys).Distinct(StringComparer.Ordinal))
            {
                var partners = current.Partners.TryGetValue(id, out var p) ? p : [];
                var deal = regions.GetValueOrDefault(id);
                regions[id] = new DraftRegion(
                    id,
                    current.RegionNames.TryGetValue(id, out var n) ? n : id,
                    partners,
                    [.. (deal?.Candidates ?? []).Union(partners).Order()],
                    deal?.FromDeal ?? false);
            }
        }

        var members = municipalities.OrderBy(m => m.Key).Select(m =>
        {
            ImmutableArray<string> of = [.. own.Where(d => d.Parties.Any(p => p.Municipality == m.Key)).Select(d => d.Id)];
            var proposed = current is not null && current.RegionOf.TryGetValue(m.Key, out var chosen) ? chosen : of.Length == 1 ? of[0] : null;
            return new DraftMunicipality(m.Key, m.Value, of, proposed);
        });
        return new DesignationDraft(province, [.. regions.Values.OrderBy(r => r.Id, StringComparer.Ordinal)], [.. members]);
    }
}
