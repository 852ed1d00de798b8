using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Data;

namespace Regiewijzer.Web.Api;

/// <summary>/provincies: the twelve provinces with the totals of the country check (CountryCache).</summary>
internal static class ProvinceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var provinces = api.MapGroup("/provincies").WithTags("Provincies");
        provinces.MapRead("", ListAsync)
            .WithName("provinciesOphalen")
            .WithSummary("Alle provincies met hun totalen tegen de normen")
            .WithDescription("De doelen van alle verdeelde regio's, opgeteld per provincie (een regio over de grens telt mee met haar gemeenten in elke provincie), getoetst aan 2/3 betaalbaar en 3/10 sociale huur.");
        provinces.MapRead("/{code}", GetAsync)
            .WithName("provincieOphalen")
            .WithSummary("Eén provincie met haar regio's en bevindingen")
            .ProducesProblems(404);
        provinces.MapRead("/{code}/grensregios", LevelsAsync)
            .WithName("grensregiosProvincieOphalen")
            .WithSummary("De norm per provinciaal deel: een provincie bij verdeling per deel en alleen op regioniveau")
            .WithDescription("Welke regio's over de grens de provincie onder de norm trekken als alleen de regio als geheel de norm haalt, en wat de verdeling per provinciaal deel (de standaard) verandert; een deel dat ook dan tekortkomt is onhaalbaar binnen de ruimte van zijn gemeenten.")
            .ProducesProblems(404);
        api.MapRead("/grensregios", AllLevelsAsync)
            .WithTags("Provincies")
            .WithName("grensregiosOphalen")
            .WithSummary("De norm op elk niveau: alle provincies en het land bij verdeling per provinciaal deel en alleen op regioniveau");
    }

    private static async Task<Ok<LevelsResource>> AllLevelsAsync(CountryCache country, CancellationToken ct) =>
        TypedResults.Ok(LevelsResource.From(await country.GetAsync(ct).ConfigureAwait(false)));

    private static async Task<Results<Ok<ProvinceLevelsResource>, ProblemHttpResult>> LevelsAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code,
        HttpContext context,
        CountryCache country,
        CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var levels = check.Levels.FirstOrDefault(l => string.Equals(l.Code, code.ToUpperInvariant(), StringComparison.Ordinal));
        return levels is null
            ? Problems.NotFound(context, $"Er is geen provincie met code '{code}' met verdeelde regio's; gebruik PV20 tot en met PV31.")
            : TypedResults.Ok(ProvinceLevelsResource.From(levels));
    }

    private static async Task<Ok<IReadOnlyList<ProvinceResource>>> ListAsync(RegiewijzerDb db, CountryCache country, CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var rows = await Data.Features.ReferenceQueries.ProvincesAsync(db, ct).ConfigureAwait(false);
        var checks = check.Provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        return TypedResults.Ok<IReadOnlyList<ProvinceResource>>([.. rows.Select(p => ProvinceResource.From(p, checks.GetValueOrDefault(p.Code)))]);
    }

    private static async Task<Results<Ok<ProvinceDetail>, ProblemHttpResult>> GetAsync(
        [Description("CBS-provinciecode, PV20 (Groningen) tot en met PV31 (Limburg).")] string code,
        HttpContext context,
        RegiewijzerDb db,
        CountryCache country,
        CancellationToken ct)
    {
        var province = await Data.Features.ReferenceQueries.ProvinceAsync(db, code, ct).ConfigureAwait(false);
        if (province is null)
        {
            return Problems.NotFound(context, $"Er is geen provincie met code '{code}'; gebruik PV20 tot en met PV31.");
        }

        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var codes = await Data.Features.ReferenceQueries.MunicipalitiesInProvinceAsync(db, province.Code, ct).ConfigureAwait(false);
        var aggregate = check.Provinces.FirstOrDefault(p => string.Equals(p.Code, province.Code, StringComparison.Ordinal));
        return TypedResults.Ok(ProvinceDetail.From(province, aggregate, check, codes));
    }
}
