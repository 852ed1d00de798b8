namespace Regiewijzer.Core.Geography;

/// <summary>A CBS province code: PV20 (Groningen) up to and including PV31 (Limburg).</summary>
public readonly record struct ProvinceCode : IComparable<ProvinceCode>
{
    /// <exception cref="ArgumentException">The text is not PV20..PV31.</exception>
    public ProvinceCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a CBS province code (PV20..PV31).", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: 4 } && value.StartsWith("PV", StringComparison.Ordinal)
        && int.TryParse(value.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && n is >= 20 and <= 31;

    public int CompareTo(ProvinceCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(ProvinceCode left, ProvinceCode right) => left.CompareTo(right) < 0;

    public static bool operator >(ProvinceCode left, ProvinceCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(ProvinceCode left, ProvinceCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ProvinceCode left, ProvinceCode right) => left.CompareTo(right) >= 0;

    /// <summary>The province's name (CBS division, fixed since 1986), e.g. "Noord-Holland" for PV27.</summary>
    public string Name => Value switch
    {
        "PV20" => "Groningen",
        "PV21" => "Fryslân",
        "PV22" => "Drenthe",
        "PV23" => "Overijssel",
        "PV24" => "Flevoland",
        "PV25" => "Gelderland",
        "PV26" => "Utrecht",
        "PV27" => "Noord-Holland",
        "PV28" => "Zuid-Holland",
        "PV29" => "Zeeland",
        "PV30" => "Noord-Brabant",
        "PV31" => "Limburg",
        _ => Value ?? string.Empty,
    };

    public override string ToString() => Value;
}
