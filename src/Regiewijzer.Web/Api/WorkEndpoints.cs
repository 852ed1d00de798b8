using System.ComponentModel;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Work;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// Mijn Regiewijzer in the API (issue 15): what waits for the account's organisations and what happened, and the account's
/// notifications. Also the page address /meldingen/{id} that opens a notification and marks it read.
/// </summary>
internal static class WorkEndpoints
{
    private const string Tag = "Mijn Regiewijzer";

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapRead("/werkvoorraad", WorkAsync).RequireSignIn().WithTags(Tag)
            .WithName("werkvoorraadOphalen")
            .WithSummary("Wat er voor de organisaties van het aangemelde account klaarstaat, en wat er is gebeurd")
            .WithDescription("Per organisatie waarin het account een rol heeft: wat erop wacht (reageren op een voorgestelde versie, besluiten op een verzoek om ontheffing, "
                             + "een instructie uitvoeren, het volkshuisvestingsprogramma, bevindingen) met de termijn en of die verstreken is, en wat er sinds de vorige "
                             + "aanmelding is gebeurd (bij de eerste aanmelding de afgelopen 30 dagen). Dezelfde lijst als de pagina /mijn.")
            .Produces<WorkResource>()
            .ProducesProblems(401);
        api.MapRead("/meldingen", NotificationsAsync).RequireSignIn().WithTags(Tag)
            .WithName("meldingenOphalen")
            .WithSummary("De meldingen van het aangemelde account, nieuwste eerst (hoogstens 50)")
            .Produces<IReadOnlyList<NotificationResource>>()
            .ProducesProblems(401);
        app.MapGet("/meldingen/{id:long}", OpenAsync).ExcludeFromDescription().RequireSignInPage();
    }

    private static async Task<IResult> WorkAsync(HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        return (await MyWork.LoadAsync(db, actor, clock.GetUtcNow(), ct).ConfigureAwait(false)).ToApi(http, WorkResource.From);
    }

    private static async Task<IResult> NotificationsAsync(RegiewijzerDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var list = await NotificationInbox.ListAsync(db, actor.Id, NotificationInbox.PageSize, ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(NotificationResource.From).ToList());
    }

    /// <summary>Opens a notification of the signed-in account: marks it read and goes to its page; another account's is not found.</summary>
    private static async Task<IResult> OpenAsync(long id, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct).ConfigureAwait(false);
        var link = await NotificationInbox.OpenAsync(db, actor.Id, id, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return link is null ? Results.Redirect("/account/meldingen") : Results.Redirect(LocalPaths.Safe(link));
    }
}

[Description("Wat er voor de organisaties van het account klaarstaat en wat er is gebeurd.")]
internal sealed record WorkResource(
    [property: Description("Begin van 'gebeurd': de vorige aanmelding, of 30 dagen terug bij de eerste.")] DateTimeOffset Since,
    [property: Description("Per organisatie waarin het account een rol heeft.")] IReadOnlyList<OrganisationWorkResource> Organisations)
{
    public static WorkResource From(MyWorkView view) => new(view.Since, [.. view.Organisations.Select(OrganisationWorkResource.From)]);
}

[Description("Wat er op één organisatie wacht en wat haar aanging.")]
internal sealed record OrganisationWorkResource(
    [property: Description("RIJK, PV-code of GM-code.")] string Code,
    string Name,
    [property: Description("De rol van het account: lezer, bewerker of beheerder.")] string Role,
    IReadOnlyList<WorkItemResource> Waiting,
    IReadOnlyList<EventResource> Happened)
{
    public static OrganisationWorkResource From(OrganisationWork o) => new(
        o.Organisation.Id, o.Name, Data.Accounts.RoleNames.Dutch(o.Role),
        [.. o.Waiting.Select(WorkItemResource.From)], [.. o.Happened.Select(EventResource.From)]);
}

[Description("Eén taak die wacht, met de plek waar zij gedaan wordt en de termijn.")]
internal sealed record WorkItemResource(
    [property: Description("Soort taak: reageren, vaststellen, ontheffingBesluiten, instructieUitvoeren, instructieNagaan, programmaVaststellen, programmaBevindingen, gegevenskwaliteit of opgavevoorstelBeoordelen.")] string Kind,
    string Title,
    string Detail,
    [property: Description("Pad van de pagina waar de taak gedaan wordt.")] string Link,
    [property: Description("Uiterste datum; null zonder termijn.")] DateOnly? Due,
    [property: Description("geen, open, binnenkort of verstreken.")] string DueState,
    [property: Description("De parameter waar de termijn uit komt, met zekerheid; null voor de termijn van een instructie.")] string? DueBasis)
{
    public static WorkItemResource From(Core.Governance.WorkItem i) => new(
        Core.Governance.WorkList.Code(i.Kind), i.Title, i.Detail, i.Link, i.Due,
        i.State switch { Core.Governance.DueState.Overdue => "verstreken", Core.Governance.DueState.Soon => "binnenkort", Core.Governance.DueState.Open => "open", _ => "geen" },
        i.Basis is { } b ? $"{b.Label} ({b.Confidence.Dutch()})" : null);
}

[Description("Eén gebeurtenis.")]
internal sealed record EventResource([property: Description("afspraakVoorgesteld, reactieGegeven, afspraakVastgesteld, ontheffingGevraagd, ontheffingBesloten, instructieGegeven of opgaveVoorgesteld.")] string Kind, DateTimeOffset At, string Title, string Link)
{
    public static EventResource From(Core.Governance.GovernanceEvent e) => new(Core.Governance.GovernanceEvents.Code(e.Kind), e.At, e.Title, e.Link);
}

[Description("Eén melding.")]
internal sealed record NotificationResource(long Id, [property: Description("Soort gebeurtenis, als bij gebeurd.")] string Kind, DateTimeOffset At, string Title, string Link, bool Read)
{
    public static NotificationResource From(NotificationView n) => new(n.Id, Core.Governance.GovernanceEvents.Code(n.Kind), n.At, n.Title, n.Link, n.Read);
}
