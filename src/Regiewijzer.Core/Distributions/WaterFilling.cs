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
}
