using System.Collections.Immutable;
using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>
/// The part of a woningbouwregio that lies in one province: its members there and their targets. A province's
/// totals are the sum of its parts, so a region across a border counts in each province with its own part.
/// </summary>
/// <param name="Region">The whole region's outcome.</param>
/// <param name="Members">Its members inside the province, by code.</param>
/// <param name="Provinces">Names of every province the region's members lie in, in code order.</param>
public sealed record ProvincePart(RegionOutcome Region, ImmutableArray<MunicipalityIndicator> Members, ImmutableArray<string> Provinces)
{
    public bool CrossesBorder => Provinces.Length > 1;

    public int MembersInRegion => Region.Question.Scenario.Region.Municipalities.Length + Region.Question.WithoutTask.Length;

    public int Task => Members.Sum(m => m.Distribution?.Task ?? 0);

    public int Social => Members.Sum(m => m.Distribution?.Social ?? 0);

    public int Middle => Members.Sum(m => m.Distribution?.Middle ?? 0);

    public int Affordable => Social + Middle;

    public int WithoutTask => Members.Count(m => m.Distribution is null);

    /// <summary>The regions with members in the province, by region id.</summary>
    public static ImmutableArray<ProvincePart> In(CountryIndicators data, string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Municipalities
            .Where(m => m.Region is not null)
            .GroupBy(m => m.Region!.Question.Region.Id, StringComparer.Ordinal)
            .Where(g => g.Any(m => string.Equals(m.ProvinceCode, provinceCode, StringComparison.Ordinal)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProvincePart(
                g.First().Region!,
                [.. g.Where(m => string.Equals(m.ProvinceCode, provinceCode, StringComparison.Ordinal))],
                [.. g.OrderBy(m => m.ProvinceCode, StringComparer.Ordinal).Select(m => m.ProvinceName).Distinct()]))];
    }

    /// <summary>Every region that has members in more than one province.</summary>
    public static ImmutableArray<ProvincePart> CrossBorder(CountryIndicators data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Provinces.SelectMany(p => In(data, p.Code)).Where(p => p.CrossesBorder)
            .GroupBy(p => p.Region.Question.Region.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(p => p.Region.Question.Region.Id, StringComparer.Ordinal)];
    }

    /// <summary>Share of a count in a task as "25,3%", or "-" for an empty task.</summary>
    public static string Percent(int part, int task) => task == 0 ? "-" : Format.Percent(new Fraction(part, task));

    /// <summary>The province totals of a code, or null when none of its municipalities has a task.</summary>
    public static AggregateCheck? Totals(CountryIndicators data, string provinceCode) =>
        data?.Check.Provinces.FirstOrDefault(p => string.Equals(p.Code, provinceCode, StringComparison.Ordinal));
}
