using CsCheck;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class WaterFillingTests
{
    private static Fraction[] Whole(params long[] values) => [.. values.Select(v => (Fraction)v)];

    [Fact]
    public void Fill_NobodyFull_SharesByWeight()
    {
        var (parts, unplaced) = WaterFilling.Fill(10, Whole(1, 2, 2), [100, 100, 100]);

        Assert.Equal(Whole(2, 4, 4), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_OneOverflows_IsCappedAndTheRestIsSharedAgain()
    {
        var (parts, unplaced) = WaterFilling.Fill(10, Whole(1, 1, 1), [2, 100, 100]);

        Assert.Equal(Whole(2, 4, 4), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_CascadingOverflow_FillsInRounds()
    {
        // lambda = 12/3 = 4 overflows the first (room 1); then 11/2 = 5.5 overflows the second (room 5); the third takes 6.
        var (parts, unplaced) = WaterFilling.Fill(12, Whole(1, 1, 1), [1, 5, 100]);

        Assert.Equal(Whole(1, 5, 6), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_Exact_KeepsFractions()
    {
        var (parts, _) = WaterFilling.Fill(1, Whole(1, 1, 1), [1, 1, 1]);

        Assert.All(parts, p => Assert.Equal(new Fraction(1, 3), p));
    }

    [Fact]
    public void Fill_ZeroWeight_GetsNothing()
    {
        var (parts, unplaced) = WaterFilling.Fill(10, Whole(0, 1), [100, 100]);

        Assert.Equal(Whole(0, 10), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_EveryoneFull_ReportsUnplaced()
    {
        var (parts, unplaced) = WaterFilling.Fill(10, Whole(1, 1, 0), [3, 3, 100]);

        Assert.Equal(Whole(3, 3, 0), parts);
        Assert.Equal(4, unplaced);
    }

    [Fact]
    public void Fill_ExactlyFull_PlacesEverything()
    {
        var (parts, unplaced) = WaterFilling.Fill(6, Whole(1, 5), [3, 3]);

        Assert.Equal(Whole(3, 3), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_ZeroAmount_GivesNothing()
    {
        var (parts, unplaced) = WaterFilling.Fill(0, Whole(1, 1), [5, 5]);

        Assert.Equal(Whole(0, 0), parts);
        Assert.Equal(0, unplaced);
    }

    [Fact]
    public void Fill_NegativeInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WaterFilling.Fill(-1, Whole(1), [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WaterFilling.Fill(1, Whole(-1), [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WaterFilling.Fill(1, Whole(1), [-1]));
    }

    [Fact]
    public void FillAndRound_WholeWeights_IsTheGeneralFillAndRounding()
    {
        // Small counts give many ties and full participants; large ones reach the edges of the long path.
        var count = Gen.OneOf(Gen.Long[0, 5], Gen.Long[0, 1_000], Gen.Long[0, int.MaxValue]);
        var participant = Gen.Select(count, count);
        Gen.Select(participant.Array[1, 40], count).Sample((participants, amount) =>
        {
            var weights = participants.Select(p => (Fraction)p.Item1).ToArray();
            var rooms = participants.Select(p => p.Item2).ToArray();
            var codes = Enumerable.Range(1, participants.Length).Select(i => new MunicipalityCode($"GM{i:D4}")).ToArray();

            var filled = WaterFilling.FillAndRound(amount, weights, rooms, codes, TestContext.Current.CancellationToken);

            var (parts, unplaced) = WaterFilling.Fill(amount, weights, rooms);
            Assert.Equal(parts, filled.Exact);
            Assert.Equal(LargestRemainder.Round(parts, codes), filled.Rounded);
            Assert.Equal(unplaced, filled.Unplaced);
        }, iter: 20_000);
    }
}
