using Microsoft.AspNetCore.Mvc;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>/gemeenten/{code}/vhp: a municipality's VHP numbers and their check (HousingProgrammeEdits).</summary>
internal static class HousingProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        var group = api.MapGroup("/gemeenten/{code}/vhp").WithTags("VHP");
        group.MapRead("", GetAsync)
            .WithName("vhpOphalen")
            .Produces<HousingProgrammeResource>()
            .WithSummary("Het volkshuisvestingsprogramma van een gemeente en de toets")
            .WithDescription("De VHP-cijfers per jaar en segment, de doelen waartegen getoetst is (de vastgestelde afspraak van de regio, of zolang die er niet is de berekende verdeling: een aanname) en de bevindingen VHP_BELOW_AGREEMENT. Vraagt aanmelding.")
            .ProducesProblems(401, 404);
        writes.MapPut("/gemeenten/{code}/vhp", SaveAsync)
            .WithTags("VHP")
            .WithName("vhpOpslaan")
            .Produces<HousingProgrammeResource>()
            .WithSummary("VHP-cijfers opslaan (alles of niets)")
            .WithDescription("Alleen bewerkers van de gemeente zelf. Elk jaar met de versie die u las; is één jaar intussen gewijzigd, dan wordt niets opgeslagen (409 met de huidige stand). Elk ongeldig aantal staat in invalidParams (422) en er wordt niets opgeslagen.")
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    private static async Task<IResult> GetAsync(string code, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await HousingProgrammeEdits.LoadAsync(db, actor, code, ct).ConfigureAwait(false);
        return outcome.ToApi(http, HousingProgrammeResource.From);
    }

    private static async Task<IResult> SaveAsync(string code, [FromBody] HousingProgrammeRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await HousingProgrammeEdits.SaveAsync(db, actor, code, body.ToForm(), clock, ct).ConfigureAwait(false);
        return outcome.WithJsonPaths().ToApi(http, HousingProgrammeResource.From);
    }
}
