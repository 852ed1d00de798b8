using System.ComponentModel;
using System.Text.Json.Serialization;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Api;

[Description("De provinciale woningbouwafspraak 2022-2030 (13 oktober 2022), ter vergelijking.")]
internal sealed record AgreementResource(
    [property: Description("Aantal woningen in de afspraak.")] int Homes,
    [property: Description("Bron.")] string? Source);

[Description("Een provincie: de doelen van de verdeelde regio's, opgeteld per gemeente in de provincie, tegen de normen.")]
internal record ProvinceResource(
    [property: Description("CBS-provinciecode, PV20 tot en met PV31.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("True als minstens één gemeente in de provincie in een verdeelde regio ligt.")] bool Distributed,
    [property: Description("Aantal gemeenten in de totalen (alleen gemeenten met een opgave).")] int MunicipalitiesInTotals,
    [property: Description("Aantal regio's met gemeenten in de totalen; een regio over de grens telt mee met haar gemeenten in deze provincie.")] int RegionsInTotals,
    [property: Description("Totalen tegen de normen; null als niets verdeeld is.")] Totals? Totals,
    [property: Description("Bevindingen van de provinciale toets.")] IReadOnlyList<FindingResource> Findings,
    [property: Description("De normen van de toets.")] NormsResource Norms,
    [property: Description("Provinciale woningbouwafspraak 2022, als die bekend is.")] AgreementResource? Agreement2022,
    [property: Description("Deze resource.")] string Href)
{
    public static ProvinceResource From(ProvinceRow province, AggregateCheck? check) => new(
        province.Code,
        province.Name,
        check is not null,
        check?.Municipalities ?? 0,
        check?.Regions ?? 0,
        check is null ? null : Totals.From(check),
        check is null ? [] : [.. check.Findings.Select(f => FindingResource.Aggregate(check, f))],
        NormsResource.Shares(NormSets.Default),
        province.Agreement2022 is { } homes ? new AgreementResource(homes, province.AgreementSource) : null,
        $"{ApiConventions.BasePath}/provincies/{province.Code}");
}

[Description("Een regio met gemeenten in de provincie.")]
internal sealed record ProvinceRegion(
    [property: Description("Regio-id, bijvoorbeeld WD19.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("Gemeenten van de regio in deze provincie.")] int MunicipalitiesInProvince,
    [property: Description("True als de regio verdeeld kon worden.")] bool Distributed,
    [property: Description("True als de regio als geheel de normen haalt; null als er niets verdeeld is.")] bool? MeetsNorms,
    [property: Description("De regio.")] string Href);

[Description("Een provincie met haar regio's.")]
internal sealed record ProvinceDetail(
    string Code,
    string Name,
    bool Distributed,
    int MunicipalitiesInTotals,
    int RegionsInTotals,
    Totals? Totals,
    IReadOnlyList<FindingResource> Findings,
    NormsResource Norms,
    AgreementResource? Agreement2022,
    string Href,
    [property: JsonPropertyOrder(1), Description("Alle gemeenten in de provincie.")] int Municipalities,
    [property: JsonPropertyOrder(1), Description("Gemeenten zonder opgave voor de periode: die tellen niet mee in de totalen.")] int MunicipalitiesWithoutTask,
    [property: JsonPropertyOrder(1), Description("Regio's met gemeenten in deze provincie.")] IReadOnlyList<ProvinceRegion> Regions,
    [property: JsonPropertyOrder(1), Description("Alle bevindingen over de provincie en haar regio's.")] string FindingsHref,
    [property: JsonPropertyOrder(1), Description("De gemeenten in de provincie.")] string MunicipalitiesHref)
    : ProvinceResource(Code, Name, Distributed, MunicipalitiesInTotals, RegionsInTotals, Totals, Findings, Norms, Agreement2022, Href)
{
    public static ProvinceDetail From(ProvinceRow province, AggregateCheck? check, CountryCheck country, IReadOnlySet<string> codesInProvince)
    {
        var p = ProvinceResource.From(province, check);
        var regions = country.Regions
            .Select(r => (Outcome: r, Count: Members(r).Count(codesInProvince.Contains)))
            .Where(r => r.Count > 0)
            .Select(r => new ProvinceRegion(
                r.Outcome.Question.Region.Id,
                r.Outcome.Question.Region.Name,
                r.Count,
                r.Outcome.Result is not null,
                r.Outcome.Result?.MeetsNorms,
                $"{ApiConventions.BasePath}/regios/{r.Outcome.Question.Region.Id}"))
            .ToList();
        var withoutTask = country.Regions.Sum(r => r.Question.WithoutTask.Count(m => codesInProvince.Contains(m.Code)));
        return new ProvinceDetail(
            p.Code, p.Name, p.Distributed, p.MunicipalitiesInTotals, p.RegionsInTotals, p.Totals, p.Findings, p.Norms, p.Agreement2022, p.Href,
            codesInProvince.Count,
            withoutTask,
            regions,
            $"{ApiConventions.BasePath}/bevindingen?provincie={province.Code}",
            $"{ApiConventions.BasePath}/gemeenten?provincie={province.Code}");
    }

    /// <summary>Every member of the region: with and without a task.</summary>
    public static IEnumerable<string> Members(RegionOutcome region) =>
        region.Question.Scenario.Region.Municipalities.Select(m => m.Code.Value).Concat(region.Question.WithoutTask.Select(m => m.Code));
}
