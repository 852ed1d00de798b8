namespace Regiewijzer.Core.Deals;

/// <summary>The Dutch sentences of the reconciliation, shared by the web pages and the command line.</summary>
public static class DealText
{
    /// <summary>"sluit", "sluit niet: …" or "niet te beoordelen: …" (what is missing).</summary>
    public static string Verdict(ReconciliationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Verdict switch
        {
            ReconciliationVerdict.Matches => "sluit: de som is gelijk aan het gepubliceerde totaal",
            ReconciliationVerdict.Differs => $"sluit niet: verschil {Format.Count(line.Gap!.Value)} (gepubliceerd min som)",
            _ => "niet te beoordelen: " + string.Join("; ", line.Missing),
        };
    }

    /// <summary>The national reconciliation in a few sentences; never presents the known sum as the national task.</summary>
    public static IEnumerable<string> National(ReconciliationLine nation)
    {
        ArgumentNullException.ThrowIfNull(nation);
        var s = nation.Sum;
        yield return $"Som van de woondeals voor zover bekend: {Format.Count(s.Known)} woningen uit {Format.Count(s.KnownCount)} van de {Format.Count(s.Deals)} woondeals. Dit is niet de landelijke opgave: {Format.Count(s.Unknown.Length)} totalen ontbreken.";
        if (!s.Unknown.IsEmpty)
        {
            yield return $"Totaal onbekend ({Format.Count(s.Unknown.Length)}): {Names(s.Unknown)}.";
        }

        yield return $"Precisie van de bekende totalen: {Format.Count(s.ExactCount)} exact, {Format.Count(s.Rounded.Length)} afgerond, {Format.Count(s.Minimum.Length)} minimaal (minimaal: {Names(s.Minimum)}).";
        foreach (var o in Overlaps(nation))
        {
            yield return o;
        }

        if (nation.Published is { } p)
        {
            yield return $"Landelijk cijfer: {Format.Count(p.Homes)}{(p.Verified ? string.Empty : " (niet teruggevonden in een openbare bron)")}; verschil met de bekende som: {Format.Count(nation.Gap!.Value)}.";
        }

        yield return "Oordeel: " + Verdict(nation) + ".";
    }

    /// <summary>Sentences about the overlaps of a line: who is counted twice and how many homes as far as published.</summary>
    public static IEnumerable<string> Overlaps(ReconciliationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Overlaps.IsEmpty)
        {
            yield break;
        }

        yield return $"Dubbel geteld ({Format.Count(line.Overlaps.Length)} {(line.Overlaps.Length == 1 ? "gemeente" : "gemeenten")} in twee woondeals): " + string.Join("; ", line.Overlaps.Select(Overlap)) + ".";
        if (line.DoubleCountedPublished > 0)
        {
            yield return $"De som telt daardoor ten minste {Format.Count(line.DoubleCountedPublished)} woningen dubbel voor zover gepubliceerd{(line.DoubleCountUnknown.IsEmpty ? string.Empty : $"; voor {string.Join(", ", line.DoubleCountUnknown.Select(o => o.Name))} is het aantal niet gepubliceerd")}.";
        }
    }

    /// <summary>A province's reconciliation in sentences (cross-border deals, overlaps, verdict).</summary>
    public static IEnumerable<string> Province(ProvinceReconciliation province)
    {
        ArgumentNullException.ThrowIfNull(province);
        if (!province.CrossBorder.IsEmpty)
        {
            yield return $"Over de provinciegrens (niet in de som; het deel in deze provincie is niet gepubliceerd): {string.Join(", ", province.CrossBorder.Select(d => $"{d.Name} ({d.Id}, {(d.Total.Homes is { } t ? Format.Count(t) : "totaal onbekend")})"))}; met deze woondeals geheel meegeteld is de som {Format.Count(province.WithCrossBorderWhole)}.";
        }

        foreach (var o in Overlaps(province.Line))
        {
            yield return o;
        }

        yield return "Oordeel: " + Verdict(province.Line) + ".";
    }

    public static string Overlap(DealOverlap o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var homes = o.PublishedHomes is { } h ? $"{Format.Count(h)} woningen volgens {o.PublishedIn}, aandeel in de andere woondeal niet gepubliceerd" : "aantal niet gepubliceerd";
        return $"{o.Name} ({string.Join(" en ", o.DealIds)}{(o.Certainty == PartyCertainty.Derived ? ", afgeleid, niet bevestigd door een dealtekst" : string.Empty)}): {homes}";
    }

    private static string Names(IEnumerable<Deal> deals) => string.Join(", ", deals.Select(d => $"{d.Name} ({d.Id})"));
}
