using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The municipality page (/gemeente/{code}): "Hoe komt dit getal tot stand?", indicators, place in the region, downloads.</summary>
public sealed class MunicipalityPageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Ede_ShowsTargetsAndTheEightSteps(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/gemeente/GM0228", UriKind.Relative), Ct));

        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Ede</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/regio/WD19\">Regio Foodvalley</a>", html, StringComparison.Ordinal);
        foreach (var (label, value) in new[] { ("Opgave", "7.000"), ("Sociale huur", "2.391"), ("Middensegment", "2.178"), ("Vrije sector", "2.431") })
        {
            Assert.Contains($"<h3 class=\"nl-heading nl-heading--level-3\">{label}</h3><p class=\"rw-figure\">{value}</p>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Hoe komt dit getal tot stand?", html, StringComparison.Ordinal);
        var steps = Regex.Match(html, "<ol class=\"rw-steps\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        var items = Regex.Matches(steps, "<li id=\"stap-(\\d)\">(.*?)</li>", RegexOptions.Singleline);
        string[] numbers = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]; // 9: the comparison with the region-only distribution
        Assert.Equal(numbers, items.Select(m => m.Groups[1].Value));
        Assert.All(items, m => Assert.Contains("<strong>Regel:</strong>", m.Groups[2].Value, StringComparison.Ordinal));
        Assert.All(items, m => Assert.Contains("<strong>Bron:</strong>", m.Groups[2].Value, StringComparison.Ordinal));
        Assert.Matches("<dt>T \\(voorraad\\)</dt>\\s*<dd>52.436</dd>", items[0].Groups[2].Value);
        Assert.Contains("geschat <span class=\"rw-assumption\">aanname</span>", items[0].Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("afgesproken (het getal per gemeente staat in de woondeal", items[2].Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("Ondergrens sociale huur = gecontracteerd 0 + ⌈3/10 × 7.000⌉ = 2.100.", items[3].Groups[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ede_ShowsIndicatorsAndItsPlaceInTheRegion()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/gemeente/gm0228", UriKind.Relative), Ct));

        Assert.Matches("Inhaalbehoefte sociale huur</h3>\\s*<p class=\"rw-figure\">6.742</p>", html);
        Assert.Contains("⌈(3/10 × 52.436 − 11.012) / (1 − 3/10)⌉", html, StringComparison.Ordinal);
        Assert.Contains("(11.012 + 2.391) / (52.436 + 7.000)", html, StringComparison.Ordinal);

        var rows = RegionPageTests.Rows(RegionPageTests.Table(html, "plaats-in-regio"));
        Assert.Equal(8, rows.Count);
        string[] bySocialShare = ["GM0339", "GM0340", "GM0279", "GM0267", "GM0203", "GM0228", "GM0345", "GM0289"]; // province-aware: Renswoude and Rhenen carry the Utrecht part
        Assert.Equal(bySocialShare, rows.Keys);
        Assert.Matches("<tr class=\"utrecht-table__row rw-current\" data-code=\"GM0228\" aria-current=\"true\">", html);
        string[] ede = ["6", "7.000", "21,0%", "sociale huur", "2.391", "34,2%", "65,3%"];
        Assert.Equal(ede, RegionPageTests.Cells(rows["GM0228"]));
        Assert.Contains("Ede wordt het 6e hoogste aandeel sociale huur gevraagd van de 8 gemeenten", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regio/WD19/wat-als\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MunicipalityWithoutTask_SaysWhyItHasNoTargets()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/gemeente/GM0080", UriKind.Relative), Ct));

        Assert.Contains("Voor Leeuwarden is geen opgave voor 2022–2030 bekend.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/regio/WD06\">Fryslân - Leeuwarden</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rw-steps", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMunicipality_IsA404InDutch()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri("/gemeente/GM9999", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Gemeente niet gevonden", html, StringComparison.Ordinal);
        Assert.Contains("Er is geen gemeente met de CBS-code <strong>GM9999</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplanationCsv_HasOneRowPerStep()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var bytes = await app.Client.GetByteArrayAsync(new Uri("/download/gemeente/GM0228/uitleg.csv", UriKind.Relative), Ct);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("stap;titel;toelichting;waarden;regel;bron", lines[0]);
        Assert.Equal(10, lines.Length); // header and nine steps (the ninth compares with the region-only distribution)
        Assert.StartsWith("1;Aandeel corporatiewoningen;Ede heeft 52.436 woningen, waarvan 11.012 corporatiewoningen", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("7;Doelen;", lines[7], StringComparison.Ordinal);
        Assert.Contains("\"sociaal = 2.391; midden = 2.178; vrij = 2.431\"", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplanationAndPlaceXlsx_Open()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var explanation = Xlsx.Rows(await app.Client.GetByteArrayAsync(new Uri("/download/gemeente/GM0228/uitleg.xlsx", UriKind.Relative), Ct));
        var place = Xlsx.Rows(await app.Client.GetByteArrayAsync(new Uri("/download/gemeente/GM0228/plaats-in-regio.xlsx", UriKind.Relative), Ct));

        Assert.Equal(10, explanation.Count);
        Assert.Equal(("8", true), explanation[8][0]);
        Assert.Equal(("Indicatoren", false), explanation[8][1]);
        var ede = place.Single(r => r[1].Text == "GM0228");
        Assert.Equal(("6", true), ede[0]);
        Assert.Equal(("7000", true), ede[3]);
        Assert.Equal(("2391", true), ede[6]);
        Assert.Equal(("0.3416", true), ede[7]);
    }
}
