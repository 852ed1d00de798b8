using System.Diagnostics;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Distributions;

/// <summary>
/// Water-filling of a whole amount over weights and rooms (domain.md §5 step 7), in exact fractions.
/// </summary>
internal static class WaterFilling
{
    /// <summary>
    /// Gives each participant min(room, lambda * weight) with lambda chosen so the total is
    /// <paramref name="amount"/>; whoever is full stays full and the rest is shared again over the
    /// others by weight, until nothing overflows or everyone with a positive weight is full.
    /// Weight 0 gets nothing.
    /// </summary>
    /// <returns>The exact part of each participant and the whole number of homes that could not be placed.</returns>
    public static (Fraction[] Parts, long Unplaced) Fill(long amount, Fraction[] weights, long[] rooms) =>
        FillCancellable(amount, weights, rooms, CancellationToken.None);

    /// <summary><see cref="Fill"/>, stopping when <paramref name="ct"/> is cancelled (checked every round).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static (Fraction[] Parts, long Unplaced) FillCancellable(long amount, Fraction[] weights, long[] rooms, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var n = weights.Length;
        var parts = new Fraction[n];
        if (amount == 0)
        {
            return (parts, 0);
        }

        var active = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rooms[i]);
            if (weights[i].Sign < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), "Weights must be >= 0.");
            }

            if (weights[i].Sign > 0 && rooms[i] > 0)
            {
                active[count++] = i;
            }
        }

        var remaining = amount;
        while (count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var total = Fraction.Zero;
            for (var k = 0; k < count; k++)
            {
                total += weights[active[k]];
            }

            // i overflows when remaining * w_i / W > r_i, i.e. remaining * w_i > r_i * W, with the amount remaining at the
            // start of the round. Whoever overflows is filled and leaves the active set (the others keep their order).
            var start = remaining;
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                var i = active[k];
                if (Fraction.CompareProducts(weights[i], start, total, rooms[i]) > 0)
                {
                    parts[i] = rooms[i];
                    remaining -= rooms[i];
                }
                else
                {
                    active[kept++] = i;
                }
            }

            if (kept == count)
            {
                var lambda = (Fraction)start / total;
                for (var k = 0; k < count; k++)
                {
                    parts[active[k]] = lambda * weights[active[k]];
                }

                return (parts, 0);
            }

            count = kept;
        }

        return (parts, remaining);
    }

    /// <summary>The exact parts of a water-filling, their largest-remainder rounding and what could not be placed.</summary>
    public readonly record struct Filled(Fraction[] Exact, long[] Rounded, long Unplaced);

    /// <summary>
    /// <see cref="FillCancellable"/> followed by <see cref="LargestRemainder.Round"/>, the step every caller takes.
    /// <paramref name="codes"/> must be in ascending order (the municipalities sorted by code), so that a lower index is a lower code.
    /// </summary>
    /// <remarks>
    /// Whole weights (the keys proportional and lagging-first, and every pass by U) are filled in long arithmetic: the
    /// parts of the last round are λ × w = p·w / q over one denominator q (λ = p/q in lowest terms), so their floors and
    /// remainders are integer divisions by q and the remainders compare as longs. The parts are the same normalised
    /// fractions and the rounding the same as by the general path, which the other weights take.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static Filled FillAndRound(long amount, Fraction[] weights, long[] rooms, MunicipalityCode[] codes, CancellationToken ct)
    {
        if (!AreWhole(amount, weights))
        {
            var (parts, unplaced) = FillCancellable(amount, weights, rooms, ct);
            return new Filled(parts, LargestRemainder.Round(parts, codes), unplaced);
        }

        Debug.Assert(IsAscending(codes), "codes in ascending order");
        return FillWhole(amount, weights, rooms, ct);
    }

    // Below 2^31 each, so that amount × weight fits in a long and the sum of the weights in a long for any count.
    private static bool AreWhole(long amount, Fraction[] weights)
    {
        if (amount is < 0 or > int.MaxValue)
        {
            return false;
        }

        foreach (var w in weights)
        {
            if (!w.IsSmall(out var numerator, out var denominator) || denominator != 1 || numerator is < 0 or > int.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAscending(MunicipalityCode[] codes)
    {
        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i - 1].CompareTo(codes[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    // Scratch of up to this many municipalities on the stack (a region has tens of municipalities).
    private const int StackLimit = 256;

    private static Filled FillWhole(long amount, Fraction[] weights, long[] rooms, CancellationToken ct)
    {
        var n = weights.Length;
        var exact = new Fraction[n];
        var rounded = new long[n];
        if (amount == 0)
        {
            return new Filled(exact, rounded, 0);
        }

        Span<long> weight = n <= StackLimit ? stackalloc long[n] : new long[n];
        Span<int> active = n <= StackLimit ? stackalloc int[n] : new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rooms[i]);
            weights[i].IsSmall(out weight[i], out _);
            if (weight[i] > 0 && rooms[i] > 0)
            {
                active[count++] = i;
            }
        }

        var remaining = amount;
        while (count > 0)
        {
            ct.ThrowIfCancellationRequested();
            long total = 0;
            for (var k = 0; k < count; k++)
            {
                total += weight[active[k]];
            }

            // As in the general path: i overflows when remaining × w_i > r_i × W, with the amount remaining at the start of the round.
            // remaining × w_i < 2^62; r_i × W is a product of two longs, which cannot overflow 128 bits (unchecked: no overflow test).
            var start = remaining;
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                var i = active[k];
                if (start * weight[i] > unchecked((Int128)rooms[i] * total))
                {
                    exact[i] = rooms[i];
                    rounded[i] = rooms[i];
                    remaining -= rooms[i];
                }
                else
                {
                    active[kept++] = i;
                }
            }

            if (kept == count)
            {
                Share(start, total, weight, active[..count], exact, rounded);
                return new Filled(exact, rounded, 0);
            }

            count = kept;
        }

        return new Filled(exact, rounded, remaining);
    }

    /// <summary>
    /// The last round: λ × w_i with λ = <paramref name="start"/> / <paramref name="total"/> for the active participants (in
    /// ascending index order), floored, and one home more each for the largest remainders until the parts sum to
    /// <paramref name="start"/> again (ties: lower index, i.e. lower code).
    /// </summary>
    private static void Share(long start, long total, Span<long> weight, Span<int> active, Fraction[] exact, long[] rounded)
    {
        new Fraction(start, total).IsSmall(out var p, out var q);
        Span<Remainder> candidates = active.Length <= StackLimit ? stackalloc Remainder[active.Length] : new Remainder[active.Length];
        var count = 0;
        var missing = start;
        foreach (var i in active)
        {
            var numerator = p * weight[i]; // p <= start <= int.MaxValue and w <= int.MaxValue
            exact[i] = new Fraction(numerator, q);
            rounded[i] = numerator / q;
            missing -= rounded[i];
            var rest = numerator % q;
            if (rest != 0)
            {
                candidates[count++] = new Remainder(rest, i);
            }
        }

        if (missing == 0)
        {
            return;
        }

        candidates[..count].Sort();
        for (var k = 0; k < missing; k++)
        {
            rounded[candidates[k].Index]++;
        }
    }

    /// <summary>A part's remainder over the shared denominator; sorts largest first, then by lower index (lower code).</summary>
    private readonly record struct Remainder(long Rest, int Index) : IComparable<Remainder>
    {
        public int CompareTo(Remainder other)
        {
            var byRest = other.Rest.CompareTo(Rest);
            return byRest != 0 ? byRest : Index.CompareTo(other.Index);
        }
    }
}
