namespace Regiewijzer.Web.Downloads;

/// <summary>Downloads of the national overview and province tables.</summary>
internal static class CountryDownloads
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
    }
}
