using System.Net;
using System.Net.Http.Json;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Issue 17, several instances, one truth: two real app instances on one real PostgreSQL, also behind nginx. Before, a
/// change made on one instance was invisible on the other for up to 30 s (process caches), and each instance had its
/// own key ring, so a cookie from one was not accepted by the other.
/// </summary>
public sealed class TwoInstancesTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieIssuedByA_IsAcceptedByB_AlsoThroughTheProxy()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var a = await RunningApp.StartAsync(db.Options, Ct);
        await using var b = await RunningApp.StartAsync(db.Options, Ct);

        // Signed in on A; the same cookie sent to B.
        using var session = new EditSession(a);
        await session.SignInAsync(ede);
        var cookie = session.Cookies(a.Address);
        using var toB = new HttpRequestMessage(HttpMethod.Get, new Uri(b.Address, "/account"));
        toB.Headers.Add("Cookie", cookie);
        using var onB = await b.Client.SendAsync(toB, Ct);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("GM0228", await onB.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // An API token from B works on A.
        var token = await TestAccounts.TokenAsync(b.Client, ede.Email, ede.Password);
        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(a.Address, "/api/v1/ik"));
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var onA = await a.Client.SendAsync(me, Ct);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }
}
