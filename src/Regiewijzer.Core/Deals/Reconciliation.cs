using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Deals;

/// <summary>A figure published elsewhere to reconcile the deals with.</summary>
/// <remarks>
/// <para>Homes: The number.</para>
/// <para>Wording: How the source puts it (e.g. "ruim 83.500").</para>
/// <para>Verified: False when the figure was not found in a public source (e.g. a number from a presentation).</para>
/// </remarks>
public sealed record PublishedFigure(int Homes, string Wording, string? Source, bool Verified = true);

/// <summary>The published figures of a province: its agreement of 13 October 2022 and its own total of its deals.</summary>
public sealed record ProvinceFigures(ProvinceCode Code, string Name, PublishedFigure? Agreement2022, PublishedFigure? PublishedDeals, string? PublishedDealsNote);

/// <summary>A municipality that is a party to more than one deal, so a sum over deals counts its homes more than once.</summary>
/// <remarks>
/// <para>DealIds: The deals it is party to, ordered.</para>
/// <para>Certainty: The weakest certainty among its memberships.</para>
/// <para>PublishedHomes: Its published number in one of the deals, when exactly one deal publishes one: the homes counted twice by that deal's figure.</para>
/// <para>PublishedIn: The deal that published <see cref="PublishedHomes"/>.</para>
/// </remarks>
public sealed record DealOverlap(MunicipalityCode Municipality, string Name, ImmutableArray<string> DealIds, PartyCertainty Certainty, int? PublishedHomes, string? PublishedIn);

/// <summary>The sum of a set of deals as far as known.</summary>
/// <remarks>
/// <para>Known: Sum of the known totals (exact, rounded and minimum alike).</para>
/// </remarks>
public sealed record DealSum(int Deals, int Known, ImmutableArray<Deal> Counted, ImmutableArray<Deal> Unknown, ImmutableArray<Deal> Rounded, ImmutableArray<Deal> Minimum)
{
    public int KnownCount => Counted.Length;

    public int ExactCount => Counted.Length - Rounded.Length - Minimum.Length;

    public bool Complete => Unknown.IsEmpty;
}

/// <summary>Whether the deals add up to the published figure.</summary>
public enum ReconciliationVerdict
{
    /// <summary>Every deal total is known and they add up to the published figure.</summary>
    Matches,

    /// <summary>Every deal total is known and they do not add up to the published figure.</summary>
    Differs,

    /// <summary>A deal total is missing (or there is no published figure): niet te beoordelen.</summary>
    NotAssessable,
}

/// <summary>The deals of the nation or of a province against a published figure.</summary>
/// <remarks>
/// <para>Gap: Published figure minus the known sum; null without a published figure.</para>
/// <para>Missing: Dutch: what is missing for a judgement (empty when nothing is).</para>
/// </remarks>
public sealed record ReconciliationLine(
    string Code,
    string Name,
    DealSum Sum,
    ImmutableArray<DealOverlap> Overlaps,
    PublishedFigure? Published,
    int? Gap,
    ReconciliationVerdict Verdict,
    ImmutableArray<string> Missing)
{
    /// <summary>Homes counted twice as far as published (the overlaps with a published municipal number).</summary>
    public int DoubleCountedPublished => Overlaps.Sum(o => o.PublishedHomes ?? 0);

    /// <summary>Overlaps whose homes in the deals are not published: their double count is unknown.</summary>
    public ImmutableArray<DealOverlap> DoubleCountUnknown => [.. Overlaps.Where(o => o.PublishedHomes is null)];
}

/// <summary>A province's reconciliation: its deals against its own published deal total and its agreement of 2022.</summary>
/// <remarks>
/// <para>Line: the deals wholly within the province, against the province's own published deal total.</para>
/// <para>CrossBorder: deals with parties in another province too: not in the line's sum (the province's part is not published), listed whole.</para>
/// </remarks>
public sealed record ProvinceReconciliation(ReconciliationLine Line, ProvinceFigures Figures, ImmutableArray<Deal> CrossBorder)
{
    /// <summary>The province's agreement of 13 October 2022 minus the known sum; null when that agreement is unknown.</summary>
    public int? GapToAgreement2022 => Figures.Agreement2022 is { } a ? a.Homes - Line.Sum.Known : null;

    /// <summary>The known sum with the cross-border deals counted whole: an upper reading, never the province's task.</summary>
    public int WithCrossBorderWhole => Line.Sum.Known + CrossBorder.Sum(d => d.Total.Homes ?? 0);
}

/// <summary>The national and provincial reconciliation of the deals.</summary>
public sealed record DealReconciliation(ReconciliationLine Nation, ImmutableArray<ProvinceReconciliation> Provinces);

/// <summary>Sums deals as far as known and reconciles them with published figures (pure; never invents a missing total).</summary>
public static class Reconciliation
{
    public static DealSum Sum(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var all = deals.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        var counted = all.Where(d => d.Total.IsKnown).ToImmutableArray();
        return new DealSum(
            all.Length,
            counted.Sum(d => d.Total.Homes!.Value),
            counted,
            [.. all.Where(d => !d.Total.IsKnown)],
            [.. counted.Where(d => d.Total.Precision == DealTotalPrecision.Rounded)],
            [.. counted.Where(d => d.Total.Precision == DealTotalPrecision.Minimum)]);
    }

    /// <summary>Municipalities party to more than one of the given deals, ordered by code.</summary>
    public static ImmutableArray<DealOverlap> Overlaps(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var list = deals.ToList();
        return [.. list
            .SelectMany(d => d.Parties.Select(p => (Deal: d, Party: p)))
            .GroupBy(x => x.Party.Municipality)
            .Where(g => g.Select(x => x.Deal.Id).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var published = g.SelectMany(x => x.Deal.Numbers.Where(n => n.Municipality == g.Key).Select(n => (x.Deal.Id, n.Homes))).ToList();
                return new DealOverlap(
                    g.Key,
                    g.First().Party.Name,
                    [.. g.Select(x => x.Deal.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    g.Select(x => x.Party.Certainty).Max(),
                    published.Count == 1 ? published[0].Homes : null,
                    published.Count == 1 ? published[0].Id : null);
            })];
    }

    /// <summary>
    /// The nation (all deals against <paramref name="national"/>) and each province (the deals it or one of its
    /// municipalities is party to, against the province's own published deal total). A line is <see cref="ReconciliationVerdict.NotAssessable"/>
    /// while a deal total is unknown, whatever the known sum: a partial sum is never the task.
    /// </summary>
    public static DealReconciliation Reconcile(IReadOnlyList<Deal> deals, PublishedFigure national, IEnumerable<ProvinceFigures> provinces)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(provinces);
        var nation = Line("NL", "Nederland", deals, national, []);
        var lines = provinces.OrderBy(p => p.Code.Value, StringComparer.Ordinal).Select(p =>
        {
            var touching = deals.Where(d => d.Provinces.Contains(p.Name, StringComparer.Ordinal) || d.Parties.Any(x => x.Province == p.Code)).ToList();
            var cross = touching.Where(d => d.CrossesBorder).ToImmutableArray();
            string[] partMissing = cross.IsEmpty ? [] : [$"het deel van de provincie in {(cross.Length == 1 ? "de woondeal" : "de woondeals")} over de grens is niet gepubliceerd: {string.Join(", ", cross.Select(d => $"{d.Name} ({d.Id})"))}"];
            var line = Line(p.Code.Value, p.Name, [.. touching.Where(d => !d.CrossesBorder)], p.PublishedDeals, partMissing);
            var inProvince = touching.SelectMany(d => d.Parties).Where(x => x.Province == p.Code).Select(x => x.Municipality).ToHashSet();
            return new ProvinceReconciliation(line with { Overlaps = [.. Overlaps(touching).Where(o => inProvince.Contains(o.Municipality))] }, p, cross);
        });
        return new DealReconciliation(nation, [.. lines]);
    }

    private static ReconciliationLine Line(string code, string name, IReadOnlyList<Deal> deals, PublishedFigure? published, string[] alsoMissing)
    {
        var sum = Sum(deals);
        var missing = ImmutableArray.CreateBuilder<string>();
        if (!sum.Complete)
        {
            missing.Add($"{Format.Count(sum.Unknown.Length)} {(sum.Unknown.Length == 1 ? "woondeal" : "woondeals")} zonder bekend totaal: {string.Join(", ", sum.Unknown.Select(d => $"{d.Name} ({d.Id})"))}");
        }

        missing.AddRange(alsoMissing);
        if (published is null)
        {
            missing.Add("geen gepubliceerd totaal om mee te vergelijken");
        }

        var verdict = missing.Count > 0 ? ReconciliationVerdict.NotAssessable
            : sum.Known == published!.Homes ? ReconciliationVerdict.Matches
            : ReconciliationVerdict.Differs;
        return new ReconciliationLine(code, name, sum, Overlaps(deals), published, published is null ? null : published.Homes - sum.Known, verdict, missing.ToImmutable());
    }
}
