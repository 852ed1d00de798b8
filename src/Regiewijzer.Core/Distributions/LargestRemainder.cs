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
        var candidates = new List<(Fraction Remainder, int Index)>();
        for (var i = 0; i < n; i++)
        {
            sum += parts[i];
            var floor = (long)parts[i].Floor();
            rounded[i] = floor;
            floors += floor;
            if (!parts[i].IsInteger)
            {
                candidates.Add((parts[i] - floor, i));
            }
        }

        if (!sum.IsInteger)
        {
            throw new ArgumentException($"Parts sum to {sum}, not a whole number.", nameof(parts));
        }

        var missing = (long)sum.Numerator - floors;
        if (missing == 0)
        {
            return rounded;
        }

        candidates.Sort((a, b) =>
        {
            var byRest = b.Remainder.CompareTo(a.Remainder);
            return byRest != 0 ? byRest : codes[a.Index].CompareTo(codes[b.Index]);
        });
        for (var k = 0; k < missing; k++)
        {
            rounded[candidates[k].Index]++;
        }

        return rounded;
    }
}
