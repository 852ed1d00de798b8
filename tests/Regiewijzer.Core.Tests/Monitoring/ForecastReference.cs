using System.Collections.Immutable;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>
/// A straightforward single-threaded implementation of the forecast model of docs/rules.md: for
/// each run, for each plan, draw, look up the outcome by scanning the thresholds, add the homes.
/// It shares only <see cref="ForecastRandom"/> with <see cref="Forecast"/>. The tests use it as an
/// oracle; the benchmark project links this file as its baseline.
/// </summary>
internal static class ForecastReference
{
    public static ForecastResult Run(ForecastInput input)
    {
        var first = input.FirstYear;
        var years = input.LastYear - first + 1;
        var from = input.FromYear ?? first;
        var thresholds = input.Parameters.All.Select(Thresholds).ToArray();
        var keys = input.Plans.Select(p => ForecastRandom.PlanKey(input.Seed, p.Id)).ToArray();
        var realised = new SegmentHomes[years];
        foreach (var r in input.Realised ?? [])
        {
            if (r.Year >= first && r.Year <= input.LastYear)
            {
                realised[r.Year - first] += r.Homes;
            }
        }

        var homes = new SegmentHomes[input.Runs][];
        for (var run = 0; run < input.Runs; run++)
        {
            var inRun = (SegmentHomes[])realised.Clone();
            for (var i = 0; i < input.Plans.Count; i++)
            {
                var plan = input.Plans[i];
                var u = ForecastRandom.Draw(keys[i], run);
                var t = thresholds[plan.Contracted ? PlanningStatuses.All.Length : (int)plan.Status];
                var outcome = 0;
                while (u >= t[outcome])
                {
                    outcome++;
                }

                if (outcome == 0)
                {
                    continue; // dropped out
                }

                foreach (var d in plan.Deliveries)
                {
                    var year = Math.Max(d.Year, from) + outcome - 1;
                    if (year <= input.LastYear)
                    {
                        inRun[year - first] += d.Homes;
                    }
                }
            }

            homes[run] = inRun;
        }

        var series = SegmentGroups.All.Select(group =>
        {
            var perYear = Enumerable.Range(0, years).Select(y => Band(first + y, homes.Select(run => run[y][group]))).ToImmutableArray();
            var cumulative = Enumerable.Range(0, years).Select(y => Band(first + y, homes.Select(run => run.Take(y + 1).Sum(h => h[group])))).ToImmutableArray();
            var finals = homes.Select(run => run.Sum(h => (long)h[group])).ToArray();
            var target = input.Target[group];
            var meeting = finals.Count(v => v >= target);
            return new ForecastSeries(group, target, meeting, new Fraction(meeting, input.Runs), new Fraction(finals.Sum(), input.Runs), perYear, cumulative);
        });
        return new ForecastResult(first, input.LastYear, input.Runs, input.Seed, input.Parameters.Id, input.Plans.Count, [.. series]);
    }

    /// <summary>⌊c·2^32⌋ for the cumulative probabilities c of: drop out, delay 0, delay 1, …; the last is 2^32.</summary>
    private static long[] Thresholds(ForecastParameter p)
    {
        var scale = new Fraction(1L << 32, 1);
        var c = Fraction.One - p.RealisationProbability;
        var result = new List<long> { (long)(c * scale).Floor() };
        foreach (var q in p.Delay)
        {
            c += p.RealisationProbability * q;
            result.Add((long)(c * scale).Floor());
        }

        return [.. result];
    }

    /// <summary>Nearest rank: the value at 1-based rank ⌈q·n/100⌉.</summary>
    private static PercentileBand Band(int year, IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        int At(int q) => sorted[(int)Math.Ceiling(q * (decimal)sorted.Length / 100) - 1];
        return new PercentileBand(year, At(10), At(50), At(90));
    }
}
