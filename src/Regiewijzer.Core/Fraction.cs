using System.Globalization;
using System.Numerics;

namespace Regiewijzer.Core;

/// <summary>
/// An exact rational number, always normalised (denominator &gt; 0, numerator and denominator
/// coprime). Shares such as 2/3 are kept exactly: 2/3 never becomes 0.6667.
/// </summary>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominator; // 0 only for default(Fraction), read as 0/1.

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>, normalised.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction cannot have denominator 0.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (denominator.IsOne)
        {
            _numerator = numerator;
            _denominator = BigInteger.One;
            return;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsOne)
        {
            _numerator = numerator;
            _denominator = denominator;
        }
        else
        {
            _numerator = numerator / gcd;
            _denominator = denominator / gcd;
        }
    }

    /// <summary>The whole number <paramref name="value"/>.</summary>
    public static Fraction FromInteger(BigInteger value) => new(value, BigInteger.One);

    public static Fraction Zero => default;

    public static Fraction One => FromInteger(BigInteger.One);

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsZero => _numerator.IsZero;

    public int Sign => _numerator.Sign;

    public bool IsInteger => Denominator.IsOne;

    public static Fraction operator +(Fraction a, Fraction b) =>
        a.Denominator == b.Denominator
            ? new(a._numerator + b._numerator, a.Denominator)
            : new(a._numerator * b.Denominator + b._numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) => a + (-b);

    public static Fraction operator -(Fraction a) => new(-a._numerator, a.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a._numerator * b._numerator, a.Denominator * b.Denominator);

    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static Fraction operator /(Fraction a, Fraction b) =>
        new(a._numerator * b.Denominator, a.Denominator * b._numerator);

    public static Fraction operator *(Fraction a, long b) => new(a._numerator * b, a.Denominator);

    public static implicit operator Fraction(long value) => FromInteger(value);

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
    public BigInteger Floor() => BigInteger.Divide(_numerator - (_numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    /// <summary>The smallest whole number &gt;= this value.</summary>
    public BigInteger Ceiling() => -(-this).Floor();

    /// <summary>This value minus its floor: in [0, 1).</summary>
    public Fraction FractionalPart() => this - FromInteger(Floor());

    /// <summary>"At least p of n": the smallest whole number &gt;= p*n, in integer arithmetic.</summary>
    public int CeilingOf(int count) => checked((int)(this * count).Ceiling());

    public int CompareTo(Fraction other) =>
        Denominator == other.Denominator
            ? _numerator.CompareTo(other._numerator)
            : (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);

    public bool Equals(Fraction other) => _numerator == other._numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_numerator, Denominator);

    /// <summary>"a/b", or "a" for a whole number (invariant culture).</summary>
    public override string ToString() =>
        IsInteger
            ? _numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{_numerator}/{Denominator}");

    /// <summary>Nearest double; only for display and JSON numbers, never for decisions.</summary>
    public double ToDouble() => (double)_numerator / (double)Denominator;

    /// <summary>Rounded half away from zero to <paramref name="decimals"/> decimals, exactly.</summary>
    public decimal ToDecimal(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 18);
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
