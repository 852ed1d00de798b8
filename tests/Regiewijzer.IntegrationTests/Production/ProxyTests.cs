using System.Net;
using System.Net.Http.Json;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Issue 17, behind a proxy: the app behind a real nginx that terminates TLS. Before, the session cookie was not Secure,
/// no HSTS was sent and all users shared one sign-in limit (keyed on the proxy's address). Now the forwarded headers of
/// the configured proxy (and only that one) give the real scheme and client address.
/// </summary>
public sealed class ProxyTests(TestDatabases databases)
{
    private static readonly IPAddress ClientA = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress ClientB = IPAddress.Parse("127.0.0.4");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThroughTheProxy_SecureSessionCookie_Hsts_AndTypeUrisOnThePublicAddress()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var account = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Proxy:KnownProxies", Nginx.ProxyAddress.ToString(), "--App:PublicBaseUrl", "https://regiewijzer.example.nl");
        await using var nginx = await Nginx.StartAsync([app.Address], Ct);

        using var session = new EditSession(nginx.Client(ClientA));
        using var signIn = await session.SignInAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("regiewijzer=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(signIn.Headers.Contains("Strict-Transport-Security"), "HSTS over https");

        using var client = nginx.Client(ClientA, cookies: false);
        using var problem = await client.GetAsync(new Uri("/api/v1/regios/XX99", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Contains("\"type\":\"https://regiewijzer.example.nl/api#probleem-", await problem.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUnknownAddress_AreIgnored()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Proxy:KnownProxies", Nginx.ProxyAddress.ToString());

        // Straight to the app from 127.0.0.1 (not the proxy), pretending to be https: no HSTS, the scheme stays http.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/regios/XX99", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await app.Client.SendAsync(request, Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("\"type\":\"http://127.0.0.1:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInLimit_IsPerRealClient_NotSharedBehindTheProxy()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct, "--Proxy:KnownProxies", Nginx.ProxyAddress.ToString(), "--Accounts:SignInPerMinute", "3");
        await using var nginx = await Nginx.StartAsync([app.Address], Ct);
        using var a = nginx.Client(ClientA, cookies: false);
        using var b = nginx.Client(ClientB, cookies: false);

        var fromA = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await a.PostAsJsonAsync("/api/v1/aanmelden", new { email = $"niemand-{i}@test.nl", password = "fout" }, Ct);
            fromA.Add(attempt.StatusCode);
        }

        using var fromB = await b.PostAsJsonAsync("/api/v1/aanmelden", new { email = "iemand@test.nl", password = "fout" }, Ct);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], fromA);
        Assert.Equal(HttpStatusCode.Unauthorized, fromB.StatusCode); // before: 429, the proxy's address shared one limit
    }
}
