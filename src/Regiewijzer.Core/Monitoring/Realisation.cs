using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Homes completed (gerealiseerd) in a municipality in one calendar year, per segment.</summary>
/// <param name="Municipality">The municipality.</param>
/// <param name="Year">Calendar year of completion.</param>
/// <param name="Homes">Completed homes per segment.</param>
public sealed record Realisation(MunicipalityCode Municipality, int Year, SegmentHomes Homes)
{
    /// <summary>Sums <paramref name="realisations"/> per year (any municipality) into the years firstYear..lastYear (inclusive); other years are ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lastYear &lt; firstYear.</exception>
    public static SegmentHomes[] PerYear(IEnumerable<Realisation> realisations, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(realisations);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var result = new SegmentHomes[lastYear - firstYear + 1];
        foreach (var r in realisations)
        {
            if (r.Year >= firstYear && r.Year <= lastYear)
            {
                result[r.Year - firstYear] += r.Homes;
            }
        }

        return result;
    }
}
