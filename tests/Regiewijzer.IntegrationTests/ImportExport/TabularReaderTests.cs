using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class TabularReaderTests
{
    private static TableReadResult ReadText(string text, int maxRows = TabularReader.MaxRows, long maxBytes = TabularReader.MaxBytes)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return TabularReader.Read(stream, maxRows, maxBytes);
    }

    [Fact]
    public void Read_SemicolonHeader_DutchNotation()
    {
        var table = ReadText("\uFEFFGemeentecode;Peiljaar\r\nGM0228;\"1.234,5\"\r\n").Table!;
        Assert.Equal(["gemeentecode", "peiljaar"], table.Columns);
        Assert.Equal(NumberNotation.Dutch, table.Notation);
        Assert.Equal("1.234,5", table.Rows[0]["peiljaar"]);
        Assert.Equal(2, table.Rows[0].Line);
    }

    [Fact]
    public void Read_CommaHeader_InternationalNotation_QuotedCommaAndMultilineKeepLineNumbers()
    {
        var table = ReadText("a,b\n\"x\ny\",\"1,234\"\n\nz,5\n").Table!;
        Assert.Equal(NumberNotation.International, table.Notation);
        Assert.Equal("x\ny", table.Rows[0]["a"]);
        Assert.Equal("1,234", table.Rows[0]["b"]);
        Assert.Equal(5, table.Rows[1].Line);
    }

    [Fact]
    public void Read_WrongWidthAndOpenQuote_ReportLines()
    {
        var errors = ReadText("a;b\n1;2;3\n\"open;4\n").Errors;
        Assert.Equal([(2, ""), (3, "")], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Read_DuplicateHeader_Reported()
    {
        var errors = ReadText("a;A\n1;2\n").Errors;
        Assert.Equal((1, "a"), (errors.Single().Line, errors.Single().Column));
    }

    [Fact]
    public void Read_TooManyRows_ClearError()
    {
        var error = ReadText("a\n1\n2\n3\n", maxRows: 2).Errors.Single();
        Assert.Equal(4, error.Line);
        Assert.Contains("meer dan 2 rijen", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyBytes_ClearError()
    {
        var error = ReadText("a\n" + new string('1', 3 * 1024 * 1024) + "\n", maxBytes: 2 * 1024 * 1024).Errors.Single();
        Assert.Equal("bestand is 3,0 MB (3.145.731 bytes); de grens is 2,0 MB (2.097.152 bytes); splits het bestand", error.Reason);
    }

    [Fact]
    public void ReadFile_Xlsx_SharedStringsInlineStringsAndNumbers()
    {
        using var stream = new MemoryStream();
        Xlsx.Write(stream, ["gemeentecode", "peiljaar", "woningvoorraad"], [["GM0228", 2024, 52000], ["GM0203", 2024, 1234.5]]);
        stream.Position = 0;
        var table = TabularReader.Read(stream).Table!;
        Assert.Equal(NumberNotation.Dutch, table.Notation);
        Assert.Equal(["gemeentecode", "peiljaar", "woningvoorraad"], table.Columns);
        Assert.Equal("GM0228", table.Rows[0]["gemeentecode"]);
        Assert.Equal("52000", table.Rows[0]["woningvoorraad"]);
        Assert.Equal("1234,5", table.Rows[1]["woningvoorraad"]);
        Assert.Equal(3, table.Rows[1].Line);
    }
}

/// <summary>Writes a small XLSX with shared strings for text and numeric cells, as Excel does.</summary>
internal static class Xlsx
{
    public static void Write(Stream stream, string[] header, object[][] rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var all = new List<object[]> { header.Cast<object>().ToArray() };
        all.AddRange(rows);
        for (var r = 0; r < all.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < all[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                if (all[r][c] is string s)
                {
                    strings.SharedStringTable.Append(new SharedStringItem(new Text(s)));
                    var index = strings.SharedStringTable.Count() - 1;
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                }
                else
                {
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(all[r][c], System.Globalization.CultureInfo.InvariantCulture)!) });
                }
            }

            data.Append(row);
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Blad1" }));
        workbook.Workbook.Save();
    }
}
