namespace Regiewijzer.Core.Distributions;

/// <summary>Per-municipality indicators (domain.md §5, last paragraph).</summary>
public static class Indicators
{
    /// <summary>
    /// Catch-up need: the least whole number of social homes that, built with nothing else, brings
    /// the stock share S/T to the threshold: ceil((threshold*T - S) / (1 - threshold)), 0 if already there.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">T &lt;= 0, S outside [0, T], or threshold not in [0, 1).</exception>
    public static long CatchUpNeed(int stock, int socialStock, Fraction threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stock);
        ArgumentOutOfRangeException.ThrowIfNegative(socialStock);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(socialStock, stock);
        if (threshold.Sign < 0 || threshold >= Fraction.One)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Threshold must lie in [0, 1).");
        }

        if (threshold.IsSmall(out var a, out var b) && a <= int.MaxValue && b <= int.MaxValue)
        {
            // threshold = a/b with a, b below 2^31: ceil((a*T - b*S) / (b - a)) fits in long arithmetic.
            var gapTimesB = (a * stock) - (b * socialStock);
            return gapTimesB <= 0 ? 0 : (gapTimesB / (b - a)) + (gapTimesB % (b - a) == 0 ? 0 : 1);
        }

        if (threshold.IsSmall(out a, out b))
        {
            // threshold = a/b: ceil((a/b * T - S) / (1 - a/b)) = ceil((a*T - b*S) / (b - a)), in 128-bit integers.
            var numerator = ((Int128)a * stock) - ((Int128)b * socialStock);
            if (numerator <= 0)
            {
                return 0;
            }

            var denominator = b - a;
            if (numerator <= long.MaxValue)
            {
                var n = (long)numerator;
                return (n / denominator) + (n % denominator == 0 ? 0 : 1);
            }

            var quotient = numerator / denominator;
            return checked((long)(numerator % denominator == 0 ? quotient : quotient + 1));
        }

        var gap = threshold * stock - socialStock;
        return gap.Sign <= 0 ? 0 : (gap / (Fraction.One - threshold)).CeilingToInt64();
    }

    /// <summary>Projected stock share after the period: (S + social) / (T + N).</summary>
    public static Fraction ProjectedStockShare(int stock, int socialStock, int task, int social)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stock);
        return new Fraction((long)socialStock + social, (long)stock + task);
    }
}
