using System.ComponentModel;
using Regiewijzer.Data;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Reports;
using Regiewijzer.Web.Reports;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The council documents (issue 16): GET /gemeenten/{code}/raadsinformatie and /regios/{id}/regiodocument, as PDF or
/// DOCX (parameter formaat). The same numbers as /gemeenten/{code} and /regios/{id}.
/// </summary>
internal static class ReportEndpoints
{
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string FormatDescription = "pdf (toegankelijke PDF) of docx (Word, bewerkbaar). Zonder deze parameter pdf.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapRead("/gemeenten/{code}/raadsinformatie", MunicipalityAsync)
            .WithTags("Documenten")
            .WithName("raadsinformatieOphalen")
            .WithSummary("Raadsinformatie van een gemeente als PDF of Word")
            .WithDescription("Het document voor college en raad: de opgave en de doelen per segment met de regel, de uitleg in stappen met waarden en bronnen, de mix als grafiek met de getallen in een tabel, de afspraak die van kracht is, voortgang en prognose, signalen en aannames, de datum, de peildata, de softwareversie en het adres van de pagina.")
            .Produces(StatusCodes.Status200OK, contentType: Pdf, additionalContentTypes: [Docx])
            .ProducesProblems(400, 404);
        api.MapRead("/regios/{id}/regiodocument", RegionAsync)
            .WithTags("Documenten")
            .WithName("regiodocumentOphalen")
            .WithSummary("Regiodocument van een woningbouwregio als PDF of Word")
            .WithDescription("De verdeling over de gemeenten met de mix als grafiek en tabel, de regio tegen de normen, bevindingen, de afspraak die van kracht is, voortgang en prognose, signalen en aannames, de datum, de peildata, de softwareversie en het adres van de pagina.")
            .Produces(StatusCodes.Status200OK, contentType: Pdf, additionalContentTypes: [Docx])
            .ProducesProblems(400, 404);
    }

    private static Task<IResult> MunicipalityAsync(
        [Description("CBS-code, bijvoorbeeld GM0228 (Ede).")] string code,
        [Description(FormatDescription)] string? formaat,
        HttpContext http,
        RegiewijzerDb db,
        MonitoringCache monitoring,
        TimeProvider clock,
        CancellationToken ct) => AnswerAsync(ReportRequests.Subject.Municipality, code, formaat, http, db, monitoring, clock, ct);

    private static Task<IResult> RegionAsync(
        [Description("Id van de regio, bijvoorbeeld WD19 (Foodvalley).")] string id,
        [Description(FormatDescription)] string? formaat,
        HttpContext http,
        RegiewijzerDb db,
        MonitoringCache monitoring,
        TimeProvider clock,
        CancellationToken ct) => AnswerAsync(ReportRequests.Subject.Region, id, formaat, http, db, monitoring, clock, ct);

    private static async Task<IResult> AnswerAsync(
        ReportRequests.Subject subject, string id, string? formaat, HttpContext http, RegiewijzerDb db, MonitoringCache monitoring, TimeProvider clock, CancellationToken ct)
    {
        var format = formaat is null ? ReportFormat.Pdf : CouncilReports.ParseFormat(formaat);
        if (format is null)
        {
            return Problems.InvalidParameters(http, [new InvalidParam("formaat", $"'{formaat}' is geen documentformaat; kies pdf of docx")]);
        }

        var outcome = await ReportRequests.BuildAsync(subject, id, http, db, monitoring, clock, ct).ConfigureAwait(false);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ReportRequests.File(outcome.Value!, format.Value),
            OutcomeKind.Invalid => Problems.InvalidParameters(http, [.. outcome.Errors.Select(e => new InvalidParam(e.Field, e.Reason))]),
            _ => Problems.NotFound(http, outcome.Reason ?? "Niet gevonden."),
        };
    }
}
