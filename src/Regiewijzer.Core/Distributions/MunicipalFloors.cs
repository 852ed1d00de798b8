namespace Regiewijzer.Core.Distributions;

/// <summary>
/// Steps 1-3 of domain.md §5 for one municipality: stock share, lagging segment, uncontracted task
/// U, affordable capacity capA, the applied floor fraction and the floors before and after a
/// commitment. The one place this rule is computed (<see cref="Distribution.Floors"/>).
/// </summary>
internal readonly record struct MunicipalFloors(
    Fraction Share,
    Norms.LaggingSegment Lagging,
    int Uncontracted,
    int Capacity,
    Fraction Applied,
    bool Exempted,
    bool Ineffective,
    int StatutorySocial,
    int StatutoryMiddle,
    int Social,
    int Middle)
{
    /// <summary>An effective exemption (for the lagging segment) in the given segment: that segment's room is 0.</summary>
    public bool ExemptedIn(Norms.LaggingSegment segment) => Exempted && Lagging == segment;
}
