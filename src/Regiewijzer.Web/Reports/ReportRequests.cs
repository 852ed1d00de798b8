using Regiewijzer.Core.Reports;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Reports;

namespace Regiewijzer.Web.Reports;

/// <summary>
/// The council documents for the web app and the API: the context of a request (the site's address for the permalink,
/// the cached monitoring snapshot and forecasts, the clock), then <see cref="CouncilReports"/> and a file answer.
/// </summary>
internal static class ReportRequests
{
    /// <summary>What a document is about: a municipality or a region.</summary>
    public enum Subject
    {
        Municipality,
        Region,
    }

    public static async Task<ReportContext> ContextAsync(HttpContext http, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(monitoring);
        var snapshot = await monitoring.GetAsync(ct).ConfigureAwait(false);
        var address = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return new ReportContext(clock.GetUtcNow(), address, snapshot, progress => monitoring.Forecast(snapshot, progress));
    }

    /// <summary>Builds the document of the subject; the outcome says why not (Dutch) when there is none.</summary>
    public static async Task<Outcome<ReportDocument>> BuildAsync(Subject subject, string id, HttpContext http, RegiewijzerDb db, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct)
    {
        var context = await ContextAsync(http, monitoring, clock, ct).ConfigureAwait(false);
        return subject == Subject.Municipality
            ? await CouncilReports.MunicipalityAsync(db, id, context, ct).ConfigureAwait(false)
            : await CouncilReports.RegionAsync(db, id, context, ct).ConfigureAwait(false);
    }

    /// <summary>The document as a download (attachment with its file name).</summary>
    public static IResult File(ReportDocument report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new MemoryStream();
        CouncilReports.Write(report, format, buffer);
        buffer.Position = 0;
        return Results.File(buffer, CouncilReports.ContentType(format), $"{report.FileName}.{CouncilReports.Extension(format)}");
    }
}
