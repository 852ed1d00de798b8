using System.Globalization;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>What a search hit is.</summary>
public enum SearchKind
{
    Municipality,
    Region,
    Province,
}

/// <summary>One search hit: a link with a line of context. Rank 0 is an exact name or code, 1 a prefix, 2 elsewhere in the name.</summary>
public sealed record SearchMatch(SearchKind Kind, string Href, string Name, string Code, string Context, int Rank)
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols;

    /// <summary>
    /// Municipalities, regions and provinces whose name or code contains the text, ignoring case, accents, spaces and
    /// punctuation ("fryslan" finds Fryslân, "hertogenbosch" finds 's-Hertogenbosch); best matches first.
    /// </summary>
    public static IReadOnlyList<SearchMatch> Find(CountryIndicators data, string? text)
    {
        ArgumentNullException.ThrowIfNull(data);
        var q = text?.Trim() ?? "";
        if (!q.Any(char.IsLetterOrDigit))
        {
            return [];
        }

        var hits = new List<SearchMatch>();
        foreach (var m in data.Municipalities)
        {
            Add(hits, SearchKind.Municipality, $"/gemeente/{m.Code}", m.Name, m.Code, $"gemeente in {m.ProvinceName}, {m.RegionName ?? "geen regio"}", q);
        }

        foreach (var r in data.Check.Regions.Select(r => r.Question.Region))
        {
            var members = data.Municipalities.Count(m => m.RegionId == r.Id);
            Add(hits, SearchKind.Region, $"/regio/{r.Id}", r.Name, r.Id, $"woningbouwregio, {Core.Format.Count(members)} {(members == 1 ? "gemeente" : "gemeenten")} ({r.Provinces.Replace(";", ",", StringComparison.Ordinal)})", q);
        }

        foreach (var p in data.Provinces)
        {
            var rank = FindProvince.Matches(p.Code, p.Name, q) ? 0 : (int?)null;
            Add(hits, SearchKind.Province, $"/provincie/{p.Code}", p.Name, p.Code, $"provincie, {Core.Format.Count(data.InProvince(p.Code).Count())} gemeenten", q, rank);
        }

        return [.. hits.OrderBy(h => h.Rank).ThenBy(h => h.Kind).ThenBy(h => h.Name, OverviewData.NameOrder)];
    }

    private static void Add(List<SearchMatch> hits, SearchKind kind, string href, string name, string code, string context, string q, int? known = null)
    {
        var rank = known ?? RankOf(name, code, q);
        if (rank is { } r)
        {
            hits.Add(new SearchMatch(kind, href, name, code, context, r));
        }
    }

    private static int? RankOf(string name, string code, string q)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        if (compare.Compare(name, q, Loose) == 0 || string.Equals(code, q, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return compare.IsPrefix(name, q, Loose) ? 1 : compare.IndexOf(name, q, Loose) >= 0 ? 2 : null;
    }
}
