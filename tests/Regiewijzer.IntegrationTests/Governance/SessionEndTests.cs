using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// Issue 11, finding 8: a password reset, a role change and blocking by an administrator end the account's existing
/// sessions at once: the old cookie is sent to the sign-in page and the old bearer token gets 401, on the next request.
/// </summary>
public sealed class SessionEndTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum AdminAction
    {
        ResetPassword,
        ChangeRole,
        Block,
    }

    [Theory]
    [InlineData(AdminAction.ResetPassword, Provider.Sqlite)]
    [InlineData(AdminAction.ResetPassword, Provider.Postgres)]
    [InlineData(AdminAction.ChangeRole, Provider.Sqlite)]
    [InlineData(AdminAction.Block, Provider.Sqlite)]
    public async Task AdministratorsChange_EndsTheOldCookieAndTheOldBearerTokenAtOnce(AdminAction action, Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var admin = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        var editor = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var browser = new EditSession(app);
        await browser.SignInAsync(editor);
        using var api = await TestAccounts.ApiClientAsync(app, editor);
        using (var page = await browser.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var me = await api.GetAsync(new Uri("/api/v1/ik", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        await ActAsync(db, admin, editor, action);

        using (var page = await browser.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.Found, page.StatusCode);
            Assert.StartsWith("/aanmelden", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using (var me = await api.GetAsync(new Uri("/api/v1/ik", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
        }

        if (action == AdminAction.ChangeRole)
        {
            // Signing in again works, with the new role.
            using var again = await TestAccounts.ApiClientAsync(app, editor);
            var roles = await again.GetStringAsync(new Uri("/api/v1/ik", UriKind.Relative), Ct);
            Assert.Contains("\"lezer\"", roles, StringComparison.Ordinal);
        }
    }

    private static async Task ActAsync(TestDatabase database, TestAccount admin, TestAccount editor, AdminAction action)
    {
        await using var db = database.Context();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<RegiewijzerDb>(db);
        services.AddAccountStore();
        await using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<UserManager<AccountRow>>();
        var actor = await LoadActor.RunAsync(db, admin.Id, DateTimeOffset.UtcNow, Ct);
        switch (action)
        {
            case AdminAction.ResetPassword:
                Assert.Equal(OutcomeKind.Ok, (await AccountAdmin.ResetPasswordAsync(users, db, actor, editor.Id, "een-heel-nieuw-wachtwoord", Ct)).Kind);
                break;
            case AdminAction.ChangeRole:
                var role = await db.AccountRoles.AsNoTracking().SingleAsync(r => r.AccountId == editor.Id, Ct);
                Assert.Equal(OutcomeKind.Ok, (await AccountAdmin.ChangeRoleAsync(db, actor, role.Id, "lezer", role.Version, Ct)).Kind);
                break;
            default:
                Assert.Equal(OutcomeKind.Ok, (await AccountAdmin.SetBlockedAsync(users, db, actor, editor.Id, blocked: true, Ct)).Kind);
                break;
        }
    }
}
