using Regiewijzer.Core.Distributions;

namespace Regiewijzer.Web.Components.Pages.Regions;

/// <summary>The distribution key in plain Dutch: its name and what it does in one line.</summary>
internal static class KeyText
{
    public static string Name(DistributionKey key) => key.Dutch();

    public static string Explanation(DistributionKey key) => key switch
    {
        DistributionKey.Proportional =>
            "Wat de regio na de ondergrenzen nog aan sociale huur nodig heeft, draagt elke gemeente naar rato van haar nog niet gecontracteerde opgave.",
        DistributionKey.LaggingFirst =>
            "Wat de regio na de ondergrenzen nog aan sociale huur nodig heeft, gaat alleen naar gemeenten met weinig corporatiewoningen, naar rato van hun nog niet gecontracteerde opgave.",
        DistributionKey.GapWeighted =>
            "Wat de regio na de ondergrenzen nog aan sociale huur nodig heeft, gaat alleen naar gemeenten met weinig corporatiewoningen, meer naarmate hun aandeel corporatiewoningen verder onder de drempel ligt.",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };
}
