using System.ComponentModel;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

[Description("Het deel van een regio over de provinciegrens in één provincie: bij verdeling alleen op regioniveau en bij verdeling per provinciaal deel (standaard; zie /bronnen#verdeelmethode-grens).")]
internal sealed record CrossBorderPartResource(
    [property: Description("Regio-id, bijvoorbeeld WD19.")] string Region,
    [property: Description("Naam van de regio.")] string RegionName,
    [property: Description("CBS-provinciecode van dit deel.")] string Province,
    [property: Description("Naam van de provincie.")] string ProvinceName,
    [property: Description("Gemeenten van de regio in deze provincie (met een opgave).")] int Municipalities,
    [property: Description("Opgave van het deel.")] int Task,
    [property: Description("Vereist voor het deel: ⌈aandeel × opgave van het deel⌉.")] SocialAffordable Required,
    [property: Description("Doelen van het deel bij verdeling alleen op regioniveau (de vergelijking).")] SocialAffordable RegionOnly,
    [property: Description("Doelen van het deel bij verdeling per provinciaal deel (de standaard).")] SocialAffordable PerPart,
    [property: Description("Tekort van het deel bij verdeling alleen op regioniveau.")] SocialAffordable ShortfallRegionOnly,
    [property: Description("Tekort van het deel bij verdeling per provinciaal deel: alleen als de ruimte van zijn gemeenten niet meer toelaat.")] SocialAffordable Shortfall,
    [property: Description("True als het deel de norm ook per provinciaal deel niet kan halen (PROVINCE_PART_SOCIAL_SHORTFALL / PROVINCE_PART_AFFORDABLE_SHORTFALL).")] bool Infeasible,
    [property: Description("Wat de verdeling per provinciaal deel verandert, in het Nederlands.")] string Change,
    [property: Description("De regio.")] string RegionHref)
{
    public static CrossBorderPartResource From(CrossBorderPart p) => new(
        p.RegionId,
        p.RegionName,
        p.Province.Value,
        p.Province.Name,
        p.Municipalities,
        p.Task,
        new(p.RequiredSocial, p.RequiredAffordable),
        new(p.SocialRegionOnly, p.AffordableRegionOnly),
        new(p.Social, p.Affordable),
        new(p.SocialShortfallRegionOnly, p.AffordableShortfallRegionOnly),
        new(p.SocialShortfall, p.AffordableShortfall),
        p.Infeasible,
        p.Infeasible
            ? "Onhaalbaar: de gemeenten in dit deel hebben binnen hun ondergrenzen en ruimte geen plaats voor meer."
            : p.ShortRegionOnly
                ? "Bij verdeling alleen op regioniveau trekt dit deel de provincie onder de norm; per provinciaal deel voldoet het."
                : "Voldoet in beide verdelingen.",
        $"{ApiConventions.BasePath}/regios/{p.RegionId}");
}

[Description("De toets van een provincie bij verdeling per provinciaal deel (standaard) en bij verdeling alleen op regioniveau, met de delen van regio's over haar grens.")]
internal sealed record ProvinceLevelsResource(
    [property: Description("CBS-provinciecode, PV20 tot en met PV31.")] string Code,
    [property: Description("Naam.")] string Name,
    [property: Description("Totalen bij verdeling per provinciaal deel (de standaard): de doelen zoals verdeeld.")] Totals PerPart,
    [property: Description("Totalen als elke regio alleen op regioniveau verdeeld was (de vergelijking).")] Totals RegionOnly,
    [property: Description("De delen van regio's over de grens van deze provincie, op regionaam.")] IReadOnlyList<CrossBorderPartResource> Parts,
    [property: Description("Deze resource.")] string Href)
{
    public static ProvinceLevelsResource From(ProvinceLevels l) => new(
        l.Code,
        l.Name,
        Totals.From(l.Now),
        Totals.From(l.RegionOnly),
        [.. l.Parts.Select(CrossBorderPartResource.From)],
        $"{ApiConventions.BasePath}/provincies/{l.Code}/grensregios");
}

[Description("De norm op elk niveau tegelijk: per provincie en voor het land de toets bij verdeling per provinciaal deel (standaard) en alleen op regioniveau.")]
internal sealed record LevelsResource(
    [property: Description("Per provincie, op code.")] IReadOnlyList<ProvinceLevelsResource> Provinces,
    [property: Description("Het land bij verdeling per provinciaal deel.")] Totals Nation,
    [property: Description("Het land als elke regio alleen op regioniveau verdeeld was.")] Totals? NationRegionOnly)
{
    public static LevelsResource From(CountryCheck check) => new(
        [.. check.Levels.Select(ProvinceLevelsResource.From)],
        Totals.From(check.Nation),
        check.NationRegionOnly is { } n ? Totals.From(n) : null);
}
