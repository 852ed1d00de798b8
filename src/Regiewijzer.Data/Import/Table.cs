namespace Regiewijzer.Data.Import;

/// <summary>One bad cell or row: 1-based line (the header is line 1), column name ("" for the whole row) and a Dutch reason.</summary>
public sealed record ImportError(int Line, string Column, string Reason)
{
    public override string ToString() => Column.Length == 0 ? $"regel {Line}: {Reason}" : $"regel {Line}, kolom {Column}: {Reason}";
}

/// <summary>How numbers are written in a file; decides what a '.' or ',' inside a number means (see <see cref="Counts"/>).</summary>
public enum NumberNotation
{
    /// <summary>';'-separated CSV and XLSX: '.' groups thousands, ',' is the decimal separator.</summary>
    Dutch,

    /// <summary>','-separated CSV: ',' groups thousands (the field must be quoted), '.' is ambiguous.</summary>
    International,
}

/// <summary>
/// One data row with its line in the file (CSV line or XLSX row number); column names are lower case. The values are
/// kept as one array per row beside the header's shared column index, so a large file costs little more than its text.
/// </summary>
public sealed class TableRow
{
    private readonly Dictionary<string, int> index;
    private readonly string[] values;

    public TableRow(int line, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Line = line;
        var keys = fields.Keys.ToList();
        index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        values = [.. keys.Select(k => fields[k])];
    }

    internal TableRow(int line, Dictionary<string, int> index, string[] values) =>
        (Line, this.index, this.values) = (line, index, values);

    public int Line { get; }

    /// <summary>The trimmed value, or "" when the column is absent or the cell is empty.</summary>
    public string this[string column] => index.TryGetValue(column, out var i) && i < values.Length ? values[i].Trim() : string.Empty;
}

/// <summary>A file read as a header and rows.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, NumberNotation Notation)
{
    /// <summary>The detected encoding of a CSV file, for the import report ("UTF-8", "Windows-1252", ...); null for XLSX.</summary>
    public string? Encoding { get; init; }
}

/// <summary>A read table, or the reasons it could not be read (too big, broken quoting, rows of the wrong width).</summary>
public sealed record TableReadResult(Table? Table, IReadOnlyList<ImportError> Errors);
