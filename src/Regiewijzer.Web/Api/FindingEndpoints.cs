using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Data;

namespace Regiewijzer.Web.Api;

/// <summary>/bevindingen: the findings and signals of the country check (nation, provinces, regions), filtered.</summary>
internal static class FindingEndpoints
{
    private static readonly Dictionary<string, Severity> Severities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["error"] = Severity.Error,
        ["tekort"] = Severity.Error,
        ["warning"] = Severity.Warning,
        ["let-op"] = Severity.Warning,
        ["signal"] = Severity.Signal,
        ["signaal"] = Severity.Signal,
    };

    private static readonly HashSet<string> Codes = [.. Enum.GetValues<FindingCode>().Select(c => c.ToCodeText())];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapRead("/bevindingen", ListAsync)
            .WithTags("Bevindingen")
            .WithName("bevindingenOphalen")
            .WithSummary("Bevindingen en signalen van land, provincies en regio's")
            .WithDescription(
                "De toets van de verdeelde regio's: tekorten op 2/3 betaalbaar en 3/10 sociale huur per regio, provincie en land, en signalen "
                + "(HIGH_SOCIAL_SHARE) waar een gemeente meer dan de helft van haar opgave als sociale huur krijgt. Met provincie erbij: de "
                + "bevindingen van die provincie en van de regio's met gemeenten daarin (een bevinding over één gemeente alleen als die gemeente in de provincie ligt).")
            .ProducesProblems(400);
    }

    private static async Task<Results<Ok<IReadOnlyList<FindingResource>>, ProblemHttpResult>> ListAsync(
        [Description("Alleen deze provincie en haar regio's (CBS-code, bijvoorbeeld PV25).")] string? provincie,
        [Description("Alleen deze regio (id, bijvoorbeeld WD19).")] string? regio,
        [Description("Alleen deze ernst: error (tekort), warning (let-op) of signal (signaal).")] string? ernst,
        [Description("Alleen deze code, bijvoorbeeld REGION_SOCIAL_SHORTFALL.")] string? code,
        HttpContext context,
        RegiewijzerDb db,
        CountryCache country,
        CancellationToken ct)
    {
        var check = await country.GetAsync(ct).ConfigureAwait(false);
        var invalid = new List<InvalidParam>();
        var province = provincie?.Trim().ToUpperInvariant();
        if (province is not null && !ProvinceCode.IsValid(province))
        {
            invalid.Add(new("provincie", $"'{provincie}' is geen CBS-provinciecode (PV20 tot en met PV31)"));
        }

        if (regio is not null && !check.Regions.Any(r => string.Equals(r.Question.Region.Id, regio, StringComparison.OrdinalIgnoreCase)))
        {
            invalid.Add(new("regio", $"er is geen regio met id '{regio}' (WD01 tot en met WD35)"));
        }

        Severity? severity = null;
        if (ernst is not null)
        {
            if (Severities.TryGetValue(ernst.Trim(), out var s))
            {
                severity = s;
            }
            else
            {
                invalid.Add(new("ernst", $"'{ernst}' is geen ernst; kies error, warning of signal"));
            }
        }

        if (code is not null && !Codes.Contains(code.Trim()))
        {
            invalid.Add(new("code", $"'{code}' is geen bekende code; kies uit {string.Join(", ", Codes.Order(StringComparer.Ordinal))}"));
        }

        if (invalid.Count > 0)
        {
            return Problems.InvalidParameters(context, invalid);
        }

        IReadOnlySet<string>? inProvince = province is null
            ? null
            : await Data.Features.ReferenceQueries.MunicipalitiesInProvinceAsync(db, province, ct).ConfigureAwait(false);
        var all = (regio is null ? Aggregates(check, province) : []).Concat(Regions(check, regio, inProvince));
        return TypedResults.Ok<IReadOnlyList<FindingResource>>(
            [.. all.Where(f => (ernst is null || f.Severity == severity!.Value.ToCodeText()) && (code is null || string.Equals(f.Code, code.Trim(), StringComparison.Ordinal)))]);
    }

    private static IEnumerable<FindingResource> Aggregates(Data.Features.CountryCheck check, string? province) =>
        (province is null ? check.Provinces.Prepend(check.Nation) : check.Provinces.Where(p => p.Code == province))
            .SelectMany(a => a.Findings.Select(f => FindingResource.Aggregate(a, f)));

    private static IEnumerable<FindingResource> Regions(Data.Features.CountryCheck check, string? regio, IReadOnlySet<string>? inProvince) =>
        from r in check.Regions
        where r.Result is not null
        where regio is null || string.Equals(r.Question.Region.Id, regio, StringComparison.OrdinalIgnoreCase)
        where inProvince is null || ProvinceDetail.Members(r).Any(inProvince.Contains)
        from f in r.Result!.Findings
        where inProvince is null || f.Municipality is not { } m || inProvince.Contains(m.Value)
        select FindingResource.Region(r.Question.Region.Id, r.Question.Region.Name, f);
}
