using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>A named input or intermediate value shown in an explanation step.</summary>
public sealed record ExplanationValue(string Name, string Value);

/// <summary>One step of "Hoe komt dit getal tot stand?": what was computed, with which values, by which rule, from which source.</summary>
public sealed record ExplanationStep(int Number, string Title, string Text, ImmutableArray<ExplanationValue> Values, string Rule, string Source)
{
    /// <summary>The step as one line of Dutch text (used in the scenario output).</summary>
    public override string ToString() => $"{Number}. {Title}: {Text} (regel: {Rule}; bron: {Source})";
}

/// <summary>Builds the Dutch explanation trace of a municipality's numbers from the stored intermediate values.</summary>
public static class Explanation
{
    private const string Input = "invoer van de verdeling";
    private const string Algorithm = "Regiewijzer-verdeelmethode (Bronnen en aannames: /bronnen#verdeelmethode)";

    public static ImmutableArray<ExplanationStep> For(RegionDistribution region, MunicipalityDistribution m)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(m);
        var norms = region.Norms;
        var i = m.Input;
        // The comparison with the region-only distribution is the ninth step of a region placed per province part.
        var regionOnly = region.PlacedPerPart ? region.RegionOnly : null;
        var steps = ImmutableArray.CreateBuilder<ExplanationStep>(regionOnly is null ? 8 : 9);
        var threshold = norms.LaggingThreshold;

        steps.Add(new(1, "Aandeel corporatiewoningen",
            $"{m.Name} heeft {Format.Count(i.Stock)} woningen, waarvan {Format.Count(i.SocialStock)} corporatiewoningen: een aandeel van {Format.Percent(m.StockShare)}.",
            [new("T (voorraad)", Format.Count(i.Stock)), new("S (corporatiewoningen)", Format.Count(i.SocialStock)), new("s", Format.Percent(m.StockShare))],
            "s = S / T",
            $"{Input}; maatstaf: {norms.StockMetric}"));

        var comparison = m.Lagging == LaggingSegment.Social
            ? $"{Format.Percent(m.StockShare)} ligt onder de drempel van {threshold.Percent}"
            : $"{Format.Percent(m.StockShare)} ligt op of boven de drempel van {threshold.Percent}";
        steps.Add(new(2, "Achterblijvend segment",
            $"{comparison}, dus het achterblijvende segment is {m.Lagging.Dutch()}.",
            [new("drempel", Format.Share(threshold.Value)), new("achterblijvend", m.Lagging.Dutch())],
            "sociale huur als s < drempel, anders middensegment (precies op de drempel telt als middensegment)",
            $"{threshold.Source} [{threshold.Confidence.Dutch()}]; {threshold.Note}"));

        var c = i.Contracted;
        steps.Add(new(3, "Ongecontracteerde opgave",
            $"Opgave {Format.Count(i.Task)}, waarvan al gecontracteerd {Format.Count(c.Social)} sociaal, {Format.Count(c.Middle)} midden en {Format.Count(c.Free)} vrije sector. Nog te verdelen: U = {Format.Count(m.Uncontracted)}; ruimte voor betaalbaar: {Format.Count(m.AffordableCapacity)}.",
            [new("N", Format.Count(i.Task)), new("U", Format.Count(m.Uncontracted)), new("capA", Format.Count(m.AffordableCapacity))],
            "U = N − gecontracteerd; capA = N − gecontracteerd vrije sector (gecontracteerde projecten hoeven niet te veranderen)",
            $"{Input}; wet: gecontracteerde projecten blijven ongemoeid"));

        steps.Add(FloorStep(m, norms));

        if (region.PlacedPerPart)
        {
            steps.Add(PartSocialStep(region, m));
            steps.Add(PartMiddleStep(region, m));
        }
        else
        {
            steps.Add(SocialStep(region, m));
            steps.Add(MiddleStep(region, m));
        }

        steps.Add(new(7, "Doelen",
            $"Sociale huur {Format.Count(m.Social)} = ondergrens {Format.Count(m.FloorSocial)} + regionaal {Format.Count(m.RegionalSocial)}; middensegment {Format.Count(m.Middle)} = ondergrens {Format.Count(m.FloorMiddle)} + regionaal {Format.Count(m.RegionalMiddle)}; vrije sector {Format.Count(m.Free)} = opgave {Format.Count(m.Task)} − sociaal − midden. Betaalbaar samen: {Format.Count(m.Affordable)} ({(m.Task == 0 ? "-" : Format.Percent(new Fraction(m.Affordable, m.Task)))}).",
            [new("sociaal", Format.Count(m.Social)), new("midden", Format.Count(m.Middle)), new("vrij", Format.Count(m.Free))],
            region.PlacedPerPart
                ? "sociaal = ondergrens + aandeel binnen het provinciale deel (pas 1 + pas 2) + aandeel in het restant van de regio; midden = ondergrens + aandeel binnen het deel + aandeel in het restant; vrij = N − sociaal − midden"
                : "sociaal = ondergrens + pas 1 + pas 2; midden = ondergrens + regionaal; vrij = N − sociaal − midden",
            Algorithm));

        steps.Add(new(8, "Indicatoren",
            $"Inhaalbehoefte: {Format.Count(m.CatchUpNeed)} sociale huurwoningen zouden, zonder andere bouw, het aandeel op {threshold.Percent} brengen. Als de doelen worden gebouwd en verder niets verandert, wordt het aandeel corporatiewoningen {Format.Percent(m.ProjectedStockShare)} (nu {Format.Percent(m.StockShare)}).",
            [new("inhaalbehoefte", Format.Count(m.CatchUpNeed)), new("verwacht aandeel", Format.Percent(m.ProjectedStockShare))],
            "inhaalbehoefte = ⌈(drempel × T − S) / (1 − drempel)⌉, 0 als al bereikt; verwacht aandeel = (S + sociaal) / (T + N)",
            Algorithm));

        if (regionOnly is not null)
        {
            steps.Add(ComparisonStep(region, regionOnly, m));
        }

        return steps.DrainToImmutable();
    }

    private static ExplanationStep MiddleStep(RegionDistribution region, MunicipalityDistribution m)
    {
        var norms = region.Norms;
        return new(6, "Regionaal aandeel middensegment",
            $"Na de sociale huur heeft de regio nog {Format.Count(region.AffordableRemainder)} betaalbare woningen nodig om {Format.Count(region.RequiredAffordable)} ({Format.Share(norms.AffordableShare.Value)} van {Format.Count(region.Task)}) te halen. "
            + (m.MiddleRoom == 0 && region.AffordableRemainder > 0
                ? $"{m.Name} heeft daarvoor geen ruimte{(m.Exempted && m.Lagging == LaggingSegment.Middle ? " (ontheffing middensegment)" : string.Empty)} en krijgt er geen."
                : $"Naar rato van U ({Format.Count(m.Uncontracted)}) en begrensd door de ruimte ({Format.Count(m.MiddleRoom)}) krijgt {m.Name} exact {Format.Number(m.ExactRegionalMiddle)}, afgerond {Format.Count(m.RegionalMiddle)}."),
            [new("DA", Format.Count(region.AffordableRemainder)), new("exact", Format.Number(m.ExactRegionalMiddle)), new("afgerond", Format.Count(m.RegionalMiddle))],
            "DA = max(0, RA − Σ(sociaal + ondergrens midden)); verdeeld naar rato van U binnen de ruimte; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            $"{norms.AffordableShare.Source} [{norms.AffordableShare.Confidence.Dutch()}]; {Algorithm}");
    }

    private static ExplanationStep FloorStep(MunicipalityDistribution m, NormSet norms)
    {
        var i = m.Input;
        var social = m.Lagging == LaggingSegment.Social;
        var norm = social ? norms.SocialFloor : norms.MiddleFloor;
        var contractedLagging = social ? i.Contracted.Social : i.Contracted.Middle;
        var statutory = social ? m.StatutoryFloorSocial : m.StatutoryFloorMiddle;
        // The sentences that apply, joined once (not string += per sentence).
        var text = string.Concat(
            $"Ondergrens {m.Lagging.Dutch()} = gecontracteerd {Format.Count(contractedLagging)} + ⌈{Format.Share(m.AppliedFloorFraction)} × {Format.Count(m.Uncontracted)}⌉ = {Format.Count(statutory)}.",
            m.Exempted
                ? $" Er is ontheffing verleend: de ondergrens is verlaagd van {Format.Share(norm.Value)} naar {Format.Share(m.AppliedFloorFraction)}, en {m.Name} krijgt geen regionaal aandeel in dit segment; de andere gemeenten vangen het verschil op."
                : null,
            m.IneffectiveExemption ? " Er is ook een ontheffing opgegeven voor het segment dat niet achterblijft; die heeft geen enkel effect." : null,
            social
                ? $" Het middensegment heeft geen wettelijke ondergrens hier: gecontracteerd {Format.Count(i.Contracted.Middle)}."
                : $" Sociale huur heeft geen wettelijke ondergrens hier: gecontracteerd {Format.Count(i.Contracted.Social)}.",
            m.FloorSocial != m.StatutoryFloorSocial || m.FloorMiddle != m.StatutoryFloorMiddle
                ? $" Een vrijwillige toezegging verhoogt de ondergrenzen naar sociaal {Format.Count(m.FloorSocial)} en midden {Format.Count(m.FloorMiddle)}."
                : null);

        return new(4, "Ondergrens",
            text,
            [new("ondergrens sociaal", Format.Count(m.FloorSocial)), new("ondergrens midden", Format.Count(m.FloorMiddle))],
            "ondergrens = gecontracteerd + ⌈f × U⌉ voor het achterblijvende segment (f = wettelijke fractie of de verlaagde fractie van een ontheffing); daarna max(ondergrens, toezegging)",
            $"{norm.Source} [{norm.Confidence.Dutch()}]" + (m.Exempted ? "; ontheffing verleend door provincie" : string.Empty));
    }

    private static string KeyText(DistributionKey key) => key switch
    {
        DistributionKey.Proportional => "naar rato van de ongecontracteerde opgave U van elke gemeente (sleutel proportioneel)",
        DistributionKey.LaggingFirst => "naar rato van U, alleen over gemeenten die achterblijven in sociale huur (sleutel achterblijvers eerst)",
        DistributionKey.GapWeighted => "naar rato van U × (drempel − s), alleen over gemeenten die achterblijven in sociale huur (sleutel naar achterstand)",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private static ExplanationStep SocialStep(RegionDistribution region, MunicipalityDistribution m)
    {
        var norms = region.Norms;
        var keyText = KeyText(region.Key);
        var intro = $"De regio moet {Format.Count(region.RequiredSocial)} sociale huurwoningen bouwen ({Format.Share(norms.SocialShare.Value)} van {Format.Count(region.Task)}). De ondergrenzen samen zijn {Format.Count(region.SumFloorSocial)}, dus er zijn nog {Format.Count(region.SocialRemainder)} te verdelen, {keyText}. ";
        string text;
        if (region.SocialRemainder == 0)
        {
            text = intro + "Er is niets meer te verdelen.";
        }
        else if (m.SocialRoom == 0)
        {
            text = intro + (m.Exempted && m.Lagging == LaggingSegment.Social
                ? $"{m.Name} heeft ontheffing voor sociale huur en krijgt geen regionaal aandeel."
                : $"{m.Name} heeft geen ruimte meer en krijgt geen regionaal aandeel.");
        }
        else
        {
            text = string.Concat(
                intro,
                $"{m.Name} (gewicht {Format.Number(m.SocialWeight)}, ruimte {Format.Count(m.SocialRoom)}) krijgt exact {Format.Number(m.ExactSocialPass1)}, afgerond {Format.Count(m.RegionalSocialPass1)}.",
                region.SocialRemainderAfterPass1 > 0
                    ? $" De gemeenten met gewicht waren vol; {Format.Count(region.SocialRemainderAfterPass1)} woningen gaan in een tweede ronde naar rato van U naar wie nog ruimte heeft: {m.Name} krijgt daarvan {Format.Count(m.RegionalSocialPass2)}."
                    : null);
        }

        return new(5, "Regionaal aandeel sociale huur",
            text,
            [new("RS", Format.Count(region.RequiredSocial)), new("DS", Format.Count(region.SocialRemainder)), new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS = ⌈aandeel sociale huur × Σ N⌉; DS = max(0, RS − Σ ondergrens sociaal); verdeling door gelijkmatig opvullen tot de ruimte van elke gemeente vol is, afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            $"{norms.SocialShare.Source} [{norms.SocialShare.Confidence.Dutch()}]; verdeelsleutel door de regio gekozen; {Algorithm}");
    }

    private static RegionPart PartOf(RegionDistribution region, MunicipalityDistribution m) => PartOf(region, m.Province);

    private static RegionPart PartOf(RegionDistribution region, Geography.ProvinceCode? province)
    {
        foreach (var p in region.Parts)
        {
            if (p.Province == province)
            {
                return p;
            }
        }

        throw new InvalidOperationException($"Region {region.Name} has no part for {province}.");
    }

    private static string PartName(RegionDistribution region, RegionPart part) =>
        $"het deel van de regio in provincie {part.Province.Name}";

    private static ExplanationStep PartSocialStep(RegionDistribution region, MunicipalityDistribution m)
    {
        var norms = region.Norms;
        var part = PartOf(region, m);
        var name = PartName(region, part);
        var text = $"De regio ligt in {region.Parts.Length} provincies, en de norm van {Format.Share(norms.SocialShare.Value)} sociale huur geldt ook per provincie. Daarom wordt eerst {name} ({part.MunicipalityCount} gemeente(n), opgave {Format.Count(part.Task)}) op de norm gebracht: dat deel moet {Format.Count(part.RequiredSocial)} sociale huurwoningen bouwen. De ondergrenzen daar zijn samen {Format.Count(part.SumFloorSocial)}, dus er zijn {Format.Count(part.SocialRemainder)} te verdelen, alleen over de gemeenten in dit deel, {KeyText(region.Key)}. ";
        if (part.SocialRemainder == 0)
        {
            text += "In dit deel is niets meer te verdelen.";
        }
        else if (m.SocialRoom == 0)
        {
            text += m.Exempted && m.Lagging == LaggingSegment.Social
                ? $"{m.Name} heeft ontheffing voor sociale huur en krijgt geen aandeel."
                : $"{m.Name} heeft geen ruimte meer en krijgt geen aandeel.";
        }
        else
        {
            text += $"{m.Name} (gewicht {Format.Number(m.SocialWeight)}, ruimte {Format.Count(m.SocialRoom)}) krijgt exact {Format.Number(m.ExactSocialPass1)}, afgerond {Format.Count(m.RegionalSocialPass1)}.";
            if (part.SocialRemainderAfterPass1 > 0)
            {
                text += $" De gemeenten met gewicht in dit deel waren vol; {Format.Count(part.SocialRemainderAfterPass1)} woningen gaan in een tweede ronde naar rato van U naar wie in dit deel nog ruimte heeft: {m.Name} krijgt daarvan {Format.Count(m.RegionalSocialPass2)}.";
            }
        }

        if (part.SocialUnplaced > 0)
        {
            text += $" Het deel kan {Format.Count(part.SocialUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_SOCIAL_SHORTFALL).";
        }

        text += region.SocialResidual == 0
            ? $" Omdat elk provinciaal deel zijn eigen norm haalt, haalt ook de regio haar {Format.Count(region.RequiredSocial)}; er is geen restant voor de hele regio."
            : $" Daarna mist de regio als geheel nog {Format.Count(region.SocialResidual)} van haar {Format.Count(region.RequiredSocial)}; dat restant gaat op dezelfde manier over alle gemeenten van de regio met de ruimte die over is: {m.Name} krijgt daarvan exact {Format.Number(m.ExactResidualSocial)}, afgerond {Format.Count(m.ResidualSocial)}.";

        return new(5, "Regionaal aandeel sociale huur (binnen het provinciale deel)",
            text,
            [new("RS deel", Format.Count(part.RequiredSocial)), new("DS deel", Format.Count(part.SocialRemainder)), new("restant regio", Format.Count(region.SocialResidual)), new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS_p = ⌈aandeel sociale huur × Σ N van het deel⌉; DS_p = max(0, RS_p − Σ ondergrens sociaal van het deel), verdeeld door gelijkmatig opvullen alleen binnen het deel; daarna het restant max(0, RS − Σ sociaal) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            $"{norms.SocialShare.Source} [{norms.SocialShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; verdeelsleutel door de regio gekozen; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)");
    }

    private static ExplanationStep PartMiddleStep(RegionDistribution region, MunicipalityDistribution m)
    {
        var norms = region.Norms;
        var part = PartOf(region, m);
        var name = PartName(region, part);
        var partShare = m.RegionalMiddle - m.ResidualMiddle;
        var text = $"Na de sociale huur heeft {name} nog {Format.Count(part.AffordableRemainder)} betaalbare woningen nodig om zijn eigen {Format.Count(part.RequiredAffordable)} ({Format.Share(norms.AffordableShare.Value)} van {Format.Count(part.Task)}) te halen. ";
        text += m.MiddleRoom == 0 && part.AffordableRemainder > 0
            ? $"{m.Name} heeft daarvoor geen ruimte{(m.Exempted && m.Lagging == LaggingSegment.Middle ? " (ontheffing middensegment)" : string.Empty)} en krijgt er geen."
            : $"Naar rato van U ({Format.Count(m.Uncontracted)}), alleen over de gemeenten in dit deel en begrensd door de ruimte ({Format.Count(m.MiddleRoom)}), krijgt {m.Name} exact {Format.Number(m.ExactRegionalMiddle)}, afgerond {Format.Count(partShare)}.";
        if (part.AffordableUnplaced > 0)
        {
            text += $" Het deel kan {Format.Count(part.AffordableUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_AFFORDABLE_SHORTFALL).";
        }

        text += region.AffordableResidual == 0
            ? " Er is geen restant voor de hele regio."
            : $" Daarna mist de regio als geheel nog {Format.Count(region.AffordableResidual)} betaalbare woningen; dat restant gaat naar rato van U over alle gemeenten met ruimte: {m.Name} krijgt daarvan exact {Format.Number(m.ExactResidualMiddle)}, afgerond {Format.Count(m.ResidualMiddle)}.";

        return new(6, "Regionaal aandeel middensegment (binnen het provinciale deel)",
            text,
            [new("DA deel", Format.Count(part.AffordableRemainder)), new("restant regio", Format.Count(region.AffordableResidual)), new("regionaal midden", Format.Count(m.RegionalMiddle))],
            "DA_p = max(0, RA_p − Σ(sociaal + ondergrens midden) van het deel), verdeeld naar rato van U binnen het deel; daarna het restant max(0, RA − Σ(sociaal + midden)) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            $"{norms.AffordableShare.Source} [{norms.AffordableShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)");
    }

    private static ExplanationStep ComparisonStep(RegionDistribution region, RegionDistribution regionOnly, MunicipalityDistribution m)
    {
        var before = MunicipalityIn(regionOnly, m);
        var part = PartOf(region, m);
        var partBefore = PartOf(regionOnly, part.Province);
        var name = PartName(region, part);
        string Delta(int now, int then) => now == then ? "gelijk" : now > then ? $"{Format.Count(now - then)} meer" : $"{Format.Count(then - now)} minder";
        var text = $"Als alleen de regio als geheel de norm hoeft te halen (verdeling alleen op regioniveau), krijgt {m.Name} sociaal {Format.Count(before.Social)} en midden {Format.Count(before.Middle)}; nu sociaal {Format.Count(m.Social)} ({Delta(m.Social, before.Social)}) en midden {Format.Count(m.Middle)} ({Delta(m.Middle, before.Middle)}). ";
        var reasons = new List<string>();
        if (partBefore.SocialShortfall > 0)
        {
            reasons.Add($"zonder de provinciale toets kreeg {name} maar {Format.Count(partBefore.Social)} sociale huurwoningen, {Format.Count(partBefore.SocialShortfall)} minder dan de {Format.Count(part.RequiredSocial)} die dat deel zelf moet halen");
        }
        else if (partBefore.Social > part.RequiredSocial)
        {
            reasons.Add($"zonder de provinciale toets kreeg {name} {Format.Count(partBefore.Social)} sociale huurwoningen, {Format.Count(partBefore.Social - part.RequiredSocial)} meer dan de {Format.Count(part.RequiredSocial)} die dat deel zelf nodig heeft, zodat een ander provinciaal deel te weinig kreeg");
        }

        if (partBefore.AffordableShortfall > 0)
        {
            reasons.Add($"{name} kwam {Format.Count(partBefore.AffordableShortfall)} betaalbare woningen tekort op zijn eigen {Format.Count(part.RequiredAffordable)}");
        }

        text += reasons.Count == 0
            ? $"{Capitalised(name)} haalde ook zonder provinciale toets zijn eigen norm; verschillen komen alleen uit de verdeling binnen het deel en de afronding."
            : "Reden: " + string.Join("; ", reasons) + ".";
        return new(9, "Vergelijking met verdeling alleen op regioniveau",
            text,
            [new("sociaal regio-alleen", Format.Count(before.Social)), new("midden regio-alleen", Format.Count(before.Middle)), new("sociaal", Format.Count(m.Social)), new("midden", Format.Count(m.Middle))],
            "vergelijking van de verdeling per provinciaal deel (standaard) met de verdeling alleen op regioniveau",
            "Wet versterking regie volkshuisvesting: de norm geldt landelijk, per provincie en per regio; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)");
    }

    private static MunicipalityDistribution MunicipalityIn(RegionDistribution region, MunicipalityDistribution m)
    {
        foreach (var x in region.Municipalities)
        {
            if (x.Code == m.Code)
            {
                return x;
            }
        }

        throw new InvalidOperationException($"{m.Code} is not in region {region.Name}.");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
