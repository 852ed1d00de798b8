namespace Regiewijzer.Web.Components.Pages.Regions;

/// <summary>Status codes for pages that render their own message.</summary>
internal static class PageStatus
{
    /// <summary>
    /// Answers 404 with the page's own Dutch message. Setting the status during rendering would make .NET 10 drop the
    /// rendered body (it expects status-code re-execution to render a generic page instead), so the status is set just
    /// before the headers go out, after the body has been rendered.
    /// </summary>
    public static void NotFound(HttpContext? context)
    {
        context?.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
