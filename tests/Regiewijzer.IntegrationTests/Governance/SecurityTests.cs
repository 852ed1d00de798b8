using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// Cross-cutting security of the real app (issue 6): CSRF on every form, HTML and script in names shown escaped,
/// formula-safe CSV, sign-in redirects without an open redirect.
/// </summary>
public sealed class SecurityTests(TestDatabases databases)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "\"><img src=x onerror=alert(1)>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csrf_FormPostsWithoutTheAntiforgeryToken_AreRefusedAndChangeNothing()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var admin = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        var planId = await FirstPlanAsync(db, "GM0228");
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(admin);

        await user.GetAsync($"/plan/{planId}");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWithoutTokenAsync(user, "plan", $"/plan/{planId}", ("Form.Name", "CSRF-plan"))).StatusCode);

        await user.GetAsync("/gemeente/GM0228/realisaties/2030");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWithoutTokenAsync(user, "realisatie", "/gemeente/GM0228/realisaties/2030", ("Form.SocialRent", "77"))).StatusCode);

        await user.GetAsync("/monitoring/import");
        Assert.Contains("name=\"__RequestVerificationToken\"", user.RawHtml, StringComparison.Ordinal);
        using (var import = await user.PostToAsync("/monitoring/import", new Dictionary<string, string> { ["_handler"] = "plannen-inlezen", ["Inlezen"] = "ja" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        }

        await user.GetAsync("/beheer/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWithoutTokenAsync(user, "account-nieuw", "/beheer/accounts",
            ("Input.Email", "csrf@test.nl"), ("Input.Name", "CSRF"), ("Input.Password", "een-lang-wachtwoord-123"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/account")).StatusCode); // still signed in
        await using var check = db.Context();
        Assert.NotEqual("CSRF-plan", (await check.Plans.SingleAsync(p => p.Id == planId, Ct)).Name);
        Assert.False(await check.Realisations.AnyAsync(r => r.MunicipalityCode == "GM0228" && r.Year == 2030, Ct));
        Assert.False(await check.Accounts.AnyAsync(a => a.Email == "csrf@test.nl", Ct));
        Assert.Equal(0, await check.AuditEntries.CountAsync(e => e.ActorId == admin.Id, Ct));
    }

    [Fact]
    public async Task Csrf_SignOutWithoutTheToken_IsRefused_WithTheTokenItWorks()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var account = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(account);

        using (var signOut = await user.PostToAsync("/afmelden", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/account")).StatusCode); // still signed in
        var token = WebUtility.HtmlDecode(Regex.Match(user.RawHtml, "action=\"/afmelden\"[^>]*>\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.NotEqual("", token);
        using var realSignOut = await user.PostToAsync("/afmelden", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, realSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await user.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task HtmlAndScriptInNames_AreShownEscapedOnThePages_AndKeptExactlyInTheApi()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var planId = await FirstPlanAsync(db, "GM0228");
        var name = "Plan " + Script + Breakout;
        await using (var write = db.Context())
        {
            var municipality = await write.Municipalities.SingleAsync(m => m.Code == "GM0228", Ct);
            municipality.Name = "Ede " + Script + Breakout;
            (await write.Plans.SingleAsync(p => p.Id == planId, Ct)).Name = name;
            var realisation = await write.Realisations.FirstAsync(r => r.MunicipalityCode == "GM0228", Ct);
            realisation.Note = "Toelichting " + Script + Breakout;
            await write.SaveChangesAsync(Ct);
        }

        int year;
        await using (var read = db.Context())
        {
            year = await read.Realisations.Where(r => r.MunicipalityCode == "GM0228" && r.Note != null && r.Note.StartsWith("Toelichting")).Select(r => r.Year).SingleAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(ede);
        foreach (var path in new[] { "/gemeente/GM0228/plannen", $"/plan/{planId}", $"/audit/plan/{planId}", $"/gemeente/GM0228/realisaties/{year}", "/audit" })
        {
            using var response = await user.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>alert(1)", user.RawHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", user.RawHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", user.RawHtml, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", user.RawHtml, StringComparison.Ordinal);
        }

        using var api = await app.Client.GetAsync(new Uri("/api/v1/gemeenten/GM0228/plannen", UriKind.Relative), Ct);
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
        var plans = JsonDocument.Parse(await api.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task CsvExports_OfPlansAndTheAuditTrail_NeutraliseFormulas()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        string[] formulas = ["=HYPERLINK(\"http://evil.example\";\"klik\")", "+1", "-2", "@SUM(A1:A2)", "\tTAB", "\rCR"];
        int[] ids;
        await using (var write = db.Context())
        {
            var plans = await write.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).ToListAsync(Ct);
            Assert.Equal(4, plans.Count);
            ids = [.. plans.Select(p => p.Id)];
            for (var i = 0; i < 4; i++)
            {
                plans[i].Name = formulas[i];
            }

            await write.SaveChangesAsync(Ct);
            foreach (var formula in formulas[4..])
            {
                plans[0].Name = formula; // two more changes of the first plan: the audit trail has every name
                await write.SaveChangesAsync(Ct);
            }
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var plansCsv = await app.Client.GetAsync(new Uri("/download/voortgang/gemeente/GM0228/plannen.csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, plansCsv.StatusCode);
        var planCells = Cells(await plansCsv.Content.ReadAsStringAsync(Ct));
        foreach (var formula in formulas[1..4])
        {
            Assert.Contains("'" + formula, planCells);
        }

        using var user = new EditSession(app);
        await user.SignInAsync(ede);
        using var auditCsv = await user.GetAsync($"/audit/plan/{ids[0]}.csv");
        Assert.Equal(HttpStatusCode.OK, auditCsv.StatusCode);
        Assert.Equal("text/csv", auditCsv.Content.Headers.ContentType?.MediaType);
        var auditCells = Cells(user.RawHtml);
        foreach (var formula in new[] { formulas[0], formulas[4], formulas[5] })
        {
            Assert.Contains("'" + formula, auditCells);
        }

        foreach (var cell in planCells.Concat(auditCells))
        {
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.StartsWith('-') && !Regex.IsMatch(cell, "^-[0-9]+$")), $"unsafe cell: {cell}");
        }
    }

    [Theory]
    [InlineData("/plan/1")]
    [InlineData("/gemeente/GM0228/plannen/nieuw")]
    [InlineData("/gemeente/GM0228/realisaties/2024")]
    [InlineData("/regio/WD19/traject")]
    [InlineData("/monitoring/import")]
    [InlineData("/audit")]
    [InlineData("/audit/plan/1")]
    [InlineData("/beheer/accounts")]
    public async Task RestrictedPage_Anonymous_RedirectsToSignInWithTheReturnAddress(string path)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);

        using var response = await user.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/aanmelden?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_WithAReturnUrlToAnotherHost_RedirectsHome(string returnUrl)
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var account = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        var path = "/aanmelden?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        await user.GetAsync(path);
        var fields = user.Fields("aanmelden");
        (fields["Input.Email"], fields["Input.Password"]) = (account.Email, account.Password);

        using var response = await user.PostToAsync(path, fields);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = new Uri(app.Address, response.Headers.Location!);
        Assert.Equal((app.Address.Host, app.Address.Port, "/"), (location.Host, location.Port, location.PathAndQuery));
    }

    private static async Task<HttpResponseMessage> PostWithoutTokenAsync(EditSession user, string form, string action, params (string Name, string Value)[] changes)
    {
        var fields = user.Fields(form);
        Assert.True(fields.Remove("__RequestVerificationToken"), $"form {form} has a token");
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await user.PostToAsync(action, fields);
    }

    private static async Task<int> FirstPlanAsync(TestDatabase db, string municipality)
    {
        await using var read = db.Context();
        return await read.Plans.Where(p => p.MunicipalityCode == municipality).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    /// <summary>The cells of a ';' CSV (quotes per RFC 4180: "" is a quote inside a quoted cell), BOM removed.</summary>
    internal static List<string> Cells(string csv)
    {
        var text = csv.TrimStart('\uFEFF');
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == ';' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                cells.Add(cell.ToString());
                cell.Clear();
                i += c == '\r' ? 1 : 0;
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}

/// <summary>An HTTP client with a browser's cookie after signing in on the page (for the API-ignores-the-cookie test).</summary>
internal static partial class SecurityClients
{
    public static async Task<HttpClient> SignedInBrowserAsync(RunningApp app, TestAccount account)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative), ct);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "aanmelden", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.Email"] = account.Email, ["Input.Password"] = account.Password,
        });
        using var response = await client.PostAsync(new Uri("/aanmelden", UriKind.Relative), form, ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
