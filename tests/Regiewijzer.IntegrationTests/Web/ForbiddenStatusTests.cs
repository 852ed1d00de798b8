using System.Net;
using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Issue 11, finding 12: a page renders once while it is still loading; when its permission check had not finished, that
/// render showed "Geen toegang", whose 403 status stuck although the final page was the form. On PostgreSQL under load
/// (a query answered before the app read it completes synchronously, the next one does not) an editor of Ede got 403
/// with the new-plan form. Many editors at once make that interleaving likely; none may get anything but the form.
/// </summary>
public sealed class ForbiddenStatusTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyEditorsAtOnce_OpenAndPostTheNewPlanForm_NeverGetAForbiddenStatus()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct }, async (i, _) =>
        {
            using var user = new EditSession(app);
            await user.SignInAsync(await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor));
            using var get = await user.GetAsync("/gemeente/GM0228/plannen/nieuw");
            if (get.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {i}: {(int)get.StatusCode}");
                return;
            }

            using var post = await user.PostAsync("plan", ("Form.Code", "gelijk-" + i), ("Form.Name", "Tegelijk " + i), ("Form.Status", "1c"),
                ("Form.Deliveries[0].Year", "2027"), ("Form.Deliveries[0].SocialRent", "5"));
            if (post.StatusCode != HttpStatusCode.Found)
            {
                failures.Add($"POST {i}: {(int)post.StatusCode}");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("; ", failures));
    }

    [Fact]
    public async Task AViewer_StillGetsForbidden_WithTheReason()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var user = new EditSession(app);
        await user.SignInAsync(await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer));
        using var get = await user.GetAsync("/gemeente/GM0228/plannen/nieuw");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("Alleen bewerkers van Ede voegen plannen toe aan Ede.", user.Html, StringComparison.Ordinal);
    }
}
