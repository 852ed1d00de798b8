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
