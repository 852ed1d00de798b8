namespace Regiewijzer.Data.Import;

/// <summary>Reads CSV (',' or ';', detected from the header line) or XLSX (first worksheet) within size limits.</summary>
public static class TabularReader
{
    /// <summary>Largest accepted file: bigger is almost certainly the wrong file, and it all has to fit in one transaction.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>Most data rows accepted; the country has 342 municipalities, so this leaves room for many years.</summary>
    public const int MaxRows = 500_000;

    /// <summary>Reads a file; the format follows the content (a zip is XLSX), not the extension.</summary>
    public static TableReadResult ReadFile(string path, int maxRows = MaxRows, long maxBytes = MaxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(0, $"bestand '{path}' bestaat niet");
        }

        if (info.Length > maxBytes)
        {
            return Fail(0, $"bestand is {info.Length / (1024 * 1024)} MB; de grens is {maxBytes / (1024 * 1024)} MB; splits het bestand");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, maxRows, maxBytes);
    }

    public static TableReadResult Read(Stream stream, int maxRows = MaxRows, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = stream.CanSeek ? stream : Copy(stream, maxBytes);
        if (buffered.Length - buffered.Position > maxBytes)
        {
            return Fail(0, $"bestand is groter dan {maxBytes / (1024 * 1024)} MB; splits het bestand");
        }

        var start = buffered.Position;
        Span<byte> magic = stackalloc byte[2];
        var n = buffered.Read(magic);
        buffered.Position = start;
        return n == 2 && magic[0] == (byte)'P' && magic[1] == (byte)'K'
            ? XlsxTable.Read(buffered, maxRows)
            : CsvTable.Read(buffered, maxRows, maxBytes);
    }

    internal static TableReadResult Fail(int line, string reason) => new(null, [new ImportError(line, string.Empty, reason)]);

    /// <summary>Builds the table from raw records: lower-cased trimmed header, checks width and duplicate columns.</summary>
    internal static TableReadResult Build(List<(int Line, List<string> Fields)> records, NumberNotation notation, List<ImportError> errors)
    {
        if (records.Count == 0)
        {
            errors.Add(new ImportError(1, string.Empty, "bestand is leeg; de eerste regel moet de kolomnamen bevatten"));
            return new(null, errors);
        }

        var (headerLine, rawHeader) = records[0];
        var header = rawHeader.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1); // Excel sometimes writes trailing empty columns
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                errors.Add(new ImportError(headerLine, $"#{i + 1}", "kolom zonder naam"));
            }
            else if (!seen.TryAdd(header[i], i))
            {
                errors.Add(new ImportError(headerLine, header[i], "kolom staat twee keer in de kopregel"));
            }
        }

        var rows = new List<TableRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(f => f.Trim().Length == 0))
            {
                continue; // blank line
            }

            var width = fields.Count;
            while (width > header.Count && fields[width - 1].Trim().Length == 0)
            {
                width--;
            }

            if (width > header.Count)
            {
                errors.Add(new ImportError(line, string.Empty, $"{width} velden, de kopregel heeft {header.Count} kolommen"));
                continue;
            }

            var map = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i].Length > 0)
                {
                    map[header[i]] = i < fields.Count ? fields[i] : string.Empty;
                }
            }

            rows.Add(new TableRow(line, map));
        }

        return errors.Count > 0 ? new(null, [.. errors.OrderBy(e => e.Line)]) : new(new Table(header, rows, notation), errors);
    }

    private static MemoryStream Copy(Stream stream, long maxBytes)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer)) > 0 && copy.Length <= maxBytes)
        {
            copy.Write(buffer, 0, n);
        }

        copy.Position = 0;
        return copy;
    }
}
