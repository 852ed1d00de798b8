using CsCheck;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>The random numbers are part of the model's specification: these values must never change.</summary>
public class ForecastRandomTests
{
    [Fact]
    public void Mix_KnownValues()
    {
        // SplitMix64 with seed 0: its first outputs are Mix(Gamma), Mix(2·Gamma).
        Assert.Equal(0xE220A8397B1DCDAFUL, ForecastRandom.Mix(ForecastRandom.Gamma));
        Assert.Equal(0x6E789E6AA1B965F4UL, ForecastRandom.Mix(unchecked(2 * ForecastRandom.Gamma)));
    }

    [Fact]
    public void PlanKeyAndDraw_KnownValues()
    {
        var key = ForecastRandom.PlanKey(2026, "GM0363-1");

        Assert.Equal(PinnedKey, key);
        Assert.Equal(PinnedDraws, Enumerable.Range(0, 4).Select(r => ForecastRandom.Draw(key, r)));
        Assert.NotEqual(key, ForecastRandom.PlanKey(2027, "GM0363-1"));
        Assert.NotEqual(key, ForecastRandom.PlanKey(2026, "GM0363-2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastRandom.Draw(key, -1));
    }

    [Fact]
    public void OutcomeTable_Thresholds_AreTheFlooredCumulativeProbabilities()
    {
        var table = new OutcomeTable(new ForecastParameter("x", "x", new Fraction(3, 4), [new(1, 3), new(2, 3)], "t", Confidence.Assumption));

        // 1/4 · 2^32, (1/4 + 3/4 · 1/3) · 2^32 = 1/2 · 2^32, 2^32.
        Assert.Equal([1L << 30, 1L << 31, 1L << 32], table.Thresholds);
        Assert.Equal(0, table.Outcome((1u << 30) - 1));
        Assert.Equal(1, table.Outcome(1u << 30));
        Assert.Equal(2, table.Outcome(1u << 31));
        Assert.Equal(2, table.Outcome(uint.MaxValue));
    }

    [Fact]
    public void OutcomeTable_Certain_NeverDropsOutAndNeverDelays()
    {
        var table = new OutcomeTable(ForecastParameterSets.Certain.ByStatus[0]);

        Assert.Equal([0L, 1L << 32], table.Thresholds);
        Assert.Equal(1, table.Outcome(0));
        Assert.Equal(1, table.Outcome(uint.MaxValue));
    }

    /// <summary>The SIMD draws of the engine equal the scalar specification, for any key and block start.</summary>
    [Fact]
    public void Draws_Outcomes_EqualTheScalarSpecification()
    {
        Gen.Select(Gen.ULong, Gen.Int[0, 1_000_000], ForecastGen.Parameter).Sample((key, first, parameter) =>
        {
            var table = new OutcomeTable(parameter);
            var outcomes = new int[ForecastEngine.BlockRuns];

            new Draws(first, 88, 10).Outcomes(key, table.Broadcasts, outcomes);

            for (var r = 0; r < outcomes.Length; r++)
            {
                Assert.Equal(table.Outcome(ForecastRandom.Draw(key, first + r)), outcomes[r]);
            }
        });
    }

    [Theory]
    [InlineData(1, 0, 0, 0)]
    [InlineData(10, 0, 4, 8)]
    [InlineData(100, 9, 49, 89)]
    [InlineData(10_000, 999, 4999, 8999)]
    [InlineData(7, 0, 3, 6)]
    public void Rank_IsTheNearestRank(int n, int p10, int p50, int p90)
    {
        Assert.Equal((p10, p50, p90), (ForecastPercentiles.Rank(10, n), ForecastPercentiles.Rank(50, n), ForecastPercentiles.Rank(90, n)));
    }

    [Fact]
    public void Band_CountingAndSorting_GiveTheSameOrderStatistics()
    {
        // Narrow ranges are counted per value; wide ones (up to the whole int range, or a few outliers far from a crowd)
        // in buckets whose values are sorted alone.
        var wide = Gen.Int[0, 5].SelectMany(spread => spread switch
        {
            0 => Gen.Int[0, 0].Array[1, 500],
            1 => Gen.Int[0, 10].Array[1, 500],
            2 => Gen.Int[0, 1000].Array[1, 500],
            3 => Gen.Int[0, 1_000_000].Array[1, 500],
            4 => Gen.Int[int.MinValue, int.MaxValue].Array[1, 500],
            _ => Gen.Int[0, 5].Array[1, 500].SelectMany(crowd => Gen.Int[0, int.MaxValue].Array[1, 3].Select(far => crowd.Concat(far).ToArray())),
        });
        wide.Sample(values =>
        {
            var sorted = values.Order().ToArray();
            var expected = new PercentileBand(2026, sorted[ForecastPercentiles.Rank(10, sorted.Length)], sorted[ForecastPercentiles.Rank(50, sorted.Length)], sorted[ForecastPercentiles.Rank(90, sorted.Length)]);

            Assert.Equal(expected, ForecastPercentiles.Band(2026, [.. values]));
        });
    }

    // Computed with an independent implementation of the specification in docs/rules.md (Python, arbitrary-precision integers masked to 64 bits).
    private const ulong PinnedKey = 4860819434659891678;

    private static readonly uint[] PinnedDraws = [1113718559, 3269641316, 3693891430, 723357825];
}
