using CsCheck;
using Regiewijzer.Core.Distributions;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class IndicatorsTests
{
    private static readonly Fraction Threshold = new(3, 10);

    [Theory]
    [InlineData(660, 55, 205)] // domain.md: "from 55 to 259" rounded 204.3 down; the least whole number is 205.
    [InlineData(1000, 299, 2)]
    [InlineData(1000, 300, 0)]
    [InlineData(1000, 301, 0)]
    [InlineData(1000, 1000, 0)]
    [InlineData(10, 0, 5)]
    [InlineData(1, 0, 1)]
    [InlineData(52436, 11012, 6742)]
    [InlineData(2195, 0, 941)]
    public void CatchUpNeed_Example_IsLeastWholeNumberReachingTheThreshold(int stock, int socialStock, int expected)
    {
        Assert.Equal(expected, Indicators.CatchUpNeed(stock, socialStock, Threshold));
    }

    [Fact]
    public void CatchUpNeed_AnyStock_IsTheLeastNumberThatReachesTheThreshold()
    {
        var gen = Gen.Int[1, 20_000].SelectMany(t => Gen.Int[0, t].Select(s => (t, s)));

        gen.Sample((stock, social) =>
        {
            var need = Indicators.CatchUpNeed(stock, social, Threshold);
            Assert.True(Reaches(stock, social, need), $"{need} does not reach the threshold");
            Assert.True(need == 0 || !Reaches(stock, social, need - 1), $"{need - 1} already reaches the threshold");
        }, iter: 2000);

        static bool Reaches(long stock, long social, long built) => (social + built) * 10 >= (stock + built) * 3;
    }

    [Theory]
    [InlineData(0, 0, 1, 2)]
    [InlineData(10, -1, 3, 10)]
    [InlineData(10, 11, 3, 10)]
    [InlineData(10, 1, 1, 1)]
    [InlineData(10, 1, -1, 10)]
    public void CatchUpNeed_InvalidArguments_Throw(int stock, int socialStock, int thresholdNumerator, int thresholdDenominator)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Indicators.CatchUpNeed(stock, socialStock, new Fraction(thresholdNumerator, thresholdDenominator)));
    }

    [Fact]
    public void ProjectedStockShare_Example_IsSocialOverStockAfterThePeriod()
    {
        Assert.Equal(new Fraction(55 + 205, 660 + 1000), Indicators.ProjectedStockShare(660, 55, 1000, 205));
    }
}
