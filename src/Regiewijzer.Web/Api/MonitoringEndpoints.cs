using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

/// <summary>
/// Monitoring (issue 5): progress (/voortgang) and forecast (/prognose) of the nation, a province, a region and a
/// municipality from <see cref="MonitoringCache"/>; a province's warnings; a municipality's stored plans and realisations.
/// </summary>
internal static class MonitoringEndpoints
{
    public const string Tag = "Voortgang";

    private const string ProgressDescription =
        "Gerealiseerd en gepland tegen het traject van de afgesproken doelen (lineair tenzij aangepast), per jaar en per segment, met per groep de "
        + "signaleringsfase (95/85/75% van het traject), de plannen per planstatus en de voorgestelde volgende stap op de escalatieladder. "
        + "Groepen die niet beoordeeld worden, zeggen waarom. Met het peiljaar en de herkomst van elk getal (benaderingen en aannames gemarkeerd).";

    private const string ForecastDescription =
        "Monte Carlo over de plannen met een realisatiekans en vertraging per planstatus (aannames met bron): per segment en groep P10/P50/P90 "
        + "per jaar en cumulatief, het gemiddelde, en voor beoordeelde groepen de kans om het doel te halen. Reproduceerbaar met runs en seed. "
        + "Lees de beperking (limitation): plannen zijn onafhankelijk, gemeenschappelijke schokken zitten niet in het model.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapRead("/voortgang", NationProgressAsync).Progress("voortgangLandOphalen", "Voortgang van het land");
        api.MapRead("/provincies/{code}/voortgang", ProvinceProgressAsync).Progress("voortgangProvincieOphalen", "Voortgang van een provincie").ProducesProblems(404);
        api.MapRead("/regios/{id}/voortgang", RegionProgressAsync).Progress("voortgangRegioOphalen", "Voortgang van een woningbouwregio").ProducesProblems(404);
        api.MapRead("/gemeenten/{code}/voortgang", MunicipalityProgressAsync).Progress("voortgangGemeenteOphalen", "Voortgang van een gemeente").ProducesProblems(404);

        api.MapRead("/prognose", NationForecastAsync).Forecast("prognoseLandOphalen", "Prognose van het land").ProducesProblems(400);
        api.MapRead("/provincies/{code}/prognose", ProvinceForecastAsync).Forecast("prognoseProvincieOphalen", "Prognose van een provincie").ProducesProblems(400, 404);
        api.MapRead("/regios/{id}/prognose", RegionForecastAsync).Forecast("prognoseRegioOphalen", "Prognose van een woningbouwregio").ProducesProblems(400, 404);
        api.MapRead("/gemeenten/{code}/prognose", MunicipalityForecastAsync).Forecast("prognoseGemeenteOphalen", "Prognose van een gemeente").ProducesProblems(400, 404);

        api.MapRead("/provincies/{code}/signaleringen", WarningsAsync)
            .WithTags(Tag)
            .WithName("signaleringenProvincieOphalen")
            .WithSummary("Signaleringen van een provincie, de slechtste eerst")
            .WithDescription("De provincie, de regio's met gemeenten erin en haar gemeenten met een doel waarvan de slechtste beoordeelde groep niet op koers is, met de voorgestelde stap.")
            .ProducesProblems(404);
        api.MapRead("/gemeenten/{code}/plannen", PlansAsync)
            .WithTags(Tag)
            .WithName("plannenGemeenteOphalen")
            .WithSummary("De opgeslagen plannen van een gemeente")
            .WithDescription("Elk plan met planstatus, prijspeil, opleveringen per jaar en segment, contract, bron, aanname en versie. Alleen lezen.")
            .ProducesProblems(404);
        api.MapRead("/gemeenten/{code}/realisaties", RealisationsAsync)
            .WithTags(Tag)
            .WithName("realisatiesGemeenteOphalen")
            .WithSummary("De opgeleverde woningen van een gemeente per jaar")
            .WithDescription("Per jaar de woningen per segment met bron, of het een schatting of benadering is, toelichting en versie. Alleen lezen.")
            .ProducesProblems(404);
    }

    private static RouteHandlerBuilder Progress(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithTags(Tag).WithName(name).WithSummary(summary).WithDescription(ProgressDescription);

    private static RouteHandlerBuilder Forecast(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithTags(Tag).WithName(name).WithSummary(summary).WithDescription(ForecastDescription).AddOpenApiOperationTransformer(ForecastQuery.Describe);

    private static Task<Results<Ok<ProgressResource>, ProblemHttpResult>> NationProgressAsync(HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ProgressAsync(MonitoringLevel.Nation, MonitoringSubject.Nation.Id, context, cache, ct);

    private static Task<Results<Ok<ProgressResource>, ProblemHttpResult>> ProvinceProgressAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code, HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ProgressAsync(MonitoringLevel.Province, code, context, cache, ct);

    private static Task<Results<Ok<ProgressResource>, ProblemHttpResult>> RegionProgressAsync(
        [Description("Regio-id, bijvoorbeeld WD19 (Regio Foodvalley).")] string id, HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ProgressAsync(MonitoringLevel.Region, id, context, cache, ct);

    private static Task<Results<Ok<ProgressResource>, ProblemHttpResult>> MunicipalityProgressAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code, HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ProgressAsync(MonitoringLevel.Municipality, code, context, cache, ct);

    private static Task<Results<Ok<ForecastResource>, ProblemHttpResult>> NationForecastAsync(
        [Description(ForecastQuery.RunsDescription)] string? runs, [Description(ForecastQuery.SeedDescription)] string? seed,
        HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ForecastAsync(MonitoringLevel.Nation, MonitoringSubject.Nation.Id, runs, seed, context, cache, ct);

    private static Task<Results<Ok<ForecastResource>, ProblemHttpResult>> ProvinceForecastAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code,
        [Description(ForecastQuery.RunsDescription)] string? runs, [Description(ForecastQuery.SeedDescription)] string? seed,
        HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ForecastAsync(MonitoringLevel.Province, code, runs, seed, context, cache, ct);

    private static Task<Results<Ok<ForecastResource>, ProblemHttpResult>> RegionForecastAsync(
        [Description("Regio-id, bijvoorbeeld WD19 (Regio Foodvalley).")] string id,
        [Description(ForecastQuery.RunsDescription)] string? runs, [Description(ForecastQuery.SeedDescription)] string? seed,
        HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ForecastAsync(MonitoringLevel.Region, id, runs, seed, context, cache, ct);

    private static Task<Results<Ok<ForecastResource>, ProblemHttpResult>> MunicipalityForecastAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code,
        [Description(ForecastQuery.RunsDescription)] string? runs, [Description(ForecastQuery.SeedDescription)] string? seed,
        HttpContext context, MonitoringCache cache, CancellationToken ct) =>
        ForecastAsync(MonitoringLevel.Municipality, code, runs, seed, context, cache, ct);

    private static async Task<Results<Ok<ProgressResource>, ProblemHttpResult>> ProgressAsync(
        MonitoringLevel level, string id, HttpContext context, MonitoringCache cache, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct).ConfigureAwait(false);
        return snapshot.Find(level, id.Trim().ToUpperInvariant()) is { } subject
            ? TypedResults.Ok(snapshot.Keep($"api/voortgang/{subject.Level}/{subject.Id}", () => ProgressResource.From(snapshot, snapshot.Progress(subject))))
            : NotFound(context, level, id);
    }

    private static async Task<Results<Ok<ForecastResource>, ProblemHttpResult>> ForecastAsync(
        MonitoringLevel level, string id, string? runs, string? seed, HttpContext context, MonitoringCache cache, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct).ConfigureAwait(false);
        if (snapshot.Find(level, id.Trim().ToUpperInvariant()) is not { } subject)
        {
            return NotFound(context, level, id);
        }

        var (r, s, invalid) = ForecastQuery.Read(runs, seed);
        if (invalid.Count > 0)
        {
            return Problems.InvalidParameters(context, invalid);
        }

        var progress = snapshot.Progress(subject);
        return TypedResults.Ok(ForecastResource.From(snapshot, progress, await cache.ForecastAsync(snapshot, progress, r, s, ct).ConfigureAwait(false)));
    }

    private static async Task<Results<Ok<WarningsResource>, ProblemHttpResult>> WarningsAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code, HttpContext context, MonitoringCache cache, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct).ConfigureAwait(false);
        if (snapshot.Find(MonitoringLevel.Province, code.Trim().ToUpperInvariant()) is not { } province)
        {
            return NotFound(context, MonitoringLevel.Province, code);
        }

        var warnings = snapshot.Warnings(province.Id);
        var notes = new List<string>
        {
            $"Peiljaar {snapshot.AsOfYear}. Onderwerpen zonder afgesproken doel en onderwerpen die op koers zijn, staan niet in de lijst.",
            "Per onderwerp telt de slechtste beoordeelde groep (group). Is van gerealiseerde woningen het segment onbekend, dan wordt alleen het totaal beoordeeld.",
        };
        if (warnings.Any(w => w.UsesEstimates))
        {
            notes.Add("Een deel van het gerealiseerde is een benadering (aanname); zie usesEstimates en de voortgang van het onderwerp.");
        }

        return TypedResults.Ok(new WarningsResource(
            ProvinceRef.Of(province.Id, province.Name),
            snapshot.AsOfYear,
            [.. warnings.Select(WarningResource.From)],
            ThresholdsResource.From(snapshot.Thresholds),
            notes));
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanResource>>, ProblemHttpResult>> PlansAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code, HttpContext context, RegiewijzerDb db, CancellationToken ct)
    {
        return await ReferenceQueries.PlansAsync(db, code, ct).ConfigureAwait(false) is { } rows
            ? TypedResults.Ok<IReadOnlyList<PlanResource>>([.. rows.Select(PlanResource.From)])
            : NotFound(context, MonitoringLevel.Municipality, code);
    }

    private static async Task<Results<Ok<IReadOnlyList<RealisationResource>>, ProblemHttpResult>> RealisationsAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code, HttpContext context, RegiewijzerDb db, CancellationToken ct)
    {
        return await ReferenceQueries.RealisationsAsync(db, code, ct).ConfigureAwait(false) is { } rows
            ? TypedResults.Ok<IReadOnlyList<RealisationResource>>([.. rows.Select(RealisationResource.From)])
            : NotFound(context, MonitoringLevel.Municipality, code);
    }

    private static ProblemHttpResult NotFound(HttpContext context, MonitoringLevel level, string id) => Problems.NotFound(context, level switch
    {
        MonitoringLevel.Province => $"Er is geen provincie met code '{id}'; gebruik PV20 tot en met PV31.",
        MonitoringLevel.Region => $"Er is geen regio met id '{id}'; {ApiConventions.BasePath}/regios noemt alle regio's (WD01 tot en met WD35).",
        _ => $"Er is geen gemeente met CBS-code '{id}'; {ApiConventions.BasePath}/gemeenten noemt alle gemeenten.",
    });
}
