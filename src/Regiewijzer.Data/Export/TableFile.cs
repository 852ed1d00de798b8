using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Regiewijzer.Data.Export;

/// <summary>A table for a file: a name (sheet), column headers and rows of cells (string, int, long, decimal or null).</summary>
public sealed record TableData(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a table for Excel: CSV for Dutch Excel (UTF-8 with BOM, ';', decimal comma, text that starts like a
/// formula prefixed with a quote) or XLSX (numbers as numbers, text as inline strings, never formulas).
/// </summary>
public static class TableFile
{
    public static void WriteCsv(TableData table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(';', table.Columns.Select(c => Quote(Neutralise(c)))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(';', row.Select(CsvCell)));
        }
    }

    public static void WriteXlsx(TableData table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, table.Columns));
        var line = 2u;
        foreach (var row in table.Rows)
        {
            data.Append(Row(line++, row));
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Name) }));
        workbook.Workbook.Save();
    }

    /// <summary>A cell that starts with = + - @ TAB or CR is a formula to a spreadsheet; a leading quote makes it text.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static string CsvCell(object? cell) => cell switch
    {
        null => string.Empty,
        string text => Quote(Neutralise(text)),
        decimal share => share.ToString(Core.Format.Dutch), // keeps the value's own scale: 0,3000 stays 0,3000
        int count => count.ToString(CultureInfo.InvariantCulture),
        long big => big.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected cell {cell}."),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static Row Row(uint index, IEnumerable<object?> cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var c in cells)
        {
            row.Append(c switch
            {
                null => new Cell(),
                string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                decimal share => Number(share.ToString(CultureInfo.InvariantCulture)),
                int count => Number(count.ToString(CultureInfo.InvariantCulture)),
                long big => Number(big.ToString(CultureInfo.InvariantCulture)),
                _ => throw new InvalidOperationException($"Unexpected cell {c}."),
            });
        }

        return row;
    }

    private static Cell Number(string invariant) => new() { DataType = CellValues.Number, CellValue = new CellValue(invariant) };

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch)]).Trim();
        return clean.Length == 0 ? "tabel" : clean[..Math.Min(31, clean.Length)];
    }
}
