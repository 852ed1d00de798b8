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
        var sum = Fraction.Zero;
        long floors = 0;
        Candidate[]? candidates = null;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            sum += parts[i];
            var floor = parts[i].FloorToInt64();
            rounded[i] = floor;
            floors += floor;
            if (!parts[i].IsInteger)
            {
                candidates ??= new Candidate[n];
                candidates[count++] = new Candidate(parts[i].FractionalPart(), codes[i], i);
            }
        }

        if (!sum.IsInteger)
        {
            throw new ArgumentException($"Parts sum to {sum}, not a whole number.", nameof(parts));
        }

        var missing = sum.FloorToInt64() - floors;
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
