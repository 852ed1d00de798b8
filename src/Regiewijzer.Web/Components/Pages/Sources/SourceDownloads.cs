using Regiewijzer.Data;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Components.Pages.Sources;

/// <summary>Downloads of the tables of Bronnen en aannames: /download/bronnen/NAME.csv|xlsx.</summary>
internal static class SourceDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/bronnen/{table}.{extension}", SourcesAsync);
    }

    private static async Task<IResult> SourcesAsync(string table, string extension, RegiewijzerDb db, CancellationToken ct)
    {
        if (!string.Equals(extension, "csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(extension, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return UnknownExtension(extension);
        }

        if (!SourceTables.Names.Contains(table, StringComparer.Ordinal))
        {
            return NotFound($"Onbekende tabel '{table}': kies {string.Join(", ", SourceTables.Names)}.");
        }

        var sources = await SourceTables.LoadAsync(db, ct).ConfigureAwait(false);
        return DownloadEndpoints.File(sources.Table(table)!, extension, $"bronnen-{table}") ?? UnknownExtension(extension);
    }

    private static IResult UnknownExtension(string extension) => NotFound($"Onbekend bestandstype '{extension}': kies csv of xlsx.");

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
