using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regiewijzer.Web.Api;

// The scenario format (scenarioformaat, zie /api#scenario) and the problem format as schemas for the OpenAPI document only:
// ScenarioReader reads the input, ScenarioWriter writes the output and ProblemDetails the errors, so these types are
// never instantiated. Properties without [Required] may be left out. ApiOpenApiTests checks every field of real responses against them.
[Description("Een scenario: de verdeelvraag van één regio (scenarioformaat versie 1 of 2, zie /api#scenario). Onbekende velden zijn een fout.")]
internal sealed record ScenarioInputSchema
{
    [Required, Description("Versie van het formaat: 1, of 2 voor provincie per gemeente en levels.")]
    public int FormatVersion { get; init; }

    [Description("Versie 2: province-and-region (standaard; een regio over de provinciegrens wordt per provinciaal deel verdeeld) of region (alleen op regioniveau, ter vergelijking).")]
    public string? Levels { get; init; }

    [Description("Naam, bijvoorbeeld 'Regio Foodvalley 2022-2030'.")]
    public string? Name { get; init; }

    [Description("Periode in hele jaren, from <= to.")]
    public PeriodResource? Period { get; init; }

    [Description("Verdeelsleutel: proportional (standaard), lagging-first of gap-weighted.")]
    public string? Key { get; init; }

    [Description("Afwijkende normen; een ontbrekende norm krijgt de waarde van de wet.")]
    public ScenarioNormsSchema? Norms { get; init; }

    [Required, MinLength(1), Description("De gemeenten, minstens één; codes uniek.")]
    public IReadOnlyList<ScenarioMunicipalitySchema> Municipalities { get; init; } = [];
}

[Description("Normen als exacte aandelen: een breuk \"a/b\" of een decimaal getal als tekst (\"0.3\"), van 0 tot en met 1.")]
internal sealed record ScenarioNormsSchema
{
    [RegularExpression(ShareSchema.Pattern), Description("Aandeel betaalbaar (wet: 2/3).")]
    public string? AffordableShare { get; init; }

    [RegularExpression(ShareSchema.Pattern), Description("Aandeel sociale huur (wet: 3/10).")]
    public string? SocialShare { get; init; }

    [RegularExpression(ShareSchema.Pattern), Description("Drempel achterblijvend segment (wet: 3/10), kleiner dan 1.")]
    public string? LaggingThreshold { get; init; }

    [RegularExpression(ShareSchema.Pattern), Description("Ondergrens sociale huur (wet: 3/10).")]
    public string? SocialFloor { get; init; }

    [RegularExpression(ShareSchema.Pattern), Description("Ondergrens middensegment (wet: 2/5).")]
    public string? MiddleFloor { get; init; }
}

[Description("Eén gemeente in een scenario. Aantallen zijn hele getallen >= 0.")]
internal sealed record ScenarioMunicipalitySchema
{
    [Required, RegularExpression("^GM[0-9]{4}$"), Description("CBS-code: GM en vier cijfers.")]
    public string Code { get; init; } = string.Empty;

    [Description("Naam.")]
    public string? Name { get; init; }

    [Required, Description("T: woningvoorraad, groter dan 0.")]
    public int Stock { get; init; }

    [Required, Description("S: corporatiewoningen, hooguit de voorraad.")]
    public int SocialStock { get; init; }

    [Required, Description("N: opgave in de periode.")]
    public int Task { get; init; }

    [Description("Al gecontracteerde woningen (die blijven ongemoeid), samen hooguit de opgave.")]
    public ScenarioSegmentsSchema? Contracted { get; init; }

    [Description("Verleende ontheffing: een verlaagde ondergrens, hooguit die van de normen.")]
    public ScenarioSharesSchema? Exemption { get; init; }

    [Description("Vrijwillige toezegging: minimaal zoveel woningen, gecontracteerde meegeteld.")]
    public ScenarioSocialMiddleSchema? Commitment { get; init; }

    [RegularExpression("^PV(2[0-9]|3[01])$"), Description("Versie 2: CBS-provinciecode van de gemeente (PV20 tot en met PV31); bij elke gemeente of bij geen enkele.")]
    public string? Province { get; init; }
}

[Description("Woningen per segment; een ontbrekend segment is 0.")]
internal sealed record ScenarioSegmentsSchema
{
    public int? Social { get; init; }

    public int? Middle { get; init; }

    public int? Free { get; init; }
}

[Description("Verlaagde ondergrenzen als exact aandeel.")]
internal sealed record ScenarioSharesSchema
{
    [RegularExpression(ShareSchema.Pattern)]
    public string? SocialFloor { get; init; }

    [RegularExpression(ShareSchema.Pattern)]
    public string? MiddleFloor { get; init; }
}

[Description("Minimaal aantal woningen sociale huur en/of middensegment.")]
internal sealed record ScenarioSocialMiddleSchema
{
    public int? Social { get; init; }

    public int? Middle { get; init; }
}

[Description("Uitvoer van een verdeling (scenarioformaat, zie /api#scenario): regiototalen met bevindingen en de gemeenten op CBS-code met hun uitleg.")]
internal sealed record ScenarioResultSchema(ScenarioRegionResultSchema Region, IReadOnlyList<ScenarioMunicipalityResultSchema> Municipalities);

[Description("Totalen van de regio tegen de normen.")]
internal sealed record ScenarioRegionResultSchema(
    [property: Description("Som van de opgaven.")] int Task,
    [property: Description("RS = ⌈aandeel sociale huur × opgave⌉ en RA = ⌈aandeel betaalbaar × opgave⌉.")] SocialAffordable Required,
    [property: Description("Sociale huur, verdeeld.")] int Social,
    [property: Description("Middensegment, verdeeld.")] int Middle,
    [property: Description("Sociaal + midden.")] int Affordable,
    [property: Description("True als beide normen gehaald worden.")] bool MeetsNorms,
    [property: Description("Alle bevindingen en signalen, in vaste volgorde.")] IReadOnlyList<ScenarioFindingSchema> Findings)
{
    [Description("Versie 2 (als de provincies bekend zijn): per provincie het deel van de regio met zijn eigen norm (zie /bronnen#verdeelmethode-grens).")]
    public IReadOnlyList<ScenarioPartSchema>? Parts { get; init; }
}

[Description("Het deel van de regio in één provincie tegen zijn eigen norm.")]
internal sealed record ScenarioPartSchema(
    [property: Description("CBS-provinciecode.")] string Province,
    [property: Description("Opgave van het deel.")] int Task,
    [property: Description("Vereist voor het deel: ⌈aandeel × opgave van het deel⌉.")] SocialAffordable Required,
    [property: Description("Sociale huur van de gemeenten in het deel.")] int Social,
    [property: Description("Betaalbaar (sociaal + midden) van de gemeenten in het deel.")] int Affordable,
    [property: Description("True als het deel beide normen haalt.")] bool MeetsNorms);

[Description("Een bevinding of signaal van de verdeling.")]
internal sealed record ScenarioFindingSchema
{
    [Required, Description("Stabiele code, bijvoorbeeld REGION_SOCIAL_SHORTFALL.")]
    public string Code { get; init; } = string.Empty;

    [Required, Description("error, warning of signal.")]
    public string Severity { get; init; } = string.Empty;

    [Description("CBS-code; alleen als het om één gemeente gaat.")]
    public string? Municipality { get; init; }

    [Description("Tekort in woningen; alleen bij een tekort.")]
    public int? Shortfall { get; init; }

    [Required, Description("Uitleg in het Nederlands.")]
    public string Message { get; init; } = string.Empty;
}

[Description("Eén gemeente in de verdeling.")]
internal sealed record ScenarioMunicipalityResultSchema(
    [property: Description("CBS-code.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("social of middle.")] string LaggingSegment,
    [property: Description("s = S / T, vier decimalen.")] decimal StockShare,
    [property: Description("Ondergrenzen (stap 4).")] SocialMiddle Floor,
    [property: Description("Regionaal aandeel (stappen 5 en 6).")] SocialMiddle RegionalShare,
    [property: Description("Doelen (stap 7).")] TargetsResource Targets,
    [property: Description("Inhaalbehoefte in sociale huurwoningen (stap 8).")] long CatchUpNeed,
    [property: Description("De acht stappen van de uitleg, elk als één regel tekst met regel en bron.")] IReadOnlyList<string> Explanation);

[Description("Een fout als application/problem+json (RFC 9457).")]
internal sealed record ApiProblemSchema
{
    [Required, Description("URI van het soort probleem; de pagina /api legt het uit.")]
    public string Type { get; init; } = string.Empty;

    [Required, Description("Korte titel.")]
    public string Title { get; init; } = string.Empty;

    [Required, Description("HTTP-statuscode.")]
    public int Status { get; init; }

    [Description("Uitleg voor dit geval.")]
    public string? Detail { get; init; }

    [Description("Het pad van het verzoek.")]
    public string? Instance { get; init; }

    [Description("Bij 400 en 422: elke fout met name (JSON-pad of parameter) en reason.")]
    public IReadOnlyList<InvalidParam>? InvalidParams { get; init; }

    [Description("Kenmerk om een fout bij de beheerder na te vragen.")]
    public string? TraceId { get; init; }
}

internal static class ShareSchema
{
    public const string Pattern = @"^([0-9]+/[0-9]+|[0-9]+(\.[0-9]+)?)$";
}
