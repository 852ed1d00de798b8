using System.Diagnostics;
using System.Globalization;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Tests.Monitoring;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// Stopwatch timings of the forecast without BenchmarkDotNet (--forecast): the fast forecast on 1
/// and on all threads, the fixed cost without plans, the reference at reduced runs (and at full
/// scale with "full"), and a check that fast and reference agree.
/// </summary>
internal static class ForecastTiming
{
    public static int Run(string[] args, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        var repeat = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, inv, out var n) ? n : 7;
        var full = args.Contains("full", StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var input = ForecastBenchmarks.National();
        var homes = input.Plans.Sum(p => (long)p.Homes.Total);
        o.WriteLine(string.Create(inv, $"input: {input.Plans.Count} plans, {homes} homes, {input.Plans.Count(p => p.Deliveries.Length > 1)} spread over several years, target {input.Target} (generated in {watch.Elapsed.TotalMilliseconds:0} ms)"));
        o.WriteLine(string.Create(inv, $"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));

        var result = Forecast.Run(input);
        foreach (var s in result.Series)
        {
            var last = s.Cumulative[^1];
            o.WriteLine(string.Create(inv, $"  {s.Group,-20} target {s.Target,8}  cumulative 2035 P10/P50/P90 {last.P10,8} {last.P50,8} {last.P90,8}  P(target) {s.Probability.ToDouble():0.0000}"));
        }

        Time(o, "fast, all cores", repeat, () => Forecast.Run(input));
        Time(o, "fast, 1 thread", repeat, () => Forecast.Run(input, maxDegreeOfParallelism: 1));
        Time(o, "fast, 2 threads", repeat, () => Forecast.Run(input, maxDegreeOfParallelism: 2));
        Time(o, "no plans (writes + percentiles), all cores", repeat, () => Forecast.Run(input with { Plans = [] }));
        Time(o, "no plans, 1 thread", repeat, () => Forecast.Run(input with { Plans = [] }, maxDegreeOfParallelism: 1));

        var groups = input.Plans.GroupBy(p => p.Municipality).Select(g => input with { Plans = [.. g], Target = SyntheticPlans.Target(g) }).ToArray();
        var perMunicipality = Time(o, string.Create(inv, $"{groups.Length} municipalities one by one, all cores"), Math.Min(repeat, 3), () => groups.Select(g => Forecast.Run(g)).ToArray());
        o.WriteLine(string.Create(inv, $"  {perMunicipality / groups.Length:0.0} ms per municipality (about {input.Plans.Count / groups.Length} plans each)"));

        var reduced = input with { Runs = 1000 };
        var referenceTime = Time(o, "reference, 1 thread, 1,000 runs", 3, () => ForecastReference.Run(reduced));
        o.WriteLine(string.Create(inv, $"  extrapolated to 10,000 runs: {referenceTime * 10 / 1000:0.0} s"));
        var same = Same(ForecastReference.Run(reduced), Forecast.Run(reduced));
        o.WriteLine(same ? "fast == reference at 1,000 runs" : "MISMATCH between fast and reference at 1,000 runs");
        if (full)
        {
            ForecastResult? reference = null;
            var fullReference = Time(o, "reference, 1 thread, 10,000 runs", 1, () => reference = ForecastReference.Run(input));
            o.WriteLine(string.Create(inv, $"  full-scale reference {fullReference / 1000:0.0} s"));
            var sameFull = Same(reference!, result);
            o.WriteLine(sameFull ? "fast == reference at 10,000 runs" : "MISMATCH between fast and reference at 10,000 runs");
            same &= sameFull;
        }

        return same ? 0 : 1;
    }

    /// <summary>Profiling helper (--forecast-loop threads seconds): the national forecast in a loop, e.g. under perf stat.</summary>
    public static int Loop(string[] args, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        var threads = args.Length > 0 ? int.Parse(args[0], inv) : Environment.ProcessorCount;
        var seconds = args.Length > 1 ? double.Parse(args[1], inv) : 20;
        var input = ForecastBenchmarks.National();
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            GC.KeepAlive(Forecast.Run(input, threads));
            calls++;
        }

        o.WriteLine(string.Create(inv, $"{calls} national forecasts on {threads} thread(s) in {watch.Elapsed.TotalSeconds:0.0} s = {watch.Elapsed.TotalMilliseconds / calls:0.0} ms each"));
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="repeat"/> times; prints the minimum and median
    /// wall-clock time and the minimum process CPU time, and returns the minimum wall-clock time in ms.
    /// </summary>
    private static double Time(TextWriter o, string what, int repeat, Func<object> action)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        wall.Sort();
        cpu.Sort();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} wall min {wall[0],8:0.0} ms  median {wall[wall.Count / 2],8:0.0} ms  cpu min {cpu[0],8:0.0} ms  ({repeat}x)"));
        return wall[0];
    }

    private static bool Same(ForecastResult a, ForecastResult b) =>
        a.Series.Zip(b.Series).All(p =>
            p.First.Group == p.Second.Group && p.First.RunsMeetingTarget == p.Second.RunsMeetingTarget && p.First.Mean == p.Second.Mean
            && p.First.PerYear.SequenceEqual(p.Second.PerYear) && p.First.Cumulative.SequenceEqual(p.Second.Cumulative));
}
