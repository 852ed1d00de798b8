namespace Regiewijzer.Web.Downloads;

/// <summary>Downloads of a region's and a municipality's tables.</summary>
internal static class RegionDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
    }
}
