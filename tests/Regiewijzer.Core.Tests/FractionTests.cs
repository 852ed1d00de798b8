using System.Numerics;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class FractionTests
{
    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData("4/6", 2, 3)]
    [InlineData("3/10", 3, 10)]
    [InlineData("0.3", 3, 10)]
    [InlineData("0.30", 3, 10)]
    [InlineData("0.6667", 6667, 10000)]
    [InlineData("1", 1, 1)]
    [InlineData("1/1", 1, 1)]
    [InlineData("0", 0, 1)]
    [InlineData("0/5", 0, 1)]
    [InlineData("007/10", 7, 10)]
    public void TryParse_ValidShare_IsExact(string text, long numerator, long denominator)
    {
        Assert.True(Fraction.TryParse(text, out var value));
        Assert.Equal(new BigInteger(numerator), value.Numerator);
        Assert.Equal(new BigInteger(denominator), value.Denominator);
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("0/0")]
    [InlineData("-1/2")]
    [InlineData("1/-2")]
    [InlineData("-0.3")]
    [InlineData("0,3")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("1e3")]
    [InlineData("3E-1")]
    [InlineData(".3")]
    [InlineData("3.")]
    [InlineData("+0.3")]
    [InlineData(" 0.3")]
    [InlineData("0.3 ")]
    [InlineData("1/2/3")]
    [InlineData("1.5/2")]
    [InlineData("/2")]
    [InlineData("2/")]
    [InlineData("30%")]
    [InlineData("٣/١٠")]
    public void TryParse_InvalidShare_IsRejected(string? text)
    {
        Assert.False(Fraction.TryParse(text, out _));
    }

    [Fact]
    public void Parse_InvalidShare_Throws()
    {
        Assert.Throws<FormatException>(() => Fraction.Parse("0,3"));
    }

    [Fact]
    public void Parse_TwoThirds_StaysExact()
    {
        var twoThirds = Fraction.Parse("2/3");

        Assert.Equal(new Fraction(2, 3), twoThirds);
        Assert.Equal("2/3", twoThirds.ToString());
        Assert.Equal((Fraction)2, twoThirds * 3);
        Assert.Equal(Fraction.One, twoThirds * new Fraction(3, 2));
        Assert.Equal(Fraction.One, twoThirds + new Fraction(1, 3));
        Assert.NotEqual(Fraction.Parse("0.6667"), twoThirds);
        Assert.NotEqual(Fraction.Parse("0.666666666666666666666666"), twoThirds);
        Assert.True(Fraction.Parse("0.6667") > twoThirds);
        Assert.False(twoThirds.IsInteger);
    }

    [Fact]
    public void Parse_DecimalAndFraction_AreEqual()
    {
        Assert.Equal(Fraction.Parse("3/10"), Fraction.Parse("0.3"));
        Assert.Equal(Fraction.Parse("3/10").GetHashCode(), Fraction.Parse("0.3").GetHashCode());
        Assert.Equal("3/10", Fraction.Parse("0.3").ToString());
    }

    [Fact]
    public void Constructor_ZeroDenominator_Throws()
    {
        Assert.Throws<DivideByZeroException>(() => new Fraction(1, 0));
    }

    [Fact]
    public void Constructor_NegativeDenominator_IsNormalised()
    {
        var value = new Fraction(1, -2);

        Assert.Equal(new BigInteger(-1), value.Numerator);
        Assert.Equal(new BigInteger(2), value.Denominator);
    }

    [Fact]
    public void Default_IsZero()
    {
        Assert.Equal(Fraction.Zero, default);
        Assert.Equal(BigInteger.One, default(Fraction).Denominator);
        Assert.Equal(Fraction.Zero, new Fraction(0, 7));
    }

    [Theory]
    [InlineData(3, 10, 0, 0)]
    [InlineData(3, 10, 1, 1)]
    [InlineData(3, 10, 3, 1)]
    [InlineData(3, 10, 4, 2)]
    [InlineData(3, 10, 9, 3)]
    [InlineData(3, 10, 10, 3)]
    [InlineData(3, 10, 11, 4)]
    [InlineData(3, 10, 20, 6)]
    [InlineData(3, 10, 30, 9)]
    [InlineData(3, 10, 31, 10)]
    [InlineData(3, 10, 100, 30)]
    [InlineData(3, 10, 101, 31)]
    [InlineData(3, 10, 25383, 7615)]
    [InlineData(2, 5, 1, 1)]
    [InlineData(2, 5, 5, 2)]
    [InlineData(2, 5, 6, 3)]
    [InlineData(2, 5, 10, 4)]
    [InlineData(2, 5, 2750, 1100)]
    [InlineData(2, 3, 3, 2)]
    [InlineData(2, 3, 4, 3)]
    [InlineData(2, 3, 300, 200)]
    [InlineData(2, 3, 25383, 16922)]
    [InlineData(0, 1, 999, 0)]
    [InlineData(1, 1, 999, 999)]
    public void CeilingOf_AtLeastPOfN_IsSmallestWholeNumberAtOrAbove(int p, int q, int n, int expected)
    {
        var result = new Fraction(p, q).CeilingOf(n);

        Assert.Equal(expected, result);
        Assert.True((long)result * q >= (long)p * n, "result must be at least p*n");
        Assert.True(result == 0 || (long)(result - 1) * q < (long)p * n, "result - 1 must be below p*n");
    }

    [Theory]
    [InlineData(7, 2, 3, 4)]
    [InlineData(-7, 2, -4, -3)]
    [InlineData(6, 3, 2, 2)]
    [InlineData(-6, 3, -2, -2)]
    [InlineData(0, 5, 0, 0)]
    public void FloorAndCeiling_NegativeAndPositive_RoundTheRightWay(int numerator, int denominator, int floor, int ceiling)
    {
        var value = new Fraction(numerator, denominator);

        Assert.Equal(new BigInteger(floor), value.Floor());
        Assert.Equal(new BigInteger(ceiling), value.Ceiling());
    }

    [Theory]
    [InlineData(1, 3, 4, "0.3333")]
    [InlineData(2, 3, 4, "0.6667")]
    [InlineData(11012, 52436, 4, "0.2100")]
    [InlineData(1, 8, 2, "0.13")]
    [InlineData(-1, 8, 2, "-0.13")]
    public void ToDecimal_Rounded_HalfAwayFromZero(int numerator, int denominator, int decimals, string expected)
    {
        var text = new Fraction(numerator, denominator).ToDecimal(decimals).ToString("0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, text);
    }
}
