using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task PlanEditedOnA_IsReadChangedFromB_AtOnce()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int id;
        await using (var read = db.Context())
        {
            id = (await read.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).FirstAsync(Ct)).Id;
        }

        await using var a = await RunningApp.StartAsync(db.Options, Ct);
        await using var b = await RunningApp.StartAsync(db.Options, Ct);
        var progress = new Uri("/api/v1/gemeenten/GM0228/voortgang", UriKind.Relative);
        var before = await b.Client.GetStringAsync(progress, Ct); // B builds and keeps its monitoring snapshot
        Assert.Equal(before, await b.Client.GetStringAsync(progress, Ct));

        using var editor = await TestAccounts.ApiClientAsync(a, ede);
        using (var put = await editor.PutAsJsonAsync($"/api/v1/plannen/{id}", new { version = 0, deliveries = new[] { new { year = 2027, socialRent = 777, middleRent = 0, affordableOwnership = 0, freeRent = 0, freeOwnership = 0, unknownSegment = 0 } } }, Ct))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var onA = await a.Client.GetStringAsync(progress, Ct);
        var onB = await b.Client.GetStringAsync(progress, Ct); // the very next request on B, no waiting
        Assert.NotEqual(before, onA);
        Assert.Equal(onA, onB);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ChangeStoredByAnotherProcess_IsSeenOnTheNextRequest_CachedPagesIncluded(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var region = new Uri("/api/v1/regios/WD19", UriKind.Relative);
        var page = new Uri("/gemeente/GM0228", UriKind.Relative);
        var regionBefore = await app.Client.GetStringAsync(region, Ct); // the country check, cached
        var pageBefore = await app.Client.GetStringAsync(page, Ct); // a page kept by the output cache
        Assert.Equal(pageBefore, await app.Client.GetStringAsync(page, Ct));

        // As the command line would: its own context, not the app's write signal. The stored change count tells the app.
        await using (var other = db.Context())
        {
            var task = await other.Tasks.FirstAsync(t => t.MunicipalityCode == "GM0228", Ct);
            task.Homes += 1000;
            await other.SaveChangesAsync(Ct);
        }

        Assert.NotEqual(regionBefore, await app.Client.GetStringAsync(region, Ct));
        Assert.NotEqual(pageBefore, await app.Client.GetStringAsync(page, Ct));
    }
}
