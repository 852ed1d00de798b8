using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Reports;

/// <summary>
/// Issue 16, "Excel that works": the XLSX downloads read at the level of their XML (as openpyxl would): numbers are
/// number cells with a number format (counts #,##0, shares 0.0%, years plain), the header is Dutch words, frozen and
/// filtered, the columns have widths, and a sheet "Bron" names sources, reference dates and assumptions.
/// </summary>
[Collection(ApiGroup.Name)]
public sealed class XlsxFormatTests(ApiApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Distribution_TypedCellsWithFormats_DutchFrozenFilteredHeader_AndBronSheet()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var bytes = await api.Http.GetByteArrayAsync(new Uri("/download/regio/WD19/verdeling.xlsx", UriKind.Relative), Ct);

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal("Bron", sheets[1].Name?.Value);
        var sheet = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(ExportDistribution.Columns.Select(TableFile.Label), header);
        Assert.Contains("Sociale huur", header);
        Assert.Contains("Aandeel corporatie", header);

        var ede = rows.Single(r => r.Elements<Cell>().First().InnerText == "GM0228").Elements<Cell>().ToList();
        var formats = NumberFormats(workbook);
        Cell Column(string name) => ede[ExportDistribution.Columns.ToList().IndexOf(name)];
        Assert.Equal(("7000", "#,##0"), (Number(Column("opgave")), formats(Column("opgave"))));
        Assert.Equal(("2391", "#,##0"), (Number(Column("sociale_huur")), formats(Column("sociale_huur"))));
        Assert.Equal(("0.21", "0.0%"), (Number(Column("aandeel_corporatie")), formats(Column("aandeel_corporatie"))));
        Assert.Equal("sociale huur", Column("achterblijvend").InnerText); // one vocabulary: the segment as the pages name it

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        Assert.Equal($"A1:M{rows.Count}", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(ExportDistribution.Columns.Count, sheet.Descendants<Column>().Count(c => c.CustomWidth?.Value == true && c.Width!.Value >= 8));

        var bron = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().Select(r => r.InnerText).ToList();
        Assert.Contains(bron, r => r.StartsWith("Bron: woningvoorraad-2024.csv", StringComparison.Ordinal) && r.Contains("peildatum 1 januari 2024", StringComparison.Ordinal));
        Assert.Contains(bron, r => r.StartsWith("Aanname", StringComparison.Ordinal));
        Assert.Contains(bron, r => r.StartsWith("Regiewijzer-versie", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/download/landelijk/gemeenten.xlsx", "voorraad_peiljaar", "0", "aandeel_sociale_huur", "0.0%")]
    [InlineData("/download/voortgang/regio/WD19/jaren.xlsx", "jaar", "0", null, null)]
    [InlineData("/download/gemeente/GM0228/plaats-in-regio.xlsx", "rang", "0", "aandeel_betaalbaar", "0.0%")]
    public async Task OtherTables_YearsPlain_SharesAsPercentages(string path, string yearColumn, string yearFormat, string? shareColumn, string? shareFormat)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var bytes = await api.Http.GetByteArrayAsync(new Uri(path, UriKind.Relative), Ct);

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Bron"], sheets.Skip(1).Select(s => s.Name!.Value!));
        var rows = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        var formats = NumberFormats(workbook);
        var yearIndex = header.IndexOf(TableFile.Label(yearColumn));
        var yearCell = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(yearIndex)).First(c => c.CellValue is not null);
        Assert.Equal(yearFormat, formats(yearCell));
        if (shareColumn is not null)
        {
            var shareIndex = header.IndexOf(TableFile.Label(shareColumn));
            var shareCell = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(shareIndex)).First(c => c.CellValue is not null);
            Assert.Equal(shareFormat, formats(shareCell));
        }
    }

    private static string Number(Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is a number cell");
        return cell.CellValue!.Text;
    }

    /// <summary>The number format code of a cell (built-in ids 0, 1, 3 by their code; custom ones from the stylesheet).</summary>
    private static Func<Cell, string> NumberFormats(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var xfs = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return cell =>
        {
            var id = xfs[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
            return id switch
            {
                0 => "General",
                1 => "0",
                3 => "#,##0",
                _ => custom[id],
            };
        };
    }
}
