using System.IO.Compression;
using System.Text;

namespace Regiewijzer.IntegrationTests.ImportExport;

/// <summary>Hostile and unusual import files, built byte by byte in the tests (no checked-in binaries).</summary>
internal static class HostileFiles
{
    /// <summary>How far the zip bomb expands: above the 256 MB a part may expand to (XlsxLimits.Default).</summary>
    public const long BombBytes = 300L * 1024 * 1024;

    private static readonly Lazy<byte[]> Bomb = new(() => Xlsx(SheetRows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), Padded("<sst><si><t>gemeentecode</t></si>", "</sst>", BombBytes)));

    /// <summary>
    /// An XLSX of about 300 KB whose shared-strings part expands to 300 MB (XML comments, highly repetitive). The
    /// zip headers tell the truth; see <see cref="LyingZipBomb"/> for one that does not.
    /// </summary>
    public static byte[] ZipBomb => Bomb.Value;

    /// <summary>The zip bomb with its headers claiming the shared strings expand to 1.000 bytes.</summary>
    public static byte[] LyingZipBomb()
    {
        var bytes = (byte[])ZipBomb.Clone();
        var name = Encoding.ASCII.GetBytes("xl/sharedStrings.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4;
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            var (nameAt, sizeAt) = local ? (30, 22) : central ? (46, 24) : (0, 0);
            if (nameAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), 1000);
            }
        }

        return bytes;
    }

    /// <summary>A workbook with the given sheet XML (inside &lt;sheetData&gt;) and optional shared-strings XML.</summary>
    public static byte[] Xlsx(string sheetData, string? sharedStrings = null) =>
        Xlsx(Writer(SheetXml(sheetData)), sharedStrings is null ? null : Writer(sharedStrings));

    private static byte[] Xlsx(Action<Stream> sheet, Action<Stream>? sharedStrings)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Writer("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
            Add(zip, "_rels/.rels", Writer("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Add(zip, "xl/workbook.xml", Writer("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Add(zip, "xl/_rels/workbook.xml.rels", Writer("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Add(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                Add(zip, "xl/sharedStrings.xml", sharedStrings);
            }
        }

        return buffer.ToArray();
    }

    private static string SheetXml(string sheetData) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetData}</sheetData></worksheet>";

    private static Action<Stream> SheetRows(string sheetData) => Writer(SheetXml(sheetData));

    private static Action<Stream> Writer(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>Start, then XML comments up to <paramref name="bytes"/>, then end: expands far, compresses to almost nothing.</summary>
    private static Action<Stream> Padded(string start, string end, long bytes) => s =>
    {
        s.Write(Encoding.UTF8.GetBytes(start));
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<!---->", 1024 * 1024 / 7)));
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            s.Write(chunk);
        }

        s.Write(Encoding.UTF8.GetBytes(end));
    };

    private static void Add(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(stream);
    }
}
