using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Percentiles, target probability and mean per group from the per-run totals.</summary>
internal static class ForecastPercentiles
{
    public static ImmutableArray<ForecastSeries> Series(ForecastInput input, int years, int[] perYear, int[] cumulative, ParallelOptions options)
    {
        var runs = input.Runs;
        var groups = SegmentGroups.All;
        var bands = new PercentileBand[2 * groups.Length * years];
        Parallel.For(
            0,
            bands.Length,
            options,
            () => new Scratch(runs),
            (i, _, scratch) =>
            {
                var isCumulative = i >= groups.Length * years;
                var slice = i % (groups.Length * years);
                (isCumulative ? cumulative : perYear).AsSpan(slice * runs, runs).CopyTo(scratch.Values);
                bands[i] = Band(input.FirstYear + (slice % years), scratch);
                return scratch;
            },
            _ => { });

        return [.. groups.Select((group, g) =>
        {
            var target = input.Target[group];
            var final = cumulative.AsSpan(((g * years) + years - 1) * runs, runs);
            var meeting = 0;
            long sum = 0;
            foreach (var value in final)
            {
                meeting += value >= target ? 1 : 0;
                sum += value;
            }

            return new ForecastSeries(
                group,
                target,
                meeting,
                new Fraction(meeting, runs),
                new Fraction(sum, runs),
                [.. bands.AsSpan(g * years, years)],
                [.. bands.AsSpan((groups.Length + g) * years, years)]);
        })];
    }

    /// <summary>
    /// Nearest-rank percentiles: the value at 1-based rank ⌈q·n/100⌉ of the sorted values. When the
    /// values span a small range (a municipality's homes, or any range up to 4·n) they are counted
    /// instead of sorted: O(n + range) and the same order statistics. <paramref name="values"/> may be reordered.
    /// </summary>
    internal static PercentileBand Band(int year, int[] values) => Band(year, new Scratch(values));

    private static PercentileBand Band(int year, Scratch scratch)
    {
        var values = scratch.Values;
        var (min, max) = (values.Min(), values.Max());
        if ((long)max - min > 4L * values.Length)
        {
            Array.Sort(values);
            return new PercentileBand(year, values[Rank(10, values.Length)], values[Rank(50, values.Length)], values[Rank(90, values.Length)]);
        }

        var counts = scratch.Counts(max - min + 1);
        foreach (var v in values)
        {
            counts[v - min]++;
        }

        Span<int> ranks = [Rank(10, values.Length), Rank(50, values.Length), Rank(90, values.Length)];
        Span<int> found = stackalloc int[3];
        var (seen, next) = (0, 0);
        for (var i = 0; i < counts.Length && next < 3; i++)
        {
            seen += counts[i];
            while (next < 3 && ranks[next] < seen)
            {
                found[next++] = min + i;
            }
        }

        return new PercentileBand(year, found[0], found[1], found[2]);
    }

    /// <summary>Per-thread buffers: the values of one series and a counting array, reused across series.</summary>
    private sealed class Scratch(int[] values)
    {
        private int[] _counts = [];

        public Scratch(int runs)
            : this(new int[runs])
        {
        }

        public int[] Values { get; } = values;

        /// <summary>A cleared span of <paramref name="length"/> counters.</summary>
        public Span<int> Counts(int length)
        {
            if (_counts.Length < length)
            {
                _counts = new int[Math.Max(length, _counts.Length * 2)];
            }

            var span = _counts.AsSpan(0, length);
            span.Clear();
            return span;
        }
    }

    /// <summary>0-based index of rank ⌈q·n/100⌉.</summary>
    internal static int Rank(int q, int n) => (int)((((long)q * n) + 99) / 100) - 1;
}
