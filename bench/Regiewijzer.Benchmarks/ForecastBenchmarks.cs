using BenchmarkDotNet.Attributes;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Tests.Monitoring;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// The Monte Carlo forecast at national scale (issue "Plans, progress monitoring and a
/// probabilistic delivery forecast"): 30,000 synthetic plans (<see cref="SyntheticPlans"/>) x 10
/// years (2026-2035) x 10,000 runs, default parameters. Target: under 1 s on this 2-core machine.
/// The baseline is the straightforward single-threaded implementation of the same model
/// (<see cref="ForecastReference"/>, linked from the tests), run at 100 runs: its time is linear in
/// the runs, so x100 gives the national figure (the --forecast mode also times it at full scale).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ForecastBenchmarks
{
    public const int Plans = 30_000;
    public const int Runs = 10_000;
    public const int ReferenceRuns = 100;

    private ForecastInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = National();

    /// <summary>The national benchmark input.</summary>
    public static ForecastInput National(int runs = Runs)
    {
        var plans = SyntheticPlans.Generate(Plans);
        return new ForecastInput(SyntheticPlans.FirstYear, SyntheticPlans.LastYear, SyntheticPlans.Target(plans), plans, ForecastParameterSets.Default, runs, Seed: 2026);
    }

    /// <summary>F: the forecast on all cores.</summary>
    [Benchmark(Baseline = true, Description = "F: 30,000 plans x 10 years x 10,000 runs, all cores")]
    public ForecastResult Fast() => Forecast.Run(_input);

    /// <summary>G: the same on one thread.</summary>
    [Benchmark(Description = "G: same, 1 thread")]
    public ForecastResult FastOneThread() => Forecast.Run(_input, maxDegreeOfParallelism: 1);

    /// <summary>H: the reference implementation, 100 runs (x100 for the national scale).</summary>
    [Benchmark(Description = "H: reference, 1 thread, 100 runs")]
    public ForecastResult Reference() => ForecastReference.Run(_input with { Runs = ReferenceRuns });
}
