using System.Globalization;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Reads CSV (',' or ';', detected from the header line; UTF-8, UTF-16 or Windows-1252, see <see cref="TextEncodings"/>)
/// or XLSX (first worksheet) within explicit limits, checked while reading and before anything large is allocated.
/// </summary>
public static class TabularReader
{
    /// <summary>Largest accepted file: bigger is almost certainly the wrong file, and it all has to fit in one transaction.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>Most data rows accepted; the country has 342 municipalities, so this leaves room for many years.</summary>
    public const int MaxRows = 500_000;

    /// <summary>Most columns (fields or cells) in one row; the widest template has under 20.</summary>
    public const int MaxColumns = 100;

    /// <summary>Most characters in one field or cell (Excel's own limit for a cell).</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Reads a file; the format follows the content (a zip is XLSX), not the extension.</summary>
    public static TableReadResult ReadFile(string path, int maxRows = MaxRows, long maxBytes = MaxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return Fail(0, $"'{path}' is een map, geen bestand");
            }

            if (!info.Exists)
            {
                return Fail(0, $"bestand '{path}' bestaat niet");
            }

            if (info.Length > maxBytes)
            {
                return Fail(0, $"bestand is {Size(info.Length)}; de grens is {Size(maxBytes)}; splits het bestand");
            }

            using var stream = File.OpenRead(path);
            return Read(stream, maxRows, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return Fail(0, $"bestand '{path}' kan niet gelezen worden ({e.GetType().Name switch
            {
                nameof(UnauthorizedAccessException) => "geen leesrechten",
                _ => "leesfout",
            }})");
        }
    }

    /// <summary>A size in MB with one decimal and in bytes, so "more than the limit" is always visible ("50,3 MB (52.743.372 bytes)").</summary>
    public static string Size(long bytes) =>
        string.Create(Core.Format.Dutch, $"{bytes / (1024.0 * 1024.0):N1} MB ({bytes:N0} bytes)");

    public static TableReadResult Read(Stream stream, int maxRows = MaxRows, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? null : Copy(stream, maxBytes);
        var buffered = copy ?? stream;
        if (buffered.Length - buffered.Position > maxBytes)
        {
            return Fail(0, copy is null
                ? $"bestand is {Size(buffered.Length - buffered.Position)}; de grens is {Size(maxBytes)}; splits het bestand"
                : $"bestand is groter dan {Size(maxBytes)}; splits het bestand");
        }

        var start = buffered.Position;
        Span<byte> magic = stackalloc byte[2];
        var n = buffered.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        buffered.Position = start;
        return n == 2 && magic[0] == (byte)'P' && magic[1] == (byte)'K'
            ? XlsxTable.Read(buffered, maxRows, XlsxLimits.Default)
            : CsvTable.Read(buffered, maxRows);
    }

    internal static TableReadResult Fail(int line, string reason) => new(null, [new ImportError(line, string.Empty, reason)]);

    private static MemoryStream Copy(Stream stream, long maxBytes)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while (copy.Length <= maxBytes && (n = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        copy.Position = 0;
        return copy;
    }
}

/// <summary>
/// Builds a table record by record: the first record is the header (lower-cased, trimmed), every other a data row
/// checked for width. Rows share the header's column index; blank rows are skipped.
/// </summary>
internal sealed class TableBuilder(int maxRows)
{
    private readonly List<ImportError> errors = [];
    private readonly List<TableRow> rows = [];
    private List<string>? header;
    private Dictionary<string, int>? index;

    public bool HasHeader => header is not null;

    public void AddError(ImportError error) => errors.Add(error);

    /// <summary>Adds a record; false (with the error in <see cref="Failed"/>) when the row limit is passed.</summary>
    public bool Add(int line, IReadOnlyList<string> fields)
    {
        if (header is null)
        {
            Header(line, fields);
            return true;
        }

        var blank = true;
        foreach (var f in fields)
        {
            if (!string.IsNullOrWhiteSpace(f))
            {
                blank = false;
                break;
            }
        }

        if (blank)
        {
            return true;
        }

        if (rows.Count >= maxRows)
        {
            Failed = TabularReader.Fail(line, $"meer dan {maxRows.ToString("N0", Core.Format.Dutch)} rijen; splits het bestand");
            return false;
        }

        var width = fields.Count;
        while (width > header.Count && fields[width - 1].Trim().Length == 0)
        {
            width--;
        }

        if (width > header.Count)
        {
            errors.Add(new ImportError(line, string.Empty, $"{width} velden, de kopregel heeft {header.Count} kolommen"));
            return true;
        }

        var values = new string[header.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i < fields.Count ? fields[i] : string.Empty;
        }

        rows.Add(new TableRow(line, index!, values));
        return true;
    }

    /// <summary>Set when reading stopped at a limit.</summary>
    public TableReadResult? Failed { get; private set; }

    public TableReadResult Build(NumberNotation notation, string? encoding)
    {
        if (Failed is not null)
        {
            return Failed;
        }

        if (header is null)
        {
            errors.Add(new ImportError(1, string.Empty, "bestand is leeg; de eerste regel moet de kolomnamen bevatten"));
            return new(null, errors);
        }

        return errors.Count > 0
            ? new(null, [.. errors.OrderBy(e => e.Line)])
            : new(new Table(header, rows, notation) { Encoding = encoding }, errors);
    }

    private void Header(int line, IReadOnlyList<string> raw)
    {
        // An XLSX of Regiewijzer heads its columns in words ("Sociale huur"); the column name is the same with underscores.
        header = [.. raw.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(' ', '_'))];
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1); // Excel sometimes writes trailing empty columns
        }

        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                errors.Add(new ImportError(line, $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}", "kolom zonder naam"));
            }
            else if (!index.TryAdd(header[i], i))
            {
                errors.Add(new ImportError(line, header[i], "kolom staat twee keer in de kopregel"));
            }
        }
    }
}
