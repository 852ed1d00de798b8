using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Limits of reading an XLSX file. An XLSX file is a zip archive, so a small file can expand to gigabytes (a zip bomb);
/// every limit is counted while the archive is read, not taken from its headers, and checked before the data is kept.
/// </summary>
/// <param name="MaxPartBytes">Most bytes one part (the worksheet, the shared strings) may expand to.</param>
/// <param name="MaxTotalBytes">Most bytes all parts read together may expand to.</param>
/// <param name="MaxSharedStrings">Most entries in the shared-strings table (the texts of the cells).</param>
/// <param name="MaxSharedStringChars">Most characters in all shared strings together.</param>
/// <param name="MaxTokenBytes">Most bytes between two XML tags (one text, name or attribute); a cell holds at most 32.767 characters.</param>
public sealed record XlsxLimits(long MaxPartBytes, long MaxTotalBytes, int MaxSharedStrings, long MaxSharedStringChars, int MaxTokenBytes)
{
    public static XlsxLimits Default { get; } = new(256L * 1024 * 1024, 512L * 1024 * 1024, 1_000_000, 50_000_000, 1024 * 1024);
}

/// <summary>
/// The first worksheet of an XLSX file, streamed with <see cref="ZipArchive"/> and <see cref="XmlReader"/>: the sheet is
/// read row by row and never held whole, the shared strings within <see cref="XlsxLimits"/>. Number cells become
/// invariant digits when whole and Dutch decimals ("1234,5") otherwise, so the table uses
/// <see cref="NumberNotation.Dutch"/> and fractions are rejected by <see cref="Counts"/>.
/// </summary>
internal static class XlsxTable
{
    /// <summary>Excel's largest row number.</summary>
    public const int MaxRowNumber = 1_048_576;

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    public static TableReadResult Read(Stream stream, int maxRows, XlsxLimits limits)
    {
        var counter = new Counter(limits);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var (sheetPath, sharedPath) = Locate(zip, counter);
            if (sheetPath is null || zip.GetEntry(sheetPath) is not { } sheet)
            {
                return TabularReader.Fail(0, "XLSX-bestand heeft geen werkblad");
            }

            var shared = sharedPath is not null && zip.GetEntry(sharedPath) is { } entry ? SharedStrings(entry, counter, limits) : [];
            var builder = new TableBuilder(maxRows);
            Rows(sheet, counter, shared, builder);
            return builder.Build(NumberNotation.Dutch, null);
        }
        catch (RefusedException e)
        {
            return TabularReader.Fail(e.Line, e.Message);
        }
        catch (InvalidDataException)
        {
            return TabularReader.Fail(0, "bestand is geen leesbaar XLSX-bestand (het zip-archief is beschadigd of gebruikt een onbekende compressie)");
        }
        catch (XmlException e)
        {
            return TabularReader.Fail(0, $"bestand is geen leesbaar XLSX-bestand (een onderdeel is geen geldige XML, regel {e.LineNumber.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>The paths of the first worksheet and the shared strings, following the package's relationships.</summary>
    private static (string? Sheet, string? Shared) Locate(ZipArchive zip, Counter counter)
    {
        var workbookPath = Targets(zip, "_rels/.rels", "", counter).FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
        if (zip.GetEntry(workbookPath) is not { } workbook)
        {
            return (null, null);
        }

        string? sheetId = null;
        using (var reader = Open(workbook, counter))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    sheetId = reader.GetAttribute("id", Relationships);
                    break;
                }
            }
        }

        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relations = Targets(zip, folder + "_rels/" + workbookPath[folder.Length..] + ".rels", folder, counter);
        var sheet = relations.FirstOrDefault(r => r.Id == sheetId).Target;
        var shared = relations.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        return (sheet, shared);
    }

    private static List<(string Id, string Type, string Target)> Targets(ZipArchive zip, string relsPath, string folder, Counter counter)
    {
        var found = new List<(string, string, string)>();
        if (zip.GetEntry(relsPath) is not { } entry)
        {
            return found;
        }

        using var reader = Open(entry, counter);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && found.Count < 10_000)
            {
                var target = reader.GetAttribute("Target") ?? "";
                found.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", Resolve(folder, target)));
            }
        }

        return found;
    }

    /// <summary>"worksheets/sheet1.xml" relative to "xl/", or "/xl/worksheets/sheet1.xml", as a zip entry name.</summary>
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var part in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static List<string> SharedStrings(ZipArchiveEntry entry, Counter counter, XlsxLimits limits)
    {
        var strings = new List<string>();
        long chars = 0;
        using var reader = Open(entry, counter);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                continue;
            }

            if (strings.Count >= limits.MaxSharedStrings)
            {
                throw new RefusedException(0, $"het XLSX-bestand heeft meer dan {limits.MaxSharedStrings.ToString("N0", Core.Format.Dutch)} verschillende teksten; splits het bestand");
            }

            var (_, text) = Content(reader, 0, "tekst " + (strings.Count + 1).ToString(CultureInfo.InvariantCulture) + " van de gedeelde teksten");
            chars += text.Length;
            if (chars > limits.MaxSharedStringChars)
            {
                throw new RefusedException(0, $"de teksten in het XLSX-bestand zijn samen langer dan {limits.MaxSharedStringChars.ToString("N0", Core.Format.Dutch)} tekens; splits het bestand");
            }

            strings.Add(text);
        }

        return strings;
    }

    private static void Rows(ZipArchiveEntry sheet, Counter counter, List<string> shared, TableBuilder builder)
    {
        using var reader = Open(sheet, counter);
        var previous = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            var line = RowNumber(reader.GetAttribute("r"), previous);
            previous = line;
            if (!builder.Add(line, Cells(reader, line, shared)))
            {
                return;
            }
        }
    }

    private static int RowNumber(string? r, int previous)
    {
        if (r is null)
        {
            return previous + 1 <= MaxRowNumber ? previous + 1 : throw new RefusedException(previous, TooManyRows);
        }

        var text = r.Length > 20 ? r[..20] + "…" : r;
        return r.Length <= 7 && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxRowNumber
            ? n
            : throw new RefusedException(previous, $"rijnummer '{text}' in het werkblad is ongeldig; een werkblad heeft rijen 1 tot en met {MaxRowNumber.ToString("N0", Core.Format.Dutch)}");
    }

    private static string TooManyRows => $"het werkblad heeft meer dan {MaxRowNumber.ToString("N0", Core.Format.Dutch)} rijen";

    private static List<string> Cells(XmlReader reader, int line, List<string> shared)
    {
        var fields = new List<string>();
        if (reader.IsEmptyElement)
        {
            return fields;
        }

        var depth = reader.Depth;
        var cells = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            if (++cells > TabularReader.MaxColumns)
            {
                throw new RefusedException(line, $"meer dan {TabularReader.MaxColumns.ToString(CultureInfo.InvariantCulture)} cellen in rij {line.ToString(CultureInfo.InvariantCulture)}");
            }

            var reference = reader.GetAttribute("r");
            var type = reader.GetAttribute("t");
            var column = reference is null ? fields.Count : ColumnIndex(reference, line);
            if (column < fields.Count)
            {
                throw new RefusedException(line, $"cel {Shorten(reference!)} staat niet op volgorde in rij {line.ToString(CultureInfo.InvariantCulture)}; sla het bestand opnieuw op met Excel");
            }

            while (fields.Count < column)
            {
                fields.Add(string.Empty);
            }

            var (value, text) = Content(reader, line, "cel " + Shorten(reference ?? "?"));
            fields.Add(Value(type, value, text, shared));
        }

        return fields;
    }

    private static string Value(string? type, string value, string inline, List<string> shared)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : string.Empty;
            case "inlineStr":
                return inline;
            case null or "n" when value.Length > 0 && value.Length <= 64
                && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return number == decimal.Truncate(number)
                    ? decimal.Truncate(number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString(Core.Format.Dutch);
            default:
                return value;
        }
    }

    /// <summary>
    /// Reads the current element (a cell or a shared-strings item) to its end: the text of its &lt;v&gt; and of its
    /// &lt;t&gt; elements (not the phonetic &lt;rPh&gt; runs), each at most <see cref="TabularReader.MaxCellChars"/>.
    /// </summary>
    private static (string Value, string Text) Content(XmlReader reader, int line, string what)
    {
        if (reader.IsEmptyElement)
        {
            return (string.Empty, string.Empty);
        }

        var depth = reader.Depth;
        var value = new StringBuilder();
        var text = new StringBuilder();
        StringBuilder? target = null;
        var phonetic = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement:
                    phonetic++;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh":
                    phonetic--;
                    break;
                case XmlNodeType.Element when reader.LocalName == "v" && !reader.IsEmptyElement:
                    target = value;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t" && !reader.IsEmptyElement && phonetic == 0:
                    target = text;
                    break;
                case XmlNodeType.EndElement when reader.LocalName is "v" or "t":
                    target = null;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when target is not null:
                    var chunk = reader.Value;
                    if (target.Length + chunk.Length > TabularReader.MaxCellChars)
                    {
                        throw new RefusedException(line, $"{what} is langer dan {TabularReader.MaxCellChars.ToString("N0", Core.Format.Dutch)} tekens");
                    }

                    target.Append(chunk);
                    break;
            }
        }

        return (value.ToString(), text.ToString());
    }

    /// <summary>"C7" -> 2; a reference beyond the column limit or without letters is refused.</summary>
    private static int ColumnIndex(string reference, int line)
    {
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (ch - 'A' + 1);
            if (++letters > 3 || index > TabularReader.MaxColumns)
            {
                throw new RefusedException(line, $"cel {Shorten(reference)} ligt buiten de eerste {TabularReader.MaxColumns.ToString(CultureInfo.InvariantCulture)} kolommen");
            }
        }

        return letters == 0
            ? throw new RefusedException(line, $"celverwijzing '{Shorten(reference)}' in rij {line.ToString(CultureInfo.InvariantCulture)} is ongeldig")
            : index - 1;
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static XmlReader Open(ZipArchiveEntry entry, Counter counter) =>
        XmlReader.Create(counter.Open(entry), Settings);

    /// <summary>A limit was passed or the content is not what an XLSX holds; the message is the Dutch reason.</summary>
    private sealed class RefusedException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>Counts the expanded bytes of every part read, and the bytes since the last '&lt;'.</summary>
    internal sealed class Counter(XlsxLimits limits)
    {
        public long Total { get; set; }

        public CountingStream Open(ZipArchiveEntry entry)
        {
            // The header's sizes may lie; they only allow an early, cheap refusal. The real check is while reading.
            if (entry.Length > limits.MaxPartBytes || Total + entry.Length > limits.MaxTotalBytes)
            {
                throw new RefusedException(0, TooBig(entry.FullName));
            }

            return new CountingStream(entry.Open(), this, entry.FullName);
        }

        public string TooBig(string part) =>
            $"het XLSX-bestand pakt uit tot meer dan {TabularReader.Size(limits.MaxPartBytes)} per onderdeel of {TabularReader.Size(limits.MaxTotalBytes)} samen "
            + $"(onderdeel {Shorten(part)}); zo'n bestand wordt niet gelezen; splits het bestand of sla het op als CSV";

        public int MaxTokenBytes => limits.MaxTokenBytes;

        public long MaxPartBytes => limits.MaxPartBytes;

        public long MaxTotalBytes => limits.MaxTotalBytes;
    }

    internal sealed class CountingStream(Stream inner, Counter counter, string name) : Stream
    {
        private long read;
        private long sinceTag;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            counter.Total += n;
            if (read > counter.MaxPartBytes || counter.Total > counter.MaxTotalBytes)
            {
                throw new RefusedException(0, counter.TooBig(name));
            }

            var last = buffer[..n].LastIndexOf((byte)'<');
            sinceTag = last < 0 ? sinceTag + n : n - last - 1;
            if (sinceTag > counter.MaxTokenBytes)
            {
                throw new RefusedException(0, $"het XLSX-bestand bevat een tekst of naam van meer dan {TabularReader.Size(counter.MaxTokenBytes)} zonder onderbreking (onderdeel {Shorten(name)}); zo'n bestand wordt niet gelezen");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
