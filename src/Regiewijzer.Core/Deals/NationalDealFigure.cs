namespace Regiewijzer.Core.Deals;

/// <summary>The national figure the 35 woondeals are compared with.</summary>
public static class NationalDealFigure
{
    /// <summary>
    /// 936.349 homes for the 35 woondeals: quoted in policy presentations of the ministry, not found in a public source
    /// (data/reference/SOURCES.upstream.md), so not verified.
    /// </summary>
    public static PublishedFigure Woondeals2022To2030 { get; } = new(
        936_349,
        "936.349 woningen in de 35 woondeals (cijfer uit beleidspresentaties van het ministerie van BZK)",
        "niet teruggevonden in een openbare bron; zie data/reference/SOURCES.upstream.md",
        Verified: false);
}
