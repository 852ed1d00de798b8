using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Web.Api;

/// <summary>
/// What every response below /api/ shares (NLGov API Design Rules): the API-Version header, CORS for any origin,
/// application/problem+json for every error (also 404 for unknown paths and 405 for wrong methods) and no trailing slashes.
/// The page /api itself is HTML for people and is not part of this branch.
/// </summary>
internal static class ApiConventions
{
    /// <summary>The full semantic version of /api/v1, in the API-Version header and the OpenAPI document.</summary>
    public const string Version = "1.0.0";

    public const string BasePath = "/api/v1";

    public const string VersionHeader = "API-Version";

    public const string CorsPolicy = "api";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", ApiDocument.Configure);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .AllowAnyHeader()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post)
            .WithExposedHeaders(VersionHeader)));

        services.ConfigureHttpJsonOptions(o =>
        {
            // Responses are JSON, never embedded in HTML: keep ë and ⌈ ⌉ readable, as the scenario output does.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

            // Numbers are numbers (the web default also reads them from strings, and the OpenAPI schema would say so).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services;
    }

    public static IApplicationBuilder UseApi(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.Use(VersionAndSlash);
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = ServerError,
                // A lost race is an answer (409), not a fault: not logged as an unhandled error. A busy database and real faults are.
                SuppressDiagnosticsCallback = c => DatabaseErrors.IsConflict(c.Exception),
            });
            api.UseStatusCodePages(context => Problems.ForStatus(context.HttpContext).ExecuteAsync(context.HttpContext));
        });

    /// <summary>True for /api/ and everything below it; false for the page /api.</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue;

    private static Task VersionAndSlash(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[VersionHeader] = Version;

            // A public API without credentials: readable from any origin, also without an Origin header (/core/publish-openapi).
            context.Response.Headers.TryAdd(HeaderNames.AccessControlAllowOrigin, "*");
            return Task.CompletedTask;
        });

        // /core/no-trailing-slash: a URI with a trailing slash is a 404, never a redirect.
        return context.Request.Path.Value is { } path && path.EndsWith('/')
            ? Problems.NotFound(context, $"{path} bestaat niet: laat de slash aan het eind weg.").ExecuteAsync(context)
            : next(context);
    }

    /// <summary>
    /// An exception nobody answered: a lost race on the database (a unique index, a changed version) is the same 409 as
    /// other conflicts, a busy database 503 with Retry-After (never a conflict), everything else 500 (logged).
    /// </summary>
    private static Task ServerError(HttpContext context) =>
        (DatabaseErrors.Classify(context.Features.Get<IExceptionHandlerFeature>()?.Error) switch
        {
            DatabaseErrorKind.Conflict or DatabaseErrorKind.UniqueViolation => Problems.Conflict(context, DatabaseErrors.ConflictMessage, null),
            DatabaseErrorKind.Busy => Problems.Busy(context),
            DatabaseErrorKind.Unavailable => Hosting.DatabaseOutage.UnavailableProblem(context),
            _ => Problems.ServerError(context),
        }).ExecuteAsync(context);
}
