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

        var active = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rooms[i]);
            if (weights[i].Sign < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), "Weights must be >= 0.");
            }

            if (weights[i].Sign > 0 && rooms[i] > 0)
            {
                active.Add(i);
            }
        }

        var remaining = amount;
        var overflow = new List<int>(n);
        while (active.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var total = Fraction.Zero;
            foreach (var i in active)
            {
                total += weights[i];
            }

            // i overflows when remaining * w_i / W > r_i, i.e. remaining * w_i > r_i * W.
            overflow.Clear();
            Fraction remainingF = remaining;
            foreach (var i in active)
            {
                if (remainingF * weights[i] > total * rooms[i])
                {
                    overflow.Add(i);
                }
            }

            if (overflow.Count == 0)
            {
                var lambda = remainingF / total;
                foreach (var i in active)
                {
                    parts[i] = lambda * weights[i];
                }

                return (parts, 0);
            }

            foreach (var i in overflow)
            {
                parts[i] = rooms[i];
                remaining -= rooms[i];
            }

            active.RemoveAll(overflow.Contains);
        }

        return (parts, remaining);
    }
}
