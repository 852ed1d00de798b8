using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>Generators of small forecast inputs, and a field-by-field comparison of results.</summary>
internal static class ForecastGen
{
    public const int FirstYear = 2025;

    public static readonly MunicipalityCode Code = new("GM0001");

    public static readonly Gen<SegmentHomes> Homes =
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40].Select(u => u < 30 ? 0 : u - 30), (a, b, c, d, e, u) => new SegmentHomes(a, b, c, d, e, u));

    /// <summary>A plan without its id: status, contracted, first year (-2 .. years + 1 from the first year), 1-3 years, homes per year.</summary>
    public static Gen<Func<string, Plan>> PlanWithoutId(int years) =>
        Gen.Select(
            Gen.Enum<PlanningStatus>(),
            Gen.Bool,
            Gen.Int[-2, years + 1],
            Gen.Frequency((4, Gen.Const(1)), (1, Gen.Int[2, 3])),
            Homes.Array[3])
        .Select((status, contracted, start, count, homes) => (Func<string, Plan>)(id => new Plan(
            id,
            Code,
            id,
            status,
            2026,
            Enumerable.Range(0, count).Select(k => new PlanDelivery(FirstYear + start + k, homes[k])),
            contracted)));

    /// <summary>0 .. max plans with ids P0, P1, ….</summary>
    public static Gen<ImmutableArray<Plan>> Plans(int years, int max = 12) =>
        PlanWithoutId(years).Array[0, max].Select(specs => specs.Select((make, i) => make(Id(i))).ToImmutableArray());

    public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"P{i}");

    /// <summary>A probability k/20 and a delay distribution of 1-4 years from integer weights.</summary>
    public static readonly Gen<ForecastParameter> Parameter =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 5].Array[1, 4])
            .Where((_, weights) => weights.Sum() > 0)
            .Select((k, weights) => new ForecastParameter(
                "x",
                "x",
                new Fraction(k, 20),
                [.. weights.Select(w => new Fraction(w, weights.Sum()))],
                "test",
                Confidence.Assumption));

    public static readonly Gen<ForecastParameters> Parameters = Gen.Frequency(
        (1, Gen.Const(ForecastParameterSets.Default)),
        (1, Gen.Const(ForecastParameterSets.Certain)),
        (2, Parameter.Array[9].Select(ps => new ForecastParameters(
            "gen",
            "gen",
            [.. ps.Take(8).Select((p, i) => p with { Key = PlanningStatuses.All[i].Code() })],
            ps[8] with { Key = ForecastParameters.ContractedKey }))));

    /// <summary>Inputs of 1-6 years, 0-12 plans, 1-300 runs (so runs cross the 128-run blocks).</summary>
    public static readonly Gen<ForecastInput> Input =
        Gen.Int[1, 6].SelectMany(years => Gen.Select(
            Plans(years),
            Parameters,
            Homes,
            Gen.Int[1, 300],
            Gen.ULong,
            Gen.Int[0, years],
            (plans, parameters, target, runs, seed, from) => new ForecastInput(
                FirstYear,
                FirstYear + years - 1,
                new SegmentHomes(target.SocialRent * 3, target.MiddleRent * 3, target.AffordableOwnership * 3, target.FreeRent * 3, target.FreeOwnership * 3),
                plans,
                parameters,
                runs,
                seed,
                FirstYear + from,
                from > 0 ? [new Realisation(Code, FirstYear, target)] : null)));

    public static void Equal(ForecastResult expected, ForecastResult actual)
    {
        Assert.Equal((expected.FirstYear, expected.LastYear, expected.Runs, expected.Seed, expected.ParametersId, expected.Plans),
            (actual.FirstYear, actual.LastYear, actual.Runs, actual.Seed, actual.ParametersId, actual.Plans));
        Assert.Equal(expected.Series.Length, actual.Series.Length);
        foreach (var (e, a) in expected.Series.Zip(actual.Series))
        {
            Assert.Equal((e.Group, e.Target, e.RunsMeetingTarget, e.Probability, e.Mean), (a.Group, a.Target, a.RunsMeetingTarget, a.Probability, a.Mean));
            Assert.Equal(e.PerYear, a.PerYear);
            Assert.Equal(e.Cumulative, a.Cumulative);
        }
    }
}
