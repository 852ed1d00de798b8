namespace Regiewijzer.Web.Downloads;

/// <summary>Downloads of the what-if comparison and of sources tables.</summary>
internal static class ScenarioDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
    }
}
