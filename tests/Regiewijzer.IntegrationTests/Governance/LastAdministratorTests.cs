using System.Net;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>An organisation with an active administrator keeps one: its last unblocked administrator cannot be demoted or blocked (issue 6).</summary>
public sealed class LastAdministratorTests(TestDatabases databases)
{
    private const string Refusal = "Test PV25 is de laatste beheerder van Provincie Gelderland die niet geblokkeerd is; ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task LastActiveAdministrator_CannotBeDemotedOrBlocked_UntilThereIsAnother(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var a = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Administrator);
        var b = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Administrator);
        var c = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Administrator);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var rijk = new EditSession(app);
        await rijk.SignInAsync(a);

        // The Rijk has two administrators: A may demote B.
        await rijk.GetAsync($"/beheer/accounts/{b.Id}");
        Assert.Equal(HttpStatusCode.Found, (await rijk.PostAsync("rol", ("RoleInput", "bewerker"))).StatusCode);
        Assert.Equal((AccountRole.Editor, 1), await RoleAsync(db, b));

        // Gelderland's only administrator C: neither demoted nor blocked; the page says why; nothing changes.
        await rijk.GetAsync($"/beheer/accounts/{c.Id}");
        using (var demote = await rijk.PostAsync("rol", ("RoleInput", "lezer")))
        {
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
            Assert.StartsWith(Refusal + "daarom kunt u de rol niet verlagen.", rijk.TextOf("fout"), StringComparison.Ordinal);
        }

        await rijk.GetAsync($"/beheer/accounts/{c.Id}");
        using (var block = await rijk.PostAsync("blokkeren"))
        {
            Assert.Equal(HttpStatusCode.OK, block.StatusCode);
            Assert.StartsWith(Refusal + "daarom kunt u dit account niet blokkeren.", rijk.TextOf("fout"), StringComparison.Ordinal);
        }

        Assert.Equal((AccountRole.Administrator, 0), await RoleAsync(db, c));
        Assert.False(await BlockedAsync(db, c));

        // A second Gelderland administrator who is blocked does not count; once unblocked, C may go.
        var d = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Administrator);
        await rijk.GetAsync($"/beheer/accounts/{d.Id}");
        Assert.Equal(HttpStatusCode.Found, (await rijk.PostAsync("blokkeren")).StatusCode);
        Assert.True(await BlockedAsync(db, d));
        await rijk.GetAsync($"/beheer/accounts/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, (await rijk.PostAsync("rol", ("RoleInput", "bewerker"))).StatusCode);
        Assert.Equal((AccountRole.Administrator, 0), await RoleAsync(db, c));

        await rijk.GetAsync($"/beheer/accounts/{d.Id}");
        Assert.Equal(HttpStatusCode.Found, (await rijk.PostAsync("blokkeren")).StatusCode); // unblock
        await rijk.GetAsync($"/beheer/accounts/{c.Id}");
        Assert.Equal(HttpStatusCode.Found, (await rijk.PostAsync("rol", ("RoleInput", "bewerker"))).StatusCode);
        Assert.Equal((AccountRole.Editor, 1), await RoleAsync(db, c));

        // Now D is Gelderland's last administrator: blocking D is refused, blocking the demoted C is not.
        await rijk.GetAsync($"/beheer/accounts/{d.Id}");
        Assert.Equal(HttpStatusCode.OK, (await rijk.PostAsync("blokkeren")).StatusCode);
        Assert.Contains("is de laatste beheerder van Provincie Gelderland", rijk.TextOf("fout"), StringComparison.Ordinal);
        Assert.False(await BlockedAsync(db, d));
        await rijk.GetAsync($"/beheer/accounts/{c.Id}");
        Assert.Equal(HttpStatusCode.Found, (await rijk.PostAsync("blokkeren")).StatusCode);
        Assert.True(await BlockedAsync(db, c));
    }

    private static async Task<(AccountRole Role, int Version)> RoleAsync(TestDatabase db, TestAccount account)
    {
        await using var read = db.Context();
        var row = await read.AccountRoles.SingleAsync(r => r.AccountId == account.Id, Ct);
        return (row.Role, row.Version);
    }

    private static async Task<bool> BlockedAsync(TestDatabase db, TestAccount account)
    {
        await using var read = db.Context();
        var row = await read.Accounts.SingleAsync(r => r.Id == account.Id, Ct);
        return row.LockoutEnd >= AccountAdmin.BlockedUntil;
    }
}
