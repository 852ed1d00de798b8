using Regiewijzer.Data.Export;

namespace Regiewijzer.Web.Downloads;

/// <summary>
/// CSV and XLSX downloads of every table (formula-safe; see <see cref="TableFile"/>). URLs: /download/.../NAME.csv|xlsx.
/// A page's downloads live beside the page (<c>Components/Pages/&lt;Area&gt;/&lt;Area&gt;Downloads.cs</c>) and are passed in
/// by <c>WebApp</c>, so this folder knows no page; the documents (<see cref="ReportDownloads"/>) are fed by Data/Reports.
/// </summary>
internal static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app, params Action<RouteGroupBuilder>[] areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var group = app.MapGroup("/download").ExcludeFromDescription();
        foreach (var map in areas)
        {
            map(group);
        }

        ReportDownloads.Map(group);
        return app;
    }

    /// <summary>The table as a file in the format named by the extension ("csv" or "xlsx"); null for another extension.</summary>
    public static IResult? File(TableData table, string extension, string fileName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (write, contentType) = extension.ToUpperInvariant() switch
        {
            "CSV" => ((Action<TableData, Stream>)TableFile.WriteCsv, "text/csv; charset=utf-8"),
            "XLSX" => (TableFile.WriteXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => (null!, ""),
        };
        if (write is null)
        {
            return null;
        }

        var buffer = new MemoryStream();
        write(table, buffer);
        buffer.Position = 0;
        return Results.File(buffer, contentType, $"{fileName}.{extension.ToLowerInvariant()}");
    }
}
