using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Distributions;

/// <summary>
/// Derives municipal tasks (afgeleid) from a regional total: what remains after the agreed
/// municipal numbers, spread over the other members by weight with largest-remainder rounding.
/// </summary>
public static class TaskDerivation
{
    /// <summary>A member without an agreed number: its hard + soft plan capacity (null when unknown) and its stock.</summary>
    public readonly record struct Candidate(MunicipalityCode Code, long? PlanCapacity, long Stock);

    /// <summary>Derived tasks and the Dutch description of how they were derived.</summary>
    public sealed record Derived(IReadOnlyDictionary<MunicipalityCode, int> Tasks, string Method);

    /// <summary>
    /// The rule for a region whose deal gives only a total: what remains after the agreed numbers
    /// (never below 0) is spread over the other members by their share of hard + soft plan capacity,
    /// or by their share of stock when any of them has no plan capacity (so the weights are
    /// comparable), with largest-remainder rounding.
    /// </summary>
    /// <exception cref="ArgumentException">Stock weights are all 0 while homes remain.</exception>
    public static Derived FromRegionTotal(int regionTotal, long agreed, IReadOnlyList<Candidate> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var remaining = (int)Math.Max(0, regionTotal - agreed);
        var byPlan = others.All(c => c.PlanCapacity > 0);
        var weights = others.Select(c => (c.Code, byPlan ? c.PlanCapacity!.Value : c.Stock)).ToList();
        var method = (agreed > 0 ? $"regiototaal {regionTotal} min afgesproken {agreed}" : $"regiototaal {regionTotal}")
            + (byPlan
                ? ", verdeeld naar aandeel harde + zachte plancapaciteit (~2021)"
                : ", verdeeld naar aandeel woningvoorraad 2024 (plancapaciteit niet voor alle gemeenten bekend)")
            + ", afgerond met de grootste-restmethode";
        return new Derived(Spread(remaining, weights), method);
    }

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
