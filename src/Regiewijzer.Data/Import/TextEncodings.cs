using System.Text;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Which encoding a CSV file's bytes are in: a BOM decides (UTF-8, UTF-16 LE/BE); without one, NUL bytes on every other
/// position mean UTF-16 (LE when the NULs are on the odd positions, as "a\0b\0"), else UTF-8 when the bytes are valid
/// UTF-8, else Windows-1252 (what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)"). Every decoder
/// is strict: a byte that is not valid in the encoding throws instead of becoming U+FFFD.
/// </summary>
internal static class TextEncodings
{
    /// <summary>Bytes looked at to recognise UTF-16 without a BOM.</summary>
    private const int SampleBytes = 4096;

    public static Encoding Utf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    public static Encoding Utf16Le { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    public static Encoding Utf16Be { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 comes with .NET but must be registered (System.Text.Encoding.CodePages); strict like the others.</summary>
    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>The candidates in the order tried, each with its Dutch name and the number of BOM bytes to skip.</summary>
    public static IReadOnlyList<(Encoding Encoding, string Name, int Skip)> Candidates(Stream stream)
    {
        var start = stream.Position;
        var sample = new byte[SampleBytes];
        var n = stream.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        stream.Position = start;
        var bytes = sample.AsSpan(0, n);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return [(Utf8, "UTF-8 (met BOM)", 3)];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return [(Utf16Le, "UTF-16 LE (met BOM)", 2)];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return [(Utf16Be, "UTF-16 BE (met BOM)", 2)];
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            evenNuls += bytes[i] == 0 ? 1 : 0;
            oddNuls += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = bytes.Length / 2;
        if (pairs > 0 && oddNuls * 2 >= pairs && evenNuls * 10 < pairs)
        {
            return [(Utf16Le, "UTF-16 LE (zonder BOM)", 0)];
        }

        if (pairs > 0 && evenNuls * 2 >= pairs && oddNuls * 10 < pairs)
        {
            return [(Utf16Be, "UTF-16 BE (zonder BOM)", 0)];
        }

        return [(Utf8, "UTF-8", 0), (Windows1252, "Windows-1252", 0)];
    }
}
