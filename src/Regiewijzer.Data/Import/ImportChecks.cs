using System.Globalization;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Data.Import;

/// <summary>What an import did. All or nothing: with any error nothing was written and the counts are 0.</summary>
public sealed record ImportResult(int Inserted, int Updated, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Most errors reported; the others are only counted (<see cref="MoreErrors"/>).</summary>
    public const int MaxErrors = 2_000;

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Dutch sentences on what a successful import did beyond the counts (e.g. which existing figures it replaced).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Errors found beyond the <see cref="MaxErrors"/> reported.</summary>
    public int MoreErrors { get; init; }

    /// <summary>All errors found: the reported ones and <see cref="MoreErrors"/>.</summary>
    public int ErrorCount => Errors.Count + MoreErrors;

    /// <summary>The first <see cref="MaxErrors"/> errors (by line), and how many more there are.</summary>
    public static ImportResult Failed(IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count <= MaxErrors ? new(0, 0, errors) : new(0, 0, [.. errors.Take(MaxErrors)]) { MoreErrors = errors.Count - MaxErrors };
    }

    /// <summary>"en nog 1.234 fouten die niet getoond worden", or null when every error is reported.</summary>
    public string? MoreErrorsSentence => MoreErrors == 0 ? null
        : $"en nog {Core.Format.Count(MoreErrors)} {(MoreErrors == 1 ? "fout die" : "fouten die")} niet {(MoreErrors == 1 ? "wordt" : "worden")} getoond (alleen de eerste {Core.Format.Count(MaxErrors)} staan hier)";
}

/// <summary>The checks the imports share; each collects a (line, column, reason) and returns null for a bad value.</summary>
internal sealed class ImportChecks(Table table)
{
    public List<ImportError> Errors { get; } = [];

    /// <summary>Reads a CSV or XLSX file and imports it; a file that cannot be read is a failed import.</summary>
    public static async Task<ImportResult> FromFileAsync(string path, Func<Table, string, Task<ImportResult>> import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var read = TabularReader.ReadFile(path);
        return read.Table is null ? ImportResult.Failed(read.Errors) : await import(read.Table, Path.GetFileName(path)).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts checking a table with the column errors on the header line; when a required column is
    /// missing the rows cannot be checked, and the failed result is returned instead.
    /// </summary>
    public static (ImportChecks? Check, ImportResult? Failed) Start(Table table, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columnErrors = Columns(table, required, optional);
        if (columnErrors.Exists(e => required.Contains(e.Column)))
        {
            return (null, ImportResult.Failed(columnErrors));
        }

        var check = new ImportChecks(table);
        check.Errors.AddRange(columnErrors);
        return (check, null);
    }

    /// <summary>Missing required and unknown columns, reported on the header line.</summary>
    public static List<ImportError> Columns(Table table, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var errors = new List<ImportError>();
        var expected = string.Join(", ", required.Concat(optional.Select(o => o + " (optioneel)")));
        foreach (var column in required.Where(c => !table.Columns.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new ImportError(1, column, $"verplichte kolom '{column}' ontbreekt; verwacht: {expected}"));
        }

        foreach (var column in table.Columns.Where(c => c.Length > 0 && !required.Contains(c, StringComparer.Ordinal) && !optional.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new ImportError(1, column, $"onbekende kolom '{column}'; verwacht: {expected}"));
        }

        return errors;
    }

    public string? Municipality(TableRow row, string column, IReadOnlySet<string> known)
    {
        var code = row[column].ToUpperInvariant();
        string? reason = code.Length == 0 ? "leeg; vul een gemeentecode in (GM + 4 cijfers)"
            : !MunicipalityCode.IsValid(code) ? $"'{row[column]}' is geen CBS-gemeentecode (GM + 4 cijfers, bijvoorbeeld GM0228)"
            : !known.Contains(code) ? $"gemeente {code} bestaat niet in de database (gemeentelijke indeling 2025)"
            : null;
        return Report(row, column, reason) ? code : null;
    }

    public int? Count(TableRow row, string column)
    {
        var (value, error) = Counts.Parse(row[column], table.Notation);
        return Report(row, column, error) ? value : null;
    }

    public int? Year(TableRow row, string column)
    {
        var (value, error) = Counts.ParseYear(row[column]);
        return Report(row, column, error) ? value : null;
    }

    /// <summary>A euro amount (see <see cref="Amounts"/>: Dutch "1.234,56" and "€ 355.000" in a ';' file or XLSX).</summary>
    public decimal? Amount(TableRow row, string column)
    {
        var (value, error) = Amounts.Parse(row[column], table.Notation);
        return Report(row, column, error) ? value : null;
    }

    /// <summary>ja/nee (also j/n); empty is <paramref name="empty"/>.</summary>
    public bool? YesNo(TableRow row, string column, bool empty)
    {
        var text = row[column].ToLowerInvariant();
        bool? value = text switch
        {
            "" => empty,
            "ja" or "j" => true,
            "nee" or "n" => false,
            _ => null,
        };
        return Report(row, column, value is null ? $"'{row[column]}' is geen ja of nee" : null) ? value : null;
    }

    /// <summary>
    /// A date written dd-mm-jjjj (also d-m-jjjj) or jjjj-mm-dd, or an XLSX date cell (read as its serial number);
    /// null without an error when empty.
    /// </summary>
    public DateOnly? Date(TableRow row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            return null;
        }

        string[] formats = ["d-M-yyyy", "yyyy-M-d"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2100)
        {
            return date;
        }

        // Excel stores a date as days since 30-12-1899; XlsxTable reads the cell as that number (1954-2119 accepted).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is >= 20_000 and <= 80_000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        Add(row, column, $"'{text}' is geen datum; schrijf dd-mm-jjjj (31-12-2024) of jjjj-mm-dd (2024-12-31)");
        return null;
    }

    /// <summary>Text of at most <paramref name="maxLength"/> characters; a required empty text is an error.</summary>
    public string? Text(TableRow row, string column, int maxLength, bool required)
    {
        var text = row[column];
        string? reason = text.Length == 0 && required ? $"leeg; vul {column} in"
            : text.Length > maxLength ? $"{Core.Format.Count(text.Length)} tekens; hoogstens {Core.Format.Count(maxLength)}"
            : null;
        return Report(row, column, reason) && text.Length > 0 ? text : null;
    }

    /// <summary>False (and an error naming both lines) when the key was already on an earlier line.</summary>
    public bool Unique<TKey>(Dictionary<TKey, int> seen, TKey key, TableRow row, string column, string description)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            Add(row, column, $"dubbele rij: {description} staat ook op regel {first} (regels {first} en {row.Line})");
            return false;
        }

        seen.Add(key, row.Line);
        return true;
    }

    /// <summary>The errors by line, then in the order of the file's columns.</summary>
    public List<ImportError> Sorted() =>
        [.. Errors.OrderBy(e => e.Line).ThenBy(e => Position(e.Column))];

    private int Position(string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    public void Add(TableRow row, string column, string reason) => Errors.Add(new ImportError(row.Line, column, reason));

    /// <summary>The optional text, or null when empty.</summary>
    public static string? Optional(TableRow row, string column) => row[column] is { Length: > 0 } v ? v : null;

    private bool Report(TableRow row, string column, string? reason)
    {
        if (reason is null)
        {
            return true;
        }

        Add(row, column, reason);
        return false;
    }
}
