using System.Net;
using System.Text.RegularExpressions;
using Regiewijzer.Data.Reports;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The footer on every page (obligatory pages, contact, version, reference dates), help, the glossary, the
/// toegankelijkheidsverklaring and the privacy statement, over HTTP against the real app.</summary>
public sealed partial class HelpPagesTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Footer_OnSeveralPages_LinksObligatoryPagesAndNamesVersionAndReferenceDates(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        foreach (var path in new[] { "/", "/regio/WD19", "/gemeente/GM0228", "/bronnen", "/woondeals", "/help", "/bestaat-niet" })
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var footer = Footer(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
            Assert.True(footer.Length > 0, $"{path} has no footer");
            foreach (var link in new[] { "/toegankelijkheid", "/privacy", "/help", "/begrippen" })
            {
                Assert.Contains($"href=\"{link}\"", footer, StringComparison.Ordinal);
            }

            Assert.Contains("Regiewijzer versie " + ReportSources.SoftwareVersion, footer, StringComparison.Ordinal);
            Assert.Contains("gemeenten indeling 1 januari 2025", footer, StringComparison.Ordinal);
            Assert.Contains("woningvoorraad 1 januari 2024 (voorraad), 1 januari 2022 (eigendom)", footer, StringComparison.Ordinal);
            Assert.Contains("plancapaciteit circa 2021", footer, StringComparison.Ordinal);
            Assert.Contains("heeft nog geen contactadres ingesteld", footer, StringComparison.Ordinal);
        }

        Assert.Matches(@"\d+\.\d+\.\d+", ReportSources.SoftwareVersion); // a real version, not "onbekend"
    }

    [Fact]
    public async Task Contact_FromConfiguration_InFooterAndOnTheStatements()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Contact:Name", "Team Wonen, provincie Gelderland", "--Contact:Email", "wonen@gelderland.example");

        foreach (var path in new[] { "/", "/toegankelijkheid", "/privacy" })
        {
            var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));
            Assert.Contains("Team Wonen, provincie Gelderland, <a href=\"mailto:wonen@gelderland.example\">wonen@gelderland.example</a>", Footer(html), StringComparison.Ordinal);
            Assert.DoesNotContain("heeft nog geen contactadres ingesteld", html, StringComparison.Ordinal);
        }

        var statement = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/toegankelijkheid", UriKind.Relative), Ct));
        Assert.Contains("Team Wonen, provincie Gelderland: <a href=\"mailto:wonen@gelderland.example\">", statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/help", "Help")]
    [InlineData("/begrippen", "Begrippen")]
    [InlineData("/toegankelijkheid", "Toegankelijkheidsverklaring")]
    [InlineData("/privacy", "Privacyverklaring")]
    public async Task NewPage_Answers200WithItsHeading(string path, string heading)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Matches($"<h1 class=\"nl-heading nl-heading--level-1\">{heading}</h1>", html);
        Assert.Contains($"<title>{heading} - Regiewijzer</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_HasASectionPerRoleAndIsInTheNavigation_EveryLinkAnswers()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var home = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Matches("<nav class=\"rhc-nav-bar rw-nav\" aria-label=\"Hoofdmenu\">(?s:.)*href=\"/help\"[^>]*>Help</a>(?s:.)*</nav>", home);

        var html = await app.Client.GetStringAsync(new Uri("/help", UriKind.Relative), Ct);
        foreach (var (id, title) in new[] { ("bezoeker", "Iedereen, zonder account"), ("gemeente", "Gemeente"), ("provincie", "Provincie"), ("rijk", "Rijk") })
        {
            Assert.Contains($"id=\"{id}\">{title}</h2>", html, StringComparison.Ordinal);
        }

        var main = MainOf(html);
        foreach (var expected in new[] { "/provincie/PV25/aanwijzing", "/regio/WD19/opgave", "/begrippen", "/gemeente/GM0228/plannen", "/regio/WD19/afspraken", "/monitoring/import" })
        {
            Assert.Contains($"href=\"{expected}\"", main, StringComparison.Ordinal);
        }

        // Every page the help sends people to exists (an account page may send a visitor to sign in, never to "niet gevonden").
        var links = Href().Matches(main).Select(m => m.Groups["href"].Value).Where(h => h.StartsWith('/')).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(links.Count >= 25, $"{links.Count} links");
        foreach (var link in links)
        {
            using var response = await app.Client.GetAsync(new Uri(link, UriKind.Relative), Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.Redirect, $"{link}: {(int)response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Glossary_ExplainsTheDutchTermsWithoutCodeNames()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var main = MainOf(WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/begrippen", UriKind.Relative), Ct)));

        foreach (var term in new[] { "woningbouwregio", "aanwijzing", "woondeal", "achterblijvend segment", "ondergrens", "ontheffing", "instructiebesluit (instructie)", "volkshuisvestingsprogramma", "planstatus", "prognose" })
        {
            Assert.Matches($"<dt id=\"[a-z-]+\">{Regex.Escape(term)}</dt>\\s*<dd>[^<]{{20,}}</dd>", main);
        }

        Assert.True(Regex.Count(main, "<dt ") >= 50);
        foreach (var english in new[] { "HousingRegion", "Exemption", "Instruction", "Municipality", "Distribution", "catch-up", "lagging", "floor", "Core." })
        {
            Assert.DoesNotContain(english, main, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Statements_FollowTheModelAndSayWhatIsStored()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var statement = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/toegankelijkheid", UriKind.Relative), Ct));
        foreach (var part in new[] { "WCAG 2.1", "EN 301 549", "Regiewijzer voldoet deels aan deze eisen.", "Wat nog niet voldoet", "Een probleem melden", "Contact", "Nationale ombudsman", "axe-core" })
        {
            Assert.Contains(part, statement, StringComparison.Ordinal);
        }

        var privacy = WebUtility.HtmlDecode(await app.Client.GetStringAsync(new Uri("/privacy", UriKind.Relative), Ct));
        foreach (var part in new[] { "naam en e-mailadres", "wijzigingsgeschiedenis", "geen analyse- of advertentiecookies", "<code>regiewijzer</code>", "Antiforgery" })
        {
            Assert.Contains(part, privacy, StringComparison.Ordinal);
        }
    }

    private static string Footer(string html)
    {
        var start = html.IndexOf("<footer class=\"rw-footer\">", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</footer>", start, StringComparison.Ordinal)];
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("href=\"(?<href>[^\"#]+)")]
    private static partial Regex Href();
}
