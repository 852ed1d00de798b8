using System.Collections.Immutable;
using System.Globalization;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// What became of one plan, observed afterwards: its status (and contracted flag) at the time of
/// the forecast, whether it was realised and how many years late.
/// </summary>
/// <param name="Status">Planning status when the plan was recorded.</param>
/// <param name="Contracted">Contracted at that time (then it counts for the contracted parameter).</param>
/// <param name="Realised">Realised (true) or dropped out (false).</param>
/// <param name="DelayYears">Realisation year minus expected year; ignored when not realised. Negative (early) counts as 0, more than <see cref="ForecastParameter.MaxDelayYears"/> as that maximum.</param>
public readonly record struct PlanOutcome(PlanningStatus Status, bool Contracted, bool Realised, int DelayYears);

/// <summary>
/// Estimates forecast parameters from observed plan outcomes, shrunk towards a prior so that a
/// few observations do not swing the numbers.
/// </summary>
public static class Calibration
{
    /// <summary>Default weight of the prior, in pseudo-observations.</summary>
    public const int DefaultPriorWeight = 30;

    /// <summary>
    /// Per parameter (each status, and contracted) with n observations of which r realised, c_d
    /// with delay d, and prior p0, q0 with weight w: p = (r + w·p0) / (n + w) and
    /// q_d = (c_d + w·q0_d) / (r + w), exactly. With no observations the prior is returned
    /// unchanged; with n = w the data and the prior weigh equally; as n grows the estimate tends to
    /// the observed frequencies. A calibrated parameter is labelled secondary source (our own
    /// realisation data) with the counts in its source text.
    /// </summary>
    /// <param name="outcomes">Observed outcomes.</param>
    /// <param name="prior">Prior parameters, e.g. <see cref="ForecastParameterSets.Default"/>.</param>
    /// <param name="priorWeight">w &gt;= 1: how many observations the prior is worth.</param>
    /// <exception cref="ArgumentOutOfRangeException">priorWeight &lt; 1.</exception>
    public static ForecastParameters Estimate(IEnumerable<PlanOutcome> outcomes, ForecastParameters prior, int priorWeight = DefaultPriorWeight)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentOutOfRangeException.ThrowIfLessThan(priorWeight, 1);
        var groups = prior.All.Length;
        var observed = new long[groups];
        var realised = new long[groups];
        var delays = new long[groups, ForecastParameter.MaxDelayYears + 1];
        foreach (var o in outcomes)
        {
            var g = o.Contracted ? groups - 1 : (int)o.Status;
            observed[g]++;
            if (o.Realised)
            {
                realised[g]++;
                delays[g, Math.Clamp(o.DelayYears, 0, ForecastParameter.MaxDelayYears)]++;
            }
        }

        var estimated = prior.All.Select((p, g) => Shrink(p, observed[g], realised[g], Row(delays, g), priorWeight)).ToImmutableArray();
        return new ForecastParameters(
            prior.Id + "+gekalibreerd",
            prior.Name + " (gekalibreerd op realisaties)",
            estimated.RemoveAt(groups - 1),
            estimated[^1]);
    }

    private static ForecastParameter Shrink(ForecastParameter prior, long n, long r, long[] counts, int w)
    {
        if (n == 0)
        {
            return prior;
        }

        var probability = (r + (prior.RealisationProbability * w)) / Fraction.FromInteger(n + w);
        var length = Math.Max(prior.Delay.Length, Array.FindLastIndex(counts, c => c > 0) + 1);
        var delay = Enumerable.Range(0, length)
            .Select(d => (counts[d] + ((d < prior.Delay.Length ? prior.Delay[d] : Fraction.Zero) * w)) / Fraction.FromInteger(r + w))
            .ToImmutableArray();
        var source = string.Create(
            CultureInfo.InvariantCulture,
            $"Gekalibreerd op {n} waarnemingen ({r} gerealiseerd), met prior '{prior.Key}' uit de vorige set ter waarde van {w} waarnemingen");
        return prior with
        {
            RealisationProbability = probability,
            Delay = delay,
            Source = source,
            Confidence = Confidence.Secondary,
            Note = "Schatting = (waargenomen + gewicht × prior) / (aantal + gewicht).",
        };
    }

    private static long[] Row(long[,] delays, int g)
    {
        var row = new long[delays.GetLength(1)];
        for (var d = 0; d < row.Length; d++)
        {
            row[d] = delays[g, d];
        }

        return row;
    }
}
