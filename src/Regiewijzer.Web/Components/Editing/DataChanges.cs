using Microsoft.AspNetCore.OutputCaching;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>After a change made in the web app: forget the monitoring snapshot and country check, and the cached reference pages.</summary>
internal static class DataChanges
{
    public static async Task AfterChangeAsync(MonitoringCache monitoring, IOutputCacheStore pages)
    {
        monitoring.Invalidate();
        await AfterPageChangeAsync(pages).ConfigureAwait(false);
    }

    /// <summary>After a change shown only on the cached pages, not in the monitoring (an instruction linked from a warning).</summary>
    public static async Task AfterPageChangeAsync(IOutputCacheStore pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        // Not cancelled with the request: the change is already stored.
        await pages.EvictByTagAsync(ReferencePages.Tag, CancellationToken.None).ConfigureAwait(false);
    }
}
