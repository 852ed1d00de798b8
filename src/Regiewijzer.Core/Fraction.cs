using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace Regiewijzer.Core;

/// <summary>
/// An exact rational number, always normalised (denominator &gt; 0, numerator and denominator
/// coprime). Shares such as 2/3 are kept exactly: 2/3 never becomes 0.6667.
/// </summary>
/// <remarks>
/// Stored as two <see cref="long"/>s whenever the normalised numerator and denominator fit (|numerator| and denominator
/// at most <see cref="long.MaxValue"/>), which is every number of the law and the national data; arithmetic on two such
/// values is done in <see cref="Int128"/>, which cannot overflow for a product or a sum of products of two longs.
/// Only a result that does not fit after normalising is kept as <see cref="BigInteger"/>s. The representation is
/// canonical, so the value, its equality and its text never depend on which path computed it.
/// </remarks>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    private readonly long _numerator;
    private readonly long _denominator; // 0 only for default(Fraction), read as 0/1; unused when _big is set.
    private readonly Big? _big;         // set only when the normalised value does not fit in two longs.

    private sealed class Big(BigInteger numerator, BigInteger denominator)
    {
        public BigInteger Numerator { get; } = numerator;

        public BigInteger Denominator { get; } = denominator;
    }

    // Already normalised; |numerator| <= long.MaxValue, 0 < denominator.
    private Fraction(long numerator, long denominator, bool normalised)
    {
        Debug.Assert(normalised, "only for normalised values");
        _numerator = numerator;
        _denominator = denominator;
        _big = null;
    }

    private Fraction(Big big)
    {
        _numerator = 0;
        _denominator = 0;
        _big = big;
    }

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>, normalised.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        this = Create(numerator, denominator);
    }

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>, normalised (the same value as the BigInteger overload, without it).</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Fraction(long numerator, long denominator)
    {
        // Both above long.MinValue (the common case): straight to the 64-bit normalisation, without the 128-bit range tests.
        this = numerator > long.MinValue && denominator > long.MinValue && denominator != 0
            ? Create(numerator, denominator)
            : Create((Int128)numerator, (Int128)denominator);
    }

    private static Fraction Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction cannot have denominator 0.");
        }

        if (numerator >= -long.MaxValue && numerator <= long.MaxValue && denominator >= -long.MaxValue && denominator <= long.MaxValue)
        {
            return Create((Int128)(long)numerator, (long)denominator);
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        return numerator >= -long.MaxValue && numerator <= long.MaxValue && denominator <= long.MaxValue
            ? new Fraction((long)numerator, (long)denominator, normalised: true)
            : new Fraction(new Big(numerator, denominator));
    }

    /// <summary>Normalises an exact 128-bit quotient; falls back to BigInteger only when the reduced value does not fit.</summary>
    private static Fraction Create(Int128 numerator, Int128 denominator)
    {
        if (denominator == Int128.Zero)
        {
            throw new DivideByZeroException("A fraction cannot have denominator 0.");
        }

        if (numerator == Int128.Zero)
        {
            return new Fraction(0, 1, normalised: true);
        }

        if (numerator > long.MinValue && numerator <= long.MaxValue && denominator > long.MinValue && denominator <= long.MaxValue)
        {
            return Create((long)numerator, (long)denominator);
        }

        var negative = (numerator < 0) != (denominator < 0);
        var n = Abs(numerator);
        var d = Abs(denominator);
        if (d != UInt128.One)
        {
            var gcd = n <= ulong.MaxValue && d <= ulong.MaxValue ? Gcd((ulong)n, (ulong)d) : Gcd(n, d);
            if (gcd != UInt128.One)
            {
                n /= gcd;
                d /= gcd;
            }
        }

        if (n <= long.MaxValue && d <= long.MaxValue)
        {
            var small = (long)(ulong)n;
            return new Fraction(negative ? -small : small, (long)(ulong)d, normalised: true);
        }

        var bigNumerator = (BigInteger)n;
        return new Fraction(new Big(negative ? -bigNumerator : bigNumerator, (BigInteger)d));
    }

    /// <summary>The common case of <see cref="Create(Int128, Int128)"/>: both fit in a long (not long.MinValue), so no 128-bit division.</summary>
    private static Fraction Create(long numerator, long denominator)
    {
        var negative = (numerator < 0) != (denominator < 0);
        var n = (ulong)Math.Abs(numerator);
        var d = (ulong)Math.Abs(denominator);
        if (d != 1)
        {
            var gcd = Gcd(n, d);
            if (gcd != 1)
            {
                n /= gcd;
                d /= gcd;
            }
        }

        return new Fraction(negative ? -(long)n : (long)n, (long)d, normalised: true);
    }

    private static UInt128 Abs(Int128 value) => value < 0 ? (UInt128)(-(value + 1)) + 1 : (UInt128)value;

    // One division to bring the larger operand below the smaller (a product over a small denominator is the common case), then
    // binary (Stein's) gcd: shifts and subtractions instead of a division per step.
    private static ulong Gcd(ulong a, ulong b)
    {
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (b == 0)
        {
            return a;
        }

        a %= b;
        if (a == 0)
        {
            return b;
        }

        var shift = BitOperations.TrailingZeroCount(a | b);
        a >>= BitOperations.TrailingZeroCount(a);
        do
        {
            b >>= BitOperations.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }

            b -= a;
        }
        while (b != 0);

        return a << shift;
    }

    private static UInt128 Gcd(UInt128 a, UInt128 b)
    {
        while (b != UInt128.Zero)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The whole number <paramref name="value"/>.</summary>
    public static Fraction FromInteger(BigInteger value) => new(value, BigInteger.One);

    public static Fraction Zero => default;

    public static Fraction One => new(1, 1, normalised: true);

    public BigInteger Numerator => _big?.Numerator ?? _numerator;

    public BigInteger Denominator => _big?.Denominator ?? SmallDenominator;

    private long SmallDenominator => _denominator == 0 ? 1 : _denominator;

    public bool IsZero => _big is null && _numerator == 0;

    public int Sign => _big?.Numerator.Sign ?? Math.Sign(_numerator);

    public bool IsInteger => _big is null ? SmallDenominator == 1 : _big.Denominator.IsOne;

    public static Fraction operator +(Fraction a, Fraction b)
    {
        if (a._big is null && b._big is null)
        {
            long ad = a.SmallDenominator, bd = b.SmallDenominator;
            return ad == bd
                ? Create(unchecked((Int128)a._numerator + b._numerator), ad)
                : Create(unchecked(((Int128)a._numerator * bd) + ((Int128)b._numerator * ad)), unchecked((Int128)ad * bd));
        }

        return new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    }

    public static Fraction operator -(Fraction a, Fraction b) => a + (-b);

    public static Fraction operator -(Fraction a) =>
        a._big is null ? new Fraction(-a._numerator, a.SmallDenominator, normalised: true) : new(-a._big.Numerator, a._big.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        a._big is null && b._big is null
            ? Create(unchecked((Int128)a._numerator * b._numerator), unchecked((Int128)a.SmallDenominator * b.SmallDenominator))
            : new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static Fraction operator /(Fraction a, Fraction b) =>
        a._big is null && b._big is null
            ? Create(unchecked((Int128)a._numerator * b.SmallDenominator), unchecked((Int128)a.SmallDenominator * b._numerator))
            : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Fraction operator *(Fraction a, long b) =>
        a._big is null ? Create(unchecked((Int128)a._numerator * b), a.SmallDenominator) : new(a._big.Numerator * b, a._big.Denominator);

    public static implicit operator Fraction(long value) => value == long.MinValue ? FromInteger(value) : new Fraction(value, 1, normalised: true);

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public Fraction Add(Fraction other) => this + other;

    public Fraction Subtract(Fraction other) => this - other;

    public Fraction Multiply(Fraction other) => this * other;

    public Fraction Divide(Fraction other) => this / other;

    public Fraction Negate() => -this;

    /// <summary>The largest whole number &lt;= this value.</summary>
    public BigInteger Floor() => _big is null ? SmallFloor() : BigInteger.Divide(_big.Numerator - (_big.Numerator.Sign < 0 ? _big.Denominator - 1 : 0), _big.Denominator);

    // Floor division of two longs (|numerator| <= long.MaxValue, so the quotient and the step below cannot overflow).
    private long SmallFloor()
    {
        var d = SmallDenominator;
        var q = _numerator / d;
        return _numerator % d < 0 ? q - 1 : q;
    }

    private long PositiveRemainder()
    {
        var r = _numerator % SmallDenominator;
        return r < 0 ? r + SmallDenominator : r;
    }

    /// <summary>The smallest whole number &gt;= this value.</summary>
    public BigInteger Ceiling() => -(-this).Floor();

    /// <summary><see cref="Floor"/> as a long, without a BigInteger on the long path.</summary>
    /// <exception cref="OverflowException">The floor does not fit in a long.</exception>
    internal long FloorToInt64() => _big is null ? SmallFloor() : (long)Floor();

    /// <summary><see cref="Ceiling"/> as a long, without a BigInteger on the long path.</summary>
    /// <exception cref="OverflowException">The ceiling does not fit in a long.</exception>
    internal long CeilingToInt64()
    {
        if (_big is not null)
        {
            return (long)Ceiling();
        }

        var d = SmallDenominator;
        var q = _numerator / d;
        return _numerator % d > 0 ? q + 1 : q;
    }

    /// <summary>This value minus its floor: in [0, 1).</summary>
    public Fraction FractionalPart() => _big is null
        ? new Fraction(PositiveRemainder(), SmallDenominator, normalised: true) // coprime with the denominator as the numerator was
        : this - FromInteger(Floor());

    /// <summary>"At least p of n": the smallest whole number &gt;= p*n, in integer arithmetic.</summary>
    public int CeilingOf(int count)
    {
        if (_big is null)
        {
            // ceil(n * count / d) directly: the same whole number as normalising the product first, without a gcd.
            var product = unchecked((Int128)_numerator * count);
            if (product > long.MinValue && product <= long.MaxValue)
            {
                var p = (long)product;
                var d = SmallDenominator;
                var q = p / d;
                return checked((int)(p % d > 0 ? q + 1 : q));
            }
        }

        return checked((int)(this * count).CeilingToInt64());
    }

    /// <summary>The numerator and denominator when this value is on the long path (the engine's integer shortcuts).</summary>
    internal bool IsSmall(out long numerator, out long denominator)
    {
        numerator = _numerator;
        denominator = SmallDenominator;
        return _big is null;
    }

    /// <summary>
    /// Compares <paramref name="a"/> × <paramref name="x"/> with <paramref name="b"/> × <paramref name="y"/> exactly. On the
    /// long path by cross-multiplying in 128 bits when the bit lengths leave room (no products to normalise), else by the operators.
    /// </summary>
    internal static int CompareProducts(Fraction a, long x, Fraction b, long y)
    {
        if (a._big is null && b._big is null && x > long.MinValue && y > long.MinValue
            && Bits(a._numerator) + Bits(x) + Bits(b.SmallDenominator) <= 125
            && Bits(b._numerator) + Bits(y) + Bits(a.SmallDenominator) <= 125)
        {
            var left = unchecked((Int128)a._numerator * x * b.SmallDenominator);
            var right = unchecked((Int128)b._numerator * y * a.SmallDenominator);
            return left.CompareTo(right);
        }

        return (a * x).CompareTo(b * y);
    }

    // Bits of |value| (value > long.MinValue).
    private static int Bits(long value) => 64 - BitOperations.LeadingZeroCount((ulong)Math.Abs(value));

    public int CompareTo(Fraction other)
    {
        if (_big is null && other._big is null)
        {
            long ad = SmallDenominator, bd = other.SmallDenominator;
            return ad == bd
                ? _numerator.CompareTo(other._numerator)
                : unchecked((Int128)_numerator * bd).CompareTo(unchecked((Int128)other._numerator * ad));
        }

        return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }

    public bool Equals(Fraction other) =>
        _big is null && other._big is null
            ? _numerator == other._numerator && SmallDenominator == other.SmallDenominator
            : _big is not null && other._big is not null && _big.Numerator == other._big.Numerator && _big.Denominator == other._big.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => _big is null ? HashCode.Combine(_numerator, SmallDenominator) : HashCode.Combine(_big.Numerator, _big.Denominator);

    /// <summary>"a/b", or "a" for a whole number (invariant culture).</summary>
    public override string ToString() =>
        _big is null
            ? (SmallDenominator == 1 ? _numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{_numerator}/{SmallDenominator}"))
            : (IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}"));

    /// <summary>Nearest double; only for display and JSON numbers, never for decisions.</summary>
    public double ToDouble() => _big is null ? (double)_numerator / SmallDenominator : (double)_big.Numerator / (double)_big.Denominator;

    /// <summary>
    /// This value × 10^<paramref name="decimals"/> rounded half away from zero, as <see cref="ToDecimal"/> rounds, when it is on the
    /// long path and the result fits in a long (for text written digit by digit); false otherwise.
    /// </summary>
    internal bool TryRoundScaled(int decimals, out long rounded)
    {
        rounded = 0;
        if (_big is not null || decimals is < 0 or > 18)
        {
            return false;
        }

        var den = (UInt128)(ulong)SmallDenominator;
        var half = unchecked((((UInt128)(ulong)Math.Abs(_numerator) * (ulong)Pow10[decimals] * 2) + den) / (2 * den));
        if (half > long.MaxValue)
        {
            return false;
        }

        rounded = _numerator < 0 ? -(long)half : (long)half;
        return true;
    }

    /// <summary>Rounded half away from zero to <paramref name="decimals"/> decimals, exactly.</summary>
    public decimal ToDecimal(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 18);
        if (_big is null)
        {
            // floor(|n| * 10^d / den + 1/2) = floor((2 * |n| * 10^d + den) / (2 * den)): below 2^127 since |n|, den < 2^63 and 10^d < 2^60.
            var power = Pow10[decimals];
            var den = (UInt128)(ulong)SmallDenominator;
            var half = unchecked(((UInt128)(ulong)Math.Abs(_numerator) * (ulong)power * 2 + den) / (2 * den));
            var signed = _numerator < 0 ? -(Int128)half : (Int128)half;
            return (decimal)signed / power;
        }

        var scale = BigInteger.Pow(10, decimals);
        var scaled = this * new Fraction(scale, 1);
        var abs = scaled.Sign < 0 ? -scaled : scaled;
        var rounded = (abs + new Fraction(1, 2)).Floor();
        if (scaled.Sign < 0)
        {
            rounded = -rounded;
        }

        return (decimal)rounded / (decimal)scale;
    }

    private static readonly long[] Pow10 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000,
        1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
        100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>
    /// Longest text <see cref="TryParse"/> reads: 30 characters, for example "12345678901234/123456789012345"
    /// or a decimal with 28 decimals. Every share of the law and of real scenario files is far shorter ("2/3", "0.3").
    /// The limit keeps parsing and all later arithmetic cheap: big-number parsing grows with the square of the length.
    /// </summary>
    public const int MaxLength = 30;

    /// <summary>
    /// Parses an exact share: "a/b" (b &gt; 0, whole non-negative numbers) or a decimal
    /// "d" or "d.ddd" (point as separator, no sign, no exponent), at most <see cref="MaxLength"/>
    /// characters. Returns false otherwise. Time is linear in the length of the text.
    /// </summary>
    public static bool TryParse(string? text, out Fraction value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var a = text.AsSpan(0, slash);
            var b = text.AsSpan(slash + 1);
            if (!AllDigits(a) || !AllDigits(b))
            {
                return false;
            }

            var denominator = BigInteger.Parse(b, NumberStyles.None, CultureInfo.InvariantCulture);
            if (denominator.IsZero)
            {
                return false;
            }

            value = new Fraction(BigInteger.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture), denominator);
            return true;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text.AsSpan() : text.AsSpan(0, dot);
        var decimals = dot < 0 ? [] : text.AsSpan(dot + 1);
        if (!AllDigits(whole) || (dot >= 0 && !AllDigits(decimals)))
        {
            return false;
        }

        var digits = string.Concat(whole, decimals);
        value = new Fraction(
            BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture),
            BigInteger.Pow(10, decimals.Length));
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not an exact share.</exception>
    public static Fraction Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a fraction a/b or a decimal.");

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
