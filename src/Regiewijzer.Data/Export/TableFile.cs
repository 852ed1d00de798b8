using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Regiewijzer.Data.Export;

/// <summary>A table for a file: a name (sheet), column headers and rows of cells (string, int, long, decimal or null).</summary>
public sealed record TableData(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Notes on this table for the sheet "Bron" of the XLSX (what it holds, its reference date, its assumptions).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Writes a table for Excel: CSV for Dutch Excel (UTF-8 with BOM, ';', decimal comma, text that starts like a
/// formula prefixed with a quote) or XLSX (numbers as numbers, text as inline strings, never formulas).
/// </summary>
/// <summary>Number formats of an XLSX column (the style indexes of the workbook TableFile writes).</summary>
public enum XlsxFormat : uint
{
    Text = 0,
    Header = 1,
    Count = 2,
    Percent = 3,
    Plain = 4,
}

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

    /// <summary>
    /// The table as a workbook that works in Excel (issue 16): typed cells (counts with a thousands separator, shares as
    /// percentages, years as plain numbers), column widths, a header row with Dutch names (the column name with spaces:
    /// "aandeel_corporatie" reads "Aandeel corporatie"), the header frozen, an autofilter, and a sheet "Bron" with the
    /// sources, reference dates and assumptions. Cells are never formulas.
    /// </summary>
    public static void WriteXlsx(TableData table, Stream output) => WriteXlsx(table, output, DateTimeOffset.UtcNow);

    /// <inheritdoc cref="WriteXlsx(TableData, Stream)"/>
    public static void WriteXlsx(TableData table, Stream output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();

        var name = SheetName(table.Name);
        XlsxFormat[] formats = [.. table.Columns.Select((c, i) => FormatOf(c, table.Rows.Select(r => i < r.Count ? r[i] : null)))];
        var data = new SheetData();
        data.Append(HeaderRow(1, table.Columns.Select(Label)));
        var line = 2u;
        foreach (var row in table.Rows)
        {
            data.Append(Row(line++, row, formats));
        }

        var lastColumn = ColumnName(Math.Max(1, table.Columns.Count));
        var lastRow = Math.Max(1, table.Rows.Count + 1);
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        sheetPart.Worksheet = new Worksheet(
            FrozenHeader(),
            Widths([.. table.Columns.Select((c, i) => Width(Label(c), table.Rows.Select(r => i < r.Count ? r[i] : null), formats[i]))]),
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{lastRow}" });

        var sourcePart = workbook.AddNewPart<WorksheetPart>();
        var sources = SourceRows(table, now);
        var sourceData = new SheetData();
        sourceData.Append(HeaderRow(1, ["Onderwerp", "Toelichting"]));
        var sourceLine = 2u;
        foreach (var (topic, text) in sources)
        {
            sourceData.Append(Row(sourceLine++, [topic, text], [XlsxFormat.Text, XlsxFormat.Text]));
        }

        sourcePart.Worksheet = new Worksheet(FrozenHeader(), Widths([28, 110]), sourceData);

        workbook.Workbook.AppendChild(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name },
            new Sheet { Id = workbook.GetIdOfPart(sourcePart), SheetId = 2, Name = "Bron" }));
        workbook.Workbook.AppendChild(new DefinedNames(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${lastRow}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0,
            Hidden = true,
        }));
        workbook.Workbook.Save();
    }

    /// <summary>The Dutch header of a column: "aandeel_corporatie" -> "Aandeel corporatie" (an importer reads it back as the column name).</summary>
    public static string Label(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var spaced = column.Replace('_', ' ');
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    /// <summary>The number format a column gets: shares (decimal) as 0,0%, whole numbers with a thousands separator, years and ranks plain.</summary>
    public static XlsxFormat FormatOf(string column, IEnumerable<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cells);
        var first = cells.FirstOrDefault(c => c is not null);
        return first switch
        {
            decimal => XlsxFormat.Percent,
            int or long when PlainNumber(column) => XlsxFormat.Plain,
            int or long => XlsxFormat.Count,
            _ => XlsxFormat.Text,
        };
    }

    private static bool PlainNumber(string column) =>
        column.EndsWith("jaar", StringComparison.Ordinal) || column.Contains("jaar_", StringComparison.Ordinal) ||
        column is "rang" or "stap" or "versie" or "nummer" or "seed" or "startgetal";

    private static IEnumerable<(string Topic, string Text)> SourceRows(TableData table, DateTimeOffset now)
    {
        yield return ("Tabel", table.Name);
        yield return ("Gemaakt op", DutchTime.When(now));
        yield return ("Regiewijzer-versie", Reports.ReportSources.SoftwareVersion);
        yield return ("Notatie", "Aantallen zijn getallen met een scheidingsteken voor duizendtallen; aandelen zijn percentages (de cel bevat de breuk, 0,19 is 19%).");
        foreach (var note in table.Notes)
        {
            yield return ("Toelichting", note);
        }

        foreach (var d in Reports.ReportSources.DataSets)
        {
            yield return ($"Bron: {d.File}", $"{d.What}; peildatum {d.ReferenceDate}; {d.Publisher}" + (d.Caveat.Length > 0 ? $"; {d.Caveat}" : ""));
        }

        foreach (var a in Reports.ReportSources.Assumptions)
        {
            yield return ("Aanname", a);
        }

        yield return ("Licentie", Reports.ReportSources.Licence);
        yield return ("Meer", "Bronnen en aannames in de webapplicatie: /bronnen.");
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEFF8" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new DocumentFormat.OpenXml.Spreadsheet.CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 1, ApplyNumberFormat = true }) { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { WorkbookViewId = 0 });

    private static Columns Widths(IReadOnlyList<double> widths) =>
        new([.. widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })]);

    /// <summary>Width in characters: the longest of the header and the cells as shown (at least 8, at most 60).</summary>
    private static double Width(string header, IEnumerable<object?> cells, XlsxFormat format)
    {
        var longest = cells.Select(c => c switch
        {
            null => 0,
            string text => text.Length,
            decimal => 7,
            int or long when format == XlsxFormat.Count => Convert.ToInt64(c, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture).Length,
            _ => Convert.ToString(c, CultureInfo.InvariantCulture)?.Length ?? 0,
        }).DefaultIfEmpty(0).Max();
        var headerWidth = header.Length + 4; // room for the filter button
        return Math.Clamp(Math.Max(longest + 2, headerWidth), 8, 60);
    }

    private static string ColumnName(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static Row HeaderRow(uint index, IEnumerable<string> labels)
    {
        var row = new Row { RowIndex = index };
        var column = 1;
        foreach (var label in labels)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = (uint)XlsxFormat.Header,
                InlineString = new InlineString(new Text(label)),
            });
        }

        return row;
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

    private static Row Row(uint index, IEnumerable<object?> cells, XlsxFormat[] formats)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var c in cells)
        {
            var format = column < formats.Length ? formats[column] : XlsxFormat.Text;
            var reference = ColumnName(++column) + index.ToString(CultureInfo.InvariantCulture);
            var cell = c switch
            {
                null => new Cell(),
                string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                decimal share => Number(share.ToString(CultureInfo.InvariantCulture)),
                int count => Number(count.ToString(CultureInfo.InvariantCulture)),
                long big => Number(big.ToString(CultureInfo.InvariantCulture)),
                _ => throw new InvalidOperationException($"Unexpected cell {c}."),
            };
            cell.CellReference = reference;
            if (c is decimal or int or long && format != XlsxFormat.Text)
            {
                cell.StyleIndex = (uint)format;
            }

            row.Append(cell);
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
