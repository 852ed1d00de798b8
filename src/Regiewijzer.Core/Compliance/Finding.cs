using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Compliance;

/// <summary>Stable finding codes (domain.md §6). The order here is the order findings are listed in.</summary>
public enum FindingCode
{
    RegionSocialShortfall,
    RegionAffordableShortfall,
    ProvincePartSocialShortfall,
    ProvincePartAffordableShortfall,
    ProvinceSocialShortfall,
    ProvinceAffordableShortfall,
    NationalSocialShortfall,
    NationalAffordableShortfall,
    ExemptionNotAbsorbed,
    ProvinceExtraRequirement,
    HighSocialShare,
    VhpBelowAgreement,
}

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>A statutory norm is not met.</summary>
    Error,

    /// <summary>Legally relevant, needs attention (e.g. a requirement above the law).</summary>
    Warning,

    /// <summary>Not a legal finding: a sign that a distribution may chafe.</summary>
    Signal,
}

/// <summary>
/// A finding of a check: stable code, severity, the municipality where one is concerned, the
/// shortfall in homes for shortfalls, and a Dutch message with the rule and legal basis.
/// </summary>
public sealed record Finding(
    FindingCode Code,
    Severity Severity,
    MunicipalityCode? Municipality,
    int? Shortfall,
    string Message,
    string Rule,
    string LegalBasis)
{
    /// <summary>The stable code text, e.g. "REGION_SOCIAL_SHORTFALL".</summary>
    public string CodeText => Code.ToCodeText();
}

/// <summary>Text forms of finding codes and severities.</summary>
public static class FindingText
{
    public static string ToCodeText(this FindingCode code) => code switch
    {
        FindingCode.RegionSocialShortfall => "REGION_SOCIAL_SHORTFALL",
        FindingCode.RegionAffordableShortfall => "REGION_AFFORDABLE_SHORTFALL",
        FindingCode.ProvincePartSocialShortfall => "PROVINCE_PART_SOCIAL_SHORTFALL",
        FindingCode.ProvincePartAffordableShortfall => "PROVINCE_PART_AFFORDABLE_SHORTFALL",
        FindingCode.ProvinceSocialShortfall => "PROVINCE_SOCIAL_SHORTFALL",
        FindingCode.ProvinceAffordableShortfall => "PROVINCE_AFFORDABLE_SHORTFALL",
        FindingCode.NationalSocialShortfall => "NATIONAL_SOCIAL_SHORTFALL",
        FindingCode.NationalAffordableShortfall => "NATIONAL_AFFORDABLE_SHORTFALL",
        FindingCode.ExemptionNotAbsorbed => "EXEMPTION_NOT_ABSORBED",
        FindingCode.ProvinceExtraRequirement => "PROVINCE_EXTRA_REQUIREMENT",
        FindingCode.HighSocialShare => "HIGH_SOCIAL_SHARE",
        FindingCode.VhpBelowAgreement => "VHP_BELOW_AGREEMENT",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The Dutch title of a code, as a person reads it beside (or instead of) the code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined code.</exception>
    public static string Title(this FindingCode code) => code switch
    {
        FindingCode.RegionSocialShortfall => "De regio haalt het aandeel sociale huur niet",
        FindingCode.RegionAffordableShortfall => "De regio haalt het aandeel betaalbaar niet",
        FindingCode.ProvincePartSocialShortfall => "Het deel van de regio in een provincie haalt het aandeel sociale huur niet",
        FindingCode.ProvincePartAffordableShortfall => "Het deel van de regio in een provincie haalt het aandeel betaalbaar niet",
        FindingCode.ProvinceSocialShortfall => "De provincie haalt het aandeel sociale huur niet",
        FindingCode.ProvinceAffordableShortfall => "De provincie haalt het aandeel betaalbaar niet",
        FindingCode.NationalSocialShortfall => "Nederland haalt het aandeel sociale huur niet",
        FindingCode.NationalAffordableShortfall => "Nederland haalt het aandeel betaalbaar niet",
        FindingCode.ExemptionNotAbsorbed => "Een ontheffing wordt niet opgevangen door de andere gemeenten",
        FindingCode.ProvinceExtraRequirement => "Een eis is strenger dan de wet",
        FindingCode.HighSocialShare => "Hoog aandeel sociale huur",
        FindingCode.VhpBelowAgreement => "Het volkshuisvestingsprogramma blijft onder de afspraak",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>What a code means, in one or two Dutch sentences (the finding's own message gives the numbers).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined code.</exception>
    public static string Explanation(this FindingCode code) => code switch
    {
        FindingCode.RegionSocialShortfall => "De wet vraagt 30% sociale huur per woningbouwregio; de verdeling komt daar niet aan zonder een ondergrens of grens te breken.",
        FindingCode.RegionAffordableShortfall => "De wet vraagt twee derde betaalbaar (sociale huur en middensegment) per woningbouwregio; de verdeling komt daar niet aan.",
        FindingCode.ProvincePartSocialShortfall => "Een regio over de provinciegrens: de gemeenten in één provincie halen samen geen 30% sociale huur.",
        FindingCode.ProvincePartAffordableShortfall => "Een regio over de provinciegrens: de gemeenten in één provincie halen samen geen twee derde betaalbaar.",
        FindingCode.ProvinceSocialShortfall => "De norm van 30% sociale huur geldt ook per provincie; de gemeenten van de provincie halen die samen niet.",
        FindingCode.ProvinceAffordableShortfall => "De norm van twee derde betaalbaar geldt ook per provincie; de gemeenten van de provincie halen die samen niet.",
        FindingCode.NationalSocialShortfall => "De norm van 30% sociale huur geldt ook voor heel Nederland; alle gemeenten samen halen die niet.",
        FindingCode.NationalAffordableShortfall => "De norm van twee derde betaalbaar geldt ook voor heel Nederland; alle gemeenten samen halen die niet.",
        FindingCode.ExemptionNotAbsorbed => "Wat een gemeente met een ontheffing minder bouwt, kunnen de andere gemeenten van de regio niet helemaal overnemen.",
        FindingCode.ProvinceExtraRequirement => "Een provincie mag geen eisen stellen boven de wettelijke norm; deze eis gaat daarboven.",
        FindingCode.HighSocialShare => "Geen tekort in de zin van de wet, wel een teken dat de verdeling knelt: een gemeente moet een groot deel van haar opgave als sociale huur bouwen.",
        FindingCode.VhpBelowAgreement => "De aantallen in het volkshuisvestingsprogramma van de gemeente zijn lager dan haar afgesproken doelen.",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>"error", "warning" or "signal".</summary>
    public static string ToCodeText(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Signal => "signal",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string Dutch(this Severity severity) => severity switch
    {
        Severity.Error => "tekort",
        Severity.Warning => "let op",
        Severity.Signal => "signaal",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
