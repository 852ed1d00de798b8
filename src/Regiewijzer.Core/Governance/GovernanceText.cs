namespace Regiewijzer.Core.Governance;

/// <summary>Shared text handling of the governance rules: enum names both ways, and text lengths as a person counts them.</summary>
internal static class GovernanceText
{
    /// <summary>
    /// Parses the Dutch label or the English enum name of a defined value; case-insensitive (invariant), surrounding
    /// spaces ignored. Numbers are not accepted.
    /// </summary>
    public static bool TryParse<T>(string? text, Func<T, string> dutch, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            foreach (var candidate in Enum.GetValues<T>())
            {
                if (string.Equals(dutch(candidate), trimmed, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    value = candidate;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The length of the text without surrounding white space; 0 for null.</summary>
    public static int Length(string? text) => text?.Trim().Length ?? 0;

    /// <summary>A Dutch problem when the trimmed text is shorter than min or longer than max characters, else null.</summary>
    public static string? LengthProblem(string? text, string what, int min, int max)
    {
        var length = Length(text);
        if (length == 0)
        {
            return $"{what} ontbreekt (minstens {Format.Count(min)} tekens).";
        }

        if (length < min)
        {
            return $"{what} is te kort: {Format.Count(length)} tekens, minstens {Format.Count(min)}.";
        }

        return length > max ? $"{what} is te lang: {Format.Count(length)} tekens, hoogstens {Format.Count(max)}." : null;
    }
}
