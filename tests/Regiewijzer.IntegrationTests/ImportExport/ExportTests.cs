using System.Text;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class ExportTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> ExportFoodvalleyAsync(ImportDatabase database, ExportFormat format)
    {
        await using var db = database.Context();
        var (region, error) = await FindRegion.RunAsync(db, "Foodvalley", Ct);
        Assert.True(region is not null, error);
        using var output = new MemoryStream();
        var outcome = await ExportDistribution.RunAsync(db, region, format, output, Ct);
        Assert.NotNull(outcome.Result);
        return output.ToArray();
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task WriteCsv_DutchExcel_BomSemicolonDecimalComma_FormulasNeutralised(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        await using (var db = database.Context())
        {
            var ede = await db.Municipalities.SingleAsync(m => m.Code == "GM0228", Ct);
            ede.Name = "=HYPERLINK(\"http://x\";\"klik\")";
            await db.SaveChangesAsync(Ct);
        }

        var bytes = await ExportFoodvalleyAsync(database, ExportFormat.Csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', ExportDistribution.Columns), lines[0]);
        var ede2 = lines.Single(l => l.StartsWith("GM0228;", StringComparison.Ordinal));
        Assert.StartsWith("GM0228;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";7000;0,", ede2, StringComparison.Ordinal);
        Assert.Matches(@";2391;2178;2431;\d+$", ede2);

        // Read back with the import reader: the cell is text starting with a quote.
        using var stream = new MemoryStream(bytes);
        var table = TabularReader.Read(stream).Table!;
        Assert.Equal("'=HYPERLINK(\"http://x\";\"klik\")", table.Rows.Single(r => r["code"] == "GM0228")["gemeente"]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31", "'+31")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Ede", "Ede")]
    [InlineData("", "")]
    public void Neutralise_PrefixesFormulaStarts(string text, string expected) => Assert.Equal(expected, ExportDistribution.Neutralise(text));

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task WriteXlsx_ReadsBackFoodvalleyNumbers(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var bytes = await ExportFoodvalleyAsync(database, ExportFormat.Xlsx);
        using var stream = new MemoryStream(bytes);
        var table = TabularReader.Read(stream).Table!;
        Assert.Equal(ExportDistribution.Columns, table.Columns);
        Assert.Equal(8, table.Rows.Count);
        var ede = table.Rows.Single(r => r["gemeente"] == "Ede");
        Assert.Equal(("2391", "2178", "2431", "7000"), (ede["sociale_huur"], ede["middensegment"], ede["vrije_sector"], ede["opgave"]));
        Assert.StartsWith("0,", ede["aandeel_corporatie"], StringComparison.Ordinal); // a number cell, fraction shown the Dutch way by the reader

        using var raw = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(raw, false);
        var cells = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Contains(cells, c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number && c.CellValue?.Text == "2391");
    }
}
