using System.ComponentModel;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web.Accounts;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The audit trail (issue 6), read only: GET /api/v1/audit/{type}/{id} (bearer token), and the page's downloads
/// /audit/{type}/{id}.csv|.xlsx and /audit.csv|.xlsx (cookie, like the page). There is no write: nobody changes the trail.
/// </summary>
internal static class AuditEndpoints
{
    public const string Tag = "Audit";

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapRead("/audit/{type}/{**id}", ObjectAsync)
            .WithTags(Tag)
            .WithName("auditObjectOphalen")
            .WithSummary("De wijzigingsgeschiedenis van één object")
            .WithDescription("Elke wijziging (oudste eerst) met wanneer, wie (account-id en naam), voor welke organisatie, welke tabel en handeling, "
                             + "en per veld de waarde voor en na (bij een wijziging alleen de velden die veranderden). Alleen met een bearer token; "
                             + "de geschiedenis van accounts alleen voor beheerders. Soorten: " + string.Join(", ", AuditLog.Types.Keys) + ".")
            .Produces<IReadOnlyList<AuditEntryResource>>()
            .ProducesProblems(401, 403, 404);

        // Before the page /audit/{type}/{*id} (Order -1): only addresses ending in .csv or .xlsx.
        app.MapGet("/audit/{type}/{**file:regex(\\.(csv|xlsx)$)}", DownloadAsync).WithOrder(-1).ExcludeFromDescription().RequireSignInPage();
        app.MapGet("/audit.{extension:regex(^(csv|xlsx)$)}", RecentDownloadAsync).ExcludeFromDescription().RequireSignInPage();
    }

    [Description("Eén vastgelegde wijziging.")]
    internal sealed record AuditEntryResource(
        [property: Description("Volgnummer.")] long Id,
        [property: Description("Wanneer (UTC).")] DateTimeOffset At,
        [property: Description("Account-id, 'cli:…' voor de opdrachtregel of 'systeem'.")] string ActorId,
        [property: Description("Naam en e-mailadres van het account.")] string ActorName,
        [property: Description("De organisatie waarvoor gehandeld werd; null als onbekend.")] string? OrganisationId,
        [property: Description("Naam van die organisatie.")] string? OrganisationName,
        [property: Description("Soort object.")] string ObjectType,
        [property: Description("Id van het object.")] string ObjectId,
        [property: Description("Tabel van de gewijzigde rij.")] string Entity,
        [property: Description("Sleutel van de gewijzigde rij.")] string EntityKey,
        [property: Description("aangemaakt, gewijzigd of verwijderd.")] string Action,
        [property: Description("Per veld de waarde voor en na.")] IReadOnlyList<AuditFieldResource> Fields)
    {
        public static AuditEntryResource From(AuditChange c) => new(
            c.Id, c.At, c.ActorId, c.ActorName, c.OrganisationId, c.OrganisationName, c.ObjectType, c.ObjectId, c.Entity, c.EntityKey, c.Action,
            [.. c.Fields.Select(f => new AuditFieldResource(f.Name, f.Before, f.After))]);
    }

    [Description("Eén veld: de waarde voor en na (null: geen waarde, of de rij bestond niet).")]
    internal sealed record AuditFieldResource(string Name, string? Before, string? After);

    private static async Task<IResult> ObjectAsync(
        [Description("Soort object: plan, realisatie, traject, afspraak, ontheffing, instructie, vhp, account, regio, …")] string type,
        [Description("Id van het object, bijvoorbeeld 12 (plan), GM0228/2024 (realisatie) of WD19 (traject).")] string id,
        HttpContext http, CurrentActor current, RegiewijzerDb db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await AuditLog.ForObjectAsync(db, actor, type, id, ct).ConfigureAwait(false);
        return outcome.ToApi(http, changes => changes.Select(AuditEntryResource.From).ToList());
    }

    private static async Task<IResult> DownloadAsync(string type, string file, CurrentActor current, RegiewijzerDb db, CancellationToken ct)
    {
        var dot = file.LastIndexOf('.');
        var (id, extension) = (file[..dot], file[(dot + 1)..]);
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await AuditLog.ForObjectAsync(db, actor, type, id, ct).ConfigureAwait(false);
        return outcome.Succeeded
            ? DownloadEndpoints.File(AuditExport.Table("wijzigingen", outcome.Value!), extension, $"wijzigingen-{type}-{id.Replace('/', '-')}")!
            : outcome.Kind == OutcomeKind.NotFound ? Results.NotFound() : Results.Forbid();
    }

    private static async Task<IResult> RecentDownloadAsync(string extension, string? soort, string? organisatie, CurrentActor current, RegiewijzerDb db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var outcome = await AuditLog.RecentAsync(db, actor, soort, organisatie, ct).ConfigureAwait(false);
        return outcome.Succeeded
            ? DownloadEndpoints.File(AuditExport.Table("wijzigingen", outcome.Value!), extension, "wijzigingen")!
            : outcome.Kind == OutcomeKind.NotFound ? Results.NotFound() : Results.Forbid();
    }
}
