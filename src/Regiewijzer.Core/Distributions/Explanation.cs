using System.Collections.Immutable;
using System.Globalization;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>A named input or intermediate value shown in an explanation step.</summary>
public sealed record ExplanationValue(string Name, string Value);

/// <summary>One step of "Hoe komt dit getal tot stand?": what was computed, with which values, by which rule, from which source.</summary>
public sealed record ExplanationStep(int Number, string Title, string Text, ImmutableArray<ExplanationValue> Values, string Rule, string Source)
{
    /// <summary>The step as one line of Dutch text (used in the scenario output).</summary>
    /// <remarks>One string of the exact length, copied once (not an interpolation buffer that grows for the long texts).</remarks>
    public override string ToString() => string.Concat(
        [(uint)Number < (uint)Digits.Length ? Digits[Number] : Number.ToString(CultureInfo.CurrentCulture), ". ", Title, ": ", Text, " (regel: ", Rule, "; bron: ", Source, ")"]);

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
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
        var i = m.Input;
        // The comparison with the region-only distribution is the ninth step of a region placed per province part.
        var regionOnly = region.PlacedPerPart ? region.RegionOnly : null;
        var steps = ImmutableArray.CreateBuilder<ExplanationStep>(regionOnly is null ? 8 : 9);
        var t = TextsOf(region);

        // Each number is formatted once, for the sentence and for the values.
        var stock = Format.Count(i.Stock);
        var socialStock = Format.Count(i.SocialStock);
        var share = Format.Percent(m.StockShare);
        steps.Add(new(1, "Aandeel corporatiewoningen",
            $"{m.Name} heeft {stock} woningen, waarvan {socialStock} corporatiewoningen: een aandeel van {share}.",
            [new("T (voorraad)", stock), new("S (corporatiewoningen)", socialStock), new("s", share)],
            "s = S / T",
            t.StockSource));

        var lagging = m.Lagging.Dutch();
        var comparison = m.Lagging == LaggingSegment.Social
            ? $"{share} ligt onder de drempel van {t.ThresholdPercent}"
            : $"{share} ligt op of boven de drempel van {t.ThresholdPercent}";
        steps.Add(new(2, "Achterblijvend segment",
            $"{comparison}, dus het achterblijvende segment is {lagging}.",
            [new("drempel", t.ThresholdShare), new("achterblijvend", lagging)],
            "sociale huur als s < drempel, anders middensegment (precies op de drempel telt als middensegment)",
            t.ThresholdSource));

        var c = i.Contracted;
        var task = Format.Count(i.Task);
        var uncontracted = Format.Count(m.Uncontracted);
        var capacity = Format.Count(m.AffordableCapacity);
        steps.Add(new(3, "Ongecontracteerde opgave",
            $"Opgave {task}, waarvan al gecontracteerd {Format.Count(c.Social)} sociaal, {Format.Count(c.Middle)} midden en {Format.Count(c.Free)} vrije sector. Nog te verdelen: U = {uncontracted}; ruimte voor betaalbaar: {capacity}.",
            [new("N", task), new("U", uncontracted), new("capA", capacity)],
            "U = N − gecontracteerd; capA = N − gecontracteerd vrije sector (gecontracteerde projecten hoeven niet te veranderen)",
            ContractedSource));

        steps.Add(FloorStep(m, t, uncontracted));

        if (region.PlacedPerPart)
        {
            steps.Add(PartSocialStep(region, m, t));
            steps.Add(PartMiddleStep(region, m, t, uncontracted));
        }
        else
        {
            steps.Add(SocialStep(region, m, t));
            steps.Add(MiddleStep(region, m, t, uncontracted));
        }

        var social = Format.Count(m.Social);
        var middle = Format.Count(m.Middle);
        var free = Format.Count(m.Free);
        steps.Add(new(7, "Doelen",
            $"Sociale huur {social} = ondergrens {Format.Count(m.FloorSocial)} + regionaal {Format.Count(m.RegionalSocial)}; middensegment {middle} = ondergrens {Format.Count(m.FloorMiddle)} + regionaal {Format.Count(m.RegionalMiddle)}; vrije sector {free} = opgave {task} − sociaal − midden. Betaalbaar samen: {Format.Count(m.Affordable)} ({(m.Task == 0 ? "-" : Format.Percent(new Fraction(m.Affordable, m.Task)))}).",
            [new("sociaal", social), new("midden", middle), new("vrij", free)],
            region.PlacedPerPart
                ? "sociaal = ondergrens + aandeel binnen het provinciale deel (pas 1 + pas 2) + aandeel in het restant van de regio; midden = ondergrens + aandeel binnen het deel + aandeel in het restant; vrij = N − sociaal − midden"
                : "sociaal = ondergrens + pas 1 + pas 2; midden = ondergrens + regionaal; vrij = N − sociaal − midden",
            Algorithm));

        var catchUp = Format.Count(m.CatchUpNeed);
        var projected = Format.Percent(m.ProjectedStockShare);
        steps.Add(new(8, "Indicatoren",
            $"Inhaalbehoefte: {catchUp} sociale huurwoningen zouden, zonder andere bouw, het aandeel op {t.ThresholdPercent} brengen. Als de doelen worden gebouwd en verder niets verandert, wordt het aandeel corporatiewoningen {projected} (nu {share}).",
            [new("inhaalbehoefte", catchUp), new("verwacht aandeel", projected)],
            "inhaalbehoefte = ⌈(drempel × T − S) / (1 − drempel)⌉, 0 als al bereikt; verwacht aandeel = (S + sociaal) / (T + N)",
            Algorithm));

        if (regionOnly is not null)
        {
            steps.Add(ComparisonStep(region, regionOnly, m));
        }

        return steps.DrainToImmutable();
    }

    private static ExplanationStep MiddleStep(RegionDistribution region, MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var exact = Format.Number(m.ExactRegionalMiddle);
        var rounded = Format.Count(m.RegionalMiddle);
        return new(6, "Regionaal aandeel middensegment",
            string.Concat(
                t.MiddleIntro,
                m.MiddleRoom == 0 && region.AffordableRemainder > 0
                    ? $"{m.Name} heeft daarvoor geen ruimte{(m.Exempted && m.Lagging == LaggingSegment.Middle ? " (ontheffing middensegment)" : string.Empty)} en krijgt er geen."
                    : $"Naar rato van U ({uncontracted}) en begrensd door de ruimte ({Format.Count(m.MiddleRoom)}) krijgt {m.Name} exact {exact}, afgerond {rounded}."),
            [new("DA", t.AffordableRemainder), new("exact", exact), new("afgerond", rounded)],
            "DA = max(0, RA − Σ(sociaal + ondergrens midden)); verdeeld naar rato van U binnen de ruimte; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.MiddleSource);
    }

    private static ExplanationStep FloorStep(MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var i = m.Input;
        var social = m.Lagging == LaggingSegment.Social;
        var contractedLagging = social ? i.Contracted.Social : i.Contracted.Middle;
        var statutory = social ? m.StatutoryFloorSocial : m.StatutoryFloorMiddle;
        var applied = Format.Share(m.AppliedFloorFraction);
        // The sentences that apply, joined once (not string += per sentence).
        var text = string.Concat(
            $"Ondergrens {m.Lagging.Dutch()} = gecontracteerd {Format.Count(contractedLagging)} + ⌈{applied} × {uncontracted}⌉ = {Format.Count(statutory)}.",
            m.Exempted
                ? $" Er is ontheffing verleend: de ondergrens is verlaagd van {(social ? t.SocialFloorShare : t.MiddleFloorShare)} naar {applied}, en {m.Name} krijgt geen regionaal aandeel in dit segment; de andere gemeenten vangen het verschil op."
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
            t.FloorSource(social, m.Exempted));
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
        var intro = t.SocialIntro;
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
            [new("RS", t.RequiredSocial), new("DS", t.SocialRemainder), new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS = ⌈aandeel sociale huur × Σ N⌉; DS = max(0, RS − Σ ondergrens sociaal); verdeling door gelijkmatig opvullen tot de ruimte van elke gemeente vol is, afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.SocialSource);
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

    private static ExplanationStep PartSocialStep(RegionDistribution region, MunicipalityDistribution m, Texts t)
    {
        var p = t.PartOf(m.Province);
        var part = p.Part;
        // The sentences that apply, written into one reused builder (not string += per sentence).
        var text = Builder();
        text.Append(p.SocialIntro);
        if (part.SocialRemainder == 0)
        {
            text.Append("In dit deel is niets meer te verdelen.");
        }
        else if (m.SocialRoom == 0)
        {
            if (m.Exempted && m.Lagging == LaggingSegment.Social)
            {
                text.Append(CultureInfo.InvariantCulture, $"{m.Name} heeft ontheffing voor sociale huur en krijgt geen aandeel.");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{m.Name} heeft geen ruimte meer en krijgt geen aandeel.");
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Name} (gewicht {Format.Number(m.SocialWeight)}, ruimte {Format.Count(m.SocialRoom)}) krijgt exact {Format.Number(m.ExactSocialPass1)}, afgerond {Format.Count(m.RegionalSocialPass1)}.");
            if (part.SocialRemainderAfterPass1 > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" De gemeenten met gewicht in dit deel waren vol; {Format.Count(part.SocialRemainderAfterPass1)} woningen gaan in een tweede ronde naar rato van U naar wie in dit deel nog ruimte heeft: {m.Name} krijgt daarvan {Format.Count(m.RegionalSocialPass2)}.");
            }
        }

        if (part.SocialUnplaced > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Het deel kan {Format.Count(part.SocialUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_SOCIAL_SHORTFALL).");
        }

        if (region.SocialResidual == 0)
        {
            text.Append(t.NoSocialResidual);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" Daarna mist de regio als geheel nog {t.SocialResidual} van haar {t.RequiredSocial}; dat restant gaat op dezelfde manier over alle gemeenten van de regio met de ruimte die over is: {m.Name} krijgt daarvan exact {Format.Number(m.ExactResidualSocial)}, afgerond {Format.Count(m.ResidualSocial)}.");
        }

        return new(5, "Regionaal aandeel sociale huur (binnen het provinciale deel)",
            text.ToString(),
            [new("RS deel", p.RequiredSocial), new("DS deel", p.SocialRemainder), new("restant regio", t.SocialResidual), new("regionaal sociaal", Format.Count(m.RegionalSocial))],
            "RS_p = ⌈aandeel sociale huur × Σ N van het deel⌉; DS_p = max(0, RS_p − Σ ondergrens sociaal van het deel), verdeeld door gelijkmatig opvullen alleen binnen het deel; daarna het restant max(0, RS − Σ sociaal) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.PartSocialSource);
    }

    private static ExplanationStep PartMiddleStep(RegionDistribution region, MunicipalityDistribution m, Texts t, string uncontracted)
    {
        var p = t.PartOf(m.Province);
        var part = p.Part;
        var partShare = m.RegionalMiddle - m.ResidualMiddle;
        var text = Builder();
        text.Append(p.MiddleIntro);
        if (m.MiddleRoom == 0 && part.AffordableRemainder > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Name} heeft daarvoor geen ruimte{(m.Exempted && m.Lagging == LaggingSegment.Middle ? " (ontheffing middensegment)" : string.Empty)} en krijgt er geen.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Naar rato van U ({uncontracted}), alleen over de gemeenten in dit deel en begrensd door de ruimte ({Format.Count(m.MiddleRoom)}), krijgt {m.Name} exact {Format.Number(m.ExactRegionalMiddle)}, afgerond {Format.Count(partShare)}.");
        }

        if (part.AffordableUnplaced > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Het deel kan {Format.Count(part.AffordableUnplaced)} woningen niet plaatsen: alle gemeenten daar zijn vol (PROVINCE_PART_AFFORDABLE_SHORTFALL).");
        }

        if (region.AffordableResidual == 0)
        {
            text.Append(" Er is geen restant voor de hele regio.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" Daarna mist de regio als geheel nog {t.AffordableResidual} betaalbare woningen; dat restant gaat naar rato van U over alle gemeenten met ruimte: {m.Name} krijgt daarvan exact {Format.Number(m.ExactResidualMiddle)}, afgerond {Format.Count(m.ResidualMiddle)}.");
        }

        return new(6, "Regionaal aandeel middensegment (binnen het provinciale deel)",
            text.ToString(),
            [new("DA deel", p.AffordableRemainder), new("restant regio", t.AffordableResidual), new("regionaal midden", Format.Count(m.RegionalMiddle))],
            "DA_p = max(0, RA_p − Σ(sociaal + ondergrens midden) van het deel), verdeeld naar rato van U binnen het deel; daarna het restant max(0, RA − Σ(sociaal + midden)) over de hele regio; afronding met de grootste-restmethode (bij gelijke rest eerst de laagste CBS-code)",
            t.PartMiddleSource);
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

    private const string ContractedSource = Input + "; wet: gecontracteerde projecten blijven ongemoeid";

    [ThreadStatic]
    private static Texts? t_lastTexts;

    [ThreadStatic]
    private static System.Text.StringBuilder? t_builder;

    /// <summary>A cleared builder reused on this thread for one step's text at a time (the caller takes its ToString before the next).</summary>
    private static System.Text.StringBuilder Builder()
    {
        var builder = t_builder ??= new System.Text.StringBuilder(1024);
        return builder.Clear();
    }

    /// <summary>
    /// The texts that are the same for every municipality of <paramref name="region"/>, made once per region: the explanations
    /// of a region's municipalities are usually asked one after the other, so the last region's texts are kept per thread
    /// (keyed by reference: a result is immutable, so the same object always gives the same texts).
    /// </summary>
    private static Texts TextsOf(RegionDistribution region)
    {
        var texts = t_lastTexts;
        if (texts is null || !ReferenceEquals(texts.Region, region))
        {
            texts = new Texts(region);
            t_lastTexts = texts;
        }

        return texts;
    }

    /// <summary>The region- and norm-level fragments of the explanation, each formatted exactly as the steps wrote them inline before.</summary>
    private sealed class Texts(RegionDistribution region)
    {
        private readonly NormSet _norms = region.Norms;
        private string? _thresholdPercent;
        private string? _thresholdShare;
        private string? _thresholdSource;
        private string? _stockSource;
        private string? _socialIntro;
        private string? _socialSource;
        private string? _middleIntro;
        private string? _middleSource;
        private string? _requiredSocial;
        private string? _socialRemainder;
        private string? _affordableRemainder;
        private string? _socialResidual;
        private string? _affordableResidual;
        private string? _noSocialResidual;
        private string? _partSocialSource;
        private string? _partMiddleSource;
        private string? _socialFloorShare;
        private string? _middleFloorShare;
        private readonly string?[] _floorSources = new string?[4];
        private PartTexts[]? _parts;

        public RegionDistribution Region { get; } = region;

        public string ThresholdPercent => _thresholdPercent ??= _norms.LaggingThreshold.Percent;

        public string ThresholdShare => _thresholdShare ??= Format.Share(_norms.LaggingThreshold.Value);

        public string ThresholdSource => _thresholdSource ??=
            $"{_norms.LaggingThreshold.Source} [{_norms.LaggingThreshold.Confidence.Dutch()}]; {_norms.LaggingThreshold.Note}";

        public string StockSource => _stockSource ??= $"{Input}; maatstaf: {_norms.StockMetric}";

        public string RequiredSocial => _requiredSocial ??= Format.Count(Region.RequiredSocial);

        public string SocialRemainder => _socialRemainder ??= Format.Count(Region.SocialRemainder);

        public string AffordableRemainder => _affordableRemainder ??= Format.Count(Region.AffordableRemainder);

        public string SocialResidual => _socialResidual ??= Format.Count(Region.SocialResidual);

        public string AffordableResidual => _affordableResidual ??= Format.Count(Region.AffordableResidual);

        public string SocialFloorShare => _socialFloorShare ??= Format.Share(_norms.SocialFloor.Value);

        public string MiddleFloorShare => _middleFloorShare ??= Format.Share(_norms.MiddleFloor.Value);

        public string SocialIntro => _socialIntro ??=
            $"De regio moet {RequiredSocial} sociale huurwoningen bouwen ({Format.Share(_norms.SocialShare.Value)} van {Format.Count(Region.Task)}). De ondergrenzen samen zijn {Format.Count(Region.SumFloorSocial)}, dus er zijn nog {SocialRemainder} te verdelen, {KeyText(Region.Key)}. ";

        public string SocialSource => _socialSource ??=
            $"{_norms.SocialShare.Source} [{_norms.SocialShare.Confidence.Dutch()}]; verdeelsleutel door de regio gekozen; {Algorithm}";

        public string MiddleIntro => _middleIntro ??=
            $"Na de sociale huur heeft de regio nog {AffordableRemainder} betaalbare woningen nodig om {Format.Count(Region.RequiredAffordable)} ({Format.Share(_norms.AffordableShare.Value)} van {Format.Count(Region.Task)}) te halen. ";

        public string MiddleSource => _middleSource ??=
            $"{_norms.AffordableShare.Source} [{_norms.AffordableShare.Confidence.Dutch()}]; {Algorithm}";

        public string NoSocialResidual => _noSocialResidual ??=
            $" Omdat elk provinciaal deel zijn eigen norm haalt, haalt ook de regio haar {RequiredSocial}; er is geen restant voor de hele regio.";

        public string PartSocialSource => _partSocialSource ??=
            $"{_norms.SocialShare.Source} [{_norms.SocialShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; verdeelsleutel door de regio gekozen; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)";

        public string PartMiddleSource => _partMiddleSource ??=
            $"{_norms.AffordableShare.Source} [{_norms.AffordableShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)";

        public string FloorSource(bool social, bool exempted)
        {
            var k = (social ? 2 : 0) + (exempted ? 1 : 0);
            if (_floorSources[k] is { } cached)
            {
                return cached;
            }

            var norm = social ? _norms.SocialFloor : _norms.MiddleFloor;
            return _floorSources[k] = $"{norm.Source} [{norm.Confidence.Dutch()}]" + (exempted ? "; ontheffing verleend door provincie" : string.Empty);
        }

        public PartTexts PartOf(Geography.ProvinceCode? province)
        {
            var parts = _parts ??= new PartTexts[Region.Parts.Length];
            for (var k = 0; k < parts.Length; k++)
            {
                if (Region.Parts[k].Province == province)
                {
                    return parts[k] ??= new PartTexts(this, Region.Parts[k]);
                }
            }

            throw new InvalidOperationException($"Region {Region.Name} has no part for {province}.");
        }

        /// <summary>The fragments of one province part.</summary>
        public sealed class PartTexts(Texts region, RegionPart part)
        {
            private string? _socialIntro;
            private string? _middleIntro;
            private string? _requiredSocial;
            private string? _socialRemainder;
            private string? _affordableRemainder;

            public RegionPart Part { get; } = part;

            public string RequiredSocial => _requiredSocial ??= Format.Count(Part.RequiredSocial);

            public string SocialRemainder => _socialRemainder ??= Format.Count(Part.SocialRemainder);

            public string AffordableRemainder => _affordableRemainder ??= Format.Count(Part.AffordableRemainder);

            public string SocialIntro => _socialIntro ??=
                $"De regio ligt in {region.Region.Parts.Length} provincies, en de norm van {Format.Share(region._norms.SocialShare.Value)} sociale huur geldt ook per provincie. Daarom wordt eerst {PartName(region.Region, Part)} ({Part.MunicipalityCount} gemeente(n), opgave {Format.Count(Part.Task)}) op de norm gebracht: dat deel moet {RequiredSocial} sociale huurwoningen bouwen. De ondergrenzen daar zijn samen {Format.Count(Part.SumFloorSocial)}, dus er zijn {SocialRemainder} te verdelen, alleen over de gemeenten in dit deel, {KeyText(region.Region.Key)}. ";

            public string MiddleIntro => _middleIntro ??=
                $"Na de sociale huur heeft {PartName(region.Region, Part)} nog {AffordableRemainder} betaalbare woningen nodig om zijn eigen {Format.Count(Part.RequiredAffordable)} ({Format.Share(region._norms.AffordableShare.Value)} van {Format.Count(Part.Task)}) te halen. ";
        }
    }
}
