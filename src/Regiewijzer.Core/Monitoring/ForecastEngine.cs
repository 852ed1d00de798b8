using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The parallel Monte Carlo loop. Runs are cut into blocks of <see cref="BlockRuns"/>; each block
/// sums, for its runs, the homes of every realised plan into a small buffer of (run, year slot,
/// 8 lanes) ints (22.5 KB for 10 years: it stays in the L1 cache), then writes its runs' totals
/// into the shared result arrays at the runs' own indices. Integer sums and per-run draws make the
/// result independent of the blocks and threads.
/// </summary>
internal static class ForecastEngine
{
    /// <summary>Runs per block; a multiple of 8 (the SIMD width of the draws).</summary>
    public const int BlockRuns = 64;

    private const int Lanes = ForecastPlans.Lanes;

    private static readonly int Groups = SegmentGroups.All.Length;

    public static ForecastResult Run(ForecastInput input, ForecastPlans plans, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        var runs = input.Runs;
        var years = plans.Years;

        // Homes per (group, year, run), per year and cumulative; a slice of runs is contiguous. Every
        // element is written before it is read, so rented (not cleared) arrays are fine.
        var length = Groups * years * runs;
        var perYear = ArrayPool<int>.Shared.Rent(length);
        var cumulative = ArrayPool<int>.Shared.Rent(length);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        // Cancelled (the request went away): Parallel.For stops between blocks and throws OperationCanceledException.
        ImmutableArray<ForecastSeries> series;
        try
        {
            var blocks = (runs + BlockRuns - 1) / BlockRuns;
            Parallel.For(
                0,
                blocks,
                options,
                () => new int[BlockRuns * (years + 1) * Lanes],
                (block, _, buffer) =>
                {
                    var first = block * BlockRuns;
                    var count = Math.Min(BlockRuns, runs - first);
                    SimulateBlock(plans, first, count, buffer);
                    WriteBlock(plans, first, count, buffer, runs, perYear, cumulative);
                    return buffer;
                },
                _ => { });

            series = ForecastPercentiles.Series(input, years, perYear, cumulative, options);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perYear);
            ArrayPool<int>.Shared.Return(cumulative);
        }

        return new ForecastResult(input.FirstYear, input.LastYear, runs, input.Seed, input.Parameters.Id, input.Plans.Count, series);
    }

    /// <summary>The run totals (run, slot, lane) of the prepared plans and their baseline, for every run.</summary>
    public static int[] SimulateAll(ForecastPlans plans, int runs, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var totals = new int[runs * (plans.Years + 1) * Lanes];
        SimulateBlocks(plans, runs, (from, block) => block.CopyTo(totals.AsSpan(from)), maxDegreeOfParallelism, cancellationToken);
        return totals;
    }

    /// <summary>
    /// Adds the run totals of <paramref name="plans"/> (as <see cref="SimulateAll"/> writes them) to <paramref name="totals"/>,
    /// or subtracts them when <paramref name="subtract"/>: a part brought up to date after a plan change without arrays of
    /// its own for the old and the new plan. Integer sums, so the order of the changes does not matter.
    /// </summary>
    public static void AddAll(ForecastPlans plans, int runs, int[] totals, bool subtract, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        SimulateBlocks(
            plans,
            runs,
            (from, block) =>
            {
                var target = totals.AsSpan(from, block.Length);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = subtract ? target[i] - block[i] : target[i] + block[i];
                }
            },
            maxDegreeOfParallelism,
            cancellationToken);

    /// <summary>The run totals of the plans, block of runs by block (in parallel), each handed to <paramref name="write"/> with its offset in a whole run's totals.</summary>
    private static void SimulateBlocks(ForecastPlans plans, int runs, BlockWriter write, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var stride = (plans.Years + 1) * Lanes;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            (runs + BlockRuns - 1) / BlockRuns,
            options,
            () => new int[BlockRuns * stride],
            (block, _, buffer) =>
            {
                var first = block * BlockRuns;
                var count = Math.Min(BlockRuns, runs - first);
                SimulateBlock(plans, first, count, buffer);
                write(first * stride, buffer.AsSpan(0, count * stride));
                return buffer;
            },
            _ => { });
    }

    /// <summary>What <see cref="SimulateBlocks"/> does with a block: its totals, from offset <paramref name="from"/> of the whole run's.</summary>
    private delegate void BlockWriter(int from, ReadOnlySpan<int> block);

    /// <summary>
    /// <see cref="Run"/> from the run totals of the parts of the plans (<see cref="SimulateAll"/> per part), each run's
    /// totals being the baseline of <paramref name="baseline"/> (the realised homes) plus every part's: the same sums as
    /// simulating all plans at once.
    /// </summary>
    public static ForecastResult Combine(ForecastInput input, ForecastPlans baseline, IReadOnlyList<int[]> parts, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var runs = input.Runs;
        var years = baseline.Years;
        var stride = (years + 1) * Lanes;
        var length = Groups * years * runs;
        var perYear = ArrayPool<int>.Shared.Rent(length);
        var cumulative = ArrayPool<int>.Shared.Rent(length);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        ImmutableArray<ForecastSeries> series;
        try
        {
            Parallel.For(
                0,
                (runs + BlockRuns - 1) / BlockRuns,
                options,
                () => new int[BlockRuns * stride],
                (block, _, buffer) =>
                {
                    var first = block * BlockRuns;
                    var count = Math.Min(BlockRuns, runs - first);
                    for (var r = 0; r < count; r++)
                    {
                        var run = buffer.AsSpan(r * stride, stride);
                        baseline.Baseline.AsSpan().CopyTo(run);
                        run[(years * Lanes)..].Clear();
                        foreach (var part in parts)
                        {
                            var from = part.AsSpan((first + r) * stride, stride);
                            for (var k = 0; k < stride; k++)
                            {
                                run[k] += from[k];
                            }
                        }
                    }

                    WriteBlock(baseline, first, count, buffer, runs, perYear, cumulative);
                    return buffer;
                },
                _ => { });

            series = ForecastPercentiles.Series(input, years, perYear, cumulative, options);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perYear);
            ArrayPool<int>.Shared.Return(cumulative);
        }

        return new ForecastResult(input.FirstYear, input.LastYear, runs, input.Seed, input.Parameters.Id, input.Plans.Count, series);
    }

    /// <summary>
    /// Fills buffer[(run - first, slot, lane)] with the baseline plus the realised plans; slot
    /// <c>years</c> collects drop-outs and homes delayed past the period. Per plan it works in two
    /// passes over the block's runs: first the draws and outcomes, 8 runs at a time (SIMD, no
    /// branches), into a small array of cell indices; then one 8-lane add per run. Separating them
    /// matters: a store whose address depends on a just-computed hash stalls the loads after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SimulateBlock(ForecastPlans plans, int first, int count, int[] buffer)
    {
        var years = plans.Years;
        var stride = (years + 1) * Lanes;
        for (var r = 0; r < count; r++)
        {
            plans.Baseline.AsSpan().CopyTo(buffer.AsSpan(r * stride));
            buffer.AsSpan((r * stride) + (years * Lanes), Lanes).Clear();
        }

        Span<int> outcomes = stackalloc int[BlockRuns];
        Span<int> cellIndices = stackalloc int[BlockRuns];
        var draws = new Draws(first, stride, years);
        for (var i = 0; i < plans.PlanCount; i++)
        {
            var table = plans.Tables[plans.TableOf[i]];
            var (rowFirst, rowEnd) = (plans.RowStart[i], plans.RowStart[i + 1]);
            if (rowEnd - rowFirst == 1)
            {
                draws.CellIndices(plans.Keys[i], table.Broadcasts, plans.RowBase[rowFirst], cellIndices);
                Accumulate(buffer, cellIndices[..count], plans.RowHomes.AsSpan(rowFirst * Lanes, Lanes));
                continue;
            }

            draws.Outcomes(plans.Keys[i], table.Broadcasts, outcomes);
            for (var row = rowFirst; row < rowEnd; row++)
            {
                draws.CellIndices(outcomes, plans.RowBase[row], cellIndices);
                Accumulate(buffer, cellIndices[..count], plans.RowHomes.AsSpan(row * Lanes, Lanes));
            }
        }
    }

    /// <summary>Adds the 8 lanes of <paramref name="homes"/> to the cell at each index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(int[] buffer, ReadOnlySpan<int> cellIndices, ReadOnlySpan<int> homes)
    {
        // Every index is (run · stride + slot · 8) with slot <= years, so the unchecked access stays inside the buffer.
        ref var cells = ref MemoryMarshal.GetArrayDataReference(buffer);
        var add = Vector256.Create(homes);
        foreach (var index in cellIndices)
        {
            ref var cell = ref Unsafe.Add(ref cells, index);
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref cell) + add, ref cell);
        }
    }

    private static void WriteBlock(ForecastPlans plans, int first, int count, int[] buffer, int runs, int[] perYear, int[] cumulative)
    {
        var years = plans.Years;
        var stride = (years + 1) * Lanes;
        Span<int> sum = stackalloc int[Groups];
        for (var r = 0; r < count; r++)
        {
            sum.Clear();
            for (var y = 0; y < years; y++)
            {
                var lanes = buffer.AsSpan((r * stride) + (y * Lanes), Lanes);
                for (var g = 0; g < Groups; g++)
                {
                    var value = g switch
                    {
                        (int)SegmentGroup.Middle => lanes[1] + lanes[2],
                        (int)SegmentGroup.Free => lanes[3] + lanes[4],
                        (int)SegmentGroup.Affordable => lanes[0] + lanes[1] + lanes[2],
                        (int)SegmentGroup.All => lanes[0] + lanes[1] + lanes[2] + lanes[3] + lanes[4] + lanes[5],
                        _ => lanes[g],
                    };
                    sum[g] += value;
                    var at = (((g * years) + y) * runs) + first + r;
                    perYear[at] = value;
                    cumulative[at] = sum[g];
                }
            }
        }
    }
}
