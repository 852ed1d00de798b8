using System.Globalization;
using System.Net;
using Npgsql;
using Regiewijzer.Data.Database;
using Regiewijzer.Web.Api;

namespace Regiewijzer.Web.Hosting;

/// <summary>
/// While the database cannot be reached, every page and API call answers 503 with Retry-After (a Dutch page, or
/// problem+json under /api) instead of 500, and the app recovers by itself when the database is back: the connection
/// pools are cleared so the next request opens fresh connections. The page is written here, without the layout or
/// anything else that would need the database again.
/// </summary>
internal sealed partial class DatabaseOutage(RequestDelegate next, ILogger<DatabaseOutage> logger, TimeProvider clock)
{
    private long lastLogged;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !context.Response.HasStarted)
        {
            NpgsqlConnection.ClearAllPools(); // connections to a server that went away are dead: open new ones next time
            LogOnceInAWhile(e);
            await WriteAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>The API's 503 problem with Retry-After (also for the API's own exception handler, ApiConventions).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnavailableProblem(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        NpgsqlConnection.ClearAllPools();
        context.Response.Headers.RetryAfter = DatabaseErrors.UnavailableRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        return Problems.Unavailable(context);
    }

    /// <summary>Writes the 503 answer: problem+json under /api, else a Dutch page that needs nothing from the database.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await UnavailableProblem(context).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseErrors.UnavailableRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page, context.RequestAborted).ConfigureAwait(false);
    }

    private static readonly string Page = $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Even niet beschikbaar - Regiewijzer</title>
        <link rel="stylesheet" href="/css/site.css"></head>
        <body><main id="inhoud" style="max-width: 40rem; margin: 3rem auto; padding: 0 1rem; font-family: sans-serif">
        <p><a href="/">Regiewijzer</a></p>
        <h1>Even niet beschikbaar</h1>
        <p id="fout">{{WebUtility.HtmlEncode(DatabaseErrors.UnavailableMessage)}}</p>
        <p>De pagina werkt weer zodra de database terug is; u hoeft niets anders te doen dan de pagina opnieuw te laden.</p>
        </main></body></html>
        """;

    private void LogOnceInAWhile(Exception e)
    {
        // One line per 10 seconds at most: an outage under load must not write a line per request.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var last = Interlocked.Read(ref lastLogged);
        if (now - last >= 10 && Interlocked.CompareExchange(ref lastLogged, now, last) == last)
        {
            Log.Unavailable(logger, e.GetBaseException().Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable; answering 503 until it is back: {Reason}")]
        public static partial void Unavailable(ILogger logger, string reason);
    }
}
