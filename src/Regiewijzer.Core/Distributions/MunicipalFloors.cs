namespace Regiewijzer.Core.Distributions;

/// <summary>
/// Steps 1-3 of domain.md §5 for one municipality: stock share, lagging segment, uncontracted task
/// U, affordable capacity capA, the applied floor fraction and the floors before and after a
/// commitment. The one place this rule is computed (<see cref="Distribution.Floors"/>).
/// </summary>
/// <remarks>The share S/T is kept as its two counts and made a (normalised) fraction only where it is shown or weighs.</remarks>
internal readonly record struct MunicipalFloors(
    int SocialStock,
    int Stock,
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
    /// <summary>s = S / T, exact.</summary>
    public Fraction Share => new(SocialStock, Stock);

    /// <summary>An effective exemption (for the lagging segment) in the given segment: that segment's room is 0.</summary>
    public bool ExemptedIn(Norms.LaggingSegment segment) => Exempted && Lagging == segment;
}
