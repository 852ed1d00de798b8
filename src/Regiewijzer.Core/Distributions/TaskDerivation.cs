using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Distributions;

/// <summary>
/// Derives municipal tasks (afgeleid) from a regional total: what remains after the agreed
/// municipal numbers, spread over the other members by weight with largest-remainder rounding.
/// </summary>
public static class TaskDerivation
{
    /// <summary>
    /// Spreads <paramref name="amount"/> homes over <paramref name="weights"/> in proportion, exactly,
    /// then rounds by the largest remainder (ties: lower CBS code). The parts sum to the amount.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is negative, or all weights are 0 while the amount is positive.</exception>
    public static IReadOnlyDictionary<MunicipalityCode, int> Spread(int amount, IReadOnlyList<(MunicipalityCode Code, long Weight)> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentNullException.ThrowIfNull(weights);
        var sorted = weights.OrderBy(w => w.Code).ToArray();
        long total = 0;
        foreach (var (code, weight) in sorted)
        {
            if (weight < 0)
            {
                throw new ArgumentException($"Weight of {code} is negative.", nameof(weights));
            }

            total += weight;
        }

        if (total == 0 && amount > 0)
        {
            throw new ArgumentException("All weights are 0; nothing to spread over.", nameof(weights));
        }

        var parts = sorted.Select(w => total == 0 ? Fraction.Zero : new Fraction((System.Numerics.BigInteger)amount * w.Weight, total)).ToArray();
        var rounded = LargestRemainder.Round(parts, [.. sorted.Select(w => w.Code)]);
        var result = new Dictionary<MunicipalityCode, int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            result[sorted[i].Code] = checked((int)rounded[i]);
        }

        return result;
    }
}
