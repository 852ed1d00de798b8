using System.Globalization;
using System.Numerics;

namespace Regiewijzer.Core;

/// <summary>
/// Dutch number notation ("1.234" for thousands, "19,0%" for shares) built from an explicit
/// format, so it does not depend on the machine's culture or ICU data.
/// </summary>
public static class Format
{
    /// <summary>Dutch number format: "." groups thousands, "," separates decimals.</summary>
    public static NumberFormatInfo Dutch { get; } = CreateDutch();

    /// <summary>A whole number with thousands separators: 25383 -> "25.383".</summary>
    /// <remarks>"N0" with <see cref="Dutch"/> writes exactly what the custom format "#,0" writes (groups of three, "-" before), faster.</remarks>
    public static string Count(long value) =>
        value is > -1000 and < 1000 ? value.ToString(CultureInfo.InvariantCulture) : value.ToString("N0", Dutch);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(BigInteger value) => value.ToString("#,0", Dutch);

    /// <summary>A share as a percentage with one decimal: 0.19 -> "19,0%".</summary>
    public static string Percent(Fraction share, int decimals = 1) =>
        (share * 100).ToDecimal(decimals).ToString(NumberFormat(decimals), Dutch) + "%";

    /// <summary>A fraction as a decimal number with the given decimals: "479,4".</summary>
    public static string Number(Fraction value, int decimals = 1) =>
        value.ToDecimal(decimals).ToString(NumberFormat(decimals), Dutch);

    private static string NumberFormat(int decimals) => decimals switch
    {
        0 => "N0",
        1 => "N1",
        2 => "N2",
        _ => "N" + decimals.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A share in the notation of the law: "3/10", "2/3".</summary>
    public static string Share(Fraction share) => share.ToString();

    private static NumberFormatInfo CreateDutch()
    {
        var info = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        info.NumberGroupSeparator = ".";
        info.NumberDecimalSeparator = ",";
        info.PercentGroupSeparator = ".";
        info.PercentDecimalSeparator = ",";
        info.CurrencyGroupSeparator = ".";
        info.CurrencyDecimalSeparator = ",";
        info.CurrencySymbol = "€";
        info.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(info);
    }
}
