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
    /// <remarks>Written digit by digit: exactly what the format "#,0" with <see cref="Dutch"/> writes, without parsing a format each time.</remarks>
    public static string Count(long value) =>
        value is > -1000 and < 1000 ? value.ToString(CultureInfo.InvariantCulture) : Grouped(value, 0);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(BigInteger value) => value.ToString("#,0", Dutch);

    /// <summary>A share as a percentage with one decimal: 0.19 -> "19,0%".</summary>
    public static string Percent(Fraction share, int decimals = 1) =>
        (decimals <= 16 && share.TryRoundScaled(decimals + 2, out var rounded)
            ? Grouped(rounded, decimals)
            : (share * 100).ToDecimal(decimals).ToString(NumberFormat(decimals), Dutch)) + "%";

    /// <summary>A fraction as a decimal number with the given decimals: "479,4".</summary>
    public static string Number(Fraction value, int decimals = 1) =>
        decimals <= 18 && value.TryRoundScaled(decimals, out var rounded)
            ? Grouped(rounded, decimals)
            : value.ToDecimal(decimals).ToString(NumberFormat(decimals), Dutch);

    /// <summary>
    /// <paramref name="scaled"/> / 10^<paramref name="decimals"/> in Dutch notation ("1.234,5"): what "N{decimals}" writes for that
    /// decimal, written digit by digit. A zero is never negative (as a decimal from a rounded zero is not).
    /// </summary>
    internal static string Grouped(long scaled, int decimals) =>
        string.Create(GroupedLength(scaled, decimals), (scaled, decimals), static (span, state) => WriteGrouped(span, state.scaled, state.decimals));

    /// <summary>The length of <see cref="Grouped"/>'s text.</summary>
    internal static int GroupedLength(long scaled, int decimals)
    {
        var digits = 1;
        for (var rest = Magnitude(scaled) / 10; rest != 0; rest /= 10)
        {
            digits++;
        }

        var wholeDigits = Math.Max(1, digits - decimals);
        return (scaled < 0 ? 1 : 0) + wholeDigits + ((wholeDigits - 1) / 3) + (decimals > 0 ? 1 + decimals : 0);
    }

    /// <summary>Writes <see cref="Grouped"/>'s text into <paramref name="span"/>, which is exactly <see cref="GroupedLength"/> long.</summary>
    internal static void WriteGrouped(Span<char> span, long scaled, int decimals)
    {
        var rest = Magnitude(scaled);
        var at = span.Length;
        for (var k = 0; k < decimals; k++)
        {
            span[--at] = (char)('0' + (int)(rest % 10));
            rest /= 10;
        }

        if (decimals > 0)
        {
            span[--at] = ',';
        }

        var inGroup = 0;
        do
        {
            if (inGroup == 3)
            {
                span[--at] = '.';
                inGroup = 0;
            }

            span[--at] = (char)('0' + (int)(rest % 10));
            rest /= 10;
            inGroup++;
        }
        while (rest != 0);

        if (scaled < 0)
        {
            span[0] = '-';
        }
    }

    private static ulong Magnitude(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

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
