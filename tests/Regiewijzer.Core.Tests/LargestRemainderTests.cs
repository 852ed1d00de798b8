using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class LargestRemainderTests
{
    private static MunicipalityCode[] Codes(params string[] codes) => [.. codes.Select(c => new MunicipalityCode(c))];

    [Fact]
    public void Round_RemainderGoesToLargestFraction()
    {
        var rounded = LargestRemainder.Round([new(17, 10), new(12, 10), new(11, 10)], Codes("GM0001", "GM0002", "GM0003"));

        Assert.Equal([2L, 1L, 1L], rounded);
    }

    [Fact]
    public void Round_Tie_GoesToLowerCodeWhateverTheOrder()
    {
        var third = new Fraction(1, 3);

        var rounded = LargestRemainder.Round([third, third, third], Codes("GM0300", "GM0100", "GM0200"));

        Assert.Equal([0L, 1L, 0L], rounded);
    }

    [Fact]
    public void Round_Tie_ComparesCodesOrdinally()
    {
        var half = new Fraction(1, 2);

        var rounded = LargestRemainder.Round([half, half], Codes("GM1000", "GM0999"));

        Assert.Equal([0L, 1L], rounded);
    }

    [Fact]
    public void Round_WholePart_NeverGetsAHome()
    {
        var half = new Fraction(1, 2);

        var rounded = LargestRemainder.Round([2, half, half], Codes("GM0001", "GM0002", "GM0003"));

        Assert.Equal([2L, 1L, 0L], rounded);
    }

    [Fact]
    public void Round_AllWhole_IsUnchanged()
    {
        var rounded = LargestRemainder.Round([3, 0, 7], Codes("GM0001", "GM0002", "GM0003"));

        Assert.Equal([3L, 0L, 7L], rounded);
    }

    [Fact]
    public void Round_SumNotWhole_Throws()
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Round([new(1, 2)], Codes("GM0001")));
    }
}
