using System.ComponentModel;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// /instructies: the register of instructions (InstructionRegister, InstructionEdits). Reading is public for given
/// instructions and complete for signed-in accounts; writing needs a bearer token of an editor of the issuer.
/// Also maps the VHP endpoints (HousingProgrammeEndpoints), so that Endpoints.MapApi has one line for both.
/// </summary>
internal static class InstructionEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        var group = api.MapGroup("/instructies").WithTags("Instructies");
        var write = writes.MapGroup("/instructies").WithTags("Instructies");
        group.MapRead("", ListAsync)
            .WithName("instructiesOphalen")
            .Produces<IReadOnlyList<InstructionResource>>()
            .WithSummary("Het register van instructies")
            .WithDescription("Instructiebesluiten (Omgevingswet art. 2.33 provincie, 2.34 Rijk), nieuwste eerst. Zonder aanmelding alleen de gegeven (openbare) instructies; aangemeld ook concepten. Filter op geadresseerde (aan), uitvaardiger (van) en status.")
            .ProducesProblems(400);
        group.MapRead("/{id:int}", GetAsync)
            .WithName("instructieOphalen")
            .Produces<InstructionResource>()
            .WithSummary("Eén instructie")
            .WithDescription("Een concept is alleen zichtbaar voor aangemelde accounts (anders 404).")
            .ProducesProblems(404);
        write.MapPost("", CreateAsync)
            .WithName("instructieOpstellen")
            .Produces<InstructionResource>(StatusCodes.Status201Created)
            .WithSummary("Een instructie opstellen (concept)")
            .WithDescription("Een provincie geeft instructies aan haar eigen gemeenten (art. 2.33), het Rijk aan provincies en gemeenten (art. 2.34); de grondslag volgt uit de uitvaardiger. Vraagt de rol bewerker bij die provincie of het Rijk.")
            .ProducesProblems(401, 403, 422);
        write.MapPut("/{id:int}", UpdateAsync)
            .WithName("instructieWijzigen")
            .Produces<InstructionResource>()
            .WithSummary("Een concept-instructie wijzigen")
            .WithDescription("Alleen een concept, alleen door bewerkers van de uitvaardiger, met de versie die u las (anders 409 met de huidige versie in current).")
            .ProducesProblems(401, 403, 404, 409, 422);
        write.MapPost("/{id:int}/status", MoveAsync)
            .WithName("instructieStatusWijzigen")
            .Produces<InstructionResource>()
            .WithSummary("Een instructie geven, als opgevolgd markeren of intrekken")
            .WithDescription("concept → issued of withdrawn; issued → complied of withdrawn. Geven (issued) is een besluit en vraagt confirmed: true (anders 422, er wordt niets vastgelegd). Een andere overgang geeft 409 (ongeldige-overgang); een verouderde versie 409 (gewijzigd-door-ander).")
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    private static async Task<IResult> ListAsync(
        [Description("Alleen instructies aan deze organisatie (GM0228, PV25).")] string? aan,
        [Description("Alleen instructies van deze uitvaardiger (PV25, RIJK).")] string? van,
        [Description("Alleen deze status: concept, issued, complied, withdrawn (of gegeven, opgevolgd, ingetrokken).")] string? status,
        HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        InstructionStatus? wanted = null;
        if (status is not null)
        {
            if (!InstructionLifecycle.TryParse(status, out InstructionStatus parsed))
            {
                return Problems.InvalidParameters(http, [new InvalidParam("status", $"'{status}' is geen status (concept, issued, complied, withdrawn)")]);
            }

            wanted = parsed;
        }

        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var rows = await InstructionRegister.ListAsync(db, actor, new InstructionFilter(aan, van, wanted), ct).ConfigureAwait(false);
        var today = InstructionDates.Today(clock);
        return TypedResults.Ok<IReadOnlyList<InstructionResource>>([.. rows.Select(v => InstructionResource.From(v, today, actor.IsAuthenticated))]);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var found = await InstructionRegister.FindAsync(db, actor, id, ct).ConfigureAwait(false);
        return found.ToApi(http, Resource(actor, clock));
    }

    private static async Task<IResult> CreateAsync(InstructionRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await InstructionEdits.CreateAsync(db, actor, body.ToForm(), clock, ct).ConfigureAwait(false);
        return outcome.WithJsonPaths().ToApi(http, Resource(actor, clock), created: true, location: v => $"{ApiConventions.BasePath}/instructies/{v.Row.Id}");
    }

    private static async Task<IResult> UpdateAsync(int id, InstructionRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await InstructionEdits.UpdateAsync(db, actor, id, body.ToForm(), clock, ct).ConfigureAwait(false);
        return outcome.WithJsonPaths().ToApi(http, Resource(actor, clock));
    }

    private static async Task<IResult> MoveAsync(int id, InstructionStatusRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        if (!InstructionLifecycle.TryParse(body.Status, out InstructionStatus to))
        {
            return Problems.InvalidInput(http, [new InvalidParam("$.status", $"'{body.Status}' is geen status (issued, complied, withdrawn)")]);
        }

        var outcome = await InstructionEdits.MoveAsync(db, actor, id, to, body.Version, body.Confirmed == true, clock, ct).ConfigureAwait(false);
        return outcome.WithJsonPaths().ToApi(http, Resource(actor, clock));
    }

    private static Func<InstructionView, InstructionResource> Resource(Actor actor, TimeProvider clock)
    {
        var today = InstructionDates.Today(clock);
        return v => InstructionResource.From(v, today, actor.IsAuthenticated);
    }

    /// <summary>The features name fields as in JSON (subject, years[0].socialRent); the API reports JSON paths ($.subject).</summary>
    internal static Outcome<T> WithJsonPaths<T>(this Outcome<T> outcome) =>
        outcome.Kind == OutcomeKind.Invalid ? outcome with { Errors = [.. outcome.Errors.Select(e => e with { Field = "$." + e.Field })] } : outcome;
}
