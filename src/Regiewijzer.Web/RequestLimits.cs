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

    /// <summary>
    /// Kestrel's hard limit: twice <see cref="MaxBodyBytes"/>. A body between the two is read to its end and discarded
    /// before the 413 answer is sent, so that the browser or client gets the answer instead of a reset connection; a
    /// chunked body that is not a form is held to <see cref="MaxBodyBytes"/> itself. Memory stays small: nothing is kept.
    /// </summary>
    public const long HardMaxBodyBytes = 2 * MaxBodyBytes;

    /// <summary>Kestrel's body limit (<see cref="HardMaxBodyBytes"/>) and the form limits (<see cref="MaxBodyBytes"/>).</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = HardMaxBodyBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxBodyBytes;
            o.BufferBodyLengthLimit = MaxBodyBytes;
        });
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
            var form = request.HasFormContentType && !ApiConventions.IsApi(context);
            if (request.ContentLength > MaxBodyBytes)
            {
                if (request.ContentLength <= HardMaxBodyBytes)
                {
                    await DiscardBodyAsync(context).ConfigureAwait(false); // so that the client reads the answer, not a reset
                }

                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeText(request.ContentLength)).ConfigureAwait(false);
                return;
            }

            if (!form)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes; // a chunked body above it: 413, answered by the status-code pages
                }
            }
            else
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
                catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    && e.Message.Contains("length", StringComparison.OrdinalIgnoreCase))
                {
                    await DiscardBodyAsync(context).ConfigureAwait(false);
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

    /// <summary>Reads the rest of the body (at most up to <see cref="HardMaxBodyBytes"/>) without keeping it.</summary>
    private static async Task DiscardBodyAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            // Above the hard limit: the connection is closed after the answer.
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        var response = context.Response;
        response.StatusCode = status;
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
