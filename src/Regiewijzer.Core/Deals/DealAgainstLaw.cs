using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Deals;

/// <summary>One segment of a deal's own split next to what the law asks of the same total.</summary>
/// <remarks>
/// <para>Segment: "sociale huur" or "betaalbaar".</para>
/// <para>Agreed: What the deal agreed; null when its sources state no number for this segment.</para>
/// <para>Required: ⌈share × deal total⌉: the law's minimum for the same total.</para>
/// <para>Share: The law's share (norm set parameter), e.g. 3/10.</para>
/// </remarks>
public sealed record SegmentAgainstLaw(string Segment, int? Agreed, int Required, NormParameter Share)
{
    /// <summary>Homes more the deal must agree to meet the law; 0 when it does; null when the deal states no number.</summary>
    public int? Shortfall => Agreed is { } a ? Math.Max(0, Required - a) : null;

    public bool? Meets => Shortfall is { } s ? s == 0 : null;
}

/// <summary>A deal's own agreed split against the law's 2/3 affordable and 30% social rent of the same total.</summary>
/// <remarks>
/// <para>Social: Null when the deal has no known total.</para>
/// <para>Affordable: Null when the deal has no known total.</para>
/// <para>Notes: Dutch caveats (rounded or minimum total, parts that do not add up to the total).</para>
/// </remarks>
public sealed record DealLawComparison(Deal Deal, SegmentAgainstLaw? Social, SegmentAgainstLaw? Affordable, ImmutableArray<string> Notes)
{
    public bool HasSplit => Deal.Split is not null;

    /// <summary>Met when both segments are agreed and meet the law; false when one falls short; null when it cannot be judged.</summary>
    public bool? MeetsLaw =>
        Social?.Meets == false || Affordable?.Meets == false ? false
        : Social?.Meets == true && Affordable?.Meets == true ? true
        : null;

    /// <summary>Dutch sentences, one per segment: "Regio Rotterdam: 28.000 sociale huur afgesproken, de wet vraagt 30.000: 2.000 meer."</summary>
    public ImmutableArray<string> Sentences => [.. Lines()];

    private IEnumerable<string> Lines()
    {
        if (Deal.Total.Homes is not { } total)
        {
            yield return $"{Deal.Name}: het totaal van de woondeal is niet gevonden, dus is niet te berekenen wat de wet vraagt.";
            yield break;
        }

        if (Deal.Split is null)
        {
            yield return $"{Deal.Name}: geen eigen verdeling gepubliceerd; de wet vraagt van {Format.Count(total)} woningen ten minste {Format.Count(Social!.Required)} sociale huur en {Format.Count(Affordable!.Required)} betaalbaar.";
            yield break;
        }

        foreach (var s in new[] { Social!, Affordable! })
        {
            yield return s.Agreed is not { } agreed
                ? $"{Deal.Name}: geen aantal {s.Segment} afgesproken in de bron; de wet vraagt {Format.Count(s.Required)}: niet te beoordelen."
                : s.Shortfall > 0
                    ? $"{Deal.Name}: {Format.Count(agreed)} {s.Segment} afgesproken, de wet vraagt {Format.Count(s.Required)}: {Format.Count(s.Shortfall.Value)} meer."
                    : $"{Deal.Name}: {Format.Count(agreed)} {s.Segment} afgesproken, de wet vraagt {Format.Count(s.Required)}: voldoet ({Format.Count(agreed - s.Required)} meer dan nodig).";
        }
    }
}

/// <summary>Compares deals' own splits with the law (pure).</summary>
public static class DealAgainstLaw
{
    /// <summary>
    /// The law's minimums are ⌈affordableShare × total⌉ and ⌈socialShare × total⌉ of the deal's own total (whole homes,
    /// rounded up because the law asks "at least"). Social rent counts as affordable; the affordable part of the split is
    /// its stated affordable total, else social + middle rent + affordable purchase when all three are stated.
    /// </summary>
    public static DealLawComparison Compare(Deal deal, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(norms);
        if (deal.Total.Homes is not { } total)
        {
            return new DealLawComparison(deal, null, null, []);
        }

        var split = deal.Split;
        var social = new SegmentAgainstLaw("sociale huur", split?.SocialRent, norms.SocialShare.Value.CeilingOf(total), norms.SocialShare);
        var affordable = new SegmentAgainstLaw("betaalbaar", split?.AffordableTotal, norms.AffordableShare.Value.CeilingOf(total), norms.AffordableShare);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (deal.Total.Precision is DealTotalPrecision.Rounded)
        {
            notes.Add($"Het totaal van {Format.Count(total)} is afgerond in de bron{Quoted(deal.Total.Wording)}; de wet rekent met het werkelijke totaal.");
        }
        else if (deal.Total.Precision is DealTotalPrecision.Minimum)
        {
            notes.Add($"Het totaal van {Format.Count(total)} is een minimum; bij een hoger totaal vraagt de wet naar verhouding meer.");
        }

        if (split is { SocialRent: { } s, MiddleRent: { } m, AffordablePurchase: { } p, StatedAffordable: null } && s + m + p != total)
        {
            notes.Add($"Betaalbaar is hier de som van de afgesproken delen: {Format.Count(s)} sociale huur + {Format.Count(m)} middenhuur + {Format.Count(p)} betaalbare koop = {Format.Count(s + m + p)} van {Format.Count(total)}.");
        }

        return new DealLawComparison(deal, social, affordable, notes.ToImmutable());
    }

    /// <summary>The source's own Dutch words when the wording quotes them (" (\"ongeveer 100.000\")"), else nothing.</summary>
    private static string Quoted(string wording)
    {
        var open = wording.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : wording.IndexOf('"', open + 1);
        return close > open + 1 ? $" (\"{wording[(open + 1)..close]}\")" : string.Empty;
    }
}
