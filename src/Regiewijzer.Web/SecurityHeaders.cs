using Microsoft.Net.Http.Headers;

namespace Regiewijzer.Web;

/// <summary>
/// Security headers on every response of the host: pages, API, static files, downloads and error answers
/// (set when the response starts, so also on answers written by the exception handler and the status-code pages).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy. Scripts only from this host (no inline script, no eval: the pages carry their data
    /// as <c>&lt;script type="application/json"&gt;</c>, which is never executed). Styles allow 'unsafe-inline' because
    /// ECharts writes its tooltips as HTML with style attributes and a few pages set a width or colour in a style
    /// attribute; inline styles cannot run code. <c>data:</c> images for the empty favicon. No framing by anyone.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Adds the headers to every response; first in the pipeline.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY"; // also where antiforgery would say SAMEORIGIN
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
