using System.ComponentModel;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// Exemption requests and decisions (issue 6): reads need a bearer token, the writes are in the signed-in write group.
/// Every write is checked by the feature itself (<see cref="Permissions"/>) and answers with the outcome's status.
/// </summary>
internal static class ExemptionEndpoints
{
    private const string MunicipalityCode = AgreementEndpoints.MunicipalityCode;

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapRead("/gemeenten/{code}/ontheffingen", ExemptionsAsync).Doc("ontheffingenGemeenteOphalen", "Aanvragen voor ontheffing van een gemeente",
            "Nieuwste eerst; alleen met token.").ProducesProblems(401, 404);
        writes.MapPost("/gemeenten/{code}/ontheffingen", RequestAsync).Doc("ontheffingAanvragen", "Ontheffing aanvragen",
            "Een lagere ondergrens (sociale huur of middensegment) met onderbouwing, door een bewerker van de gemeente.")
            .ProducesProblems(401, 403, 404, 422);
        api.MapRead("/ontheffingen/{id:int}", ExemptionAsync).Doc("ontheffingOphalen", "Eén aanvraag met wat-als",
            "Het effect op de laatste versie van de afspraak (of de huidige verdeling): per gemeente voor/na/verschil, en de bevindingen na verlening.")
            .ProducesProblems(401, 404);
        writes.MapPost("/ontheffingen/{id:int}/besluit", DecideAsync).Doc("ontheffingBesluiten", "Besluit op een aanvraag",
            "Door de provincie van de gemeente of het Rijk, met motivering (minstens 20 tekens), de gelezen version en confirmed: true (zonder bevestiging 422, er wordt niets vastgelegd). Verlenen maakt in dezelfde transactie een nieuwe conceptversie van de afspraak.")
            .ProducesProblems(401, 403, 404, 409, 422);
        writes.MapPost("/ontheffingen/{id:int}/intrekken", WithdrawAsync).Doc("ontheffingIntrekken", "Een aanvraag intrekken",
            "Alleen een open aanvraag, door een bewerker van de gemeente die hem deed, met de gelezen version. Een besluit is definitief (409).")
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    private static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithTags(AgreementEndpoints.Tag).WithName(name).WithSummary(summary).WithDescription(description);

    private static async Task<IResult> ExemptionsAsync([Description(MunicipalityCode)] string code, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct) =>
        (await ExemptionQueries.ListAsync(db, await current.GetAsync(ct).ConfigureAwait(false), code, ct).ConfigureAwait(false))
            .ToApi(http, l => l.Requests.Select(ExemptionResource.From).ToList());

    private static async Task<IResult> RequestAsync([Description(MunicipalityCode)] string code, ExemptionRequestBody body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        ExemptionFloor? floor = ExemptionLifecycle.TryParse(body?.Floor, out ExemptionFloor f) ? f : null;
        return (await ExemptionRequests.RequestAsync(db, await current.GetAsync(ct).ConfigureAwait(false), code, floor, body?.RequestedFloor, body?.Grounds, clock, ct).ConfigureAwait(false))
            .ToApi(http, ExemptionResource.From, created: true, location: e => $"{ApiConventions.BasePath}/ontheffingen/{e.Id}");
    }

    private static async Task<IResult> ExemptionAsync(int id, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct) =>
        (await ExemptionQueries.DetailAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, ct).ConfigureAwait(false))
            .ToApi(http, ExemptionDetailResource.From);

    private static async Task<IResult> DecideAsync(int id, ExemptionDecisionRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var errors = new List<InvalidParam>();
        if (body?.Granted is null)
        {
            errors.Add(new InvalidParam("granted", "Geef true (verlenen) of false (weigeren)."));
        }

        if (body?.Version is null)
        {
            errors.Add(new InvalidParam("version", "Stuur de version mee die u las."));
        }

        return errors.Count > 0
            ? Problems.InvalidInput(http, errors)
            : (await ExemptionDecision.DecideAsync(db, actor, id, body!.Granted!.Value, body.Reasoning, body.Version!.Value, body.Confirmed == true, clock, ct).ConfigureAwait(false)).ToApi(http, ExemptionResource.From);
    }

    private static async Task<IResult> WithdrawAsync(int id, ExemptionWithdrawRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        return body?.Version is not { } version
            ? Problems.InvalidInput(http, [new InvalidParam("version", "Stuur de version mee die u las.")])
            : (await ExemptionRequests.WithdrawAsync(db, actor, id, version, ct).ConfigureAwait(false)).ToApi(http, ExemptionResource.From);
    }
}
