using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// The distribution engine on the national benchmark input (35 woondeal regions, 342
/// municipalities; see <see cref="NationalInput"/>). Target (issue "Distribution engine, CLI and
/// project foundation"): all 35 regions in one call under 1 ms. Min and median are shown next to
/// the mean because the machine is shared (2 cores, concurrent builds): the minimum is the best
/// estimate of the uncontended speed.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DistributionBenchmarks
{
    private readonly NormSet _norms = NormSets.Law2026;
    private RegionInput[] _proportional = [];
    private RegionInput[] _regionOnly = [];
    private RegionInput[] _laggingFirst = [];
    private RegionInput[] _gapWeighted = [];
    private RegionInput _foodvalley = null!;

    [GlobalSetup]
    public void Setup()
    {
        var regions = NationalInput.Load();
        _proportional = [.. regions.Select(r => r.Input with { Key = DistributionKey.Proportional })];
        _regionOnly = [.. _proportional.Select(r => r with { Levels = DistributionLevels.Region })];
        _laggingFirst = [.. regions.Select(r => r.Input with { Key = DistributionKey.LaggingFirst })];
        _gapWeighted = [.. regions.Select(r => r.Input with { Key = DistributionKey.GapWeighted })];
        _foodvalley = regions.Single(r => r.Id == "WD19").Input;
    }

    /// <summary>
    /// A0: all 35 regions, key proportional, region-only (<see cref="DistributionLevels.Region"/>): the distribution as it
    /// was before issue 18 (province-aware placement), for the comparison with A.
    /// </summary>
    [Benchmark(Description = "A0: 35 regions, proportional, region-only")]
    public long AllRegionsRegionOnly() => DistributeAll(_regionOnly);

    /// <summary>A: all 35 regions, key proportional, per province part where a region crosses a border (the default, domain.md §5b).</summary>
    [Benchmark(Baseline = true, Description = "A: 35 regions, proportional")]
    public long AllRegionsProportional() => DistributeAll(_proportional);

    /// <summary>B: all 35 regions, key lagging-first.</summary>
    [Benchmark(Description = "B: 35 regions, lagging-first")]
    public long AllRegionsLaggingFirst() => DistributeAll(_laggingFirst);

    /// <summary>C: all 35 regions, key gap-weighted (fractions with large denominators).</summary>
    [Benchmark(Description = "C: 35 regions, gap-weighted")]
    public long AllRegionsGapWeighted() => DistributeAll(_gapWeighted);

    /// <summary>D: all 35 regions (proportional) plus every municipality's explanation, rendered as text.</summary>
    [Benchmark(Description = "D: 35 regions + 342 explanations")]
    public long AllRegionsWithExplanations()
    {
        long chars = 0;
        foreach (var input in _proportional)
        {
            var region = Distribution.Distribute(input, _norms);
            foreach (var m in region.Municipalities)
            {
                ImmutableArray<ExplanationStep> steps = Explanation.For(region, m);
                foreach (var step in steps)
                {
                    chars += step.ToString().Length;
                }
            }
        }

        return chars;
    }

    /// <summary>E: Regio Foodvalley alone (8 municipalities, proportional).</summary>
    [Benchmark(Description = "E: Foodvalley alone")]
    public RegionDistribution Foodvalley() => Distribution.Distribute(_foodvalley, _norms);

    private long DistributeAll(RegionInput[] inputs)
    {
        long social = 0;
        foreach (var input in inputs)
        {
            social += Distribution.Distribute(input, _norms).Social;
        }

        return social;
    }
}
