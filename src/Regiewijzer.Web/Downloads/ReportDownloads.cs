using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Reports;
using Regiewijzer.Web.Reports;

namespace Regiewijzer.Web.Downloads;

/// <summary>
/// The council documents as downloads of the municipality and region pages:
/// /download/gemeente/{code}/raadsinformatie.{pdf|docx} and /download/regio/{id}/regiodocument.{pdf|docx}.
/// </summary>
internal static class ReportDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/gemeente/{code}/raadsinformatie.{extension}", (string code, string extension, HttpContext http, RegiewijzerDb db, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct) =>
            DownloadAsync(ReportRequests.Subject.Municipality, code, extension, http, db, monitoring, clock, ct));
        group.MapGet("/regio/{id}/regiodocument.{extension}", (string id, string extension, HttpContext http, RegiewijzerDb db, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct) =>
            DownloadAsync(ReportRequests.Subject.Region, id, extension, http, db, monitoring, clock, ct));
    }

    private static async Task<IResult> DownloadAsync(
        ReportRequests.Subject subject, string id, string extension, HttpContext http, RegiewijzerDb db, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct)
    {
        if (CouncilReports.ParseFormat(extension) is not { } format)
        {
            return Text($"Onbekend bestandstype '{extension}': kies pdf of docx.", StatusCodes.Status404NotFound);
        }

        var outcome = await ReportRequests.BuildAsync(subject, id, http, db, monitoring, clock, ct).ConfigureAwait(false);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ReportRequests.File(outcome.Value!, format),
            OutcomeKind.Invalid => Text(outcome.Reason ?? "Ongeldige vraag.", StatusCodes.Status400BadRequest),
            _ => Text(outcome.Reason ?? "Niet gevonden.", StatusCodes.Status404NotFound),
        };
    }

    private static IResult Text(string message, int status) => Results.Text(message, "text/plain; charset=utf-8", statusCode: status);
}
