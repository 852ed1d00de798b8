using System.ComponentModel;
using System.Text.Json;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Api;

[Description("Het volkshuisvestingsprogramma (VHP) van een gemeente: de cijfers per jaar en segment en de toets aan de afgesproken doelen.")]
internal sealed record HousingProgrammeResource(
    [property: Description("CBS-code.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Woningbouwregio (id); null als de gemeente in geen regio ligt.")] string? Region,
    [property: Description("Eerste jaar van de periode (inclusief).")] int FirstYear,
    [property: Description("Laatste jaar van de periode (inclusief).")] int LastYear,
    [property: Description("De opgeslagen jaren.")] IReadOnlyList<HousingProgrammeYearResource> Years,
    [property: Description("Waartegen getoetst is; null als er niets is (zie noTargetReason).")] HousingProgrammeTargetResource? Target,
    [property: Description("De toets; null zonder doelen.")] HousingProgrammeCheckResource? Check,
    [property: Description("Waarom er geen doelen zijn; null als die er zijn.")] string? NoTargetReason)
{
    public static HousingProgrammeResource From(HousingProgrammeState s) => new(
        s.Code,
        s.Name,
        s.RegionId,
        s.FirstYear,
        s.LastYear,
        [.. s.Years.Select(HousingProgrammeYearResource.From)],
        s.Target is { } t ? HousingProgrammeTargetResource.From(t) : null,
        s.Report is { } r ? HousingProgrammeCheckResource.From(r) : null,
        s.NoTargetReason);
}

[Description("De VHP-cijfers van één jaar.")]
internal sealed record HousingProgrammeYearResource(
    [property: Description("Kalenderjaar.")] int Year,
    [property: Description("Sociale huur.")] int SocialRent,
    [property: Description("Middenhuur.")] int MiddleRent,
    [property: Description("Betaalbare koop.")] int AffordableOwnership,
    [property: Description("Vrije sector huur.")] int FreeRent,
    [property: Description("Vrije sector koop.")] int FreeOwnership,
    [property: Description("Alle woningen van het jaar.")] int Total,
    [property: Description("Versie (optimistische gelijktijdigheid): stuur mee bij wijzigen.")] int Version,
    [property: Description("Laatst gewijzigd.")] DateTimeOffset UpdatedAt)
{
    public static HousingProgrammeYearResource From(HousingProgrammeRow r) => new(
        r.Year, r.SocialRent, r.MiddleRent, r.AffordableOwnership, r.FreeRent, r.FreeOwnership,
        checked(r.SocialRent + r.MiddleRent + r.AffordableOwnership + r.FreeRent + r.FreeOwnership), r.Version, r.UpdatedAt);
}

[Description("De afgesproken doelen waartegen het VHP getoetst is.")]
internal sealed record HousingProgrammeTargetResource(
    [property: Description("\"vastgestelde afspraak versie N\" of \"berekende verdeling, nog geen vastgestelde afspraak\".")] string Basis,
    [property: Description("True als een vastgestelde afspraak geldt; false: de berekende verdeling, een aanname.")] bool Adopted,
    [property: Description("Het nummer van de vastgestelde versie; null voor de berekende verdeling.")] int? AgreementNumber,
    [property: Description("Opgave in de periode.")] int Task,
    [property: Description("Sociale huur.")] int Social,
    [property: Description("Middensegment (middenhuur + betaalbare koop).")] int Middle,
    [property: Description("Vrije sector.")] int Free)
{
    public static HousingProgrammeTargetResource From(HousingProgrammeTarget t) =>
        new(t.Dutch, t.IsAdopted, t.AgreementNumber, t.Share.Task, t.Share.Social, t.Share.Middle, t.Share.Free);
}

[Description("De VHP-toets: per groep opgegeven tegen afgesproken, en de bevindingen.")]
internal sealed record HousingProgrammeCheckResource(
    [property: Description("True als geen groep tekortschiet.")] bool Meets,
    [property: Description("Sociale huur, middensegment, betaalbaar en totaal.")] IReadOnlyList<HousingProgrammeGroupResource> Groups,
    [property: Description("Jaren van de periode zonder cijfers.")] IReadOnlyList<int> MissingYears,
    [property: Description("Bevindingen VHP_BELOW_AGREEMENT (error per groep met tekort, warning voor ontbrekende jaren).")] IReadOnlyList<HousingProgrammeFindingResource> Findings)
{
    public static HousingProgrammeCheckResource From(HousingProgrammeReport r) => new(
        r.Meets,
        [.. r.Groups.Select(g => new HousingProgrammeGroupResource(g.Group.ToString(), g.Dutch, g.Declared, g.Agreed, g.Shortfall))],
        [.. r.MissingYears],
        [.. r.Findings.Select(HousingProgrammeFindingResource.From)]);
}

[Description("Eén groep van de VHP-toets.")]
internal sealed record HousingProgrammeGroupResource(
    [property: Description("SocialRent, Middle, Affordable of Total.")] string Group,
    [property: Description("De groep in het Nederlands.")] string Label,
    [property: Description("Som van de VHP-cijfers over de periode.")] int Declared,
    [property: Description("Het afgesproken doel.")] int Agreed,
    [property: Description("Afgesproken min opgegeven, als dat positief is; anders 0.")] int Shortfall);

[Description("Een bevinding van de VHP-toets.")]
internal sealed record HousingProgrammeFindingResource(
    [property: Description("VHP_BELOW_AGREEMENT.")] string Code,
    [property: Description("error of warning.")] string Severity,
    [property: Description("Tekort in woningen; null bij ontbrekende jaren.")] int? Shortfall,
    [property: Description("Uitleg met de getallen.")] string Message,
    [property: Description("De regel.")] string Rule,
    [property: Description("Wettelijke grondslag.")] string LegalBasis)
{
    public static HousingProgrammeFindingResource From(Finding f) => new(f.CodeText, f.Severity.ToCodeText(), f.Shortfall, f.Message, f.Rule, f.LegalBasis);
}

[Description("VHP-cijfers van een of meer jaren, alles of niets.")]
internal sealed record HousingProgrammeRequest(
    [property: Description("Per jaar de vijf aantallen en de versie die u las (weglaten voor een jaar zonder opgeslagen cijfers).")] IReadOnlyList<HousingProgrammeYearRequest>? Years)
{
    public HousingProgrammeForm ToForm() => new() { Years = [.. (Years ?? []).Select(y => y.ToForm())] };
}

[Description("De VHP-cijfers van één jaar. Een aantal is een geheel getal >= 0, of een tekst zoals \"1.234\" (Nederlandse notatie).")]
internal sealed record HousingProgrammeYearRequest(
    [property: Description("Kalenderjaar in de periode van de regio (2022-2030).")] int? Year,
    [property: Description("Sociale huur.")] JsonElement? SocialRent,
    [property: Description("Middenhuur.")] JsonElement? MiddleRent,
    [property: Description("Betaalbare koop.")] JsonElement? AffordableOwnership,
    [property: Description("Vrije sector huur.")] JsonElement? FreeRent,
    [property: Description("Vrije sector koop.")] JsonElement? FreeOwnership,
    [property: Description("De versie die u las; weglaten als het jaar nog geen cijfers had.")] int? Version)
{
    public HousingProgrammeYearForm ToForm() => new()
    {
        Year = Year,
        SocialRent = Text(SocialRent),
        MiddleRent = Text(MiddleRent),
        AffordableOwnership = Text(AffordableOwnership),
        FreeRent = Text(FreeRent),
        FreeOwnership = Text(FreeOwnership),
        Version = Version,
    };

    /// <summary>A JSON number as written, a string as it is; null and absent are empty.</summary>
    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? string.Empty,
        { } v => v.GetRawText(),
    };
}
