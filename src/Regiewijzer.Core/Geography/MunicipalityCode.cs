namespace Regiewijzer.Core.Geography;

/// <summary>A CBS municipality code: "GM" followed by exactly four digits, e.g. GM0363.</summary>
public readonly record struct MunicipalityCode : IComparable<MunicipalityCode>
{
    /// <exception cref="ArgumentException">The text is not GM + 4 digits.</exception>
    public MunicipalityCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a CBS municipality code (GM + 4 digits).", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>True for "GM" + four ASCII digits (case-sensitive).</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 6 } && value.StartsWith("GM", StringComparison.Ordinal) && value.AsSpan(2).ContainsAnyExceptInRange('0', '9') is false;

    /// <summary>Ordinal comparison of the code text: the tie-break order of the distribution.</summary>
    public int CompareTo(MunicipalityCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) < 0;

    public static bool operator >(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MunicipalityCode left, MunicipalityCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value;
}
