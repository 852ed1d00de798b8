using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>Findings and signals of one region's distribution (domain.md §5 step 9 and §6).</summary>
internal static class RegionFindings
{
    private const string LawBasis = "Wet versterking regie volkshuisvesting; norm 2/3 betaalbaar en 30% sociale huur per regio";

    public static ImmutableArray<Finding> For(
        RegionDistribution result,
        RegionInput input,
        NormSet norms,
        Func<RegionInput, NormSet, RegionDistribution> compute)
    {
        var findings = new List<Finding>();
        if (result.SocialShortfall > 0)
        {
            findings.Add(new Finding(
                FindingCode.RegionSocialShortfall,
                Severity.Error,
                null,
                result.SocialShortfall,
                $"De regio komt {Format.Count(result.SocialShortfall)} sociale huurwoningen tekort: vereist {Format.Count(result.RequiredSocial)} ({norms.SocialShare.Value} van {Format.Count(result.Task)}), verdeeld {Format.Count(result.Social)}. De ondergrenzen en de ruimte van de gemeenten laten niet meer toe.",
                "RS = ⌈aandeel sociale huur × Σ opgave⌉; regio sociaal ≥ RS",
                LawBasis));
        }

        if (result.AffordableShortfall > 0)
        {
            findings.Add(new Finding(
                FindingCode.RegionAffordableShortfall,
                Severity.Error,
                null,
                result.AffordableShortfall,
                $"De regio komt {Format.Count(result.AffordableShortfall)} betaalbare woningen tekort: vereist {Format.Count(result.RequiredAffordable)} ({norms.AffordableShare.Value} van {Format.Count(result.Task)}), verdeeld {Format.Count(result.Affordable)}.",
                "RA = ⌈aandeel betaalbaar × Σ opgave⌉; regio betaalbaar ≥ RA",
                LawBasis));
        }

        AddPartShortfalls(findings, result, norms);
        AddExemptionNotAbsorbed(findings, result, input, norms, compute);

        var usedParameters = norms.Parameters;
        var lawParameters = NormSets.Law2026.Parameters;
        foreach (var key in NormSets.StatutoryShareKeys)
        {
            var used = ByKey(usedParameters, key);
            var law = ByKey(lawParameters, key);
            if (used.Value > law.Value)
            {
                findings.Add(new Finding(
                    FindingCode.ProvinceExtraRequirement,
                    Severity.Warning,
                    null,
                    null,
                    $"{used.Label}: {used.Value} is strenger dan de wet ({law.Value}). Provincies mogen geen eisen toevoegen; de verdeling is wel met de strengere waarde berekend.",
                    $"{key} ≤ {law.Value}",
                    "Wet versterking regie volkshuisvesting: provincies stellen geen aanvullende eisen"));
            }
        }

        var signal = norms.HighSocialSignal.Value;
        string? signalPercent = null, signalRule = null; // the same for every municipality: formatted once, when first needed
        foreach (var m in result.Municipalities)
        {
            if (m.Task > 0 && Fraction.CompareProducts(Fraction.One, m.Social, signal, m.Task) > 0) // social / task > signal
            {
                signalPercent ??= Format.Percent(signal, 0);
                signalRule ??= $"signaal als sociaal / opgave > {signal} (weergaveparameter, geen wettelijke norm)";
                findings.Add(new Finding(
                    FindingCode.HighSocialShare,
                    Severity.Signal,
                    m.Code,
                    null,
                    $"{m.Name} krijgt {Format.Count(m.Social)} sociale huurwoningen, {Format.Percent(new Fraction(m.Social, m.Task))} van zijn opgave van {Format.Count(m.Task)}: meer dan {signalPercent}. Hier kan de verdeling gaan schuren.",
                    signalRule,
                    "Geen wettelijke norm (signaal)"));
            }
        }

        // Mostly added in order already (the signals by code): then the stable sort would keep them as they are.
        return IsOrdered(findings)
            ? [.. findings]
            : [.. findings.OrderBy(f => f.Code).ThenBy(MunicipalityKey, StringComparer.Ordinal)];
    }

    private static string MunicipalityKey(Finding finding) => finding.Municipality?.Value ?? string.Empty;

    /// <summary>True when every finding's (code, municipality) is at least its predecessor's: the order the sort would give.</summary>
    private static bool IsOrdered(List<Finding> findings)
    {
        for (var k = 1; k < findings.Count; k++)
        {
            var (before, after) = (findings[k - 1], findings[k]);
            if (before.Code > after.Code
                || (before.Code == after.Code && string.CompareOrdinal(MunicipalityKey(before), MunicipalityKey(after)) > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static NormParameter ByKey(ImmutableArray<NormParameter> parameters, string key)
    {
        foreach (var p in parameters)
        {
            if (p.Key == key)
            {
                return p;
            }
        }

        throw new InvalidOperationException($"No norm parameter {key}.");
    }

    /// <summary>§5b: a province's part that cannot reach its own requirement within its municipalities' rooms.</summary>
    private static void AddPartShortfalls(List<Finding> findings, RegionDistribution result, NormSet norms)
    {
        if (!result.PlacedPerPart)
        {
            return;
        }

        const string basis = "Wet versterking regie volkshuisvesting; de norm geldt landelijk, per provincie en per regio tegelijk";
        foreach (var part in result.Parts)
        {
            if (part.SocialShortfall == 0 && part.AffordableShortfall == 0)
            {
                continue; // nothing to report; the texts below are built only for a part that falls short.
            }

            var members = result.Municipalities.Where(m => m.Province == part.Province).ToList();
            var exempted = members.Where(m => m.Exempted).Select(m => m.Name).ToList();
            var why = exempted.Count == 0
                ? "De gemeenten in dit deel hebben binnen hun ondergrenzen en hun ruimte (opgave min gecontracteerde vrije sector) geen plaats voor meer."
                : $"De gemeenten in dit deel hebben binnen hun ondergrenzen en hun ruimte geen plaats voor meer; ontheffing verleend aan {string.Join(", ", exempted)}.";
            var where = $"Het deel van de regio in provincie {part.Province.Name} ({part.Province.Value}, {members.Count} gemeente(n))";
            if (part.SocialShortfall > 0)
            {
                findings.Add(new Finding(
                    FindingCode.ProvincePartSocialShortfall,
                    Severity.Error,
                    null,
                    part.SocialShortfall,
                    $"{where} komt {Format.Count(part.SocialShortfall)} sociale huurwoningen tekort: vereist {Format.Count(part.RequiredSocial)} ({norms.SocialShare.Value} van {Format.Count(part.Task)}), verdeeld {Format.Count(part.Social)}. {why} Geen ondergrens of ruimte is overschreden om dit te verbergen.",
                    "RS_p = ⌈aandeel sociale huur × Σ opgave van het deel⌉; sociaal van het deel ≥ RS_p (/bronnen#verdeelmethode-grens)",
                    basis));
            }

            if (part.AffordableShortfall > 0)
            {
                findings.Add(new Finding(
                    FindingCode.ProvincePartAffordableShortfall,
                    Severity.Error,
                    null,
                    part.AffordableShortfall,
                    $"{where} komt {Format.Count(part.AffordableShortfall)} betaalbare woningen tekort: vereist {Format.Count(part.RequiredAffordable)} ({norms.AffordableShare.Value} van {Format.Count(part.Task)}), verdeeld {Format.Count(part.Affordable)}. {why} Geen ondergrens of ruimte is overschreden om dit te verbergen.",
                    "RA_p = ⌈aandeel betaalbaar × Σ opgave van het deel⌉; betaalbaar van het deel ≥ RA_p (/bronnen#verdeelmethode-grens)",
                    basis));
            }
        }
    }

    private static void AddExemptionNotAbsorbed(
        List<Finding> findings,
        RegionDistribution result,
        RegionInput input,
        NormSet norms,
        Func<RegionInput, NormSet, RegionDistribution> compute)
    {
        if (result.MeetsNorms)
        {
            return;
        }

        var exempted = result.Municipalities.Where(m => m.Exempted).ToList();
        if (exempted.Count == 0)
        {
            return;
        }

        var withoutExemptions = input with
        {
            Municipalities = [.. input.Municipalities.Select(m => m.Exemption is null ? m : m with { Exemption = null })],
        };
        if (Distribution.Validate(withoutExemptions, norms).Count > 0)
        {
            return; // Without the exemptions the floors would not fit; no comparison possible.
        }

        var baseline = compute(withoutExemptions, norms);
        var names = string.Join(", ", exempted.Select(m => m.Name));
        var concerned = exempted.Count == 1 ? exempted[0].Code : (Geography.MunicipalityCode?)null;
        var socialGap = result.SocialShortfall - baseline.SocialShortfall;
        var affordableGap = result.AffordableShortfall - baseline.AffordableShortfall;
        if (socialGap > 0)
        {
            findings.Add(new Finding(
                FindingCode.ExemptionNotAbsorbed,
                Severity.Warning,
                concerned,
                socialGap,
                $"Door de ontheffing(en) van {names} ontbreken {Format.Count(socialGap)} sociale huurwoningen die geen andere gemeente kan opvangen (zonder ontheffingen: tekort {Format.Count(baseline.SocialShortfall)}).",
                "tekort met ontheffingen − tekort zonder ontheffingen",
                "Wet versterking regie volkshuisvesting: ontheffing van de ondergrens"));
        }

        if (affordableGap > 0)
        {
            findings.Add(new Finding(
                FindingCode.ExemptionNotAbsorbed,
                Severity.Warning,
                concerned,
                affordableGap,
                $"Door de ontheffing(en) van {names} ontbreken {Format.Count(affordableGap)} betaalbare woningen die geen andere gemeente kan opvangen (zonder ontheffingen: tekort {Format.Count(baseline.AffordableShortfall)}).",
                "tekort met ontheffingen − tekort zonder ontheffingen",
                "Wet versterking regie volkshuisvesting: ontheffing van de ondergrens"));
        }
    }
}
