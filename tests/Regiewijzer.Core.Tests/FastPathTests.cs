using System.Globalization;
using System.Numerics;
using CsCheck;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>
/// The engine's shortcuts on the long path must give what the plain formulas give: Dutch text written digit by digit
/// against the .NET formats it replaces, and products compared without normalising against the operators.
/// </summary>
public class FastPathTests
{
    private const int Iterations = 20_000;

    private static readonly Gen<long> AnyLong = Gen.OneOf(
        Gen.Long[-2_000, 2_000],
        Gen.Long[-10_000_000, 10_000_000],
        Gen.Long,
        Gen.Const(long.MinValue),
        Gen.Const(long.MaxValue));

    // Fractions with |numerator| and denominator from tiny to the edge of a long.
    private static readonly Gen<Fraction> AnyFraction = Gen.Select(
        Gen.OneOf(Gen.Long[-5_000, 5_000], Gen.Long[long.MinValue + 1, long.MaxValue]),
        Gen.OneOf(Gen.Long[1, 2_000], Gen.Long[1, long.MaxValue]),
        (n, d) => new Fraction(n, d));

    [Fact]
    public void Count_IsTheCustomFormat()
    {
        AnyLong.Sample(v => Assert.Equal(v.ToString("#,0", Format.Dutch), Format.Count(v)), iter: Iterations);
    }

    [Fact]
    public void DutchNumber_WritesWhatFormatWrites()
    {
        AnyLong.Sample(v => Assert.Equal(Format.Count(v), $"{DutchNumber.Count(v)}"), iter: Iterations);
        Gen.Select(AnyFraction, Gen.Int[0, 3]).Sample((f, d) =>
        {
            Assert.Equal(Format.Number(f, d), $"{DutchNumber.Number(f, d)}");
            Assert.Equal(Format.Percent(f, d), $"{DutchNumber.Percent(f, d)}");
            Assert.Equal(Format.Percent(f, d), DutchNumber.Percent(f, d).ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void NumberAndPercent_AreTheDecimalOfTheExactlyRoundedValue()
    {
        Gen.Select(AnyFraction, Gen.Int[0, 3]).Sample((f, d) =>
        {
            Assert.Equal(Reference(f, d), Format.Number(f, d));
            Assert.Equal(Reference(f * 100, d) + "%", Format.Percent(f, d));
        }, iter: Iterations);
    }

    [Fact]
    public void CompareProducts_IsTheComparisonOfTheProducts()
    {
        Gen.Select(AnyFraction, AnyLong, AnyFraction, AnyLong).Sample((a, x, b, y) =>
            Assert.Equal(Math.Sign((a * x).CompareTo(b * y)), Math.Sign(Fraction.CompareProducts(a, x, b, y))), iter: Iterations);
    }

    [Theory]
    [InlineData(1, 2, 5)]
    [InlineData(-1, 2, 5)]
    [InlineData(7, 3, -4)]
    [InlineData(0, 1, int.MaxValue)]
    public void CeilingOf_IsTheCeilingOfTheProduct(long n, long d, int count) =>
        Assert.Equal((long)(new Fraction(n, d) * count).Ceiling(), new Fraction(n, d).CeilingOf(count));

    // floor(|x| × 10^d + 1/2) with the sign of x, as a decimal with d places, in the Dutch "N" format; "" when too large.
    private static string Reference(Fraction x, int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var rounded = ((2 * BigInteger.Abs(x.Numerator) * scale) + x.Denominator) / (2 * x.Denominator);
        if (x.Sign < 0)
        {
            rounded = -rounded;
        }

        return BigInteger.Abs(rounded) > new BigInteger(decimal.MaxValue)
            ? string.Empty
            : ((decimal)rounded / (decimal)scale).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Format.Dutch);
    }
}
