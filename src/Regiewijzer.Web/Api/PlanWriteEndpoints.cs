using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// Changing a plan through the API (issue 6): PUT /api/v1/plannen/{id}, with a bearer token of an editor of the plan's
/// municipality. The same feature (and checks) as the edit page: <see cref="EditPlans"/>.
/// </summary>
internal static class PlanWriteEndpoints
{
    public static void Map(RouteGroupBuilder writes)
    {
        writes.MapPut("/plannen/{id:int}", UpdateAsync)
            .WithTags(MonitoringEndpoints.Tag)
            .WithName("planWijzigen")
            .WithSummary("Een plan wijzigen")
            .WithDescription("Alleen met een bearer token van een bewerker van de gemeente van het plan. Stuur version mee zoals u het plan las "
                             + "(GET /api/v1/gemeenten/{code}/plannen); is het plan intussen gewijzigd, dan volgt 409 met de huidige versie in current. "
                             + "Velden die u weglaat, blijven zoals ze zijn; deliveries vervangt alle opleveringen.")
            .Produces<PlanResource>()
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    [Description("Wijziging van een plan. Weggelaten velden blijven zoals ze zijn.")]
    internal sealed record PlanUpdate(
        [property: Description("De versie die u las (verplicht).")] int? Version,
        [property: Description("Naam (1-200 tekens).")] string? Name,
        [property: Description("Planstatus: 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b.")] string? Status,
        [property: Description("Eigen code van het project (uniek binnen de gemeente).")] string? Code,
        [property: Description("Prijspeil (jaar).")] int? PriceLevelYear,
        [property: Description("Gecontracteerd.")] bool? Contracted,
        [property: Description("Datum van het contract (jjjj-mm-dd).")] string? ContractedOn,
        [property: Description("Alle verwachte opleveringen (vervangt de huidige).")] IReadOnlyList<PlanDeliveryUpdate>? Deliveries);

    [Description("Woningen die een plan in één jaar verwacht op te leveren.")]
    internal sealed record PlanDeliveryUpdate(int Year, int SocialRent, int MiddleRent, int AffordableOwnership, int FreeRent, int FreeOwnership, int UnknownSegment);

    private static async Task<IResult> UpdateAsync(
        [Description("Id van het plan.")] int id, [FromBody] PlanUpdate body, HttpContext http, CurrentActor current, RegiewijzerDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var stored = await EditPlans.FindAsync(db, id, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound(http, $"Er is geen plan met id {id.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (body.Version is null)
        {
            return Problems.InvalidInput(http, [new InvalidParam("version", "ontbreekt; stuur de versie mee die u las")]);
        }

        var form = PlanForm.From(stored);
        form.Version = body.Version;
        form.Name = body.Name ?? form.Name;
        form.Status = body.Status ?? form.Status;
        form.Code = body.Code ?? form.Code;
        form.PriceLevelYear = body.PriceLevelYear?.ToString(CultureInfo.InvariantCulture) ?? form.PriceLevelYear;
        form.Contracted = body.Contracted ?? form.Contracted;
        form.ContractedOn = body.ContractedOn ?? (body.Contracted == false ? null : form.ContractedOn);
        if (body.Deliveries is { } deliveries)
        {
            form.Deliveries = [.. deliveries.Select(d => new DeliveryForm
            {
                Year = d.Year.ToString(CultureInfo.InvariantCulture),
                SocialRent = Count(d.SocialRent),
                MiddleRent = Count(d.MiddleRent),
                AffordableOwnership = Count(d.AffordableOwnership),
                FreeRent = Count(d.FreeRent),
                FreeOwnership = Count(d.FreeOwnership),
                UnknownSegment = Count(d.UnknownSegment),
            })];
        }

        var outcome = await EditPlans.UpdateAsync(db, actor, id, form, clock, ct).ConfigureAwait(false);
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.Invalid)
        {
            return (outcome with { Errors = [.. outcome.Errors.Select(e => e with { Field = JsonName(e.Field) })] }).ToApi(http, _ => PlanResource.From(stored));
        }

        // Saved or a conflict: the plan as it is stored now (the saved one, or the one written meanwhile).
        var now = await EditPlans.FindAsync(db, id, ct).ConfigureAwait(false);
        return now is null
            ? Problems.NotFound(http, "Het plan is intussen verwijderd.")
            : outcome.Kind == OutcomeKind.Conflict
                ? Problems.Conflict(http, $"Het plan is intussen gewijzigd (nu versie {now.Version.ToString(CultureInfo.InvariantCulture)}); lees het opnieuw.", PlanResource.From(now))
                : outcome.ToApi(http, _ => PlanResource.From(now));
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Deliveries[0].SocialRent" → "deliveries[0].socialRent" (the JSON names).</summary>
    private static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
