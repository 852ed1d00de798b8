using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Regiewijzer.Data.Import;

/// <summary>
/// The first worksheet of an XLSX file, streamed row by row so a huge sheet stops at the row limit.
/// Number cells become invariant digits when whole and Dutch decimals ("1234,5") otherwise, so the
/// table uses <see cref="NumberNotation.Dutch"/> and fractions are rejected by <see cref="Counts"/>.
/// </summary>
internal static class XlsxTable
{
    public static TableReadResult Read(Stream stream, int maxRows)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return TabularReader.Fail(0, "bestand is geen leesbaar XLSX-bestand (" + e.Message + ")");
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return TabularReader.Fail(0, "XLSX-bestand heeft geen werkblad");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var records = new List<(int Line, List<string> Fields)>();
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var line = row.RowIndex?.Value is { } r ? checked((int)r) : records.Count + 1;
                if (records.Count > maxRows)
                {
                    return TabularReader.Fail(line, $"meer dan {maxRows.ToString("N0", Core.Format.Dutch)} rijen; splits het bestand");
                }

                records.Add((line, Cells(row, shared)));
            }

            return TabularReader.Build(records, NumberNotation.Dutch, []);
        }
    }

    private static List<string> Cells(Row row, List<string> shared)
    {
        var fields = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : fields.Count;
            while (fields.Count < column)
            {
                fields.Add(string.Empty);
            }

            fields.Add(Value(cell, shared));
        }

        return fields;
    }

    private static string Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if ((type is null || type == CellValues.Number) && raw.Length > 0
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number == decimal.Truncate(number)
                ? decimal.Truncate(number).ToString(CultureInfo.InvariantCulture)
                : number.ToString(Core.Format.Dutch);
        }

        return raw;
    }

    /// <summary>"C7" -> 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (ch - 'A' + 1);
        }

        return index - 1;
    }
}
