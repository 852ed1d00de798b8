using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The voortgang pages (/voortgang, /voortgang/provincie|regio|gemeente/...) and their downloads, over HTTP on the seeded data.</summary>
public sealed partial class ProgressPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Foodvalley_ShowsTargetDueRealisedTierAndForecast(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        await using var context = db.Context();
        var members = await context.Memberships.Where(m => m.RegionId == "WD19").Select(m => m.MunicipalityCode).ToListAsync(Ct);
        var realised = await context.Realisations.Where(r => r.Year >= 2022 && r.Year <= 2023 && members.Contains(r.MunicipalityCode)).SumAsync(r => r.UnknownSegment, Ct);

        var html = await GetAsync(app, "/voortgang/regio/wd19");

        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Voortgang en prognose Regio Foodvalley</h1>", html, StringComparison.Ordinal);
        Assert.Contains("periode 2022–2030, <strong>peiljaar 2023</strong>", html, StringComparison.Ordinal);
        Assert.Equal(4_366, realised);
        // Total: target 25.383 (the distribution), due through 2023 = sum over members of ⌊target·2/9⌋ per segment, realised = the members' net growth 2022-2023.
        string[] total = ["25.383", "5.633", "4.366", "77,5%", "achter", "1.267", "10.972", "3.625"];
        Assert.Equal(total, Cells(Rows(Table(html, "groepen"), "group")["All"]));
        Assert.Contains("niet te beoordelen: segment onbekend", Rows(Table(html, "groepen"), "group")["SocialRent"], StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-status rw-status--bad\">Achter</span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"rw-step\">gegevens aanvullen</p>", html, StringComparison.Ordinal); // the shipped realisations are a proxy
        Assert.Contains("(indicatief)", html, StringComparison.Ordinal);
        Assert.Contains("75% tot 85%", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-assumption\">aanname</span> Drempels 95%, 85% en 75%", html, StringComparison.Ordinal);

        // Per year: the 2023 row (peiljaar) and the chart's JSON with the same numbers.
        string[] year2023 = ["2.821", "5.633", "2.186", "4.366", "–", "–", "4.366", "4.366", "4.366"];
        Assert.Equal(year2023, Cells(Rows(Table(html, "jaren"), "year")["2023"]));
        using var chart = JsonDocument.Parse(Json(html, "waaier-totaal-data"));
        Assert.Equal(25_383, chart.RootElement.GetProperty("target").GetInt32());
        Assert.Equal(4_366, chart.RootElement.GetProperty("realised")[1].GetInt32());
        Assert.Equal(JsonValueKind.Null, chart.RootElement.GetProperty("realised")[2].ValueKind);
        Assert.Equal(25_383, chart.RootElement.GetProperty("trajectory")[8].GetInt32());
        var p50 = chart.RootElement.GetProperty("p50")[8].GetInt32();
        Assert.Contains(Format.Count(p50), Rows(Table(html, "jaren"), "year")["2030"], StringComparison.Ordinal);

        // The forecast: limitation, runs and seed, chance per assessed group.
        Assert.Contains("Gezamenlijke schokken", html, StringComparison.Ordinal);
        Assert.Contains("Reproduceerbaar: 10.000 runs, seed 1", html, StringComparison.Ordinal);
        var chance = Cells(Rows(Table(html, "kans"), "group")["All"]);
        Assert.Equal("25.383", chance[0]);
        Assert.EndsWith("van 10.000", chance[^1], StringComparison.Ordinal);
        Assert.Contains("Per segment (sociale huur, middensegment, vrije sector) geen grafiek", html, StringComparison.Ordinal);

        // Pipeline by status (plan capacity ~2021: hard as 1b, soft as 3).
        string[] adopted = ["hard", "12", "3.306", "3.625", "0", "0"];
        Assert.Equal(adopted, Cells(Rows(Table(html, "pijplijn"), "status")["1b"]));
        Assert.Equal("zacht", Cells(Rows(Table(html, "pijplijn"), "status")["3"])[0]);
        Assert.Contains("8 gemeenten met een doel tellen mee", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rw-assumption\">aanname</span> benadering, geen telling van nieuwbouw.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"prognose-parameters\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ede_ListsItsPlansAndRealisationsWithSources()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await GetAsync(app, "/voortgang/gemeente/GM0228");

        Assert.Contains("Voortgang en prognose Ede", html, StringComparison.Ordinal);
        Assert.Equal("7.000", Cells(Rows(Table(html, "groepen"), "group")["All"])[0]);
        var plans = Rows(Table(html, "plannen"), "plan");
        Assert.Equal(4, plans.Count);
        Assert.Contains("1b vastgesteld plan (hard)", plans["pc2021-GM0228-h-2022"], StringComparison.Ordinal);
        Assert.Contains("1.903", plans["pc2021-GM0228-h-2022"], StringComparison.Ordinal);
        Assert.Contains("Follow the Money", plans["pc2021-GM0228-h-2022"], StringComparison.Ordinal);
        Assert.Contains("4 plannen met samen 5.419 woningen", html, StringComparison.Ordinal);
        var realisations = Rows(Table(html, "realisaties"), "year");
        Assert.Equal(["847", "segment onbekend", "ja"], Cells(realisations["2023"])[..3]);
        Assert.Contains("<span class=\"rw-assumption\">aanname</span>", realisations["2023"], StringComparison.Ordinal);
        Assert.Equal("nee, voor de periode", Cells(realisations["2020"])[2]);
        Assert.Contains("href=\"/voortgang/regio/WD19\">Voortgang Regio Foodvalley</a>", html, StringComparison.Ordinal);

        var reference = await GetAsync(app, "/gemeente/GM0228");
        Assert.Contains("<a href=\"/voortgang/gemeente/GM0228\">Voortgang en prognose</a>", reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gelderland_ListsWarningsWorstFirst()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        await using var context = db.Context();
        var warnings = (await LoadMonitoring.RunAsync(context, ct: Ct)).Warnings("PV25");

        var html = await GetAsync(app, "/voortgang/provincie/gelderland");

        Assert.Contains("Voortgang en prognose provincie Gelderland", html, StringComparison.Ordinal);
        var table = Table(html, "signaleringen");
        var codes = CodePattern().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.True(warnings.Count > 10, $"Gelderland has {warnings.Count} warnings");
        Assert.Equal(warnings.Select(w => w.Subject.Id), codes);
        var tiers = TierPattern().Matches(table).Select(m => Tier(m.Groups[1].Value)).ToList();
        Assert.Equal(tiers.OrderDescending(), tiers); // worst first
        Assert.Contains("<a href=\"/voortgang/regio/WD19\">Regio Foodvalley</a>", table, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/voortgang/provincie/PV25\">Gelderland</a>", table, StringComparison.Ordinal);
        foreach (var tier in new[] { WarningTier.SeriouslyBehind, WarningTier.Behind, WarningTier.Attention })
        {
            var label = char.ToUpperInvariant(tier.Dutch()[0]) + tier.Dutch()[1..];
            Assert.Contains($"{label}</span> <strong>{Format.Count(warnings.Count(w => w.Tier == tier))}</strong>", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri("/voortgang/provincie/PV25", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Nation_ListsTheTwelveProvincesAndTheNationalForecast()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        await using var context = db.Context();
        var snapshot = await LoadMonitoring.RunAsync(context, ct: Ct);
        var gelderland = snapshot.Progress(snapshot.Find(MonitoringLevel.Province, "PV25")!).Report;

        var html = await GetAsync(app, "/voortgang");

        Assert.Contains("Voortgang en prognose Nederland", html, StringComparison.Ordinal);
        var provinces = CodePattern().Matches(Table(html, "provincies")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, provinces.Count);
        var row = Cells(RowPattern("code", "PV25").Match(Table(html, "provincies")).Value);
        Assert.Equal(Format.Percent(gelderland[SegmentGroup.All].Ratio!.Value), row[3]);
        Assert.Equal(gelderland.WorstTier.Dutch(), row[4]);
        Assert.Contains("voor het land stopt de ladder bij bestuurlijk overleg", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"fan\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/voortgang\" class=\"rw-nav__link active\" aria-current=\"page\">Voortgang</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/voortgang\">Voortgang en prognose</a>", await GetAsync(app, "/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/voortgang/regio/WD99", "Regio niet gevonden")]
    [InlineData("/voortgang/gemeente/GM9999", "Gemeente niet gevonden")]
    [InlineData("/voortgang/provincie/PV99", "Provincie niet gevonden")]
    [InlineData("/voortgang/provincie/atlantis", "Provincie niet gevonden")]
    public async Task UnknownSubject_IsA404InDutch(string path, string title)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(title, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_HaveThePagesNumbers()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var groups = await CsvAsync(app, "/download/voortgang/regio/WD19/groepen.csv");
        Assert.Equal("groep;doel;traject_tm_peiljaar;gerealiseerd_tm_peiljaar;verhouding;signaal", string.Join(';', groups[0].Split(';')[..6]));
        Assert.StartsWith("totaal;25383;5633;4366;0,7751;achter;;1267;10972;3625;", groups.Single(l => l.StartsWith("totaal;", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("sociale huur;7616;1689;;;;niet te beoordelen: segment onbekend;", groups[1], StringComparison.Ordinal);

        var years = await CsvAsync(app, "/download/voortgang/regio/WD19/jaren.csv");
        Assert.Contains("2023;totaal;2821;5633;2186;4366;;", years);
        Assert.Equal(10, years.Count); // header + 2022..2030
        var pipeline = await CsvAsync(app, "/download/voortgang/regio/WD19/pijplijn.csv");
        Assert.Contains("1b;vastgesteld plan;hard;12;3306;3625;0;0", pipeline);
        var forecast = await CsvAsync(app, "/download/voortgang/regio/WD19/prognose.csv");
        Assert.StartsWith("2023;totaal;25383;2186;2186;2186;4366;4366;4366;10000;1;", forecast[2], StringComparison.Ordinal);

        var page = await GetAsync(app, "/voortgang/provincie/PV25");
        var warnings = await CsvAsync(app, "/download/voortgang/provincie/gelderland/signaleringen.csv");
        Assert.Equal(CodePattern().Matches(Table(page, "signaleringen")).Select(m => m.Groups[1].Value), warnings.Skip(1).Select(l => l.Split(';')[1]));

        var national = Xlsx.Rows(await app.Client.GetByteArrayAsync(new Uri("/download/voortgang/groepen.xlsx", UriKind.Relative), Ct));
        var all = national.Single(r => r[0].Text == "totaal");
        Assert.Equal(("883664", true), (all[1].Text, all[1].IsNumber));

        foreach (var (path, reason) in new[]
        {
            ("/download/voortgang/regio/WD99/jaren.csv", "Geen woningbouwregio met de code WD99."),
            ("/download/voortgang/regio/WD19/signaleringen.csv", "Onbekende tabel 'signaleringen'"),
            ("/download/voortgang/regio/WD19/jaren.pdf", "Onbekend bestandstype 'pdf'"),
            ("/download/voortgang/wijk/X/jaren.csv", "Onbekend niveau 'wijk'"),
        })
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KnownSegments_AreAssessedAndChartedEach()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using (var context = db.Context())
        {
            // Ede (province-aware Foodvalley: social 2.391, middle 2.178, free 2.431; due through 2023: 531, 484, 540) with realisations and a plan per segment.
            await context.Realisations.Where(r => r.MunicipalityCode == "GM0228" && r.Year >= 2022).ExecuteDeleteAsync(Ct);
            await context.Plans.Where(p => p.MunicipalityCode == "GM0228").ExecuteDeleteAsync(Ct);
            context.Realisations.AddRange(
                new RealisationRow { MunicipalityCode = "GM0228", Year = 2022, SocialRent = 200, MiddleRent = 150, FreeOwnership = 300, Source = "test" },
                new RealisationRow { MunicipalityCode = "GM0228", Year = 2023, SocialRent = 400, MiddleRent = 100, FreeOwnership = 300, Source = "test" });
            var plan = new PlanRow { MunicipalityCode = "GM0228", Code = "t1", Name = "Testplan", Status = "1a", PriceLevelYear = 2024, Source = "test" };
            plan.Deliveries.Add(new PlanDeliveryRow { Year = 2025, SocialRent = 500 });
            context.Plans.Add(plan);
            await context.SaveChangesAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var html = await GetAsync(app, "/voortgang/gemeente/GM0228");

        var groups = Rows(Table(html, "groepen"), "group");
        Assert.Equal(["2.391", "531", "600", "113,0%", "op koers", "0", "500", "500"], Cells(groups["SocialRent"]));
        Assert.Equal(["2.178", "484", "250", "51,7%", "ernstig achter", "234", "0", "0"], Cells(groups["Middle"]));
        Assert.Contains("<p class=\"rw-step\">provinciale instructie", html, StringComparison.Ordinal);
        foreach (var id in new[] { "waaier-totaal-data", "waaier-sociaal-data", "waaier-midden-data", "waaier-vrij-data" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("geen grafiek", html, StringComparison.Ordinal);
        Assert.Contains("id=\"jaren-sociaal\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(RunningApp app, string path) =>
        WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));

    private static async Task<List<string>> CsvAsync(RunningApp app, string path)
    {
        var bytes = await app.Client.GetByteArrayAsync(new Uri(path, UriKind.Relative), Ct);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string Table(string html, string id) => RegionPageTests.Table(html, id);

    private static string[] Cells(string row) => RegionPageTests.Cells(row);

    /// <summary>The body rows of a table by the value of their data-{attribute}.</summary>
    private static Dictionary<string, string> Rows(string table, string attribute) =>
        RowPattern(attribute, "[^\"]+").Matches(table).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static Regex RowPattern(string attribute, string value) =>
        new($"<tr [^>]*data-{attribute}=\"({value})\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);

    private static string Json(string html, string id) =>
        Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

    private static WarningTier Tier(string text) => Enum.GetValues<WarningTier>().Single(t => t.Dutch() == text);

    [GeneratedRegex("<tr data-code=\"((?:GM|WD|PV)\\d+)\"")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<td><span class=\"rw-status[^\"]*\">([^<]+)</span></td>")]
    private static partial Regex TierPattern();
}
