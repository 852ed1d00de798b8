using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The draws of one plan for the runs of one block, 8 runs at a time with 256-bit vectors:
/// element r of the plan's SplitMix64 stream is Mix(key + (r + 1)·Gamma) (<see cref="ForecastRandom"/>),
/// u is its high 32 bits, and the outcome is the number of thresholds &lt;= u (the same as
/// <see cref="OutcomeTable.Outcome"/>). Pure integer arithmetic: the same numbers with or without
/// hardware SIMD support.
/// </summary>
internal readonly struct Draws(int first, int stride, int years)
{
    private static readonly Vector256<ulong> LaneSteps = Vector256.Create(1UL, 2, 3, 4) * ForecastRandom.Gamma;
    private static readonly Vector256<ulong> Four = Vector256.Create(unchecked(4 * ForecastRandom.Gamma));
    private static readonly Vector256<ulong> Eight = Vector256.Create(unchecked(8 * ForecastRandom.Gamma));
    private static readonly Vector256<ulong> M1 = Vector256.Create(0xBF58476D1CE4E5B9UL);
    private static readonly Vector256<ulong> M2 = Vector256.Create(0x94D049BB133111EBUL);
    private static readonly Vector256<int> LaneIndex = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);

    /// <summary>Per run of the block: the buffer index of the cell the plan's homes go to (row at <paramref name="baseIndex"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CellIndices(ulong key, Vector256<uint>[] thresholds, int baseIndex, Span<int> into)
    {
        var start = Start(key);
        var (low, high) = (start + LaneSteps, start + LaneSteps + Four);
        for (var r = 0; r < into.Length; r += 8)
        {
            CellIndex(Outcome(low, high, thresholds), baseIndex, r).StoreUnsafe(ref into[r]);
            (low, high) = (low + Eight, high + Eight);
        }
    }

    /// <summary>Per run of the block: the outcome (0 = drop-out, b = delay b - 1).</summary>
    public void Outcomes(ulong key, Vector256<uint>[] thresholds, Span<int> into)
    {
        var start = Start(key);
        var (low, high) = (start + LaneSteps, start + LaneSteps + Four);
        for (var r = 0; r < into.Length; r += 8)
        {
            Outcome(low, high, thresholds).StoreUnsafe(ref into[r]);
            (low, high) = (low + Eight, high + Eight);
        }
    }

    /// <summary>Per run of the block: the cell index for the given <paramref name="outcomes"/> and a row at <paramref name="baseIndex"/>.</summary>
    public void CellIndices(ReadOnlySpan<int> outcomes, int baseIndex, Span<int> into)
    {
        for (var r = 0; r < into.Length; r += 8)
        {
            CellIndex(Vector256.Create(outcomes.Slice(r, 8)), baseIndex, r).StoreUnsafe(ref into[r]);
        }
    }

    /// <summary>
    /// (run r + lane)·stride + slot·8 with slot = min(baseIndex + outcome - 1, years), or years
    /// (the discard slot) for a drop-out: branch-free, since drop-outs and late plans are a
    /// quarter or more of the outcomes, at random.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<int> CellIndex(Vector256<int> outcome, int baseIndex, int r)
    {
        var yearsV = Vector256.Create(years);
        var slot = Vector256.ConditionalSelect(
            Vector256.Equals(outcome, Vector256<int>.Zero),
            yearsV,
            Vector256.Min(Vector256.Create(baseIndex - 1) + outcome, yearsV));
        return ((LaneIndex + Vector256.Create(r)) * stride) + (slot * ForecastPlans.Lanes);
    }

    private Vector256<ulong> Start(ulong key) => Vector256.Create(unchecked(key + ((ulong)(uint)first * ForecastRandom.Gamma)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Outcome(Vector256<ulong> low, Vector256<ulong> high, Vector256<uint>[] thresholds)
    {
        var u = Vector256.Narrow(Mix(low) >> 32, Mix(high) >> 32);
        var outcome = Vector256<int>.Zero;
        foreach (var t in thresholds)
        {
            outcome -= Vector256.GreaterThanOrEqual(u, t).AsInt32();
        }

        return outcome;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >> 30)) * M1;
        z = (z ^ (z >> 27)) * M2;
        return z ^ (z >> 31);
    }
}
