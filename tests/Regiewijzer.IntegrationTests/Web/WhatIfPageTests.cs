using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Regiewijzer.Core;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The what-if page (/regio/{id}/wat-als) and its downloads, over HTTP against the real app and seeded data.</summary>
public sealed class WhatIfPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_ShowsTheStoredInputsAndNoResult()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "wd19");

        using var response = await page.OpenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Wat als? Regio Foodvalley</h1>", page.Html, StringComparison.Ordinal);
        Assert.Equal("7.000", page.InputValue("opgave-GM0228"));
        Assert.Equal("5.380", page.InputValue("opgave-GM0203"));
        Assert.Equal("", page.InputValue("ontheffing-sociaal-GM0228"));
        Assert.Equal(8, page.Rows("invoer").Count);
        Assert.Contains("<option value=\"proportional\" selected", page.RawHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"vergelijking\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Bereken</button>", page.Html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Exemption_OthersTakeOverTheSocialHomes(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        using var response = await page.CalculateAsync(("Form.Rows[GM0228].ExemptionSocial", "20"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.Rows("vergelijking");
        // Ede: floor ⌈20% × 7.000⌉ = 1.400 and no regional share (was 2.100 + 291); the other Gelderland municipalities take over 991
        // (Foodvalley is distributed per province part: the Gelderland part must reach its own 30%).
        Assert.Equal(["Ede", "2.391", "1.400", "-991", "2.178", "2.178", "0", "2.431", "3.422", "+991", "ontheffing sociale huur: ondergrens 20,0%"], rows["GM0228"]);
        Assert.Equal(["Barneveld", "1.838", "2.253", "+415"], rows["GM0203"][..4]);
        Assert.Equal(["Regio", "7.616", "7.616", "0"], rows["regio"][..4]);
        Assert.Contains("rw-changed", page.RowHtml("vergelijking", "GM0228"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-down\">-991</span>", page.RowHtml("vergelijking", "GM0228"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-up\">+415</span>", page.RowHtml("vergelijking", "GM0203"), StringComparison.Ordinal);

        var story = page.TextOf("wie-vangt-het-op");
        Assert.Contains("Ede bouwt er 991 minder (2.391 → 1.400; eigen invoer gewijzigd)", story, StringComparison.Ordinal);
        Assert.Contains("Dat vangen op sociale huur (samen 991)", story, StringComparison.Ordinal);
        Assert.Contains("Nijkerk bouwt er 298 meer (1.318 → 1.616)", story, StringComparison.Ordinal);
        Assert.DoesNotContain("Veenendaal", story, StringComparison.Ordinal); // the Utrecht part is not asked to absorb a Gelderland exemption
        Assert.Contains("vereist 7.615 (RS): voldoet", story, StringComparison.Ordinal);
        Assert.Equal("20", page.InputValue("ontheffing-sociaal-GM0228"));
    }

    [Fact]
    public async Task Key_LaggingFirstPutsTheExtraSocialHomesOnTheLaggingMunicipalities()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        await page.CalculateAsync(("Form.Key", "lagging-first"));

        var rows = page.Rows("vergelijking");
        // Per province part: Gelderland's remainder on its lagging municipalities (Wageningen none); the Utrecht part must reach
        // 30% of its own task, so Veenendaal takes what Renswoude and Rhenen cannot (the same as the API's lagging-first).
        Assert.Equal("1.874", rows["GM0203"][2]);
        Assert.Equal("2.438", rows["GM0228"][2]);
        Assert.Equal("1.344", rows["GM0267"][2]);
        Assert.Equal("0", rows["GM0289"][2]);
        Assert.Equal("912", rows["GM0345"][2]);
        Assert.Contains("<option value=\"lagging-first\" selected", page.RawHtml, StringComparison.Ordinal);
        Assert.Contains("achterblijvers eerst", page.TextOf("regio-normen"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInput_KeepsWhatWasTypedAndSaysWhyInDutch()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        using var response = await page.CalculateAsync(
            ("Form.Rows[GM0228].Task", "7,5"),
            ("Form.Rows[GM0203].Task", "-3"),
            ("Form.Rows[GM0267].Task", "3.85"),
            ("Form.Rows[GM0279].ExemptionSocial", "35"),
            ("Form.Rows[GM0289].ExemptionMiddle", "20.5"),
            ("Form.Rows[GM0345].CommitmentSocial", "1.000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"vergelijking\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Controleer de invoer (5 fouten)", page.Html, StringComparison.Ordinal);
        Assert.Equal("'7,5' is geen geheel aantal woningen: gebruik geen komma (1.234 of 1234)", page.ErrorFor("opgave-GM0228"));
        Assert.Equal("mag niet negatief zijn; vul 0 of meer in", page.ErrorFor("opgave-GM0203"));
        Assert.Equal("'3.85' is geen geheel getal: gebruik de punt alleen tussen duizendtallen, zoals 1.234", page.ErrorFor("opgave-GM0267"));
        Assert.StartsWith("een ontheffing verlaagt de ondergrens: hoogstens 30,0%", page.ErrorFor("ontheffing-sociaal-GM0279"), StringComparison.Ordinal);
        Assert.Equal("'20.5': gebruik een komma voor decimalen, zoals 12,5", page.ErrorFor("ontheffing-midden-GM0289"));
        Assert.Null(page.ErrorFor("toezegging-sociaal-GM0345"));
        Assert.Equal("7,5", page.InputValue("opgave-GM0228"));
        Assert.Equal("1.000", page.InputValue("toezegging-sociaal-GM0345"));
        Assert.Contains("<a href=\"#opgave-GM0228\">Ede, opgave</a>", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"fout-opgave-GM0228\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongNumbers_AreRefusedBeforeTheyAreParsed()
    {
        // Issue 11, finding 1 on the form: "1/" and a hundred thousand digits was a big-number parse, quadratic in the length.
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();
        var digits = new string('7', 100_000);

        using var response = await page.CalculateAsync(
            ("Form.Rows[GM0228].Task", digits),
            ("Form.Rows[GM0279].ExemptionSocial", "1/" + digits));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Controleer de invoer (2 fouten)", page.Html, StringComparison.Ordinal);
        Assert.Equal($"'{digits[..20]}…' is te lang (100.000 tekens); een getal heeft hooguit {Fraction.MaxLength} tekens", page.ErrorFor("opgave-GM0228"));
        Assert.Equal($"'1/{digits[..18]}…' is te lang (100.002 tekens); een getal heeft hooguit {Fraction.MaxLength} tekens", page.ErrorFor("ontheffing-sociaal-GM0279"));
    }

    [Fact]
    public async Task Combinations_AreCheckedLikeAScenarioFile()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        await page.CalculateAsync(
            ("Form.Rows[GM0340].ContractedFree", "500"),
            ("Form.Rows[GM0345].CommitmentSocial", "1.000"),
            ("Form.Rows[GM0345].CommitmentMiddle", "4000"));

        Assert.Equal("gecontracteerd (500) is meer dan de opgave (431)", page.ErrorFor("gecontracteerd-vrij-GM0340"));
        Assert.StartsWith("ondergrens sociaal (1000) + ondergrens midden (4000) is meer dan", page.ErrorFor("rij-GM0345"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"vergelijking\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExemptionNoOneCanAbsorb_IsAFinding()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();
        // Everyone but Ede has contracted all its homes in the free sector: no room left for social rent elsewhere.
        (string, string)[] full = [.. new[] { ("GM0203", "5380"), ("GM0267", "3857"), ("GM0279", "841"), ("GM0289", "2750"), ("GM0339", "324"), ("GM0340", "431"), ("GM0345", "4800") }
            .Select(m => ($"Form.Rows[{m.Item1}].ContractedFree", m.Item2))];

        await page.CalculateAsync([.. full, ("Form.Rows[GM0228].ExemptionSocial", "0")]);

        var findings = page.TextOf("bevindingen");
        Assert.Contains("EXEMPTION_NOT_ABSORBED", findings, StringComparison.Ordinal);
        Assert.Contains("REGION_SOCIAL_SHORTFALL", findings, StringComparison.Ordinal);
        Assert.Contains("nieuw in dit scenario", findings, StringComparison.Ordinal);
        Assert.Contains("De regio komt 7.615 sociale huurwoningen tekort", findings, StringComparison.Ordinal);
        Assert.Contains("Per saldo bouwt de regio 7.616 woningen sociale huur minder: die vangt geen andere gemeente op.", page.TextOf("wie-vangt-het-op"), StringComparison.Ordinal);
        Assert.Contains("tekort 7.615", page.TextOf("regio-normen"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_GiveTheScenarioAndTheComparison()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();
        await page.CalculateAsync(("Form.Rows[GM0228].ExemptionSocial", "20"), ("Form.Rows[GM0228].Task", "6.000"));

        using var json = await page.DownloadAsync("scenario.json");
        using var csv = await page.DownloadAsync("vergelijking.csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("wat-als-WD19.json", json.Content.Headers.ContentDisposition?.FileNameStar);
        var read = ScenarioReader.Read(await json.Content.ReadAsStringAsync(Ct));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var ede = read.Scenario!.Region.Municipalities.Single(m => m.Code.Value == "GM0228");
        Assert.Equal((6000, new Fraction(1, 5)), (ede.Task, ede.Exemption!.SocialFloor!.Value));
        Assert.Equal(24383, read.Scenario.Region.Municipalities.Sum(m => m.Task));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync(Ct))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code;gemeente;opgave_huidig;opgave_nieuw;sociale_huur_huidig;sociale_huur_nieuw;sociale_huur_verschil;middensegment_huidig;middensegment_nieuw;middensegment_verschil;vrije_sector_huidig;vrije_sector_nieuw;vrije_sector_verschil;wijziging_invoer", lines[0]);
        Assert.StartsWith("GM0228;Ede;7000;6000;2391;1200;-1191;", lines.Single(l => l.StartsWith("GM0228", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public async Task StoredScenario_IsTheScenarioFileOfTheRegion()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var read = ScenarioReader.Read(await app.Client.GetStringAsync(new Uri("/download/regio/WD19/scenario.json", UriKind.Relative), Ct));

        Assert.True(read.IsValid);
        Assert.Equal(8, read.Scenario!.Region.Municipalities.Length);
        Assert.Equal(25383, read.Scenario.Region.Municipalities.Sum(m => m.Task));
    }

    [Fact]
    public async Task DownloadedVersion2Scenario_UploadedAgain_ChangesNothing()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var file = await app.Client.GetByteArrayAsync(new Uri("/download/regio/WD19/scenario.json", UriKind.Relative), Ct);
        Assert.Contains("\"province\"", Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        using var response = await page.LoadAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.Rows("vergelijking");
        Assert.Equal(["Ede", "2.391", "2.391", "0"], rows["GM0228"][..4]); // per province part, as stored: the same numbers
        Assert.Equal(["Veenendaal", "1.243", "1.243", "0"], rows["GM0345"][..4]);
    }

    [Fact]
    public async Task LoadedFile_IsComparedWithTheStoredDistribution()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(ScenarioFiles.FoodvalleyPath, Ct))!;
        file["municipalities"]!.AsArray().Single(m => (string?)m!["code"] == "GM0228")!["exemption"] = new JsonObject { ["socialFloor"] = "1/6" };

        using var response = await page.LoadAsync(Encoding.UTF8.GetBytes(file.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Geladen scenario: Regio Foodvalley 2022-2030.", page.TextOf("geladen-scenario"), StringComparison.Ordinal);
        Assert.Equal("1/6", page.InputValue("ontheffing-sociaal-GM0228"));
        Assert.Equal(["Ede", "2.391", "1.167", "-1.224"], page.Rows("vergelijking")["GM0228"][..4]); // ⌈7000 / 6⌉ = 1.167

        // Going on from the loaded file keeps its basis.
        await page.CalculateAsync(("Form.Key", "gap-weighted"));
        Assert.Contains("Geladen scenario", page.Html, StringComparison.Ordinal);
        Assert.Equal("1.167", page.Rows("vergelijking")["GM0228"][2]);
    }

    [Fact]
    public async Task InvalidFile_ShowsEveryErrorWithItsPath()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(ScenarioFiles.FoodvalleyPath, Ct))!;
        file["key"] = "random";
        file["municipalities"]![0]!["stock"] = "5000";
        file["municipalities"]![1]!["bogus"] = 1;

        await page.LoadAsync(Encoding.UTF8.GetBytes(file.ToJsonString()));

        var errors = page.TextOf("scenario-fouten");
        Assert.Contains("Het scenario is niet geladen (3 fouten)", errors, StringComparison.Ordinal);
        Assert.Contains("$.key : onbekende sleutel 'random'", errors, StringComparison.Ordinal);
        Assert.Contains("$.municipalities[0].stock : verwacht een geheel getal, gevonden tekst \"5000\"", errors, StringComparison.Ordinal);
        Assert.Contains("$.municipalities[1].bogus : onbekend veld", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"vergelijking\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverOneMegabyte_IsRefusedWithAReason()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = new WhatIfSession(app.Client, "WD19");
        await page.OpenAsync();

        await page.LoadAsync(Encoding.UTF8.GetBytes(new string(' ', (1024 * 1024) + 1)), "groot.json");

        Assert.Contains("het bestand 'groot.json' is 1.048.577 bytes; een scenariobestand mag hoogstens 1 MB (1.048.576 bytes) zijn", page.TextOf("scenario-fouten"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var form = new FormUrlEncodedContent([new("scenario", "{}")]);

        using var response = await app.Client.PostAsync(new Uri("/download/regio/WD19/wat-als/scenario.json", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Deze download hoort bij een pagina die niet meer geldig is", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionWithoutTasks_CanBeTriedWithTasks()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        // Waddeneilanden: Terschelling (190) and Vlieland (125) published, no regional total for Ameland and Schiermonnikoog.
        var page = new WhatIfSession(app.Client, "WD11");
        await page.OpenAsync();
        Assert.Contains("Van 2 van de 4 gemeenten is geen opgave bekend.", page.Html, StringComparison.Ordinal);
        Assert.Equal("", page.InputValue("opgave-GM0060"));

        await page.CalculateAsync(("Form.Rows[GM0060].Task", "2.500"));

        var rows = page.Rows("vergelijking");
        Assert.Equal(["Ameland", "—"], rows["GM0060"][..2]);
        Assert.Equal("opgave ingevuld: 2.500", rows["GM0060"][^1]);
        Assert.Contains("RS was 95", page.TextOf("wie-vangt-het-op"), StringComparison.Ordinal); // ⌈30% × (190 + 125)⌉
    }

    [Fact]
    public async Task UnknownRegion_IsA404InDutch()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var page = await app.Client.GetAsync(new Uri("/regio/WD99/wat-als", UriKind.Relative), Ct);
        using var file = await app.Client.GetAsync(new Uri("/download/regio/WD99/scenario.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Regio niet gevonden", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal("Geen woningbouwregio met de code WD99.", await file.Content.ReadAsStringAsync(Ct));
    }
}
