using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Distributions;

/// <summary>Largest-remainder rounding of exact parts whose sum is a whole number (domain.md §5 step 7).</summary>
internal static class LargestRemainder
{
    /// <summary>
    /// Floors every part, then gives one home each to the largest fractional parts (ties: lower CBS
    /// code first, ordinal) until the total is whole again. A part without a fractional part never
    /// gets a home, so a rounded part never exceeds the room that bounded its exact value.
    /// </summary>
    /// <exception cref="ArgumentException">The parts do not sum to a whole number.</exception>
    public static long[] Round(Fraction[] parts, MunicipalityCode[] codes)
    {
        var n = parts.Length;
        var rounded = new long[n];
        var sum = new Sum();
        long floors = 0;
        Candidate[]? candidates = null;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            sum.Add(parts[i]);
            var floor = parts[i].FloorToInt64();
            rounded[i] = floor;
            floors += floor;
            if (!parts[i].IsInteger)
            {
                candidates ??= new Candidate[n];
                candidates[count++] = new Candidate(parts[i].FractionalPart(), codes[i], i);
            }
        }

        var total = sum.Value;
        if (!total.IsInteger)
        {
            throw new ArgumentException($"Parts sum to {total}, not a whole number.", nameof(parts));
        }

        var missing = total.FloorToInt64() - floors;
        if (missing == 0)
        {
            return rounded;
        }

        Array.Sort(candidates!, 0, count);
        for (var k = 0; k < missing; k++)
        {
            rounded[candidates![k].Index]++;
        }

        return rounded;
    }

    /// <summary>
    /// An exact sum of fractions. Parts of one water-filling mostly share a denominator (λ × weight), so numerators over the
    /// same denominator are added as longs and normalised once when the denominator changes, not once per part.
    /// </summary>
    private struct Sum
    {
        private Fraction _done;
        private long _numerator;
        private long _denominator;

        public void Add(Fraction part)
        {
            if (part.IsSmall(out var n, out var d) && d == _denominator)
            {
                var next = (Int128)_numerator + n;
                if (next > long.MinValue && next <= long.MaxValue)
                {
                    _numerator = (long)next;
                    return;
                }
            }

            _done = Value;
            (_numerator, _denominator) = part.IsSmall(out n, out d) ? (n, d) : (0, 0);
            if (_denominator == 0)
            {
                _done += part;
            }
        }

        public readonly Fraction Value => _denominator == 0 ? _done : _done + new Fraction(_numerator, _denominator);
    }

    /// <summary>A part with a fractional part; sorts largest remainder first, then by lower code. A total order: codes are unique.</summary>
    private readonly record struct Candidate(Fraction Remainder, MunicipalityCode Code, int Index) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other)
        {
            var byRest = other.Remainder.CompareTo(Remainder);
            return byRest != 0 ? byRest : Code.CompareTo(other.Code);
        }
    }
}
