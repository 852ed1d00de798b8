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
    /// Nearest-rank percentiles: the value at 1-based rank ⌈q·n/100⌉ of the sorted values. The values are counted in
    /// buckets instead of sorted: when they span a small range (a municipality's homes, or any range up to 4·n) one bucket
    /// per value, which gives the order statistics at once; over a wider range (the nation's) buckets of 2^k values, and
    /// only the values in the bucket that holds a rank are sorted. O(n) instead of O(n log n), the same order statistics.
    /// <paramref name="values"/> may be reordered.
    /// </summary>
    internal static PercentileBand Band(int year, int[] values) => Band(year, new Scratch(values));

    private static PercentileBand Band(int year, Scratch scratch)
    {
        var values = scratch.Values;
        var (min, max) = (values.Min(), values.Max());
        var range = (long)max - min;
        var shift = 0;
        while ((range >> shift) >= 4L * values.Length)
        {
            shift++;
        }

        var counts = scratch.Counts((int)(range >> shift) + 1);
        foreach (var v in values)
        {
            counts[(int)(((long)v - min) >> shift)]++;
        }

        Span<int> ranks = [Rank(10, values.Length), Rank(50, values.Length), Rank(90, values.Length)];
        Span<int> found = stackalloc int[3];
        var (seen, next, sorted) = (0, 0, -1);
        for (var i = 0; i < counts.Length && next < 3; i++)
        {
            var before = seen;
            seen += counts[i];
            while (next < 3 && ranks[next] < seen)
            {
                if (shift == 0)
                {
                    found[next++] = min + i;
                    continue;
                }

                if (sorted != i)
                {
                    scratch.SortBucket(min, shift, i, counts[i]);
                    sorted = i;
                }

                found[next] = scratch.Bucket[ranks[next] - before];
                next++;
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

        /// <summary>The values of the last bucket sorted by <see cref="SortBucket"/>, in order (the first ones of the array).</summary>
        public int[] Bucket { get; private set; } = [];

        /// <summary>Puts the <paramref name="count"/> values of bucket <paramref name="bucket"/> (of 2^<paramref name="shift"/> values from <paramref name="min"/>) in order at the start of <see cref="Bucket"/>.</summary>
        public void SortBucket(int min, int shift, int bucket, int count)
        {
            if (Bucket.Length < count)
            {
                Bucket = new int[Math.Max(count, Values.Length / 8)];
            }

            var n = 0;
            foreach (var v in Values)
            {
                if ((((long)v - min) >> shift) == bucket)
                {
                    Bucket[n++] = v;
                }
            }

            Array.Sort(Bucket, 0, n);
        }

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
