using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A region's distribution as a file for Excel: CSV for Dutch Excel (UTF-8 with BOM, ';', decimal
/// comma, text that starts like a formula prefixed with a quote) or XLSX (numbers as numbers).
/// </summary>
public static class ExportDistribution
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "gemeente", "opgave", "aandeel_corporatie", "achterblijvend", "ondergrens_sociaal", "ondergrens_midden",
        "regionaal_sociaal", "regionaal_midden", "sociaal", "midden", "vrij", "inhaalbehoefte",
    ];

    /// <summary>Distributes the region (without storing a run) and writes it; a null result means there was nothing to distribute.</summary>
    public static async Task<RegionOutcome> RunAsync(RegiewijzerDb db, HousingRegionRow region, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false);
        if (outcome.Result is { } result)
        {
            if (format == ExportFormat.Csv)
            {
                WriteCsv(result, output);
            }
            else
            {
                WriteXlsx(result, output);
            }
        }

        return outcome;
    }

    public static void WriteCsv(RegionDistribution result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(';', Columns));
        foreach (var m in result.Municipalities)
        {
            var cells = Cells(m).Select(c => c switch
            {
                string text => Quote(Neutralise(text)),
                decimal share => share.ToString("0.0000", Core.Format.Dutch),
                int count => count.ToString(CultureInfo.InvariantCulture),
                long big => big.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Unexpected cell {c}."),
            });
            writer.WriteLine(string.Join(';', cells));
        }
    }

    public static void WriteXlsx(RegionDistribution result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, Columns.Cast<object>()));
        var line = 2u;
        foreach (var m in result.Municipalities)
        {
            data.Append(Row(line++, Cells(m)));
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(result.Name) }));
        workbook.Workbook.Save();
    }

    /// <summary>A cell that starts with = + - @ TAB or CR is a formula to a spreadsheet; a leading quote makes it text.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static IEnumerable<object> Cells(MunicipalityDistribution m) =>
    [
        m.Code.Value, m.Name, m.Task, m.StockShare.ToDecimal(4), m.Lagging == LaggingSegment.Social ? "sociaal" : "midden",
        m.FloorSocial, m.FloorMiddle, m.RegionalSocial, m.RegionalMiddle, m.Social, m.Middle, m.Free, m.CatchUpNeed,
    ];

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static Row Row(uint index, IEnumerable<object> cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var c in cells)
        {
            row.Append(c switch
            {
                string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                decimal share => new Cell { DataType = CellValues.Number, CellValue = new CellValue(share.ToString(CultureInfo.InvariantCulture)) },
                int count => new Cell { DataType = CellValues.Number, CellValue = new CellValue(count.ToString(CultureInfo.InvariantCulture)) },
                long big => new Cell { DataType = CellValues.Number, CellValue = new CellValue(big.ToString(CultureInfo.InvariantCulture)) },
                _ => throw new InvalidOperationException($"Unexpected cell {c}."),
            });
        }

        return row;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch)]).Trim();
        return clean.Length == 0 ? "verdeling" : clean[..Math.Min(31, clean.Length)];
    }
}
