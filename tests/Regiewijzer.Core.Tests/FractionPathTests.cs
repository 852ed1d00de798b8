using System.Numerics;
using CsCheck;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>
/// <see cref="Fraction"/> keeps values on two longs and falls back to BigInteger only when a result does not fit. These
/// properties check every operation against a plain BigInteger rational (<see cref="Ref"/>) on operands that are small,
/// near the limit of a long and beyond it, so both paths and the switch between them must give the same exact value.
/// </summary>
public class FractionPathTests
{
    private const int Iterations = 20_000;

    /// <summary>The reference: numerator and denominator as BigIntegers, normalised with the textbook algorithm.</summary>
    private readonly record struct Ref(BigInteger N, BigInteger D)
    {
        public static Ref Of(BigInteger n, BigInteger d)
        {
            if (d.Sign < 0) { n = -n; d = -d; }
            var g = BigInteger.GreatestCommonDivisor(n, d);
            return g.IsZero || g.IsOne ? new Ref(n, d) : new Ref(n / g, d / g);
        }

        public static Ref operator +(Ref a, Ref b) => Of(a.N * b.D + b.N * a.D, a.D * b.D);

        public static Ref operator -(Ref a, Ref b) => Of(a.N * b.D - b.N * a.D, a.D * b.D);

        public static Ref operator *(Ref a, Ref b) => Of(a.N * b.N, a.D * b.D);

        public static Ref operator /(Ref a, Ref b) => Of(a.N * b.D, a.D * b.N);

        public BigInteger Floor() => BigInteger.Divide(N - (N.Sign < 0 ? D - 1 : 0), D);
    }

    // Magnitudes from tiny to far beyond long: the law's shares, homes, products of both, the edge of long and past it.
    private static readonly Gen<BigInteger> Magnitude = Gen.OneOf(
        Gen.Long[0, 1000].Select(v => (BigInteger)v),
        Gen.Long[0, 10_000_000].Select(v => (BigInteger)v),
        Gen.Long[0, long.MaxValue].Select(v => (BigInteger)v),
        Gen.Long[long.MaxValue - 1000, long.MaxValue].Select(v => (BigInteger)v),
        Gen.Long[0, 1000].Select(v => (BigInteger)long.MaxValue + v),
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long[1, 1 << 20], (a, b) => (BigInteger)a * b));

    private static readonly Gen<(BigInteger N, BigInteger D)> Operand =
        Gen.Select(Magnitude, Gen.Bool, Magnitude, (n, negative, d) => (negative ? -n : n, d.IsZero ? BigInteger.One : d));

    private static void Same(Ref expected, Fraction actual)
    {
        Assert.Equal(expected.N, actual.Numerator);
        Assert.Equal(expected.D, actual.Denominator);
    }

    [Fact]
    public void Arithmetic_OnLongAndBigOperands_EqualsBigIntegerReference()
    {
        Gen.Select(Operand, Operand).Sample((x, y) =>
        {
            var a = new Fraction(x.N, x.D);
            var b = new Fraction(y.N, y.D);
            var ra = Ref.Of(x.N, x.D);
            var rb = Ref.Of(y.N, y.D);

            Same(ra, a);
            Same(ra + rb, a + b);
            Same(ra - rb, a - b);
            Same(ra * rb, a * b);
            if (!rb.N.IsZero)
            {
                Same(ra / rb, a / b);
            }

            Assert.Equal((ra.N * rb.D).CompareTo(rb.N * ra.D), a.CompareTo(b));
            Assert.Equal(ra == rb, a == b);
            if (ra == rb)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }

            Assert.Equal(ra.Floor(), a.Floor());
            Same(ra - Ref.Of(ra.Floor(), 1), a.FractionalPart());
            Assert.Equal(ra.N.Sign, a.Sign);
            Assert.Equal(ra.D.IsOne ? ra.N.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ra.N}/{ra.D}", a.ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void Result_ThatFitsAgain_AfterABigIntermediate_IsEqualToTheSameValueBuiltDirectly()
    {
        // (big / 3) * (3 / big) is 1: the intermediate needs BigInteger, the result is the small 1 again.
        Gen.Select(Gen.Long[1, 1000], Gen.Long[1, 1000]).Sample((k, m) =>
        {
            var big = new Fraction((BigInteger)long.MaxValue * k + 1, 1);
            var product = big / m * (new Fraction(m, 1) / big);
            Assert.Equal(Fraction.One, product);
            Assert.Equal(Fraction.One.GetHashCode(), product.GetHashCode());
            Assert.True(product.IsInteger);
            Assert.Equal(1, product.CeilingOf(1));
        }, iter: 2000);
    }

    [Theory]
    [InlineData(long.MaxValue, 1)]
    [InlineData(-long.MaxValue, 1)]
    [InlineData(long.MaxValue, long.MaxValue - 1)]
    [InlineData(1, long.MaxValue)]
    [InlineData(long.MinValue, 1)]
    [InlineData(long.MinValue, 3)]
    public void Edges_OfLong_AreExact(long numerator, long denominator)
    {
        var a = new Fraction(numerator, denominator);
        var r = Ref.Of(numerator, denominator);
        Same(r, a);
        Same(Ref.Of(-r.N, r.D), -a);
        Same(r + r, a + a);
        Same(r * r, a * a);
        Same(r - r, a - a);
        Assert.Equal(r.Floor(), a.Floor());
        Fraction implicitly = numerator;
        Same(Ref.Of(numerator, 1), implicitly);
    }

    [Fact]
    public void Default_IsZeroOverOne_AndEqualsZero()
    {
        Assert.Equal(new Fraction(0, 5), default);
        Assert.Equal(BigInteger.One, default(Fraction).Denominator);
        Assert.Equal(new Fraction(0, 5).GetHashCode(), default(Fraction).GetHashCode());
        Assert.Equal(new Fraction(1, 3), default(Fraction) + new Fraction(1, 3));
    }
}
