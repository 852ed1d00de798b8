using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Regiewijzer.Core;
using Regiewijzer.Data.Import;
using Regiewijzer.Web.Api;

namespace Regiewijzer.Web;

/// <summary>
/// The size limits of a request, explicit and without configuration, and a Dutch answer for every refusal: an HTML page
/// for form posts and pages, application/problem+json below /api/. Without this, Kestrel's default (about 30 MB) refused
/// a larger upload with an empty 400 (antiforgery swallowed the error while reading the form).
/// </summary>
internal static class RequestLimits
{
    /// <summary>
    /// Largest request body: the largest file the importer reads (<see cref="TabularReader.MaxBytes"/>, 50 MB) plus 1 MB for
    /// the other form fields and the multipart framing. Up to this size a file reaches the page, which refuses a file above its
    /// own upload limit with the file's name; above it the host refuses the request before reading it.
    /// Form files above 64 kB are buffered on disk, not in memory.
    /// </summary>
    public const long MaxBodyBytes = TabularReader.MaxBytes + (1024 * 1024);

    /// <summary>Kestrel's body limit and the form limits, all at <see cref="MaxBodyBytes"/>.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxBodyBytes);
    }

    /// <summary>
    /// Refuses a request whose Content-Length is above the limit before reading it, and reads a form (the upload) here,
    /// before antiforgery and the pages, so that a body that turns out too large or malformed while it is read gets a
    /// Dutch answer instead of an empty 400.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength > MaxBodyBytes)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeText(request.ContentLength)).ConfigureAwait(false);
                return;
            }

            if (request.HasFormContentType && !ApiConventions.IsApi(context))
            {
                try
                {
                    await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeText(null)).ConfigureAwait(false);
                    return;
                }
                catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
                {
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeText(null)).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
                {
                    await RefuseAsync(
                        context,
                        StatusCodes.Status400BadRequest,
                        "Het formulier kon niet worden gelezen: het is onvolledig aangekomen of heeft te veel of te lange velden. Probeer het opnieuw vanaf de pagina.")
                        .ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary>"Het verzoek is ... groot; Regiewijzer neemt hooguit 51 MB aan", in Dutch, with the limit.</summary>
    public static string TooLargeText(long? size) =>
        (size is { } s ? $"Het verzoek is {Format.Count(s)} bytes groot" : "Het verzoek is te groot")
        + $"; Regiewijzer neemt per verzoek hooguit {Format.Count(MaxBodyBytes / (1024 * 1024))} MB ({Format.Count(MaxBodyBytes)} bytes) aan. "
        + $"Een importbestand mag hooguit {Format.Count(TabularReader.MaxBytes / (1024 * 1024))} MB zijn; kies een kleiner bestand of splits het.";

    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            response.Headers.Connection = "close"; // the rest of the body is not read
        }

        if (ApiConventions.IsApi(context))
        {
            return Problems.RequestRefused(context, status, text).ExecuteAsync(context);
        }

        var title = status == StatusCodes.Status413PayloadTooLarge ? "Het verzoek is te groot" : "Het formulier kon niet worden gelezen";
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title} - Regiewijzer</title>
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <main>
                    <h1>{title}</h1>
                    <p>{WebUtility.HtmlEncode(text)}</p>
                    <p>Ga in de browser terug naar het formulier, of naar het <a href="/">landelijk overzicht</a>.</p>
                </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}
