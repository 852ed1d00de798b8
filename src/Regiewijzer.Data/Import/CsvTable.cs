using System.Globalization;
using System.Text;

namespace Regiewijzer.Data.Import;

/// <summary>
/// RFC 4180 CSV with the separator taken from the header line: ';' (Dutch Excel) when it has more semicolons than
/// commas, else ','. The encoding is detected (<see cref="TextEncodings"/>): UTF-8 with or without BOM, UTF-16 LE/BE
/// with or without BOM, Windows-1252. The text is parsed as it is read (never held whole); line numbers count
/// physical lines.
/// </summary>
internal static class CsvTable
{
    /// <summary>Longest header line read before the separator is known.</summary>
    private const int MaxHeaderChars = 64 * 1024;

    public static TableReadResult Read(Stream stream, int maxRows)
    {
        var start = stream.Position;
        var candidates = TextEncodings.Candidates(stream);
        var tried = new List<string>();
        foreach (var (encoding, name, skip) in candidates)
        {
            stream.Position = start + skip;
            try
            {
                return Parse(stream, encoding, name, maxRows);
            }
            catch (DecoderFallbackException e)
            {
                tried.Add(Tried(name, e));
            }
            catch (NotTextException e)
            {
                tried.Add($"{name}: {e.Message}");
            }
        }

        return TabularReader.Fail(0,
            $"het bestand is geen leesbare tekst in {string.Join(" of ", candidates.Select(c => c.Name))} ({string.Join("; ", tried)}); "
            + "sla het bestand op als CSV UTF-8 of als CSV (gescheiden door lijstscheidingsteken), of als Excel-werkmap (.xlsx)");
    }

    private static string Tried(string name, DecoderFallbackException e)
    {
        var bytes = e.BytesUnknown is { Length: > 0 } b ? string.Join(" ", b.Take(4).Select(x => "0x" + x.ToString("X2", CultureInfo.InvariantCulture))) : "?";
        return $"{name}: ongeldige byte(s) {bytes}";
    }

    private static TableReadResult Parse(Stream stream, Encoding encoding, string name, int maxRows)
    {
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var header = HeaderLine(reader);
        if (header is null)
        {
            return header is null && reader.EndOfStream
                ? new TableBuilder(maxRows).Build(NumberNotation.Dutch, name)
                : TabularReader.Fail(1, $"de kopregel is langer dan {MaxHeaderChars.ToString("N0", Core.Format.Dutch)} tekens; is dit wel een CSV-bestand?");
        }

        var separator = DetectSeparator(header);
        var builder = new TableBuilder(maxRows);
        var parser = new Parser(new Chars(header, reader, ReferenceEquals(encoding, TextEncodings.Windows1252)), separator, builder);
        parser.Run();
        return builder.Build(separator == ';' ? NumberNotation.Dutch : NumberNotation.International, name);
    }

    /// <summary>The header line (up to and including the first unquoted '\n'), or null when it is too long or the file is empty.</summary>
    private static string? HeaderLine(StreamReader reader)
    {
        var text = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            text.Append((char)c);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                break;
            }

            if (text.Length > MaxHeaderChars)
            {
                return null;
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The separator of the header line (outside quotes): ';' when it has more semicolons than commas.</summary>
    internal static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '\n')
            {
                break;
            }
            else if (!quoted && ch == ';')
            {
                semicolons++;
            }
            else if (!quoted && ch == ',')
            {
                commas++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// The header text first, then the rest of the reader. A NUL character (binary data, or a wrong encoding) throws,
    /// and so does, read as Windows-1252, one of the five bytes that encoding leaves undefined (0x81, 0x8D, 0x8F, 0x90,
    /// 0x9D; .NET passes them through as control characters).
    /// </summary>
    private sealed class Chars(string header, TextReader reader, bool windows1252)
    {
        private int position;

        public int Line { get; set; } = 1;

        public int Read()
        {
            var c = position < header.Length ? header[position++] : reader.Read();
            if (c == 0)
            {
                throw new NotTextException($"regel {Line.ToString(CultureInfo.InvariantCulture)} bevat een NUL-teken, dat in tekst niet voorkomt");
            }

            return windows1252 && c is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D
                ? throw new NotTextException($"ongeldige byte(s) 0x{c.ToString("X2", CultureInfo.InvariantCulture)} op regel {Line.ToString(CultureInfo.InvariantCulture)}")
                : c;
        }

        public int Peek() => position < header.Length ? header[position] : reader.Peek();
    }

    private sealed class NotTextException(string message) : Exception(message);

    private sealed class Parser(Chars chars, char separator, TableBuilder builder)
    {
        private readonly StringBuilder field = new();
        private List<string> fields = [];

        public void Run()
        {
            var startLine = 1;
            var quoted = false;
            var wasQuoted = false;
            var tooLong = false;
            int c;
            while ((c = chars.Read()) >= 0)
            {
                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"' && chars.Peek() == '"')
                    {
                        chars.Read();
                        Append('"', ref tooLong);
                    }
                    else if (ch == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        chars.Line += ch == '\n' ? 1 : 0;
                        Append(ch, ref tooLong);
                    }
                }
                else if (ch == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = true;
                    wasQuoted = true;
                }
                else if (ch == separator)
                {
                    if (!EndField(startLine, ref tooLong))
                    {
                        return;
                    }

                    wasQuoted = false;
                }
                else if (ch == '\n')
                {
                    if (!EndField(startLine, ref tooLong) || !builder.Add(startLine, fields))
                    {
                        return;
                    }

                    fields = [];
                    wasQuoted = false;
                    chars.Line++;
                    startLine = chars.Line;
                }
                else if (ch != '\r')
                {
                    Append(ch, ref tooLong);
                }
            }

            if (quoted)
            {
                builder.AddError(new ImportError(startLine, string.Empty, "een veld tussen aanhalingstekens wordt niet afgesloten"));
            }

            if (field.Length > 0 || fields.Count > 0)
            {
                if (EndField(startLine, ref tooLong))
                {
                    builder.Add(startLine, fields);
                }
            }
        }

        private void Append(char ch, ref bool tooLong)
        {
            if (field.Length < TabularReader.MaxCellChars)
            {
                field.Append(ch);
            }
            else
            {
                tooLong = true;
            }
        }

        /// <summary>Ends a field; false when the row passes a limit (the error is then recorded and reading stops).</summary>
        private bool EndField(int line, ref bool tooLong)
        {
            if (tooLong)
            {
                builder.AddError(new ImportError(line, string.Empty,
                    $"veld {(fields.Count + 1).ToString(CultureInfo.InvariantCulture)} is langer dan {TabularReader.MaxCellChars.ToString("N0", Core.Format.Dutch)} tekens"));
                tooLong = false;
            }

            if (fields.Count >= TabularReader.MaxColumns)
            {
                builder.AddError(new ImportError(line, string.Empty, $"meer dan {TabularReader.MaxColumns.ToString(CultureInfo.InvariantCulture)} velden op één regel; is het scheidingsteken juist?"));
                return false;
            }

            fields.Add(field.ToString());
            field.Clear();
            return true;
        }
    }
}
