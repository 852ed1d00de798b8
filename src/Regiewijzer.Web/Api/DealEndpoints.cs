using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Deals;

namespace Regiewijzer.Web.Api;

/// <summary>/woondeals: the deals as published, their reconciliation and each deal against the law (read only).</summary>
internal static class DealEndpoints
{
    private const string IdText = "Id van de woondeal, WD01 tot en met WD35.";

    public static void Map(RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/woondeals").WithTags("Woondeals");
        deals.MapRead("", ListAsync)
            .WithName("woondealsOphalen")
            .WithSummary("Alle woondeals zoals gepubliceerd")
            .WithDescription("De 35 woondeals: totaal met precisie (exact, afgerond, minimaal, onbekend), partijen (een gemeente kan in twee woondeals zitten), gepubliceerde gemeentelijke aantallen, eigen verdeling, periode en bron, en de eigen verdeling tegen de wet.");
        deals.MapRead("/afstemming", ReconcileAsync)
            .WithName("woondealAfstemmingOphalen")
            .WithSummary("De som van de woondeals tegen het landelijke cijfer en de cijfers van de provincies")
            .WithDescription("De som voor zover bekend (nooit gepresenteerd als de landelijke opgave), welke totalen onbekend, afgerond of minimaal zijn, de gemeenten in twee woondeals en hun dubbeltelling, tegen 936.349 en het gepubliceerde totaal van elke provincie. Zolang een totaal ontbreekt is het oordeel 'niet te beoordelen', met wat ontbreekt.");
        deals.MapRead("/{id}", GetAsync)
            .WithName("woondealOphalen")
            .WithSummary("Eén woondeal met partijen, aantallen, eigen verdeling en de toets aan de wet")
            .ProducesProblems(404);
        deals.MapRead("/{id}/wettoets", LawAsync)
            .WithName("woondealWettoetsOphalen")
            .WithSummary("De eigen verdeling van een woondeal tegen de wet")
            .WithDescription("Sociale huur en betaalbaar zoals de woondeal ze afsprak, naast ⌈30% × totaal⌉ en ⌈2/3 × totaal⌉ van hetzelfde totaal, en hoeveel meer er afgesproken moet worden.")
            .ProducesProblems(404);
        api.MapRead("/provincies/{code}/woondeal-afstemming", ProvinceAsync)
            .WithTags("Woondeals")
            .WithName("woondealAfstemmingProvincieOphalen")
            .WithSummary("De woondeals van één provincie tegen haar gepubliceerde totaal en haar afspraak van 2022")
            .ProducesProblems(404);
    }

    private static async Task<Ok<IReadOnlyList<WoondealResource>>> ListAsync(RegiewijzerDb db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WoondealResource>>([.. (await LoadDeals.AllAsync(db, ct).ConfigureAwait(false)).Select(WoondealResource.From)]);

    private static async Task<Ok<DealReconciliationResource>> ReconcileAsync(RegiewijzerDb db, CancellationToken ct) =>
        TypedResults.Ok(DealReconciliationResource.From(await ReconcileDeals.RunAsync(db, ct).ConfigureAwait(false)));

    private static async Task<Results<Ok<WoondealResource>, ProblemHttpResult>> GetAsync([Description(IdText)] string id, HttpContext context, RegiewijzerDb db, CancellationToken ct) =>
        await LoadDeals.OneAsync(db, id, ct).ConfigureAwait(false) is { } deal
            ? TypedResults.Ok(WoondealResource.From(deal))
            : Problems.NotFound(context, $"Er is geen woondeal met id '{id}'; gebruik WD01 tot en met WD35.");

    private static async Task<Results<Ok<DealLawResource>, ProblemHttpResult>> LawAsync([Description(IdText)] string id, HttpContext context, RegiewijzerDb db, CancellationToken ct) =>
        await ReconcileDeals.AgainstLawAsync(db, id, ct).ConfigureAwait(false) is { } c
            ? TypedResults.Ok(DealLawResource.From(c))
            : Problems.NotFound(context, $"Er is geen woondeal met id '{id}'; gebruik WD01 tot en met WD35.");

    private static async Task<Results<Ok<ProvinceReconciliationResource>, ProblemHttpResult>> ProvinceAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code,
        HttpContext context,
        RegiewijzerDb db,
        CancellationToken ct)
    {
        var result = await ReconcileDeals.RunAsync(db, ct).ConfigureAwait(false);
        var province = result.Provinces.FirstOrDefault(p => string.Equals(p.Figures.Code.Value, code.ToUpperInvariant(), StringComparison.Ordinal));
        return province is null
            ? Problems.NotFound(context, $"Er is geen provincie met code '{code}'; gebruik PV20 tot en met PV31.")
            : TypedResults.Ok(ProvinceReconciliationResource.From(province));
    }
}
