using System.ComponentModel;
using System.Globalization;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Api;

[Description("Een organisatie: het Rijk, een provincie of een gemeente.")]
internal sealed record OrganisationResource(
    [property: Description("RIJK, een provinciecode (PV25) of een gemeentecode (GM0228).")] string Id,
    [property: Description("rijk, province of municipality.")] string Kind,
    [property: Description("Naam.")] string Name)
{
    public static OrganisationResource From(OrganisationRow o) => new(o.Id, o.Kind.ToString().ToLowerInvariant(), o.Name);
}

[Description("Een instructie (instructiebesluit, Omgevingswet art. 2.33 provincie / 2.34 Rijk) in het register.")]
internal sealed record InstructionResource(
    [property: Description("Nummer in het register.")] int Id,
    [property: Description("De uitvaardiger: een provincie of het Rijk.")] OrganisationResource Issuer,
    [property: Description("De geadresseerde: een gemeente of een provincie.")] OrganisationResource Addressee,
    [property: Description("Wettelijke grondslag.")] string LegalBasis,
    [property: Description("Onderwerp.")] string Subject,
    [property: Description("Inhoud van de instructie.")] string Content,
    [property: Description("Termijn (jjjj-mm-dd): uiterlijk deze datum moet de instructie zijn opgevolgd.")] string Deadline,
    [property: Description("True als de termijn verstreken is en de gegeven instructie niet is opgevolgd.")] bool DeadlinePassed,
    [property: Description("concept, issued, complied of withdrawn.")] string Status,
    [property: Description("De status in het Nederlands: concept, gegeven, opgevolgd of ingetrokken.")] string StatusLabel,
    [property: Description("De signalering uit de monitoring waar de instructie op antwoordt (bijvoorbeeld voortgang/gemeente/GM0228); null als er geen is.")] string? WarningReference,
    [property: Description("Aangemaakt.")] DateTimeOffset CreatedAt,
    [property: Description("Wie het concept opstelde; alleen voor aangemelde accounts, anders null.")] string? CreatedBy,
    [property: Description("Wanneer de instructie gegeven is; null voor een concept.")] DateTimeOffset? IssuedAt,
    [property: Description("Versie (optimistische gelijktijdigheid): stuur mee bij elke wijziging.")] int Version,
    [property: Description("De pagina van de instructie.")] string Page)
{
    public static InstructionResource From(InstructionView v, DateOnly today, bool signedIn) => new(
        v.Row.Id,
        OrganisationResource.From(v.Issuer),
        OrganisationResource.From(v.Addressee),
        v.Row.LegalBasis,
        v.Row.Subject,
        v.Row.Content,
        v.Row.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        v.IsOverdue(today),
        v.Row.Status.ToString().ToLowerInvariant(),
        v.Row.Status.Dutch(),
        v.Row.WarningReference,
        v.Row.CreatedAt,
        signedIn ? v.Row.CreatedBy : null,
        v.Row.IssuedAt,
        v.Row.Version,
        $"/instructie/{v.Row.Id.ToString(CultureInfo.InvariantCulture)}");
}

[Description("Een nieuwe instructie (concept) of de wijziging van een concept.")]
internal sealed record InstructionRequest(
    [property: Description("De geadresseerde: CBS-code van een gemeente (GM0228) of provincie (PV25).")] string? Addressee,
    [property: Description("Onderwerp, 5 tot 200 tekens.")] string? Subject,
    [property: Description("Inhoud, 20 tot 8.000 tekens.")] string? Content,
    [property: Description("Termijn (jjjj-mm-dd), na vandaag.")] string? Deadline,
    [property: Description("De signalering waar de instructie op antwoordt, bijvoorbeeld voortgang/gemeente/GM0228 (optioneel).")] string? WarningReference,
    [property: Description("Bij wijzigen: de versie die u las. Bij aanmaken weglaten.")] int? Version)
{
    public InstructionForm ToForm() => new()
    {
        Addressee = Addressee,
        Subject = Subject,
        Content = Content,
        Deadline = Deadline,
        WarningReference = WarningReference,
        Version = Version,
    };
}

[Description("Een statusovergang van een instructie.")]
internal sealed record InstructionStatusRequest(
    [property: Description("De nieuwe status: issued (gegeven), complied (opgevolgd) of withdrawn (ingetrokken); Nederlands mag ook.")] string? Status,
    [property: Description("De versie die u las.")] int? Version,
    [property: Description("Verplicht true bij issued (geven): u bevestigt het besluit nadat u geadresseerde, termijn en grondslag hebt gezien. Zonder bevestiging wordt niets vastgelegd (422).")] bool? Confirmed = null);
