using System.ComponentModel;
using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Web.Api;

// Representations shared by several resources. Field names follow the scenario format and docs/glossary.md;
// the descriptions are the Dutch documentation in the OpenAPI document.

[Description("Sociale huur en betaalbaar (sociale huur + middensegment), in woningen.")]
internal sealed record SocialAffordable(
    [property: Description("Sociale huurwoningen.")] int Social,
    [property: Description("Betaalbare woningen: sociale huur + middensegment.")] int Affordable);

[Description("Opgave en doelen tegen de wettelijke normen: vereist = ⌈aandeel × opgave⌉ (2/3 betaalbaar, 3/10 sociale huur).")]
internal sealed record Totals(
    [property: Description("Woningbouwopgave: nieuwe woningen in de periode.")] int Task,
    [property: Description("Vereist volgens de normen (zie norms).")] SocialAffordable Required,
    [property: Description("Doel sociale huur.")] int Social,
    [property: Description("Doel middensegment (middenhuur + betaalbare koop).")] int Middle,
    [property: Description("Doel betaalbaar: sociaal + midden.")] int Affordable,
    [property: Description("Vrije sector: opgave − sociaal − midden.")] int Free,
    [property: Description("Tekort op de vereiste aantallen (0 als de norm gehaald wordt).")] SocialAffordable Shortfall,
    [property: Description("True als beide normen gehaald worden.")] bool MeetsNorms)
{
    public static Totals From(RegionDistribution r) =>
        new(r.Task, new(r.RequiredSocial, r.RequiredAffordable), r.Social, r.Middle, r.Affordable, r.Free, new(r.SocialShortfall, r.AffordableShortfall), r.MeetsNorms);

    public static Totals From(AggregateCheck a) =>
        new(a.Task, new(a.RequiredSocial, a.RequiredAffordable), a.Social, a.Middle, a.Affordable, a.Free, new(a.SocialShortfall, a.AffordableShortfall), a.MeetsNorms);
}

[Description("Een normparameter zoals gebruikt: exacte waarde, bron en zekerheid.")]
internal sealed record NormValue(
    [property: Description("Sleutel, zoals in het scenarioformaat: affordableShare, socialShare, laggingThreshold, socialFloor, middleFloor, highSocialSignal.")] string Key,
    [property: Description("Omschrijving.")] string Label,
    [property: Description("Exacte waarde als breuk, bijvoorbeeld 2/3.")] string Value,
    [property: Description("Bron van de waarde.")] string Source,
    [property: Description("verified (geverifieerd), secondary (secundaire bron) of assumption (aanname).")] string Confidence,
    [property: Description("Toelichting, bijvoorbeeld hoe een grensgeval telt.")] string? Note)
{
    public static NormValue From(NormParameter p) => new(p.Key, p.Label, p.Value.ToString(), p.Source, ConfidenceCode(p.Confidence), p.Note);

    public static string ConfidenceCode(Core.Norms.Confidence confidence) => confidence switch
    {
        Core.Norms.Confidence.Verified => "verified",
        Core.Norms.Confidence.Secondary => "secondary",
        _ => "assumption",
    };
}

[Description("De normenset waarmee gerekend is.")]
internal sealed record NormsResource(
    [property: Description("Versie van de normenset, bijvoorbeeld wvrv-2026.")] string Id,
    [property: Description("Naam van de normenset.")] string Name,
    [property: Description("De gebruikte parameters.")] IReadOnlyList<NormValue> Parameters)
{
    public static NormsResource From(NormSet norms) => new(norms.Id, norms.Name, [.. norms.Parameters.Select(NormValue.From)]);

    /// <summary>Only the two shares that provinces and the nation are checked against.</summary>
    public static NormsResource Shares(NormSet norms) => new(norms.Id, norms.Name, [NormValue.From(norms.AffordableShare), NormValue.From(norms.SocialShare)]);
}

[Description("Een bevinding van de toets of een signaal, met regel en wettelijke grondslag.")]
internal sealed record FindingResource(
    [property: Description("Niveau: nation, province of region.")] string Level,
    [property: Description("Waar de bevinding over gaat: NL, een provinciecode (PV25) of een regio-id (WD19).")] string Scope,
    [property: Description("Naam van het land, de provincie of de regio.")] string ScopeName,
    [property: Description("Stabiele code, bijvoorbeeld REGION_SOCIAL_SHORTFALL of HIGH_SOCIAL_SHARE.")] string Code,
    [property: Description("error (norm niet gehaald), warning (let op) of signal (geen wettelijke bevinding).")] string Severity,
    [property: Description("CBS-code van de gemeente waar het om gaat, als het om één gemeente gaat.")] string? Municipality,
    [property: Description("Tekort in woningen, bij een tekort.")] int? Shortfall,
    [property: Description("Uitleg in het Nederlands, met de getallen.")] string Message,
    [property: Description("De toegepaste regel.")] string Rule,
    [property: Description("Wettelijke grondslag of bron.")] string LegalBasis,
    [property: Description("De resource waar de bevinding bij hoort.")] string Href)
{
    public static FindingResource Region(string id, string name, Finding f) => From("region", id, name, f, $"{ApiConventions.BasePath}/regios/{id}");

    public static FindingResource Aggregate(AggregateCheck a, Finding f) => a.Level == AggregateLevel.Nation
        ? From("nation", a.Code, a.Name, f, $"{ApiConventions.BasePath}/bevindingen")
        : From("province", a.Code, a.Name, f, $"{ApiConventions.BasePath}/provincies/{a.Code}");

    private static FindingResource From(string level, string scope, string scopeName, Finding f, string href) =>
        new(level, scope, scopeName, f.CodeText, f.Severity.ToCodeText(), f.Municipality?.Value, f.Shortfall, f.Message, f.Rule, f.LegalBasis, href);
}

[Description("Jaren, beide inclusief: 2022-2030 is negen jaar.")]
internal sealed record PeriodResource(int From, int To);

[Description("Doelen van een gemeente in de verdeling.")]
internal sealed record TargetsResource(
    [property: Description("Sociale huur.")] int Social,
    [property: Description("Middensegment.")] int Middle,
    [property: Description("Vrije sector.")] int Free)
{
    public static TargetsResource From(MunicipalityDistribution m) => new(m.Social, m.Middle, m.Free);
}

/// <summary>Number formats of the API: shares as JSON numbers with four decimals, as in the scenario output.</summary>
internal static class ApiNumbers
{
    public static decimal Share(Fraction share) => share.ToDecimal(4);

    public static string Segment(LaggingSegment segment) => segment.Code();
}
