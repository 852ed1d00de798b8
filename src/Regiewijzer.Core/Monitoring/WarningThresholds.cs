using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Early-warning tier (domain.md section 7), from best to worst.</summary>
public enum WarningTier
{
    /// <summary>Op koers: realised at least the on-track share of the trajectory.</summary>
    OnTrack,

    /// <summary>Aandacht.</summary>
    Attention,

    /// <summary>Achter.</summary>
    Behind,

    /// <summary>Ernstig achter.</summary>
    SeriouslyBehind,
}

/// <summary>
/// The tier thresholds as versioned parameters (law as data): shares of the cumulative trajectory.
/// A ratio r = realised / trajectory is <see cref="WarningTier.OnTrack"/> if r &gt;= OnTrack,
/// <see cref="WarningTier.Attention"/> if r &gt;= Attention, <see cref="WarningTier.Behind"/> if
/// r &gt;= Behind, else <see cref="WarningTier.SeriouslyBehind"/>: a ratio exactly at a threshold
/// is in the better tier.
/// </summary>
/// <param name="Id">Stable version id.</param>
/// <param name="Name">Dutch name for display.</param>
/// <param name="OnTrack">Lowest ratio that is on track (default 95/100).</param>
/// <param name="Attention">Lowest ratio that is "aandacht" (default 85/100).</param>
/// <param name="Behind">Lowest ratio that is "achter" (default 75/100).</param>
/// <exception cref="ArgumentException">The thresholds are not 1 &gt;= OnTrack &gt;= Attention &gt;= Behind &gt;= 0 (checked by the constructor and, since a <c>with</c> copy skips it, again by <see cref="Validate"/>).</exception>
public sealed record WarningThresholds(string Id, string Name, NormParameter OnTrack, NormParameter Attention, NormParameter Behind)
{
    private readonly bool _ordered = CheckOrder(OnTrack, Attention, Behind);

    /// <summary>Checks the order of the thresholds (a <c>with</c> copy is not checked by the constructor).</summary>
    /// <exception cref="ArgumentException">Not 1 &gt;= OnTrack &gt;= Attention &gt;= Behind &gt;= 0.</exception>
    public WarningThresholds Validate()
    {
        CheckOrder(OnTrack, Attention, Behind);
        return this;
    }

    /// <summary>
    /// The tier of an exact ratio. No ratio (nothing due yet: trajectory 0) is on track.
    /// </summary>
    public WarningTier TierOf(Fraction? ratio) =>
        ratio is not { } r || r >= OnTrack.Value ? WarningTier.OnTrack
        : r >= Attention.Value ? WarningTier.Attention
        : r >= Behind.Value ? WarningTier.Behind
        : WarningTier.SeriouslyBehind;

    /// <summary>The tier of <paramref name="realised"/> against <paramref name="due"/> (both cumulative; due 0 is on track).</summary>
    public WarningTier TierOf(int realised, int due) => TierOf(Ratio(realised, due));

    /// <summary>realised / due as an exact fraction, or null when nothing is due.</summary>
    public static Fraction? Ratio(int realised, int due) => due == 0 ? null : new Fraction(realised, due);

    private static bool CheckOrder(NormParameter onTrack, NormParameter attention, NormParameter behind)
    {
        ArgumentNullException.ThrowIfNull(onTrack);
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(behind);
        return onTrack.Value <= Fraction.One && onTrack.Value >= attention.Value && attention.Value >= behind.Value && behind.Value >= Fraction.Zero
            ? true
            : throw new ArgumentException("Warning thresholds must satisfy 1 >= onTrack >= attention >= behind >= 0.", nameof(onTrack));
    }
}

/// <summary>The catalogue of warning thresholds.</summary>
public static class WarningThresholdSets
{
    private const string Source =
        "In de geest van de Engelse Housing Delivery Test (National Planning Policy Framework 2018; Housing Delivery Test Measurement Rule Book, MHCLG 2018): onder 95% een actieplan, onder 85% een buffer van 20% extra bouwgrond, onder 75% een vermoeden ten gunste van duurzame ontwikkeling (bouwen tenzij)";

    private const string Note = "De drempels zijn die van de Engelse Housing Delivery Test (gecontroleerd in de bron); ze toepassen op Nederlandse trajecten is een aanname.";

    /// <summary>95/85/75% of the trajectory (domain.md section 7), labelled as assumption.</summary>
    public static WarningThresholds Hdt2018 { get; } = new(
        "hdt-2018",
        "Vroegtijdige signalering naar de Housing Delivery Test (95/85/75%)",
        new("onTrack", "Op koers vanaf (deel van het traject)", new Fraction(95, 100), Source, Confidence.Assumption, Note),
        new("attention", "Aandacht vanaf", new Fraction(85, 100), Source, Confidence.Assumption, Note),
        new("behind", "Achter vanaf (daaronder: ernstig achter)", new Fraction(75, 100), Source, Confidence.Assumption, Note));

    public static WarningThresholds Default => Hdt2018;
}
