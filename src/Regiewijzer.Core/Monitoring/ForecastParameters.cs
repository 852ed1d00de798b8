using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// What happens to a plan of one planning status (or a contracted plan) in the forecast: with
/// probability <see cref="RealisationProbability"/> the whole plan is realised, then delayed by d
/// whole years with probability <see cref="Delay"/>[d]; otherwise it drops out entirely.
/// </summary>
/// <param name="Key">"1a" … "4b", or "contracted".</param>
/// <param name="Label">Dutch label.</param>
/// <param name="RealisationProbability">Exact probability in [0, 1].</param>
/// <param name="Delay">Probability of 0, 1, 2, … years delay given realisation; exact, each &gt;= 0, summing to exactly 1; at most <see cref="MaxDelayYears"/> + 1 entries.</param>
/// <param name="Source">Where the numbers come from.</param>
/// <param name="Confidence">[V], [S] or [A].</param>
/// <param name="Note">Dutch note, e.g. why an assumption was made.</param>
/// <exception cref="ArgumentException">The probability or the delay distribution is invalid.</exception>
public sealed record ForecastParameter(
    string Key,
    string Label,
    Fraction RealisationProbability,
    ImmutableArray<Fraction> Delay,
    string Source,
    Confidence Confidence,
    string? Note = null)
{
    /// <summary>Longest delay that can be expressed (years).</summary>
    public const int MaxDelayYears = 30;

    private readonly bool _valid = Check(Key, RealisationProbability, Delay);

    /// <summary>Checks the values again (a <c>with</c> copy is not checked by the constructor).</summary>
    /// <exception cref="ArgumentException">The probability or the delay distribution is invalid.</exception>
    public ForecastParameter Validate()
    {
        Check(Key, RealisationProbability, Delay);
        return this;
    }

    /// <summary>Expected delay in years given realisation (exact).</summary>
    public Fraction MeanDelay => Delay.Select((p, d) => p * d).Aggregate(Fraction.Zero, (a, b) => a + b);

    private static bool Check(string key, Fraction probability, ImmutableArray<Fraction> delay)
    {
        if (probability < Fraction.Zero || probability > Fraction.One)
        {
            throw new ArgumentException($"Forecast parameter '{key}': probability {probability} is outside [0, 1].", nameof(probability));
        }

        if (delay.IsDefaultOrEmpty || delay.Length > MaxDelayYears + 1 || delay.Any(p => p < Fraction.Zero)
            || delay.Aggregate(Fraction.Zero, (a, b) => a + b) != Fraction.One)
        {
            throw new ArgumentException($"Forecast parameter '{key}': the delay probabilities must be 1 to {MaxDelayYears + 1} non-negative values summing to 1.", nameof(delay));
        }

        return true;
    }
}

/// <summary>
/// A versioned set of forecast parameters: one <see cref="ForecastParameter"/> per planning status
/// (1a … 4b) and one for contracted plans, which are used for a contracted plan whatever its status.
/// </summary>
/// <param name="Id">Stable version id.</param>
/// <param name="Name">Dutch name for display.</param>
/// <param name="ByStatus">Eight parameters in the order of <see cref="PlanningStatuses.All"/> (keys "1a" … "4b").</param>
/// <param name="Contracted">Parameter for contracted plans (key "contracted").</param>
/// <exception cref="ArgumentException">ByStatus does not hold exactly the eight statuses in order.</exception>
public sealed record ForecastParameters(string Id, string Name, ImmutableArray<ForecastParameter> ByStatus, ForecastParameter Contracted)
{
    /// <summary>Key of the contracted-plans parameter.</summary>
    public const string ContractedKey = "contracted";

    private readonly bool _valid = Check(ByStatus, Contracted);

    /// <summary>Checks the set and every parameter again (a <c>with</c> copy is not checked by the constructor).</summary>
    /// <exception cref="ArgumentException">A key is missing or out of order, or a parameter is invalid.</exception>
    public ForecastParameters Validate()
    {
        Check(ByStatus, Contracted);
        foreach (var parameter in All)
        {
            parameter.Validate();
        }

        return this;
    }

    /// <summary>The parameter used for a plan.</summary>
    public ForecastParameter For(PlanningStatus status, bool contracted) => contracted ? Contracted : ByStatus[(int)status];

    /// <summary>All nine parameters: 1a … 4b, then contracted (the order of the forecast's outcome tables).</summary>
    public ImmutableArray<ForecastParameter> All => ByStatus.Add(Contracted);

    private static bool Check(ImmutableArray<ForecastParameter> byStatus, ForecastParameter contracted)
    {
        ArgumentNullException.ThrowIfNull(contracted);
        var keys = PlanningStatuses.All.Select(s => s.Code());
        return !byStatus.IsDefault && byStatus.Select(p => p.Key).SequenceEqual(keys, StringComparer.Ordinal) && contracted.Key == ContractedKey
            ? true
            : throw new ArgumentException("Forecast parameters need keys 1a, 1b, 1c, 2a, 2b, 3, 4a, 4b in that order and 'contracted'.", nameof(byStatus));
    }
}
