using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

/// <summary>/regios: the woningbouwregio's, their members, distribution (from CountryCache) and scenario.</summary>
internal static class RegionEndpoints
{
    private const string KeyDescription =
        "Verdeelsleutel voor het sociale restant: proportional (proportioneel), lagging-first (achterblijvers-eerst) of gap-weighted (naar-achterstand). Zonder deze parameter de sleutel van de regio.";

    private static readonly ConditionalWeakTable<RegionDistribution, string> Written = new();

    public static void Map(RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regios").WithTags("Regio's");
        regions.MapRead("", ListAsync)
            .WithName("regiosOphalen")
            .WithSummary("Alle 35 woningbouwregio's")
            .WithDescription("Per regio de opgave, de herkomst van de opgaven (afgesproken of afgeleid), het woondealtotaal en de uitkomst van de verdeling tegen de normen.");
        regions.MapRead("/{id}", GetAsync)
            .WithName("regioOphalen")
            .WithSummary("Eén regio met haar leden, normen en bevindingen")
            .WithDescription("Elke gemeente met haar opgave (en de herkomst), de gebruikte voorraad (peiljaar, maatstaf, bron) en haar doelen.")
            .ProducesProblems(404);
        regions.MapRead("/{id}/verdeling", DistributionAsync)
            .WithName("regioVerdelingOphalen")
            .WithSummary("De verdeling van de regio")
            .WithDescription("In het uitvoerformaat van het scenarioformaat (zie /api#scenario), met per gemeente de uitleg in acht stappen. Gelijk aan het resultaat van POST /verdelingen met het scenario van de regio.")
            .Produces<ScenarioResultSchema>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(400, 404, 409);
        regions.MapRead("/{id}/scenario", ScenarioAsync)
            .WithName("regioScenarioOphalen")
            .WithSummary("De invoer van de verdeling als scenario")
            .WithDescription("Het scenario (scenarioformaat, zie /api#scenario) met de opgaven en voorraad van de leden met een opgave. Pas het aan (ontheffing, toezegging, opgave, sleutel) en post het naar /verdelingen voor een wat-als-berekening.")
            .Produces<ScenarioInputSchema>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(400, 404, 409);
    }

    private static async Task<Ok<IReadOnlyList<RegionResource>>> ListAsync(RegiewijzerDb db, CountryCache country, CancellationToken ct)
    {
        var summaries = await ListRegions.RunAsync(db, ct).ConfigureAwait(false);
        var outcomes = ById(await country.GetAsync(ct).ConfigureAwait(false));
        return TypedResults.Ok<IReadOnlyList<RegionResource>>([.. summaries.Select(s => RegionResource.From(s, outcomes[s.Id]))]);
    }

    private static async Task<Results<Ok<RegionDetail>, ProblemHttpResult>> GetAsync(
        [Description("Regio-id, bijvoorbeeld WD19 (Regio Foodvalley).")] string id,
        HttpContext context,
        RegiewijzerDb db,
        CountryCache country,
        CancellationToken ct)
    {
        if (await FindAsync(country, id, ct).ConfigureAwait(false) is not { } outcome)
        {
            return NotFound(context, id);
        }

        var regionId = outcome.Question.Region.Id;
        var summary = (await ListRegions.RunAsync(db, regionId, ct).ConfigureAwait(false)).Single();
        var members = await ReferenceQueries.MembersAsync(db, regionId, ct).ConfigureAwait(false);
        return TypedResults.Ok(RegionDetail.From(RegionResource.From(summary, outcome), outcome, members));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> DistributionAsync(
        [Description("Regio-id, bijvoorbeeld WD19.")] string id,
        [Description(KeyDescription)] string? sleutel,
        HttpContext context,
        CountryCache country,
        CancellationToken ct)
    {
        var (outcome, key, problem) = await DistributableAsync(country, id, sleutel, context, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = outcome!.Result!;

        if (key is { } k && k != result.Key)
        {
            var scenario = outcome.Question.Scenario;
            return ApiJson.Text(ScenarioWriter.WriteResult(Distribution.DistributeCancellable(scenario.Region with { Key = k }, scenario.Norms, ct)));
        }

        // The cached country check holds the same result object until it expires; its JSON (with the explanations) is written once.
        return ApiJson.Text(Written.GetValue(result, ScenarioWriter.WriteResult));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ScenarioAsync(
        [Description("Regio-id, bijvoorbeeld WD19.")] string id,
        [Description(KeyDescription)] string? sleutel,
        HttpContext context,
        CountryCache country,
        CancellationToken ct)
    {
        var (outcome, key, problem) = await DistributableAsync(country, id, sleutel, context, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var scenario = outcome!.Question.Scenario;
        return ApiJson.Text(ScenarioWriter.WriteInput(key is { } k ? scenario with { Region = scenario.Region with { Key = k } } : scenario));
    }

    /// <summary>Reads ?sleutel=: the scenario name or its Dutch name; true with null when absent.</summary>
    internal static bool TryKey(string? text, out DistributionKey? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DistributionKeys.TryParse(text, out var known, lenient: true))
        {
            key = known;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult InvalidKey(HttpContext context, string? text) => Problems.InvalidParameters(
        context,
        [new InvalidParam("sleutel", $"'{text}' is geen verdeelsleutel; kies {DistributionKeys.Choices}")]);

    private static ProblemHttpResult NotFound(HttpContext context, string id) =>
        Problems.NotFound(context, $"Er is geen regio met id '{id}'; {ApiConventions.BasePath}/regios noemt alle regio's (WD01 tot en met WD35).");

    /// <summary>The region with a distribution and the requested key, or the problem: 404 unknown id, 400 bad key, 409 nothing to distribute.</summary>
    private static async Task<(RegionOutcome? Outcome, DistributionKey? Key, ProblemHttpResult? Problem)> DistributableAsync(
        CountryCache country, string id, string? sleutel, HttpContext context, CancellationToken ct)
    {
        if (await FindAsync(country, id, ct).ConfigureAwait(false) is not { } outcome)
        {
            return (null, null, NotFound(context, id));
        }

        if (!TryKey(sleutel, out var key))
        {
            return (null, null, InvalidKey(context, sleutel));
        }

        return outcome.Result is null
            ? (null, null, Problems.NothingToDistribute(context, outcome.NotDistributed!))
            : (outcome, key, null);
    }

    private static async Task<RegionOutcome?> FindAsync(CountryCache country, string id, CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        return check.Regions.FirstOrDefault(r => string.Equals(r.Question.Region.Id, id, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, RegionOutcome> ById(CountryCheck check) =>
        check.Regions.ToDictionary(r => r.Question.Region.Id, StringComparer.Ordinal);
}
