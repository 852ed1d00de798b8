using System.ComponentModel;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// Regional agreements (issue 6); the exemptions are in <see cref="ExemptionEndpoints"/>. Reads of adopted versions are public; everything else needs a bearer
/// token. Every write is checked by the feature itself (<see cref="Permissions"/>) and answers with the outcome's status.
/// </summary>
internal static class AgreementEndpoints
{
    public const string Tag = "Afspraken";

    private const string RegionId = "Regio-id, bijvoorbeeld WD19 (Regio Foodvalley).";
    internal const string MunicipalityCode = "CBS-code, bijvoorbeeld GM0228 (Ede).";

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapRead("/regios/{id}/afspraken", RegionAsync).Doc("afsprakenRegioOphalen", "De versies van de afspraak van een regio",
            "Nieuwste eerst. Zonder token alleen de vastgestelde versies; aangemeld ook concept en voorgesteld.").ProducesProblems(404);
        api.MapRead("/afspraken/{id:int}", VersionAsync).Doc("afspraakOphalen", "Eén versie van een afspraak",
            "Met de aantallen per gemeente, de reacties, het verschil met de vorige versie, de geldende versie en de peildatum voor gecontracteerde projecten (aanname). Concept en voorgesteld alleen met token.")
            .ProducesProblems(401, 403, 404);
        writes.MapPost("/regios/{id}/afspraken", CreateAsync).Doc("afspraakVersieMaken", "Nieuwe conceptversie van de afspraak",
            "Alleen een bewerker van een provincie van de regio. Versie 1 uit de huidige verdeling, een latere uit het scenario van de laatste versie; met scenario (een wat-als van deze regio en periode) uit dat scenario. Eén open versie tegelijk.")
            .ProducesProblems(401, 403, 404, 409, 422);
        writes.MapPost("/afspraken/{id:int}/status", TransitionAsync).Doc("afspraakStatusWijzigen", "Status van een versie wijzigen",
            "concept → voorgesteld → vastgesteld, of voorgesteld → concept. Vaststellen is een besluit en vraagt confirmed: true (anders 422, er wordt niets vastgelegd). Een vastgestelde versie is onveranderlijk (409). Stuur de gelezen version mee (409 met current als die verouderd is).")
            .ProducesProblems(401, 403, 404, 409, 422);
        writes.MapPut("/afspraken/{id:int}/reacties/{gemeente}", RespondAsync).Doc("afspraakReageren", "Reactie van een gemeente op een voorgestelde versie",
            "akkoord of bezwaar met toelichting, door een bewerker van die gemeente (lid van de regio). Opnieuw reageren vervangt de reactie; stuur dan de version van de reactie mee.")
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    private static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithTags(Tag).WithName(name).WithSummary(summary).WithDescription(description);

    private static async Task<IResult> RegionAsync([Description(RegionId)] string id, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct)
    {
        var outcome = await AgreementQueries.RegionAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, ct).ConfigureAwait(false);
        return outcome.ToApi(http, r => r.Versions.Select(AgreementVersionResource.From).ToList());
    }

    private static async Task<IResult> VersionAsync(int id, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct) =>
        (await AgreementQueries.VersionAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, ct).ConfigureAwait(false))
            .ToApi(http, AgreementDetailResource.From);

    private static async Task<IResult> CreateAsync([Description(RegionId)] string id, NewAgreementRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        if (body?.Scenario is not { ValueKind: not System.Text.Json.JsonValueKind.Null } scenario)
        {
            return (await AgreementChanges.CreateAsync(db, actor, id, body?.Reason, clock, ct).ConfigureAwait(false))
                .ToApi(http, AgreementVersionResource.From, created: true, location: a => $"{ApiConventions.BasePath}/afspraken/{a.Id}");
        }

        // From a what-if (issue 13): the scenario is read and checked like an uploaded scenario file.
        var read = Regiewijzer.Core.Scenarios.ScenarioReader.Read(scenario.GetRawText());
        if (!read.IsValid)
        {
            return Problems.InvalidInput(http, [.. read.Errors.Select(e => new InvalidParam("scenario" + e.Path.TrimStart('$'), e.Message))]);
        }

        return (await AgreementChanges.CreateFromWhatIfAsync(db, actor, id, body.Reason, read.Scenario!, clock, ct).ConfigureAwait(false))
            .ToApi(http, AgreementVersionResource.From, created: true, location: a => $"{ApiConventions.BasePath}/afspraken/{a.Id}");
    }

    private static async Task<IResult> TransitionAsync(
        int id, AgreementStatusRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock,
        CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var errors = new List<InvalidParam>();
        if (!AgreementLifecycle.TryParse(body?.Status, out AgreementStatus to))
        {
            errors.Add(new InvalidParam("status", "Gebruik voorgesteld, concept of vastgesteld."));
        }

        if (body?.Version is null)
        {
            errors.Add(new InvalidParam("version", "Stuur de version mee die u las."));
        }

        if (errors.Count > 0)
        {
            return Problems.InvalidInput(http, errors);
        }

        var outcome = await AgreementChanges.TransitionAsync(db, actor, id, to, body!.Version!.Value, body.Confirmed == true, clock, ct).ConfigureAwait(false);
        return outcome.ToApi(http, AgreementVersionResource.From);
    }

    private static async Task<IResult> RespondAsync(int id, [Description(MunicipalityCode)] string gemeente, AgreementResponseRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        return !AgreementLifecycle.TryParse(body?.Kind, out ResponseKind kind)
            ? Problems.InvalidInput(http, [new InvalidParam("kind", "Gebruik akkoord of bezwaar.")])
            : (await AgreementChanges.RespondAsync(db, actor, id, gemeente, kind, body!.Comment, body.Version, clock, ct).ConfigureAwait(false)).ToApi(http, AgreementVersionResource.From);
    }
}
