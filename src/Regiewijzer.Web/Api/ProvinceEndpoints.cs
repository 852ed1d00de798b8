using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
    }

    private static async Task<Ok<IReadOnlyList<ProvinceResource>>> ListAsync(RegiewijzerDb db, CountryCache country, CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var rows = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
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
        var key = code.ToUpperInvariant();
        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == key, ct).ConfigureAwait(false);
        if (province is null)
        {
            return Problems.NotFound(context, $"Er is geen provincie met code '{code}'; gebruik PV20 tot en met PV31.");
        }

        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var codes = await db.Municipalities.AsNoTracking().Where(m => m.ProvinceCode == key).Select(m => m.Code).ToListAsync(ct).ConfigureAwait(false);
        var aggregate = check.Provinces.FirstOrDefault(p => string.Equals(p.Code, key, StringComparison.Ordinal));
        return TypedResults.Ok(ProvinceDetail.From(province, aggregate, check, codes.ToHashSet(StringComparer.Ordinal)));
    }
}
