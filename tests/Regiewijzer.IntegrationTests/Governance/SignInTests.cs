using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>Local accounts: sign-in on the page and through the API, lockout, the rate limit, and the CLI's first administrator.</summary>
public sealed class SignInTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_RightPasswordSetsCookie_WrongPasswordSaysSoWithoutSayingWhich()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var account = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var session = new EditSession(app);

        using (var wrong = await session.SignInAsync(account.Email, "niet-het-wachtwoord"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("E-mailadres of wachtwoord klopt niet.", session.Html, StringComparison.Ordinal);
        }

        using (var unknown = await session.SignInAsync("niemand@test.nl", "niet-het-wachtwoord"))
        {
            Assert.Contains("E-mailadres of wachtwoord klopt niet.", session.Html, StringComparison.Ordinal);
        }

        await session.SignInAsync(account);
        using var me = await session.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("GM0228", session.Html, StringComparison.Ordinal);
        Assert.Contains("bewerker", session.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_AfterFiveFailedSignIns_TheRightPasswordIsRefusedToo()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        var account = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        for (var i = 1; i <= 5; i++)
        {
            // Attempts 1-4 fail; the fifth failure locks the account and says so.
            using var failed = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = account.Email, password = "fout-" + i }, Ct);
            var expected = i < 5 ? HttpStatusCode.Unauthorized : (HttpStatusCode)423;
            Assert.True(failed.StatusCode == expected, $"attempt {i}: {(int)failed.StatusCode} {await failed.Content.ReadAsStringAsync(Ct)}");
        }

        using var locked = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = account.Email, password = account.Password }, Ct);
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("geblokkeerd", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The page refuses too, with the lockout message.
        using var session = new EditSession(app);
        using var page = await session.SignInAsync(account.Email, account.Password);
        Assert.Contains("tijdelijk geblokkeerd", session.Html, StringComparison.Ordinal);

        await using var check = db.Context();
        var stored = await check.Accounts.SingleAsync(a => a.Id == account.Id, Ct);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), "locked for about 15 minutes");
    }

    [Fact]
    public async Task SignInRateLimit_PerAddress_AnswersTooManyRequests()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Accounts:SignInPerMinute", "3");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = $"x{i}@test.nl", password = "wat-dan-ook-123" }, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Api_WithoutToken_IsUnauthorized_WithTokenKnowsTheAccount()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var account = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Viewer);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var anonymous = await app.Client.GetAsync(new Uri("/api/v1/ik", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        using var client = await TestAccounts.ApiClientAsync(app, account);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/ik", Ct);
        Assert.Equal(account.Id, me.GetProperty("id").GetString());
        Assert.Equal("lezer", me.GetProperty("roles")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Cli_AccountMaak_CreatesTheFirstAdministrator_PasswordFromStdin()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Regiewijzer.Cli.CliApp.Run(
            [.. db.CliArgs, "account", "maak", "--email", "beheer@rijk.nl", "--naam", "Eerste Beheerder", "--wachtwoord-stdin"],
            stdout, stderr, new StringReader("een-lang-genoeg-wachtwoord\n"));
        Assert.True(exit == 0, stderr.ToString());

        using var tooShort = new StringWriter();
        Assert.Equal(1, Regiewijzer.Cli.CliApp.Run(
            [.. db.CliArgs, "account", "maak", "--email", "tweede@rijk.nl", "--naam", "Tweede", "--wachtwoord-stdin"],
            stdout, tooShort, new StringReader("kort\n")));
        Assert.Contains("minstens 12 tekens", tooShort.ToString(), StringComparison.Ordinal);

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var token = await TestAccounts.TokenAsync(app.Client, "beheer@rijk.nl", "een-lang-genoeg-wachtwoord");
        Assert.False(string.IsNullOrEmpty(token));

        await using var check = db.Context();
        var entries = await check.AuditEntries.Where(a => a.ObjectType == "account").ToListAsync(Ct);
        Assert.Contains(entries, e => e.Entity == "account_roles" && e.Action == "aangemaakt" && e.ActorId.StartsWith("cli:", StringComparison.Ordinal) && e.After!.Contains("\"Role\":\"Administrator\"", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => (e.After ?? "").Contains("PasswordHash", StringComparison.Ordinal));
    }
}
