using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Deals;
using Regiewijzer.Data.Features.Regions;
using Regiewijzer.Web.Accounts;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The provinces' designations of woningbouwregio's (issue 13): the status per province, the regions in force on a date,
/// a municipality's region on a date, a province's acts and draft (reads, public), and a new act (write, province editors).
/// </summary>
internal static class DesignationEndpoints
{
    private const string Tag = "Woningbouwregio's";
    private const string DateText = "Peildatum als jjjj-mm-dd; standaard vandaag.";

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapRead("/woningbouwregios", InForceAsync).WithTags(Tag)
            .WithName("woningbouwregiosOphalen")
            .WithSummary("De aangewezen woningbouwregio's op een datum en de stand per provincie")
            .WithDescription("Per provincie: aangewezen, aangewezen maar wachtend op een andere provincie (een regio over de grens is pas in werking als elke betrokken provincie haar heeft aangewezen), of indicatief (de woondeals). Daarnaast elke aangewezen regio die op de datum in werking is, met haar gemeenten.")
            .ProducesProblems(400);
        api.MapRead("/gemeenten/{code}/woningbouwregio", RegionOfAsync).WithTags(Tag)
            .WithName("woningbouwregioGemeenteOphalen")
            .WithSummary("In welke woningbouwregio lag een gemeente op een datum?")
            .WithDescription("De aangewezen regio die op de datum in werking was; zonder aanwijzing de woondeals waarbij de gemeente partij is (indicatief).")
            .ProducesProblems(400, 404);
        api.MapRead("/provincies/{code}/aanwijzingen", ActsAsync).WithTags(Tag)
            .WithName("aanwijzingenProvincieOphalen")
            .WithSummary("De aanwijzingen van een provincie en haar concept")
            .WithDescription("Elke vastgelegde aanwijzing (versie, datum van inwerkingtreding, grondslag, regio's en gemeenten) en het concept voor een nieuwe: de woondeals als regio's, de gemeenten in meer dan één woondeal (overlappingen) en de voorgestelde regio per gemeente.")
            .ProducesProblems(404);
        writes.MapPost("/provincies/{code}/aanwijzingen", DesignateAsync).WithTags(Tag)
            .WithName("aanwijzingVastleggen")
            .WithSummary("Een aanwijzing van woningbouwregio's vastleggen")
            .WithDescription("Door een bewerker van de provincie, voor haar eigen gemeenten: elke gemeente in één regio, een naam per regio, de andere provincies van een regio over de grens, de datum van inwerkingtreding en de juridische grondslag. confirmed moet true zijn. basedOnVersion is de laatste versie die u las (0 als er geen was); een nieuwere intussen geeft 409.")
            .ProducesProblems(400, 401, 403, 404, 409, 422);
    }

    private static async Task<Results<Ok<DesignationsResource>, ProblemHttpResult>> InForceAsync(
        [Description(DateText)] string? datum, HttpContext http, RegiewijzerDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!TryDate(datum, clock, out var date))
        {
            return BadDate(http);
        }

        var stored = await LoadDesignations.AllAsync(db, ct).ConfigureAwait(false);
        var status = await LoadDesignations.StatusAsync(db, date, ct).ConfigureAwait(false);
        var regions = Designations.RegionsInForce(date, [.. stored.Select(s => s.Act)]);
        return TypedResults.Ok(DesignationsResource.From(date, status, regions));
    }

    private static async Task<Results<Ok<MunicipalityRegionResource>, ProblemHttpResult>> RegionOfAsync(
        [Description("CBS-gemeentecode, bijvoorbeeld GM0203.")] string code, [Description(DateText)] string? datum, HttpContext http, RegiewijzerDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!TryDate(datum, clock, out var date))
        {
            return BadDate(http);
        }

        var upper = code.Trim().ToUpperInvariant();
        var name = MunicipalityCode.IsValid(upper) ? await db.Municipalities.FindAsync([upper], ct).ConfigureAwait(false) : null;
        if (name is null)
        {
            return Problems.NotFound(http, $"Er is geen gemeente met code '{code}'; een gemeentecode ziet eruit als GM0203.");
        }

        var region = await LoadDesignations.RegionOfAsync(db, upper, date, ct).ConfigureAwait(false);
        var deals = LoadDesignations.DealsOf(await LoadDeals.AllAsync(db, ct).ConfigureAwait(false), upper).Select(d => RegionRef.Of(d.Id, d.Name)).ToList();
        return TypedResults.Ok(new MunicipalityRegionResource(upper, name.Name, date,
            region is null ? "indicatief" : "aangewezen", region is null ? null : RegionRef.Of(region.Id, region.Name), deals));
    }

    private static async Task<Results<Ok<ProvinceDesignationsResource>, ProblemHttpResult>> ActsAsync(
        [Description("CBS-provinciecode, PV20 tot en met PV31.")] string code, HttpContext http, RegiewijzerDb db, TimeProvider clock, CancellationToken ct)
    {
        var today = DutchTime.Date(clock.GetUtcNow());
        var work = await LoadDesignations.WorkspaceAsync(db, code, today, ct).ConfigureAwait(false);
        return work is null
            ? Problems.NotFound(http, $"Er is geen provincie met code '{code}'; gebruik PV20 tot en met PV31.")
            : TypedResults.Ok(ProvinceDesignationsResource.From(work));
    }

    private static async Task<IResult> DesignateAsync(
        [Description("CBS-provinciecode, PV20 tot en met PV31.")] string code, DesignationRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        DateOnly? from = null;
        if (body?.InForceFrom is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                from = d;
            }
            else
            {
                errors.Add(new InvalidParam("inForceFrom", "Geef de datum als jjjj-mm-dd, bijvoorbeeld 2027-03-01."));
            }
        }

        if (body?.Confirmed != true)
        {
            errors.Add(new InvalidParam("confirmed", "Een aanwijzing is een besluit: stuur confirmed: true mee om te bevestigen dat dit de vastgestelde aanwijzing is."));
        }

        if (errors.Count > 0)
        {
            return Problems.InvalidInput(http, errors);
        }

        var input = new DesignationInput(
            from,
            body!.LegalReference,
            [.. (body.Regions ?? []).Select(r => new DesignationRegionInput(r?.Id, r?.Name, r?.Partners))],
            body.Municipalities ?? new Dictionary<string, string?>(),
            body.BasedOnVersion);
        return (await DesignateRegions.RunAsync(db, await current.GetAsync(ct).ConfigureAwait(false), code, input, clock, ct).ConfigureAwait(false))
            .ToApi(http, DesignationActResource.From, created: true, location: s => $"{ApiConventions.BasePath}/provincies/{s.Act.Province.Value}/aanwijzingen");
    }

    private static bool TryDate(string? text, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = DutchTime.Date(clock.GetUtcNow());
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ProblemHttpResult BadDate(HttpContext http) =>
        Problems.InvalidParameters(http, [new InvalidParam("datum", "De peildatum is geen datum: geef hem als jjjj-mm-dd, bijvoorbeeld 2027-03-01")]);
}

/// <summary>The task per region and period (issue 13): read (public), set by the province, proposed by a municipality, decided by the province.</summary>
internal static class RegionTaskEndpoints
{
    private const string Tag = "Woningbouwregio's";

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapRead("/regios/{id}/opgave", GetAsync).WithTags(Tag)
            .WithName("regioOpgaveOphalen")
            .WithSummary("De opgave van een regio in een periode")
            .WithDescription("Per gemeente de opgave (afgesproken met bron, of afgeleid met methode) en een open voorstel van de gemeente; de regionale opgave is hun som. periode: jjjj-jjjj (standaard de periode die de verdeling gebruikt).")
            .ProducesProblems(400, 404);
        writes.MapPut("/regios/{id}/opgave", SetAsync).WithTags(Tag)
            .WithName("regioOpgaveVaststellen")
            .WithSummary("De opgave van gemeenten vaststellen (provincie)")
            .WithDescription("Door een bewerker van de provincie, voor haar eigen gemeenten in de regio. Per gemeente: homes, origin (afgesproken of afgeleid), basis (bron of methode) en de gelezen version (0 voor een nieuwe opgave).")
            .ProducesProblems(400, 401, 403, 404, 409, 422);
        writes.MapPost("/regios/{id}/opgave/periode", UsePeriodAsync).WithTags(Tag)
            .WithName("regioPeriodeKiezen")
            .WithSummary("De periode kiezen die de verdeling gebruikt (provincie)")
            .ProducesProblems(400, 401, 403, 404, 409);
        writes.MapPost("/gemeenten/{code}/opgavevoorstellen", ProposeAsync).WithTags(Tag)
            .WithName("opgaveVoorstellen")
            .WithSummary("Een eigen opgave voorstellen (gemeente)")
            .WithDescription("Door een bewerker van de gemeente, met onderbouwing; een nieuw voorstel vervangt het open voorstel voor dezelfde periode.")
            .ProducesProblems(400, 401, 403, 404, 422);
        writes.MapPost("/opgavevoorstellen/{id:int}/besluit", DecideAsync).WithTags(Tag)
            .WithName("opgaveVoorstelBesluiten")
            .WithSummary("Een voorstel vaststellen of afwijzen (provincie)")
            .ProducesProblems(401, 403, 404, 409, 422);
    }

    private static async Task<IResult> GetAsync([Description("Regiocode, bijvoorbeeld WD19.")] string id, [Description("Periode als jjjj-jjjj, bijvoorbeeld 2026-2035.")] string? periode, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct)
    {
        var period = periode is null ? null : TaskPeriod.TryParse(periode);
        if (periode is not null && period is null)
        {
            return Problems.InvalidParameters(http, [new InvalidParam("periode", "Geef de periode als jjjj-jjjj, bijvoorbeeld 2026-2035 (ten hoogste 15 jaar)")]);
        }

        var view = await RegionTasks.LoadAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, period, ct).ConfigureAwait(false);
        return view is null ? Problems.NotFound(http, $"Er is geen woningbouwregio met code '{id}'.") : TypedResults.Ok(RegionTaskResource.From(view));
    }

    private static async Task<IResult> SetAsync(string id, RegionTaskRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        if (TaskPeriod.TryParse(body?.Period) is not { } period)
        {
            return Problems.InvalidInput(http, [new InvalidParam("period", "Geef de periode als jjjj-jjjj, bijvoorbeeld 2026-2035.")]);
        }

        var entries = (body!.Tasks ?? []).Select(t => (new TaskEntry(t?.Municipality ?? string.Empty, t?.Homes, t?.Origin, t?.Basis), t?.Version)).ToList();
        return (await RegionTasks.SetAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, period, entries, clock, ct).ConfigureAwait(false)).ToApi(http, RegionTaskResource.From);
    }

    private static async Task<IResult> UsePeriodAsync(string id, RegionPeriodRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, CancellationToken ct) =>
        TaskPeriod.TryParse(body?.Period) is not { } period
            ? Problems.InvalidInput(http, [new InvalidParam("period", "Geef de periode als jjjj-jjjj, bijvoorbeeld 2026-2035.")])
            : (await RegionTasks.UsePeriodAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, period, ct).ConfigureAwait(false))
                .ToApi(http, r => new RegionPeriodResource(r.Id, $"{r.PeriodFrom}-{r.PeriodTo}"));

    private static async Task<IResult> ProposeAsync(string code, TaskProposalRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct) =>
        TaskPeriod.TryParse(body?.Period) is not { } period
            ? Problems.InvalidInput(http, [new InvalidParam("period", "Geef de periode als jjjj-jjjj, bijvoorbeeld 2026-2035.")])
            : (await RegionTasks.ProposeAsync(db, await current.GetAsync(ct).ConfigureAwait(false), code, period, body!.Homes, body.Reasoning, clock, ct).ConfigureAwait(false))
                .ToApi(http, TaskProposalResource.From, created: true, location: p => $"{ApiConventions.BasePath}/opgavevoorstellen/{p.Id}/besluit");

    private static async Task<IResult> DecideAsync(int id, TaskProposalDecisionRequest body, HttpContext http, RegiewijzerDb db, CurrentActor current, TimeProvider clock, CancellationToken ct) =>
        body?.Adopt is not { } adopt
            ? Problems.InvalidInput(http, [new InvalidParam("adopt", "Geef true (vaststellen) of false (afwijzen).")])
            : (await RegionTasks.DecideAsync(db, await current.GetAsync(ct).ConfigureAwait(false), id, adopt, body.Version, clock, ct).ConfigureAwait(false)).ToApi(http, TaskProposalResource.From);
}
