using System.Collections.Immutable;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>One woningbouwregio in the region list: its outcome, its members and the summary (task, origin, deal total).</summary>
public sealed record RegionLine(RegionOutcome Outcome, ImmutableArray<MunicipalityIndicator> Members, RegionSummary Summary)
{
    public string Id => Summary.Id;

    /// <summary>Province names of the members, in code order: "Gelderland, Utrecht".</summary>
    public string Provinces => Summary.Provinces;

    /// <summary>Every region, by id, from the cached country data (no query).</summary>
    public static ImmutableArray<RegionLine> All(CountryIndicators data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var members = data.Municipalities.Where(m => m.Region is not null)
            .ToLookup(m => m.Region!.Question.Region.Id, StringComparer.Ordinal);
        return [.. data.Check.Regions.OrderBy(r => r.Question.Region.Id, StringComparer.Ordinal).Select(r =>
        {
            var region = r.Question.Region;
            var own = members[region.Id].ToImmutableArray();
            var tasks = r.Question.Tasks.Values;
            var summary = new RegionSummary(
                region.Id,
                region.Name,
                string.Join(", ", own.OrderBy(m => m.ProvinceCode, StringComparer.Ordinal).Select(m => m.ProvinceName).Distinct()),
                own.Length,
                own.Count(m => m.IndicativeMember),
                tasks.Sum(t => t.Homes),
                tasks.Count(t => t.Origin == Data.Model.TaskOrigin.Agreed),
                tasks.Count(t => t.Origin == Data.Model.TaskOrigin.Derived),
                r.Question.WithoutTask.Length,
                region.DealTotal,
                region.DealPrecision);
            return new RegionLine(r, own, summary);
        })];
    }
}
