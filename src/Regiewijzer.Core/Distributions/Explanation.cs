using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>Builds the Dutch explanation trace of a municipality's numbers from the stored intermediate values.</summary>
public static partial class Explanation
{
    private const string Input = "invoer van de verdeling";
    private const string Algorithm = "Regiewijzer-verdeelmethode (Bronnen en aannames: /bronnen#verdeelmethode)";

    public static ImmutableArray<ExplanationStep> For(RegionDistribution region, MunicipalityDistribution m)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(m);
        var i = m.Input;
        // The comparison with the region-only distribution is the ninth step of a region placed per province part.
        var regionOnly = region.PlacedPerPart ? region.RegionOnly : null;
        var steps = new ExplanationStep[regionOnly is null ? 8 : 9];
        var t = TextsOf(region);

        // Each number is formatted once, for the sentence and for the values.
        var stock = Format.Count(i.Stock);
        var socialStock = Format.Count(i.SocialStock);
        var share = Format.Percent(m.StockShare);
        var line = new StepLine(1, "Aandeel corporatiewoningen");
        line.Text.Append(CultureInfo.InvariantCulture, $"{m.Name} heeft {stock} woningen, waarvan {socialStock} corporatiewoningen: een aandeel van {share}.");
        steps[0] = line.Close(
            [new("T (voorraad)", stock), new("S (corporatiewoningen)", socialStock), new("s", share)],
            "s = S / T",
            t.Norms.StockSource);

        var lagging = m.Lagging.Dutch();
        line = new StepLine(2, "Achterblijvend segment");
        line.Text.Append(share)
            .Append(m.Lagging == LaggingSegment.Social ? " ligt onder de drempel van " : " ligt op of boven de drempel van ")
            .Append(t.Norms.ThresholdPercent).Append(", dus het achterblijvende segment is ").Append(lagging).Append('.');
        steps[1] = line.Close(
            [t.Norms.Threshold, m.Lagging == LaggingSegment.Social ? LaggingSocial : LaggingMiddle],
            "sociale huur als s < drempel, anders middensegment (precies op de drempel telt als middensegment)",
            t.Norms.ThresholdSource);

        var c = i.Contracted;
        var task = Format.Count(i.Task);
        var uncontracted = Format.Count(m.Uncontracted);
        var capacity = Format.Count(m.AffordableCapacity);
        line = new StepLine(3, "Ongecontracteerde opgave");
        line.Text.Append(CultureInfo.InvariantCulture, $"Opgave {task}, waarvan al gecontracteerd {DutchNumber.Count(c.Social)} sociaal, {DutchNumber.Count(c.Middle)} midden en {DutchNumber.Count(c.Free)} vrije sector. Nog te verdelen: U = {uncontracted}; ruimte voor betaalbaar: {capacity}.");
        steps[2] = line.Close(
            [new("N", task), new("U", uncontracted), new("capA", capacity)],
            "U = N − gecontracteerd; capA = N − gecontracteerd vrije sector (gecontracteerde projecten hoeven niet te veranderen)",
            ContractedSource);

        steps[3] = FloorStep(m, t, uncontracted);
        (steps[4], steps[5]) = region.PlacedPerPart
            ? (PartSocialStep(region, m, t), PartMiddleStep(region, m, t, uncontracted))
            : (SocialStep(region, m, t), MiddleStep(region, m, t, uncontracted));

        var social = Format.Count(m.Social);
        var middle = Format.Count(m.Middle);
        var free = Format.Count(m.Free);
        line = new StepLine(7, "Doelen");
        line.Text.Append(CultureInfo.InvariantCulture, $"Sociale huur {social} = ondergrens {DutchNumber.Count(m.FloorSocial)} + regionaal {DutchNumber.Count(m.RegionalSocial)}; middensegment {middle} = ondergrens {DutchNumber.Count(m.FloorMiddle)} + regionaal {DutchNumber.Count(m.RegionalMiddle)}; vrije sector {free} = opgave {task} − sociaal − midden. Betaalbaar samen: {DutchNumber.Count(m.Affordable)} ({(m.Task == 0 ? "-" : Format.Percent(new Fraction(m.Affordable, m.Task)))}).");
        steps[6] = line.Close(
            [new("sociaal", social), new("midden", middle), new("vrij", free)],
            region.PlacedPerPart
                ? "sociaal = ondergrens + aandeel binnen het provinciale deel (pas 1 + pas 2) + aandeel in het restant van de regio; midden = ondergrens + aandeel binnen het deel + aandeel in het restant; vrij = N − sociaal − midden"
                : "sociaal = ondergrens + pas 1 + pas 2; midden = ondergrens + regionaal; vrij = N − sociaal − midden",
            Algorithm);

        var catchUp = Format.Count(m.CatchUpNeed);
        var projected = Format.Percent(m.ProjectedStockShare);
        line = new StepLine(8, "Indicatoren");
        line.Text.Append(CultureInfo.InvariantCulture, $"Inhaalbehoefte: {catchUp} sociale huurwoningen zouden, zonder andere bouw, het aandeel op {t.Norms.ThresholdPercent} brengen. Als de doelen worden gebouwd en verder niets verandert, wordt het aandeel corporatiewoningen {projected} (nu {share}).");
        steps[7] = line.Close(
            [new("inhaalbehoefte", catchUp), new("verwacht aandeel", projected)],
            "inhaalbehoefte = ⌈(drempel × T − S) / (1 − drempel)⌉, 0 als al bereikt; verwacht aandeel = (S + sociaal) / (T + N)",
            Algorithm);

        if (regionOnly is not null)
        {
            steps[8] = ComparisonStep(region, regionOnly, m);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(steps);
    }

    private static ExplanationStep MiddleStep(RegionDistribution region, MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var exact = Format.Number(m.ExactRegionalMiddle);
        var rounded = Format.Count(m.RegionalMiddle);
        var line = new StepLine(6, "Regionaal aandeel middensegment");
        var text = line.Text.Append(t.MiddleIntro);
        if (m.MiddleRoom == 0 && region.AffordableRemainder > 0)
        {
            AppendNoMiddleRoom(text, m);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Naar rato van U ({uncontracted}) en begrensd door de ruimte ({DutchNumber.Count(m.MiddleRoom)}) krijgt {m.Name} exact {exact}, afgerond {rounded}.");
        }

        return line.Close(
            [t.Amounts.AffordableRemainderValue, new("exact", exact), new("afgerond", rounded)],
            "DA = max(0, RA − Σ(sociaal + ondergrens midden)); verdeeld naar rato van U binnen de ruimte; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.Norms.MiddleSource);
    }

    private static void AppendNoMiddleRoom(StringBuilder text, MunicipalityDistribution m) =>
        text.Append(m.Name).Append(" heeft daarvoor geen ruimte")
            .Append(m.Exempted && m.Lagging == LaggingSegment.Middle ? " (ontheffing middensegment)" : string.Empty)
            .Append(" en krijgt er geen.");

    private static ExplanationStep FloorStep(MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var i = m.Input;
        var social = m.Lagging == LaggingSegment.Social;
        var contractedLagging = social ? i.Contracted.Social : i.Contracted.Middle;
        var statutory = social ? m.StatutoryFloorSocial : m.StatutoryFloorMiddle;
        var applied = Format.Share(m.AppliedFloorFraction);
        var floorSocial = Format.Count(m.FloorSocial);
        var floorMiddle = Format.Count(m.FloorMiddle);
        var line = new StepLine(4, "Ondergrens");
        var text = line.Text.Append(CultureInfo.InvariantCulture, $"Ondergrens {m.Lagging.Dutch()} = gecontracteerd {DutchNumber.Count(contractedLagging)} + ⌈{applied} × {uncontracted}⌉ = {DutchNumber.Count(statutory)}.");
        if (m.Exempted)
        {
            text.Append(CultureInfo.InvariantCulture, $" Er is ontheffing verleend: de ondergrens is verlaagd van {(social ? t.Norms.SocialFloorShare : t.Norms.MiddleFloorShare)} naar {applied}, en {m.Name} krijgt geen regionaal aandeel in dit segment; de andere gemeenten vangen het verschil op.");
        }

        if (m.IneffectiveExemption)
        {
            text.Append(" Er is ook een ontheffing opgegeven voor het segment dat niet achterblijft; die heeft geen enkel effect.");
        }

        text.Append(social ? " Het middensegment heeft geen wettelijke ondergrens hier: gecontracteerd " : " Sociale huur heeft geen wettelijke ondergrens hier: gecontracteerd ")
            .Append(CultureInfo.InvariantCulture, $"{DutchNumber.Count(social ? i.Contracted.Middle : i.Contracted.Social)}.");
        if (m.FloorSocial != m.StatutoryFloorSocial || m.FloorMiddle != m.StatutoryFloorMiddle)
        {
            text.Append(CultureInfo.InvariantCulture, $" Een vrijwillige toezegging verhoogt de ondergrenzen naar sociaal {floorSocial} en midden {floorMiddle}.");
        }

        return line.Close(
            [new("ondergrens sociaal", floorSocial), new("ondergrens midden", floorMiddle)],
            "ondergrens = gecontracteerd + ⌈f × U⌉ voor het achterblijvende segment (f = wettelijke fractie of de verlaagde fractie van een ontheffing); daarna max(ondergrens, toezegging)",
            t.Norms.FloorSource(social, m.Exempted));
    }

    private static string KeyText(DistributionKey key) => key switch
    {
        DistributionKey.Proportional => "naar rato van de ongecontracteerde opgave U van elke gemeente (sleutel proportioneel)",
        DistributionKey.LaggingFirst => "naar rato van U, alleen over gemeenten die achterblijven in sociale huur (sleutel achterblijvers eerst)",
        DistributionKey.GapWeighted => "naar rato van U × (drempel − s), alleen over gemeenten die achterblijven in sociale huur (sleutel naar achterstand)",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private static ExplanationStep SocialStep(RegionDistribution region, MunicipalityDistribution m, Texts t)
    {
        var line = new StepLine(5, "Regionaal aandeel sociale huur");
        var text = line.Text.Append(t.SocialIntro);
        if (region.SocialRemainder == 0)
        {
            text.Append("Er is niets meer te verdelen.");
        }
        else if (m.SocialRoom == 0)
        {
            text.Append(m.Name).Append(m.Exempted && m.Lagging == LaggingSegment.Social
                ? " heeft ontheffing voor sociale huur en krijgt geen regionaal aandeel."
                : " heeft geen ruimte meer en krijgt geen regionaal aandeel.");
        }
        else
        {
            AppendPass1(text, m);
            if (region.SocialRemainderAfterPass1 > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" De gemeenten met gewicht waren vol; {DutchNumber.Count(region.SocialRemainderAfterPass1)} woningen gaan in een tweede ronde naar rato van U naar wie nog ruimte heeft: {m.Name} krijgt daarvan {DutchNumber.Count(m.RegionalSocialPass2)}.");
            }
        }

        return line.Close(
            [t.Amounts.RequiredSocialValue, t.Amounts.SocialRemainderValue, new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS = ⌈aandeel sociale huur × Σ N⌉; DS = max(0, RS − Σ ondergrens sociaal); verdeling door gelijkmatig opvullen tot de ruimte van elke gemeente vol is, afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.Norms.SocialSource);
    }

    /// <summary>Pass 1 of the social remainder for a municipality with room, in the region or in its province part.</summary>
    private static void AppendPass1(StringBuilder text, MunicipalityDistribution m) =>
        text.Append(CultureInfo.InvariantCulture, $"{m.Name} (gewicht {DutchNumber.Number(m.SocialWeight)}, ruimte {DutchNumber.Count(m.SocialRoom)}) krijgt exact {DutchNumber.Number(m.ExactSocialPass1)}, afgerond {DutchNumber.Count(m.RegionalSocialPass1)}.");

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

    private static string PartName(RegionPart part) => $"het deel van de regio in provincie {part.Province.Name}";

    private static ExplanationStep PartSocialStep(RegionDistribution region, MunicipalityDistribution m, Texts t)
    {
        var p = t.PartOf(m.Province);
        var part = p.Part;
        var line = new StepLine(5, "Regionaal aandeel sociale huur (binnen het provinciale deel)");
        var text = line.Text.Append(p.SocialIntro);
        if (part.SocialRemainder == 0)
        {
            text.Append("In dit deel is niets meer te verdelen.");
        }
        else if (m.SocialRoom == 0)
        {
            text.Append(m.Name).Append(m.Exempted && m.Lagging == LaggingSegment.Social
                ? " heeft ontheffing voor sociale huur en krijgt geen aandeel."
                : " heeft geen ruimte meer en krijgt geen aandeel.");
        }
        else
        {
            AppendPass1(text, m);
            if (part.SocialRemainderAfterPass1 > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" De gemeenten met gewicht in dit deel waren vol; {DutchNumber.Count(part.SocialRemainderAfterPass1)} woningen gaan in een tweede ronde naar rato van U naar wie in dit deel nog ruimte heeft: {m.Name} krijgt daarvan {DutchNumber.Count(m.RegionalSocialPass2)}.");
            }
        }

        if (part.SocialUnplaced > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Het deel kan {DutchNumber.Count(part.SocialUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_SOCIAL_SHORTFALL).");
        }

        if (region.SocialResidual == 0)
        {
            text.Append(t.NoSocialResidual);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" Daarna mist de regio als geheel nog {t.SocialResidual} van haar {t.Amounts.RequiredSocial}; dat restant gaat op dezelfde manier over alle gemeenten van de regio met de ruimte die over is: {m.Name} krijgt daarvan exact {DutchNumber.Number(m.ExactResidualSocial)}, afgerond {DutchNumber.Count(m.ResidualSocial)}.");
        }

        return line.Close(
            [p.Amounts.RequiredSocialValue, p.Amounts.SocialRemainderValue, t.SocialResidualValue, new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS_p = ⌈aandeel sociale huur × Σ N van het deel⌉; DS_p = max(0, RS_p − Σ ondergrens sociaal van het deel), verdeeld door gelijkmatig opvullen alleen binnen het deel; daarna het restant max(0, RS − Σ sociaal) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.Norms.PartSocialSource);
    }

    private static ExplanationStep PartMiddleStep(RegionDistribution region, MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var p = t.PartOf(m.Province);
        var part = p.Part;
        var partShare = m.RegionalMiddle - m.ResidualMiddle;
        var line = new StepLine(6, "Regionaal aandeel middensegment (binnen het provinciale deel)");
        var text = line.Text.Append(p.MiddleIntro);
        if (m.MiddleRoom == 0 && part.AffordableRemainder > 0)
        {
            AppendNoMiddleRoom(text, m);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Naar rato van U ({uncontracted}), alleen over de gemeenten in dit deel en begrensd door de ruimte ({DutchNumber.Count(m.MiddleRoom)}), krijgt {m.Name} exact {DutchNumber.Number(m.ExactRegionalMiddle)}, afgerond {DutchNumber.Count(partShare)}.");
        }

        if (part.AffordableUnplaced > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Het deel kan {DutchNumber.Count(part.AffordableUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_AFFORDABLE_SHORTFALL).");
        }

        if (region.AffordableResidual == 0)
        {
            text.Append(" Er is geen restant voor de hele regio.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" Daarna mist de regio als geheel nog {t.AffordableResidual} betaalbare woningen; dat restant gaat naar rato van U over alle gemeenten met ruimte: {m.Name} krijgt daarvan exact {DutchNumber.Number(m.ExactResidualMiddle)}, afgerond {DutchNumber.Count(m.ResidualMiddle)}.");
        }

        return line.Close(
            [p.Amounts.AffordableRemainderValue, t.AffordableResidualValue, new("regionaal midden", Format.Count(m.RegionalMiddle))],
            "DA_p = max(0, RA_p − Σ(sociaal + ondergrens midden) van het deel), verdeeld naar rato van U binnen het deel; daarna het restant max(0, RA − Σ(sociaal + midden)) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.Norms.PartMiddleSource);
    }

    private static ExplanationStep ComparisonStep(RegionDistribution region, RegionDistribution regionOnly, MunicipalityDistribution m)
    {
        var before = MunicipalityIn(regionOnly, m);
        var part = PartOf(region, m);
        var partBefore = PartOf(regionOnly, part.Province);
        var name = PartName(part);
        string Delta(int now, int then) => now == then ? "gelijk" : now > then ? $"{Format.Count(now - then)} meer" : $"{Format.Count(then - now)} minder";
        var socialBefore = Format.Count(before.Social);
        var middleBefore = Format.Count(before.Middle);
        var social = Format.Count(m.Social);
        var middle = Format.Count(m.Middle);
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

        var line = new StepLine(9, "Vergelijking met verdeling alleen op regioniveau");
        var text = line.Text.Append(CultureInfo.InvariantCulture, $"Als alleen de regio als geheel de norm hoeft te halen (verdeling alleen op regioniveau), krijgt {m.Name} sociaal {socialBefore} en midden {middleBefore}; nu sociaal {social} ({Delta(m.Social, before.Social)}) en midden {middle} ({Delta(m.Middle, before.Middle)}). ");
        if (reasons.Count == 0)
        {
            text.Append(Capitalised(name)).Append(" haalde ook zonder provinciale toets zijn eigen norm; verschillen komen alleen uit de verdeling binnen het deel en de afronding.");
        }
        else
        {
            text.Append("Reden: ").AppendJoin("; ", reasons).Append('.');
        }

        return line.Close(
            [new("sociaal regio-alleen", socialBefore), new("midden regio-alleen", middleBefore), new("sociaal", social), new("midden", middle)],
            "vergelijking van de verdeling per provinciaal deel (standaard) met de verdeling alleen op regioniveau",
            "Wet versterking regie volkshuisvesting: de norm geldt landelijk, per provincie en per regio; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)");
    }

    /// <summary>One step's line while it is written: opened with its number and title, the text appended, closed with values, rule and source.</summary>
    private readonly struct StepLine(int number, string title)
    {
        /// <summary>The builder of the line; the caller appends the step's text.</summary>
        public StringBuilder Text { get; } = ExplanationStep.AppendOpening(Builder(), number, title);

        public ExplanationStep Close(ImmutableArray<ExplanationValue> values, string rule, string source) =>
            ExplanationStep.FromLine(Text, number, title, values, rule, source);
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

    private const string ContractedSource = Input + "; wet: gecontracteerde projecten blijven ongemoeid";

    private static readonly ExplanationValue LaggingSocial = new("achterblijvend", LaggingSegment.Social.Dutch());

    private static readonly ExplanationValue LaggingMiddle = new("achterblijvend", LaggingSegment.Middle.Dutch());
}
