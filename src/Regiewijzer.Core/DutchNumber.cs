namespace Regiewijzer.Core;

/// <summary>
/// A number exactly as <see cref="Format.Count(long)"/>, <see cref="Format.Number"/> or <see cref="Format.Percent"/> writes it,
/// written straight into an interpolated text instead of through a string of its own: for texts that hold many numbers
/// (the explanation of a distribution writes thousands per region).
/// </summary>
internal readonly struct DutchNumber : ISpanFormattable
{
    private readonly long _scaled;
    private readonly int _decimals;
    private readonly bool _percent;
    private readonly string? _text; // a value off the long path: Format's own text.

    private DutchNumber(long scaled, int decimals, bool percent, string? text)
    {
        _scaled = scaled;
        _decimals = decimals;
        _percent = percent;
        _text = text;
    }

    /// <summary>As <see cref="Format.Count(long)"/>.</summary>
    public static DutchNumber Count(long value) => new(value, 0, percent: false, null);

    /// <summary>As <see cref="Format.Number"/>.</summary>
    public static DutchNumber Number(Fraction value, int decimals = 1) =>
        decimals <= 18 && value.TryRoundScaled(decimals, out var rounded)
            ? new(rounded, decimals, percent: false, null)
            : new(0, 0, percent: false, Format.Number(value, decimals));

    /// <summary>As <see cref="Format.Percent"/>.</summary>
    public static DutchNumber Percent(Fraction share, int decimals = 1) =>
        decimals <= 16 && share.TryRoundScaled(decimals + 2, out var rounded)
            ? new(rounded, decimals, percent: true, null)
            : new(0, 0, percent: false, Format.Percent(share, decimals));

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (_text is not null)
        {
            var fits = _text.TryCopyTo(destination);
            charsWritten = fits ? _text.Length : 0;
            return fits;
        }

        var digits = Format.GroupedLength(_scaled, _decimals);
        var length = digits + (_percent ? 1 : 0);
        if (length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        Format.WriteGrouped(destination[..digits], _scaled, _decimals);
        if (_percent)
        {
            destination[digits] = '%';
        }

        charsWritten = length;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => _text ?? (_percent ? Format.Grouped(_scaled, _decimals) + "%" : Format.Grouped(_scaled, _decimals));
}
