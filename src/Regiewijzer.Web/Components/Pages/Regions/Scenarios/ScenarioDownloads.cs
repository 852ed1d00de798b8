using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>
/// Downloads of the what-if: the scenario JSON of docs/scenario-format.md and the comparison table. The what-if
/// downloads are posts carrying the computed scenario (form field "scenario", with the antiforgery token of the page),
/// because a what-if is not stored.
/// </summary>
internal static class ScenarioDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/regio/{id}/scenario.json", StoredAsync);
        // The token is checked in the handler, so a stale page gets a Dutch 400 instead of an exception.
        group.MapPost("/regio/{id}/wat-als/scenario.json", WhatIfAsync).DisableAntiforgery();
        group.MapPost("/regio/{id}/wat-als/vergelijking.{extension}", ComparisonAsync).DisableAntiforgery();
    }

    /// <summary>The stored region as a scenario file.</summary>
    private static async Task<IResult> StoredAsync(string id, RegiewijzerDb db, CancellationToken ct)
    {
        var start = await LoadWhatIf.RunAsync(db, id, ct).ConfigureAwait(false);
        return start is null
            ? NoRegion(id)
            : Json(ScenarioWriter.WriteInput(start.Question.Scenario), $"scenario-{start.Region.Id}");
    }

    /// <summary>The what-if's scenario, read and written again so the file is always valid and in the standard layout.</summary>
    private static async Task<IResult> WhatIfAsync(string id, [FromForm(Name = "scenario")] string? scenario, HttpContext context, IAntiforgery antiforgery, RegiewijzerDb db, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return StalePage();
        }

        var regionId = await ReferenceQueries.RegionIdAsync(db, id, ct).ConfigureAwait(false);
        if (regionId is null)
        {
            return NoRegion(id);
        }

        var read = ScenarioReader.Read(scenario ?? string.Empty);
        return read.IsValid ? Json(ScenarioWriter.WriteInput(read.Scenario!), $"wat-als-{regionId}") : Invalid(read);
    }

    /// <summary>The comparison of the stored distribution with the posted scenario, as CSV or XLSX.</summary>
    private static async Task<IResult> ComparisonAsync(
        string id, string extension, [FromForm(Name = "scenario")] string? scenario, HttpContext context, IAntiforgery antiforgery, RegiewijzerDb db, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return StalePage();
        }

        if (!Known(extension))
        {
            return UnknownExtension(extension);
        }

        var start = await LoadWhatIf.RunAsync(db, id, ct).ConfigureAwait(false);
        if (start is null)
        {
            return NoRegion(id);
        }

        var read = ScenarioReader.Read(scenario ?? string.Empty);
        if (!read.IsValid)
        {
            return Invalid(read);
        }

        var s = read.Scenario!;
        var comparison = Comparison.Of(WhatIfBase.Stored(start), start.Current, Distribution.DistributeCancellable(s.Region, s.Norms, ct));
        return DownloadEndpoints.File(comparison.Table(), extension, $"wat-als-{start.Region.Id}-vergelijking") ?? UnknownExtension(extension);
    }

    private static IResult Json(string json, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"{fileName}.json");

    private static IResult Invalid(ScenarioReadResult read) => Results.Text(
        "Het scenario is ongeldig:\n" + string.Join("\n", read.Errors.Select(e => e.ToString())),
        "text/plain; charset=utf-8",
        statusCode: StatusCodes.Status400BadRequest);

    private static IResult StalePage() => Results.Text(
        "Deze download hoort bij een pagina die niet meer geldig is (of niet van deze site komt). Laad de wat-als-pagina opnieuw en bereken het scenario nog eens.",
        "text/plain; charset=utf-8",
        statusCode: StatusCodes.Status400BadRequest);

    private static bool Known(string extension) =>
        string.Equals(extension, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, "xlsx", StringComparison.OrdinalIgnoreCase);

    private static IResult UnknownExtension(string extension) => NotFound($"Onbekend bestandstype '{extension}': kies csv of xlsx.");

    private static IResult NoRegion(string id) => NotFound($"Geen woningbouwregio met de code {id}.");

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
