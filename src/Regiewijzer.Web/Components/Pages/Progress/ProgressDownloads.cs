using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Components.Pages.Progress;

/// <summary>
/// Downloads of the voortgang pages: /download/voortgang/{table}.{ext} for the nation and
/// /download/voortgang/{provincie|regio|gemeente}/{id}/{table}.{ext}, with the tables jaren, groepen, pijplijn, prognose,
/// plannen, realisaties and (province) signaleringen. The numbers are those of the page (same cached snapshot and forecast).
/// </summary>
internal static class ProgressDownloads
{
    private static readonly Dictionary<string, Func<ProgressView, TableData>> Tables = new(StringComparer.Ordinal)
    {
        ["jaren"] = ProgressTables.Years,
        ["groepen"] = ProgressTables.Groups,
        ["pijplijn"] = ProgressTables.Pipeline,
        ["prognose"] = ProgressTables.Forecast,
        ["plannen"] = ProgressTables.Plans,
        ["realisaties"] = ProgressTables.Realisations,
    };

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/voortgang/{table}.{extension}", (string table, string extension, MonitoringCache cache, RegiewijzerDb db, CancellationToken ct) =>
            File(cache, db, MonitoringLevel.Nation, MonitoringSubject.Nation.Id, table, extension, ct));
        group.MapGet("/voortgang/{level}/{id}/{table}.{extension}", (string level, string id, string table, string extension, MonitoringCache cache, RegiewijzerDb db, CancellationToken ct) =>
            Level(level) is { } l
                ? File(cache, db, l, id, table, extension, ct)
                : Task.FromResult(NotFound($"Onbekend niveau '{level}': kies provincie, regio of gemeente.")));
    }

    private static async Task<IResult> File(MonitoringCache cache, RegiewijzerDb db, MonitoringLevel level, string id, string table, string extension, CancellationToken ct)
    {
        if (!string.Equals(extension, "csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(extension, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound($"Onbekend bestandstype '{extension}': kies csv of xlsx.");
        }

        var builder = table == "signaleringen" && level == MonitoringLevel.Province ? ProgressTables.Warnings : Tables.GetValueOrDefault(table);
        if (builder is null)
        {
            return NotFound($"Onbekende tabel '{table}': kies {string.Join(", ", Tables.Keys)}{(level == MonitoringLevel.Province ? " of signaleringen" : "")}.");
        }

        var view = await ProgressView.LoadAsync(cache, db, level, id, ct).ConfigureAwait(false);
        if (view is null)
        {
            return NotFound($"Geen {ProgressText.Level(level)} met de code {id}.");
        }

        var name = view.Subject.Level == MonitoringLevel.Nation ? "nederland" : view.Subject.Id;
        return DownloadEndpoints.File(builder(view), extension, $"{table}-{name}") ?? NotFound($"Onbekend bestandstype '{extension}'.");
    }

    private static MonitoringLevel? Level(string level) => level switch
    {
        "provincie" => MonitoringLevel.Province,
        "regio" => MonitoringLevel.Region,
        "gemeente" => MonitoringLevel.Municipality,
        _ => null,
    };

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
