using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>The tables of the overview, province and region-list pages as downloads (CSV/XLSX, see <see cref="TableFile"/>).</summary>
internal static class OverviewTables
{
    /// <summary>Province and national totals; a total with municipalities left out (<paramref name="missing"/>) is "niet te beoordelen", never "ja".</summary>
    public static TableData Totals(string name, IEnumerable<AggregateCheck> checks, IReadOnlyDictionary<string, int> missing) => new(
        name,
        ["niveau", "code", "naam", "regios", "gemeenten_met_opgave", "opgave", "sociale_huur_vereist", "sociale_huur", "sociale_huur_tekort",
            "betaalbaar_vereist", "betaalbaar", "betaalbaar_tekort", "voldoet"],
        [.. checks.Select(a => Row(
            a.Level == AggregateLevel.Nation ? "land" : "provincie", a.Code, a.Name, a.Regions, a.Municipalities, a.Task,
            a.RequiredSocial, a.Social, a.SocialShortfall, a.RequiredAffordable, a.Affordable, a.AffordableShortfall,
            TotalCompleteness.YesNo(a, TotalCompleteness.MissingFrom(missing, a))))]);

    public static TableData Municipalities(string name, IEnumerable<MunicipalityIndicator> municipalities) => new(
        name,
        ["code", "gemeente", "provincie_code", "provincie", "regio_id", "regio", "lid_indicatief", "voorraad_peiljaar", "voorraad",
            "corporatiewoningen", "aandeel_corporatie", "achterblijvend", "opgave", "herkomst_opgave", "sociale_huur", "middensegment", "vrije_sector",
            "aandeel_sociale_huur", "aandeel_betaalbaar", "regio_voldoet"],
        [.. municipalities.Select(m => Row(
            m.Code, m.Name, m.ProvinceCode, m.ProvinceName, m.RegionId, m.RegionName, YesNo(m.IndicativeMember),
            m.Stock?.ReferenceYear, m.Stock?.TotalStock, m.Stock?.SocialStock, m.StockShare?.ToDecimal(4),
            m.Lagging is { } l ? l.Dutch() : null,
            m.Task?.Homes, m.Task is { } t ? (t.Origin == TaskOrigin.Agreed ? "afgesproken" : "afgeleid") : MapIndicator.NoTask,
            m.Distribution?.Social, m.Distribution?.Middle, m.Distribution?.Free,
            m.SocialShare?.ToDecimal(4), m.AffordableShare?.ToDecimal(4),
            m.Region?.Result is { } r && m.Distribution is not null ? YesNo(r.MeetsNorms) : MapIndicator.NoTask))]);

    public static TableData Regions(IEnumerable<RegionLine> regions) => new(
        "Woningbouwregio's",
        ["id", "regio", "provincies", "gemeenten", "gemeenten_indicatief", "gemeenten_zonder_opgave", "opgave", "herkomst_opgave",
            "woondeal_totaal", "woondeal_precisie", "sociale_huur_vereist", "sociale_huur", "betaalbaar_vereist", "betaalbaar", "voldoet"],
        [.. regions.Select(r => Row(
            r.Id, r.Summary.Name, r.Provinces, r.Summary.Municipalities, r.Summary.IndicativeMembers, r.Summary.WithoutTask,
            r.Summary.Task, r.Summary.Origin, r.Summary.DealTotal, DealPrecision.Dutch(r.Summary.DealPrecision),
            r.Outcome.Result?.RequiredSocial, r.Outcome.Result?.Social, r.Outcome.Result?.RequiredAffordable, r.Outcome.Result?.Affordable,
            r.Outcome.Result is { } d ? YesNo(d.MeetsNorms) : "niet verdeeld"))]);

    public static TableData ProvinceRegions(string name, IEnumerable<ProvincePart> parts) => new(
        name,
        ["id", "regio", "provincies", "gemeenten_in_provincie", "gemeenten_in_regio", "opgave_in_provincie", "sociaal_in_provincie",
            "betaalbaar_in_provincie", "regio_opgave", "regio_sociaal_vereist", "regio_sociaal", "regio_betaalbaar_vereist",
            "regio_betaalbaar", "regio_voldoet"],
        [.. parts.Select(p => Row(
            p.Region.Question.Region.Id, p.Region.Question.Region.Name, string.Join(", ", p.Provinces), p.Members.Length, p.MembersInRegion,
            p.Task, p.Social, p.Affordable, p.Region.Result?.Task, p.Region.Result?.RequiredSocial, p.Region.Result?.Social,
            p.Region.Result?.RequiredAffordable, p.Region.Result?.Affordable,
            p.Region.Result is { } d ? YesNo(d.MeetsNorms) : "niet verdeeld"))]);

    /// <summary>Municipalities with the HIGH_SOCIAL_SHARE signal in their region's distribution, highest share first.</summary>
    public static IEnumerable<MunicipalityIndicator> Signalled(IEnumerable<MunicipalityIndicator> scope) => scope
        .Where(m => m.Region?.Result?.Findings.Any(f => f.Code == FindingCode.HighSocialShare && f.Municipality?.Value == m.Code) == true)
        .OrderByDescending(m => m.SocialShare!.Value);

    public static TableData Signals(string name, IEnumerable<MunicipalityIndicator> scope) => new(
        name,
        ["code", "gemeente", "provincie", "regio_id", "regio", "opgave", "sociale_huur", "aandeel_sociale_huur", "achterblijvend"],
        [.. Signalled(scope).Select(m => Row(
            m.Code, m.Name, m.ProvinceName, m.RegionId, m.RegionName, m.Distribution!.Task, m.Distribution.Social,
            m.SocialShare!.Value.ToDecimal(4), m.Distribution.Lagging.Dutch()))]);

    public static TableData KnownTasks(CountryIndicators data) => new(
        "Bekende opgave per provincie",
        ["code", "provincie", "gemeenten", "met_opgave", "zonder_opgave", "opgave_bekend", "provinciale_afspraak_2022"],
        [.. data.Provinces.Select(p =>
        {
            var members = data.InProvince(p.Code).ToList();
            return Row(
                p.Code, p.Name, members.Count, members.Count(m => m.Distribution is not null), members.Count(m => m.Distribution is null),
                members.Sum(m => m.Distribution?.Task ?? 0), p.Agreement2022);
        })]);

    private static string YesNo(bool value) => value ? "ja" : "nee";

    private static object?[] Row(params object?[] cells) => cells;
}
