using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>Downloads of the national overview, province and region-list tables, and the municipal shapes of the map.</summary>
internal static class CountryDownloads
{
    /// <summary>The shipped CBS shapes (simplified, 342 municipalities of 2024), copied to the app's output by the Data project.</summary>
    public static string ShapesFile { get; } = Path.Combine(AppContext.BaseDirectory, "data", "reference", "gemeenten-2024.geojson");

    private static readonly Lazy<EntityTagHeaderValue> ShapesTag = new(() =>
    {
        using var stream = File.OpenRead(ShapesFile);
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(stream))[..16]}\"");
    });

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/gemeenten-2024.geojson", Shapes);
        group.MapGet("/landelijk/totalen.{ext}", (string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct) =>
            Table(cache, scopes, ext, "totalen-landelijk", d => OverviewTables.Totals("Land en provincies", [.. d.Check.Provinces, d.Check.Nation], d.Check.Missing), ct));
        group.MapGet("/landelijk/gemeenten.{ext}", (string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct) =>
            Table(cache, scopes, ext, "gemeenten-indicatoren", d => OverviewTables.Municipalities("Gemeenten", d.Municipalities), ct));
        group.MapGet("/landelijk/signalen.{ext}", (string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct) =>
            Table(cache, scopes, ext, "signalen-landelijk", d => OverviewTables.Signals("Signalen", d.Municipalities), ct));
        group.MapGet("/provincies/opgave-bekend.{ext}", (string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct) =>
            Table(cache, scopes, ext, "opgave-bekend-per-provincie", OverviewTables.KnownTasks, ct));
        group.MapGet("/regios.{ext}", (string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct) =>
            Table(cache, scopes, ext, "woningbouwregios", d => OverviewTables.Regions(RegionLine.All(d)), ct));
        group.MapGet("/provincie/{code}/{table}.{ext}", Province);
    }

    private static async Task<IResult> Province(string code, string table, string ext, CountryCache cache, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var data = await OverviewData.GetAsync(cache, scopes, ct).ConfigureAwait(false);
        var province = data.Provinces.FirstOrDefault(p => FindProvince.Matches(p.Code, p.Name, code));
        if (province is null)
        {
            return Results.NotFound();
        }

        var name = province.Name;
        TableData? rows = table switch
        {
            "totalen" => OverviewTables.Totals($"Totalen {name}", ProvincePart.Totals(data, province.Code) is { } t ? [t] : [], data.Check.Missing),
            "gemeenten" => OverviewTables.Municipalities($"Gemeenten {name}", data.InProvince(province.Code)),
            "regios" => OverviewTables.ProvinceRegions($"Regio's {name}", ProvincePart.In(data, province.Code)),
            "signalen" => OverviewTables.Signals($"Signalen {name}", data.InProvince(province.Code)),
            _ => null,
        };
        return rows is null ? Results.NotFound() : DownloadEndpoints.File(rows, ext, $"{table}-{Slug(name)}") ?? Results.NotFound();
    }

    private static async Task<IResult> Table(CountryCache cache, IServiceScopeFactory scopes, string ext, string fileName, Func<CountryIndicators, TableData> table, CancellationToken ct)
    {
        var data = await OverviewData.GetAsync(cache, scopes, ct).ConfigureAwait(false);
        return DownloadEndpoints.File(table(data), ext, fileName) ?? Results.NotFound();
    }

    /// <summary>The GeoJSON with a validator, so browsers and proxies revalidate instead of fetching 600 kB again.</summary>
    private static IResult Shapes(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(ShapesFile, "application/geo+json", lastModified: File.GetLastWriteTimeUtc(ShapesFile), entityTag: ShapesTag.Value);
    }

    /// <summary>"Noord-Holland" -> "noord-holland", "Fryslân" -> "fryslan" (file names without accents or spaces).</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new string([.. name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
        return string.Join('-', plain.ToLowerInvariant().Split([' ', '\'', '/'], StringSplitOptions.RemoveEmptyEntries));
    }
}
