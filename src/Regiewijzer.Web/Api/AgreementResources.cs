using System.ComponentModel;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Api;

// Regional agreements and exemptions (issue 6). Status and kinds are the Dutch labels of Core's lifecycles.

[Description("De afgesproken aantallen van één gemeente in een versie (woningen in de periode).")]
internal sealed record AgreedShareResource(
    [property: Description("CBS-code.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Opgave.")] int Task,
    [property: Description("Sociale huur.")] int Social,
    [property: Description("Middensegment (middenhuur + betaalbare koop).")] int Middle,
    [property: Description("Vrije sector.")] int Free);

[Description("Reactie van een gemeente op een voorgestelde versie.")]
internal sealed record AgreementResponseResource(
    [property: Description("CBS-code.")] string Municipality,
    [property: Description("Naam.")] string Name,
    [property: Description("akkoord of bezwaar.")] string Kind,
    [property: Description("Toelichting.")] string? Comment,
    [property: Description("Wanneer.")] DateTimeOffset At,
    [property: Description("Door wie.")] string By,
    [property: Description("Versie van de reactie (meesturen bij opnieuw reageren).")] int Version);

[Description("Eén versie van de afspraak van een woningbouwregio.")]
internal sealed record AgreementVersionResource(
    [property: Description("Id.")] int Id,
    [property: Description("Regio-id.")] string Region,
    [property: Description("Naam van de regio.")] string RegionName,
    [property: Description("Versienummer binnen de regio (1, 2, …).")] int Number,
    [property: Description("concept, voorgesteld of vastgesteld.")] string Status,
    [property: Description("Waarom deze versie bestaat.")] string Reason,
    [property: Description("De verleende ontheffing die tot deze versie leidde.")] int? Exemption,
    [property: Description("De versie waarvan deze is gemaakt.")] int? Previous,
    [property: Description("Gemaakt op.")] DateTimeOffset CreatedAt,
    [property: Description("Gemaakt door.")] string CreatedBy,
    [property: Description("Voorgesteld op.")] DateTimeOffset? ProposedAt,
    [property: Description("Vastgesteld op; daarna onveranderlijk.")] DateTimeOffset? AdoptedAt,
    [property: Description("Vastgesteld door.")] string? AdoptedBy,
    [property: Description("Versie van het record (optimistische gelijktijdigheid): meesturen bij een statuswijziging.")] int Version,
    [property: Description("Afgesproken aantallen per gemeente.")] IReadOnlyList<AgreedShareResource> Shares,
    [property: Description("Reacties van gemeenten.")] IReadOnlyList<AgreementResponseResource> Responses)
{
    public static AgreementVersionResource From(AgreementView a) => new(
        a.Id, a.RegionId, a.RegionName, a.Number, a.Status.Dutch(), a.Reason, a.ExemptionId, a.PreviousId, a.CreatedAt, a.CreatedBy,
        a.ProposedAt, a.AdoptedAt, a.AdoptedBy, a.Version,
        [.. a.Shares.Select(s => new AgreedShareResource(s.Code.Value, s.Name, s.Task, s.Social, s.Middle, s.Free))],
        [.. a.Responses.Select(r => new AgreementResponseResource(r.MunicipalityCode, r.MunicipalityName, r.Kind.Dutch(), r.Comment, r.At, r.By, r.Version))]);
}

[Description("Voor en na, in woningen.")]
internal sealed record ChangeResource(int Before, int After, int Delta)
{
    public static ChangeResource From(CountChange c) => new(c.Before, c.After, c.Delta);
}

[Description("Verschil per gemeente met de vorige versie.")]
internal sealed record AgreementChangeResource(string Code, string Name, ChangeResource Task, ChangeResource Social, ChangeResource Middle, ChangeResource Free);

[Description("Peildatum gecontracteerde projecten (aanname: open juridisch punt): projecten gecontracteerd vóór de vaststelling van de geldende versie tellen mee zoals ze zijn.")]
internal sealed record CutoffResource(
    [property: Description("Vaststellingsdatum van de geldende versie (jjjj-mm-dd); null als er nog geen is.")] string? Date,
    [property: Description("Plannen van de leden gecontracteerd vóór die datum.")] int Plans,
    [property: Description("Hun woningen.")] int Homes,
    [property: Description("Altijd true: de peildatum is een aanname.")] bool Assumption);

[Description("Een versie met de vergelijking met de vorige versie en de geldende versie.")]
internal sealed record AgreementDetailResource(
    AgreementVersionResource Agreement,
    [property: Description("Per gemeente voor/na/verschil met de vorige versie; null voor versie 1.")] IReadOnlyList<AgreementChangeResource>? Comparison,
    [property: Description("Id van de geldende (laatst vastgestelde) versie.")] int? InForce,
    CutoffResource Cutoff)
{
    public static AgreementDetailResource From(AgreementDetail d) => new(
        AgreementVersionResource.From(d.Agreement),
        d.Comparison is null ? null : [.. d.Comparison.Rows.Select(r => new AgreementChangeResource(r.Code.Value, r.Name,
            ChangeResource.From(r.Task), ChangeResource.From(r.Social), ChangeResource.From(r.Middle), ChangeResource.From(r.Free)))],
        d.InForce?.Id,
        new CutoffResource(d.Cutoff.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Cutoff.Plans, d.Cutoff.Homes, true));
}

[Description("Een aanvraag voor ontheffing en het besluit erop.")]
internal sealed record ExemptionResource(
    int Id,
    [property: Description("CBS-code van de aanvragende gemeente.")] string Municipality,
    string MunicipalityName,
    string Region,
    [property: Description("sociale huur of middensegment.")] string Floor,
    [property: Description("Gevraagde ondergrens als breuk van de nog niet gecontracteerde opgave, exact (bijv. 1/5) en als decimaal.")] ExactNumber RequestedFloor,
    string Grounds,
    DateTimeOffset RequestedAt,
    string RequestedBy,
    [property: Description("aangevraagd, verleend, geweigerd of ingetrokken.")] string Status,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecidedByOrganisation,
    string? Reasoning,
    [property: Description("De nieuwe versie van de afspraak na verlening.")] int? ResultingAgreement,
    [property: Description("Versie van het record: meesturen bij het besluit.")] int Version)
{
    public static ExemptionResource From(ExemptionView e) => new(
        e.Id, e.MunicipalityCode, e.MunicipalityName, e.RegionId, e.Floor.Dutch(), ExactNumber.From(e.RequestedFloor), e.Grounds, e.RequestedAt,
        e.RequestedBy, e.Status.Dutch(), e.DecidedAt, e.DecidedBy, e.DecidedByOrganisation, e.Reasoning, e.ResultingAgreementId, e.Version);
}

[Description("Wat als de ontheffing verleend wordt: wie vangt het op.")]
internal sealed record ExemptionWhatIfResource(
    [property: Description("False als het segment niet het achterblijvende segment van de gemeente is: dan verandert er niets.")] bool HasEffect,
    [property: Description("Per gemeente voor/na/verschil.")] IReadOnlyList<AgreementChangeResource> Rows,
    ChangeResource Social,
    ChangeResource Middle,
    [property: Description("True als de regio na verlening beide normen haalt.")] bool MeetsNormsAfter,
    [property: Description("Bevindingen na verlening (codes).")] IReadOnlyList<string> FindingsAfter)
{
    public static ExemptionWhatIfResource From(ExemptionWhatIf w) => new(
        w.HasEffect,
        [.. w.Rows.Select(r => new AgreementChangeResource(r.Code.Value, r.Name, ChangeResource.From(new CountChange(r.Task, r.Task)),
            ChangeResource.From(r.Social), ChangeResource.From(r.Middle), ChangeResource.From(r.Free)))],
        ChangeResource.From(w.Social),
        ChangeResource.From(w.Middle),
        w.MeetsNormsAfter,
        [.. w.FindingsAfter.Select(f => f.CodeText)]);
}

[Description("Een aanvraag met het effect (wat als) op de laatste versie van de afspraak.")]
internal sealed record ExemptionDetailResource(
    ExemptionResource Exemption,
    ExemptionWhatIfResource? WhatIf,
    [property: Description("Waarom er geen wat-als is, als die ontbreekt.")] string? WhatIfProblem,
    [property: Description("Id van de versie waarop de wat-als rekent; null als er nog geen versie is (dan de huidige verdeling).")] int? BaseAgreement)
{
    public static ExemptionDetailResource From(ExemptionDetail d) =>
        new(ExemptionResource.From(d.Exemption), d.WhatIf is null ? null : ExemptionWhatIfResource.From(d.WhatIf), d.WhatIfProblem, d.Base?.Id);
}

internal sealed record NewAgreementRequest(
    [property: Description("Waarom deze versie (verplicht).")] string? Reason,
    [property: Description("Optioneel: een wat-als-scenario van deze regio in het scenarioformaat (zoals de wat-als-pagina het downloadt); dan is de conceptversie dat scenario in plaats van de huidige verdeling of de laatste versie.")] System.Text.Json.JsonElement? Scenario = null);

internal sealed record AgreementStatusRequest(
    [property: Description("voorgesteld, concept of vastgesteld.")] string? Status,
    [property: Description("De version die u las.")] int? Version,
    [property: Description("Verplicht true bij vastgesteld: u bevestigt het besluit nadat u de bezwaren, de gemeenten zonder reactie en de grondslag hebt gezien. Zonder bevestiging wordt niets vastgelegd (422).")] bool? Confirmed = null);

internal sealed record AgreementResponseRequest(
    [property: Description("akkoord of bezwaar.")] string? Kind,
    [property: Description("Toelichting (verplicht bij bezwaar, hoogstens 4.000 tekens).")] string? Comment,
    [property: Description("Bij opnieuw reageren: de version van de bestaande reactie.")] int? Version);

internal sealed record ExemptionRequestBody(
    [property: Description("sociale huur of middensegment.")] string? Floor,
    [property: Description("Gevraagde ondergrens als percentage, bijvoorbeeld \"20\" of \"20,5\".")] string? RequestedFloor,
    [property: Description("Onderbouwing (20 tot 4.000 tekens).")] string? Grounds);

internal sealed record ExemptionDecisionRequest(
    [property: Description("true = verlenen, false = weigeren.")] bool? Granted,
    [property: Description("Motivering (minstens 20 tekens).")] string? Reasoning,
    [property: Description("De version die u las.")] int? Version,
    [property: Description("Verplicht true: u bevestigt het besluit nadat u hebt gezien wie het verschil opvangt en op welke grondslag. Zonder bevestiging wordt niets vastgelegd (422).")] bool? Confirmed = null);

internal sealed record ExemptionWithdrawRequest(
    [property: Description("De version die u las.")] int? Version);
