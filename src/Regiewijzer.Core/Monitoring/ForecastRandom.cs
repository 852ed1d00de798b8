namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The forecast's random numbers, specified exactly so that any implementation on any machine
/// reproduces them. Each plan has its own SplitMix64 stream, keyed by the seed and the plan's id;
/// run r uses element r of that stream. A draw therefore depends only on (seed, plan id, run):
/// not on the order of the plans, the other plans, the number of threads or how runs are blocked.
/// All arithmetic is on unsigned 64-bit integers modulo 2^64.
/// </summary>
public static class ForecastRandom
{
    /// <summary>SplitMix64's increment, ⌊2^64/φ⌋.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    private const ulong FnvOffset = 0xCBF29CE484222325;
    private const ulong FnvPrime = 0x100000001B3;

    /// <summary>SplitMix64's output function (Stafford's mix 13): a bijection on 64-bit integers.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// The stream key of a plan: Mix(Mix(seed + Gamma) XOR FNV-1a-64(id)), where FNV-1a runs over
    /// the UTF-16 code units of the id (h = (h XOR unit) · 0x100000001B3, starting at 0xCBF29CE484222325).
    /// </summary>
    public static ulong PlanKey(ulong seed, string planId)
    {
        ArgumentNullException.ThrowIfNull(planId);
        unchecked
        {
            var h = FnvOffset;
            foreach (var unit in planId)
            {
                h = (h ^ unit) * FnvPrime;
            }

            return Mix(Mix(seed + Gamma) ^ h);
        }
    }

    /// <summary>
    /// The uniform draw of a plan in run <paramref name="run"/> (0-based): the high 32 bits of
    /// Mix(key + (run + 1)·Gamma), i.e. element run of the SplitMix64 stream started at key.
    /// Uniform on 0 .. 2^32 - 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">run is negative.</exception>
    public static uint Draw(ulong planKey, int run)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        return DrawUnchecked(planKey, run);
    }

    internal static uint DrawUnchecked(ulong planKey, int run) =>
        unchecked((uint)(Mix(planKey + ((ulong)(uint)run + 1) * Gamma) >> 32));
}
