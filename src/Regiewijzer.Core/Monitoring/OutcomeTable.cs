using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// A <see cref="ForecastParameter"/> as integer thresholds on a 32-bit draw u. The outcome of u is
/// the smallest b with u &lt; Thresholds[b]: b = 0 drops out, b &gt;= 1 is realised with b - 1
/// years delay. Thresholds[0] = ⌊(1 - p)·2^32⌋, Thresholds[k] = ⌊(1 - p + p·(q_0 + … + q_(k-1)))·2^32⌋,
/// the last is 2^32; computed exactly from the fractions, so the model is the same bit for bit on
/// every machine.
/// </summary>
internal sealed class OutcomeTable
{
    private const long Scale = 1L << 32;

    public OutcomeTable(ForecastParameter parameter)
    {
        var p = parameter.RealisationProbability;
        var cumulative = Fraction.One - p;
        var thresholds = new long[parameter.Delay.Length + 1];
        thresholds[0] = ScaleDown(cumulative);
        for (var k = 1; k < thresholds.Length; k++)
        {
            cumulative += p * parameter.Delay[k - 1];
            thresholds[k] = ScaleDown(cumulative);
        }

        Thresholds = [.. thresholds];

        // The outcome is also the number of thresholds <= u; a threshold of 2^32 never counts.
        Broadcasts = [.. thresholds.Where(t => t < Scale).Select(t => Vector256.Create((uint)t))];
    }

    /// <summary>Non-decreasing thresholds, the last one 2^32.</summary>
    public ImmutableArray<long> Thresholds { get; }

    /// <summary>The thresholds below 2^32, each broadcast to 8 lanes.</summary>
    public Vector256<uint>[] Broadcasts { get; }

    /// <summary>The outcome of a draw by a linear scan of the thresholds.</summary>
    public int Outcome(uint u)
    {
        var b = 0;
        while (u >= Thresholds[b])
        {
            b++;
        }

        return b;
    }

    private static long ScaleDown(Fraction share) => (long)(share * Scale).Floor();
}
