using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Core.Geography;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

/// <summary>/gemeenten: the 342 municipalities (MunicipalityIndicators) and one municipality with its explanation (LoadMunicipality).</summary>
internal static class MunicipalityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var municipalities = api.MapGroup("/gemeenten").WithTags("Gemeenten");
        municipalities.MapRead("", ListAsync)
            .WithName("gemeentenOphalen")
            .WithSummary("Alle gemeenten, met regio, provincie, opgave en doelen")
            .WithDescription("Alle 342 gemeenten (indeling 2025), op CBS-code. Filter met provincie en regio.")
            .ProducesProblems(400);
        municipalities.MapRead("/{code}", GetAsync)
            .WithName("gemeenteOphalen")
            .WithSummary("Eén gemeente: hoe komt haar getal tot stand?")
            .WithDescription("De opgave met herkomst, de voorraad met bron, de indicatoren, haar deel van de verdeling van de regio en de uitleg in acht stappen, elk met waarden, regel en bron.")
            .ProducesProblems(404);
    }

    private static async Task<Results<Ok<IReadOnlyList<MunicipalityResource>>, ProblemHttpResult>> ListAsync(
        [Description("Alleen gemeenten in deze provincie (CBS-code, bijvoorbeeld PV25).")] string? provincie,
        [Description("Alleen gemeenten in deze regio (id, bijvoorbeeld WD19).")] string? regio,
        HttpContext context,
        RegiewijzerDb db,
        CountryCache country,
        CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var invalid = new List<InvalidParam>();
        if (provincie is not null && !ProvinceCode.IsValid(provincie.ToUpperInvariant()))
        {
            invalid.Add(new("provincie", $"'{provincie}' is geen CBS-provinciecode (PV20 tot en met PV31)"));
        }

        if (regio is not null && !check.Regions.Any(r => string.Equals(r.Question.Region.Id, regio, StringComparison.OrdinalIgnoreCase)))
        {
            invalid.Add(new("regio", $"er is geen regio met id '{regio}' (WD01 tot en met WD35)"));
        }

        if (invalid.Count > 0)
        {
            return Problems.InvalidParameters(context, invalid);
        }

        var indicators = await MunicipalityIndicators.RunAsync(db, check, ct).ConfigureAwait(false);
        var rows = indicators.Municipalities
            .Where(m => provincie is null || string.Equals(m.ProvinceCode, provincie, StringComparison.OrdinalIgnoreCase))
            .Where(m => regio is null || string.Equals(m.RegionId, regio, StringComparison.OrdinalIgnoreCase))
            .Select(MunicipalityResource.From);
        return TypedResults.Ok<IReadOnlyList<MunicipalityResource>>([.. rows]);
    }

    private static async Task<Results<Ok<MunicipalityDetail>, ProblemHttpResult>> GetAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code,
        HttpContext context,
        RegiewijzerDb db,
        CancellationToken ct)
    {
        var facts = await LoadMunicipality.RunAsync(db, code, ct).ConfigureAwait(false);
        return facts is null
            ? Problems.NotFound(context, $"Er is geen gemeente met CBS-code '{code}'; {ApiConventions.BasePath}/gemeenten noemt alle gemeenten.")
            : TypedResults.Ok(MunicipalityDetail.From(facts));
    }
}
