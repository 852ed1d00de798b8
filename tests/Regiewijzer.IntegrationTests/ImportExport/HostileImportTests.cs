using System.Text;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Cli;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

/// <summary>Issue 11, findings 2, 3, 6 and 7: zip bombs, garbage references, encodings, limits and batches.</summary>
public class HostileImportTests(TestDatabases databases)
{
    private const string Plans = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;prijspeiljaar;eigendom;prijs;aantal";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportError Refusal(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var read = TabularReader.Read(stream);
        Assert.Null(read.Table);
        return Assert.Single(read.Errors);
    }

    private static Table Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var read = TabularReader.Read(stream);
        Assert.True(read.Table is not null, string.Join('\n', read.Errors));
        return read.Table;
    }

    [Fact]
    public void Xlsx_ZipBomb_RefusedWithADutchReason()
    {
        Assert.True(HostileFiles.ZipBomb.Length < 2 * 1024 * 1024, $"{HostileFiles.ZipBomb.Length} bytes");

        var error = Refusal(HostileFiles.ZipBomb);

        Assert.Equal(0, error.Line);
        Assert.StartsWith("het XLSX-bestand pakt uit tot meer dan 256,0 MB", error.Reason, StringComparison.Ordinal);
        Assert.Contains("onderdeel xl/sharedStrings.xml", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_ZipBombWithLyingHeaders_Refused()
    {
        var error = Refusal(HostileFiles.LyingZipBomb());

        // The headers claim 1.000 bytes: the early check lets it through, and the archive reader stops at the claimed
        // size, so the part ends mid-XML. Either way: refused with a Dutch reason, nothing large read.
        Assert.StartsWith("bestand is geen leesbaar XLSX-bestand (een onderdeel is geen geldige XML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_SharedStringsBeyondTheirLimits_Refused()
    {
        var strings = "<sst>" + string.Concat(Enumerable.Repeat("<si><t>x</t></si>", 11)) + "</sst>";
        var xlsx = HostileFiles.Xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", strings);
        using var stream = new MemoryStream(xlsx);

        var count = XlsxTable.Read(stream, 10, XlsxLimits.Default with { MaxSharedStrings = 10 }).Errors.Single();
        stream.Position = 0;
        var chars = XlsxTable.Read(stream, 10, XlsxLimits.Default with { MaxSharedStringChars = 5 }).Errors.Single();

        Assert.Equal("het XLSX-bestand heeft meer dan 10 verschillende teksten; splits het bestand", count.Reason);
        Assert.Equal("de teksten in het XLSX-bestand zijn samen langer dan 5 tekens; splits het bestand", chars.Reason);
    }

    [Theory]
    [InlineData("<row r=\"4294967295\"><c r=\"A4294967295\" t=\"inlineStr\"><is><t>a</t></is></c></row>", 0, "rijnummer '4294967295' in het werkblad is ongeldig; een werkblad heeft rijen 1 tot en met 1.048.576")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"-3\"/>", 1, "rijnummer '-3' in het werkblad is ongeldig; een werkblad heeft rijen 1 tot en met 1.048.576")]
    [InlineData("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>a</t></is></c></row>", 1, "cel XFD1 ligt buiten de eerste 100 kolommen")]
    [InlineData("<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZ1\"><v>1</v></c></row>", 1, "cel ZZZZZZZZZZZZZZZZ1 ligt buiten de eerste 100 kolommen")]
    [InlineData("<row r=\"1\"><c r=\"7\"><v>1</v></c></row>", 1, "celverwijzing '7' in rij 1 is ongeldig")]
    [InlineData("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>", 1, "cel A1 staat niet op volgorde in rij 1; sla het bestand opnieuw op met Excel")]
    public void Xlsx_GarbageReferences_ClearDutchError(string sheet, int line, string reason)
    {
        var error = Refusal(HostileFiles.Xlsx(sheet));

        Assert.Equal((line, reason), (error.Line, error.Reason));
    }

    [Fact]
    public void Xlsx_TooManyCellsOrTooLongACell_Refused()
    {
        var wide = "<row r=\"1\">" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 101)) + "</row>";
        var longCell = $"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', 40_000)}</t></is></c></row>";

        Assert.Equal("meer dan 100 cellen in rij 1", Refusal(HostileFiles.Xlsx(wide)).Reason);
        Assert.Equal("cel A1 is langer dan 32.767 tekens", Refusal(HostileFiles.Xlsx(longCell)).Reason);
    }

    [Fact]
    public void Xlsx_HandWritten_ReadsInlineSharedNumbersAndSkipsPhonetic()
    {
        var table = Read(HostileFiles.Xlsx(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>bron</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><r><t>aan</t></r><r><t>tal</t></r></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"C3\"><v>1234.5</v></c></row>",
            "<sst><si><t>naam</t></si><si><t>Café</t><rPh><t>kafe</t></rPh></si></sst>"));

        Assert.Equal(["naam", "bron", "aantal"], table.Columns);
        Assert.Null(table.Encoding);
        var row = Assert.Single(table.Rows);
        Assert.Equal((3, "Café", "", "1234,5"), (row.Line, row["naam"], row["bron"], row["aantal"]));
    }

    public static TheoryData<string, string> Encodings() => new()
    {
        { "utf-8", "UTF-8" },
        { "utf-8-bom", "UTF-8 (met BOM)" },
        { "utf-16le", "UTF-16 LE (zonder BOM)" },
        { "utf-16le-bom", "UTF-16 LE (met BOM)" },
        { "utf-16be", "UTF-16 BE (zonder BOM)" },
        { "utf-16be-bom", "UTF-16 BE (met BOM)" },
        { "windows-1252", "Windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Csv_Encodings_Detected_TextAndEuroSignRead(string encoding, string name)
    {
        var table = Read(Bytes(encoding, Plans + "\r\nGM0228;CK-1;Café-kwartier;1a;2026;2027;2025;koop;€ 380.000;12\r\n"));

        Assert.Equal(name, table.Encoding);
        var row = Assert.Single(table.Rows);
        Assert.Equal(("Café-kwartier", "€ 380.000"), (row["naam"], row["prijs"]));
    }

    [Fact]
    public void Csv_InvalidInEveryEncoding_RefusedNamingTheEncodings()
    {
        // 0xC3 0x28 is not UTF-8, 0x81 is not Windows-1252.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("naam;aantal\n"), 0xC3, 0x28, 0x81, .. Encoding.ASCII.GetBytes(";1\n")];

        var error = Refusal(bytes);

        Assert.StartsWith("het bestand is geen leesbare tekst in UTF-8 of Windows-1252 (UTF-8: ongeldige byte(s) 0xC3", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Windows-1252: ongeldige byte(s) 0x81", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_NulBytesThatAreNotUtf16_Refused()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("naam;aantal\nabc;1\n"), 0, .. Encoding.ASCII.GetBytes("def;2\n")];

        Assert.Contains("UTF-8: regel 3 bevat een NUL-teken", Refusal(bytes).Reason, StringComparison.Ordinal);
        Assert.Contains("Windows-1252: regel 3 bevat een NUL-teken", Refusal(bytes).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_FieldLimits_Refused()
    {
        var wide = Refusal(Encoding.UTF8.GetBytes("a;b\n" + string.Join(';', Enumerable.Repeat("1", 150)) + "\n"));
        var longField = Refusal(Encoding.UTF8.GetBytes("a;b\n" + new string('x', 40_000) + ";1\n"));

        Assert.Equal((2, "meer dan 100 velden op één regel; is het scheidingsteken juist?"), (wide.Line, wide.Reason));
        Assert.Equal((2, "veld 1 is langer dan 32.767 tekens"), (longField.Line, longField.Reason));
    }

    [Fact]
    public void ReadFile_TooBig_SizeShownPreciselyEnoughToSeeItIsAboveTheLimit()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("regiewijzer-size-").FullName, "groot.csv");
        try
        {
            File.WriteAllBytes(path, new byte[(1024 * 1024) + (300 * 1024)]);

            var error = TabularReader.ReadFile(path, maxBytes: 1024 * 1024).Errors.Single();

            Assert.Equal("bestand is 1,3 MB (1.355.776 bytes); de grens is 1,0 MB (1.048.576 bytes); splits het bestand", error.Reason);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Cli_ZipBombAndBadFiles_DutchMessageExit1NoStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("regiewijzer-hostile-").FullName;
        try
        {
            var bomb = Path.Combine(folder, "bom.xlsx");
            File.WriteAllBytes(bomb, HostileFiles.ZipBomb);
            var row = Path.Combine(folder, "rij.xlsx");
            File.WriteAllBytes(row, HostileFiles.Xlsx("<row r=\"4294967295\"><c r=\"A1\"><v>1</v></c></row>"));
            var broken = Path.Combine(folder, "kapot.xlsx");
            File.WriteAllBytes(broken, [.. HostileFiles.ZipBomb.Take(5000)]);
            foreach (var (path, kind, expected) in new[]
            {
                (bomb, "plannen", "het XLSX-bestand pakt uit tot meer dan 256,0 MB"),
                (bomb, "realisaties", "het XLSX-bestand pakt uit tot meer dan 256,0 MB"),
                (row, "plannen", "rijnummer '4294967295' in het werkblad is ongeldig"),
                (broken, "realisaties", "bestand is geen leesbaar XLSX-bestand"),
                (folder, "plannen", "is een map, geen bestand"),
            })
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();

                var exit = CliApp.Run(["--db-provider", "sqlite", "--db", $"Data Source={Path.Combine(folder, "niet-gebruikt.db")}", "import", kind, "--bestand", path], stdout, stderr);

                Assert.Equal(1, exit);
                Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
                Assert.EndsWith("1 fout; er is niets opgeslagen.", stderr.ToString().TrimEnd(), StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", stderr.ToString() + stdout.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", stderr.ToString() + stdout.ToString(), StringComparison.Ordinal);
            }

            Assert.False(File.Exists(Path.Combine(folder, "niet-gebruikt.db"))); // refused before the database was opened
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Cli_Windows1252File_StoredCorrectly_ReportNamesTheEncoding(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var path = Path.Combine(database.Directory, "excel.csv");
        File.WriteAllBytes(path, Bytes("windows-1252", Plans + "\r\nGM0228;CK-1;Café-kwartier;1a;2026;2027;2025;koop;€ 380.000;12\r\n"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CliApp.Run([.. database.CliArgs, "import", "plannen", "--bestand", path], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("Tekenset van het bestand: Windows-1252.", stdout.ToString(), StringComparison.Ordinal);
        await using var db = database.Context();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Deliveries).SingleAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "CK-1", Ct);
        Assert.Equal("Café-kwartier", plan.Name);
        Assert.Equal(12, plan.Deliveries.Sum(d => d.SocialRent + d.MiddleRent + d.AffordableOwnership + d.FreeRent + d.FreeOwnership + d.UnknownSegment));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_ManyBatches_BadRowAtTheEnd_StoresNothing_GoodFileStoresEveryPlanWithItsAudit(Provider provider)
    {
        await using var database = await ImportDatabase.CreateAsync(databases, provider);
        var count = (ImportTransaction.BatchSize * 2) + 500;
        var rows = Enumerable.Range(0, count).Select(i => $"GM0228;B-{i:D5};Plan {i};1a;2026;2026;;;;;{1 + (i % 5)}").ToList();
        const string header = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;prijspeiljaar;eigendom;prijs;aantal;sociale_huur";
        int plansBefore, auditBefore;
        await using (var db = database.Context())
        {
            (plansBefore, auditBefore) = (await db.Plans.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
        }

        await using (var db = database.Context())
        {
            var bad = ImportDatabase.Csv([header, .. rows, "GM0228;B-LAST;Fout;1a;2026;2026;;;;;-1"]);
            var result = await ImportPlans.RunAsync(db, bad, "groot.csv", ct: Ct);
            Assert.Equal((count + 2, "sociale_huur"), (Assert.Single(result.Errors).Line, result.Errors[0].Column));
        }

        await using (var db = database.Context())
        {
            Assert.Equal((plansBefore, auditBefore), (await db.Plans.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));
        }

        await using (var db = database.Context())
        {
            var result = await ImportPlans.RunAsync(db, ImportDatabase.Csv([header, .. rows]), "groot.csv", ct: Ct);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            Assert.Equal((count, 0), (result.Inserted, result.Updated));
        }

        await using (var db = database.Context())
        {
            Assert.Equal(plansBefore + count, await db.Plans.CountAsync(Ct));
            Assert.Equal(count, await db.Plans.CountAsync(p => p.Code.StartsWith("B-"), Ct));
            // One entry per plan and one per delivery year (one year each), all by the operator of the import.
            Assert.Equal(auditBefore + (2 * count), await db.AuditEntries.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task Import_ThousandsOfBadRows_FirstErrorsReportedWithHowManyMore()
    {
        await using var database = await ImportDatabase.CreateAsync(databases, Provider.Sqlite);
        await using var db = database.Context();
        var rows = Enumerable.Range(0, 2_600).Select(i => $"GM0228;F-{i};Fout;9z;2026;2026;;;;;1");
        var table = ImportDatabase.Csv(["gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;prijspeiljaar;eigendom;prijs;aantal;sociale_huur", .. rows]);

        var result = await ImportPlans.RunAsync(db, table, "fout.csv", ct: Ct);

        Assert.Equal((ImportResult.MaxErrors, 600, 2_600), (result.Errors.Count, result.MoreErrors, result.ErrorCount));
        Assert.Equal(2, result.Errors[0].Line);
        Assert.Equal("en nog 600 fouten die niet worden getoond (alleen de eerste 2.000 staan hier)", result.MoreErrorsSentence);
    }

    /// <summary>The text in the named encoding; the "-bom" variants start with the byte order mark.</summary>
    internal static byte[] Bytes(string encoding, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bom = encoding.EndsWith("-bom", StringComparison.Ordinal);
        Encoding e = (bom ? encoding[..^4] : encoding) switch
        {
            "utf-8" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => Encoding.GetEncoding(1252),
        };
        return bom ? [.. e.GetPreamble(), .. e.GetBytes(text)] : e.GetBytes(text);
    }
}
