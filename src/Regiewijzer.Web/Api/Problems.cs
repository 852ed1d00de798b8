using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.Web.Api;

/// <summary>One kind of problem the API reports (RFC 9457); the page /api documents it under #probleem-{Slug}.</summary>
internal sealed record ProblemType(string Slug, int Status, string Title, string Description);

/// <summary>A request field or parameter that was wrong: its name (a JSON path such as $.municipalities[2].code, or a query parameter) and why, in Dutch.</summary>
[Description("Eén fout in het verzoek.")]
internal sealed record InvalidParam(
    [property: Description("JSON-pad in de body (bijvoorbeeld $.municipalities[2].code) of naam van de queryparameter.")] string Name,
    [property: Description("De reden, in het Nederlands.")] string Reason);

/// <summary>The application/problem+json answers of the API, with a Dutch title and detail.</summary>
internal static partial class Problems
{
    public static readonly ProblemType NotFoundType = new(
        "niet-gevonden", 404, "Niet gevonden", "De provincie, regio of gemeente bestaat niet, of het pad bestaat niet in de API.");

    public static readonly ProblemType MethodNotAllowedType = new(
        "methode-niet-toegestaan", 405, "Methode niet toegestaan", "Het pad bestaat, maar niet met deze HTTP-methode. De header Allow noemt de methoden die wel kunnen.");

    public static readonly ProblemType InvalidParameterType = new(
        "ongeldige-parameter", 400, "Ongeldige parameter", "Een queryparameter heeft een onbekende waarde. invalidParams noemt de parameter en de reden.");

    public static readonly ProblemType MalformedJsonType = new(
        "ongeldige-json", 400, "Geen geldige JSON", "De body is geen geldige JSON (UTF-8). De detail noemt regel en positie.");

    public static readonly ProblemType TooLargeType = new(
        "te-groot", 413, "Verzoek te groot", $"De body is groter dan {Core.Format.Count(DistributionEndpoints.MaxBodyBytes)} bytes.");

    public static readonly ProblemType BadRequestType = new(
        "ongeldig-verzoek", 400, "Ongeldig verzoek", "Het verzoek kon niet worden gelezen: een parameter of de body heeft een verkeerde vorm (bijvoorbeeld geen geldige JSON of een verkeerd type).");

    public static readonly ProblemType RequestTooLargeType = new(
        "verzoek-te-groot", 413, "Verzoek te groot", $"Het verzoek is groter dan Regiewijzer aanneemt ({Core.Format.Count(RequestLimits.MaxBodyBytes)} bytes).");

    public static readonly ProblemType UnsupportedMediaTypeType = new(
        "mediatype-niet-ondersteund", 415, "Mediatype niet ondersteund", "Stuur de body als JSON, met de header Content-Type: application/json.");

    public static readonly ProblemType InvalidScenarioType = new(
        "ongeldig-scenario", 422, "Ongeldig scenario", "De JSON is geen geldig scenario (scenarioformaat, zie /api#scenario). invalidParams noemt elke fout met het JSON-pad en de reden.");

    public static readonly ProblemType NothingToDistributeType = new(
        "geen-opgave", 409, "Niets te verdelen", "Geen enkele gemeente van de regio heeft een opgave voor de periode; voer eerst een regiototaal of gemeentelijke opgaven in.");

    public static readonly ProblemType ServerErrorType = new(
        "serverfout", 500, "Interne fout", "Er ging iets mis in Regiewijzer. Meld het tijdstip en de traceId aan de beheerder.");

    public static IReadOnlyList<ProblemType> All { get; } =
    [
        InvalidParameterType, MalformedJsonType, NotFoundType, MethodNotAllowedType, NothingToDistributeType, TooLargeType,
        UnsupportedMediaTypeType, InvalidScenarioType, ServerErrorType,
        NotSignedInType, SignInFailedType, ForbiddenType, LockedType, TooManyRequestsType, ConflictType, TransitionType, InvalidInputType, BusyType,
        BadRequestType, RequestTooLargeType, UnavailableType,
    ];

    public static ProblemHttpResult NotFound(HttpContext context, string detail) => Create(context, NotFoundType, detail);

    public static ProblemHttpResult InvalidParameters(HttpContext context, IReadOnlyList<InvalidParam> invalid) =>
        Create(context, InvalidParameterType, string.Join(" ", invalid.Select(p => $"{p.Name}: {p.Reason}.")), invalid);

    public static ProblemHttpResult MalformedJson(HttpContext context, string detail) => Create(context, MalformedJsonType, detail);

    public static ProblemHttpResult TooLarge(HttpContext context) =>
        Create(context, TooLargeType, $"Stuur hooguit {Core.Format.Count(DistributionEndpoints.MaxBodyBytes)} bytes; een scenario van een regio is veel kleiner.");

    public static ProblemHttpResult UnsupportedMediaType(HttpContext context) =>
        Create(context, UnsupportedMediaTypeType, string.IsNullOrEmpty(context.Request.ContentType)
            ? "De header Content-Type ontbreekt; gebruik application/json."
            : $"Content-Type {context.Request.ContentType} wordt niet ondersteund; gebruik application/json (UTF-8).");

    public static ProblemHttpResult InvalidScenario(HttpContext context, IReadOnlyList<ScenarioError> errors) =>
        Create(
            context,
            InvalidScenarioType,
            errors.Count == 1 ? $"1 fout: {errors[0]}" : $"{errors.Count} fouten; zie invalidParams.",
            [.. errors.Select(e => new InvalidParam(e.Path, e.Message))]);

    public static ProblemHttpResult NothingToDistribute(HttpContext context, string reason) => Create(context, NothingToDistributeType, reason);

    /// <summary>405, naming the methods of the Allow header that the response already carries.</summary>
    public static ProblemHttpResult MethodNotAllowed(HttpContext context) => Create(
        context,
        MethodNotAllowedType,
        $"{context.Request.Method} kan niet op {context.Request.PathBase + context.Request.Path}; wel: {context.Response.Headers.Allow}.");

    public static ProblemHttpResult ServerError(HttpContext context) =>
        Create(context, ServerErrorType, "De vraag kon niet worden beantwoord door een fout in Regiewijzer.");

    /// <summary>A request refused by the host's limits (<see cref="RequestLimits"/>): 413 or 400, with the Dutch reason.</summary>
    public static ProblemHttpResult RequestRefused(HttpContext context, int status, string detail) =>
        Create(context, status == StatusCodes.Status413PayloadTooLarge ? RequestTooLargeType : BadRequestType, detail);

    /// <summary>The problem for a response that ended with an error status and no body (no endpoint, wrong method, ...).</summary>
    public static ProblemHttpResult ForStatus(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.PathBase + context.Request.Path;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => NotFound(context, $"{path} bestaat niet in de API; {ApiConventions.BasePath}/openapi.json noemt alle paden."),
            StatusCodes.Status405MethodNotAllowed => MethodNotAllowed(context),
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(context),
            StatusCodes.Status400BadRequest => Create(context, BadRequestType, $"{context.Request.Method} {path}: het verzoek kon niet worden gelezen. Controleer de parameters en of de body geldige JSON is volgens {ApiConventions.BasePath}/openapi.json."),
            StatusCodes.Status413PayloadTooLarge => Create(context, RequestTooLargeType, RequestLimits.TooLargeText(context.Request.ContentLength)),
            var status => TypedResults.Problem(new ProblemDetails
            {
                Type = "about:blank",
                Title = ReasonPhrases.GetReasonPhrase(status),
                Status = status,
                Instance = path,
            }),
        };
    }

    /// <summary>The type URI: the explanation of this problem on the page /api of this site (App:PublicBaseUrl when set).</summary>
    public static string TypeUri(HttpRequest request, ProblemType type)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(type);
        var path = $"/api#probleem-{type.Slug}";
        return request.HttpContext.RequestServices.GetService<Hosting.PublicAddress>() is { } address
            ? address.Absolute(request, path)
            : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }

    internal static ProblemHttpResult Create(HttpContext context, ProblemType type, string detail, IReadOnlyList<InvalidParam>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Type = TypeUri(context.Request, type),
            Title = type.Title,
            Status = type.Status,
            Detail = detail,
            Instance = context.Request.PathBase + context.Request.Path,
        };
        if (invalid is not null)
        {
            problem.Extensions["invalidParams"] = invalid;
        }

        return TypedResults.Problem(problem);
    }
}
