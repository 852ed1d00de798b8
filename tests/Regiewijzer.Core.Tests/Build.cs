using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Tests;

/// <summary>Short constructors for hand-written regions in rule tables.</summary>
internal static class Build
{
    public static MunicipalityInput Municipality(
        string code,
        int task,
        int stock = 1000,
        int socialStock = 100,
        SegmentCounts contracted = default,
        Exemption? exemption = null,
        Commitment? commitment = null) =>
        new(new MunicipalityCode(code), code, task, stock, socialStock, contracted, exemption, commitment);

    public static RegionInput Region(params MunicipalityInput[] municipalities) =>
        new("Testregio", [.. municipalities]);

    public static RegionInput Region(DistributionKey key, params MunicipalityInput[] municipalities) =>
        new("Testregio", [.. municipalities], key);

    public static RegionDistribution Distribute(RegionInput region, NormSet? norms = null) =>
        Distribution.Distribute(region, norms ?? NormSets.Law2026);

    public static RegionDistribution Distribute(params MunicipalityInput[] municipalities) =>
        Distribute(Region(municipalities));

    public static MunicipalityDistribution Of(this RegionDistribution result, string code) =>
        result.Municipalities.Single(m => m.Code.Value == code);

    public static NormSet NormsWith(params (string Key, string Value)[] overrides) =>
        NormSets.Law2026.With(overrides.ToDictionary(o => o.Key, o => Fraction.Parse(o.Value), StringComparer.Ordinal), "test");

    public static ImmutableArray<MunicipalityInput> Shuffled(ImmutableArray<MunicipalityInput> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return [.. array];
    }
}
