using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>Account administration at /beheer/accounts (issue 6): own organisation only (the Rijk: all), version-checked roles, blocking, new passwords.</summary>
public sealed class AuthorisationAccountsTests(TestDatabases databases)
{
    private const string NewPassword = "nieuw-wachtwoord-voor-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MunicipalAdministrator_ManagesOwnAccountsOnly()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var admin = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        var colleague = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer);
        var stranger = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var editor = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using (var notAdmin = new EditSession(app))
        {
            await notAdmin.SignInAsync(editor);
            Assert.Equal(HttpStatusCode.Forbidden, (await notAdmin.GetAsync("/beheer/accounts")).StatusCode);
        }

        using var user = new EditSession(app);
        await user.SignInAsync(admin);
        await user.GetAsync("/account");
        Assert.Contains("href=\"/beheer/accounts\"", user.RawHtml, StringComparison.Ordinal);
        await user.GetAsync("/beheer/accounts");
        var list = user.TextOf("accounts");
        Assert.Contains(colleague.Email, list, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.Email, list, StringComparison.Ordinal);
        Assert.Contains("Accounts en hun rol per organisatie (3)", list, StringComparison.Ordinal);

        // Another organisation by a tampered field: refused, nothing stored.
        using (var tampered = await user.PostAsync("account-nieuw", ("Input.Email", "vreemd@test.nl"), ("Input.Name", "Vreemd"), ("Input.Organisation", "GM0203"), ("Input.Role", "beheerder"), ("Input.Password", NewPassword)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        }

        await user.GetAsync("/beheer/accounts");
        using (var tooShort = await user.PostAsync("account-nieuw", ("Input.Email", "nieuw@test.nl"), ("Input.Name", "Nieuw"), ("Input.Role", "bewerker"), ("Input.Password", "kort")))
        {
            Assert.Contains("Het wachtwoord moet minstens 12 tekens hebben.", user.TextOf("fouten"), StringComparison.Ordinal);
        }

        await user.GetAsync("/beheer/accounts");
        using (var created = await user.PostAsync("account-nieuw", ("Input.Email", "nieuw@test.nl"), ("Input.Name", "Nieuw <b>"), ("Input.Role", "bewerker"), ("Input.Password", NewPassword)))
        {
            Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        }

        await using var check = db.Context();
        Assert.False(await check.Accounts.AnyAsync(a => a.Email == "vreemd@test.nl", Ct));
        var account = await check.Accounts.SingleAsync(a => a.Email == "nieuw@test.nl", Ct);
        var role = await check.AccountRoles.SingleAsync(r => r.AccountId == account.Id, Ct);
        Assert.Equal(("GM0228", AccountRole.Editor), (role.OrganisationId, role.Role));
        var audit = await check.AuditEntries.Where(e => e.ObjectType == "account" && e.ObjectId == account.Id).ToListAsync(Ct);
        Assert.All(audit, e => Assert.Equal((admin.Id, "GM0228"), (e.ActorId, e.OrganisationId)));
        Assert.All(audit, e => Assert.DoesNotContain("PasswordHash", e.After ?? "", StringComparison.Ordinal));
        await user.GetAsync($"/beheer/accounts/{stranger.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/beheer/accounts/{stranger.Id}")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_IsVersionChecked_BlockAndNewPasswordTakeEffect()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var rijk = await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Administrator);
        var municipal = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        var target = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Viewer);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var first = new EditSession(app);
        using var second = new EditSession(app);
        await first.SignInAsync(rijk);
        await second.SignInAsync(await TestAccounts.CreateAsync(db, "RIJK", AccountRole.Administrator));
        await first.GetAsync($"/beheer/accounts/{target.Id}");
        await second.GetAsync($"/beheer/accounts/{target.Id}");

        Assert.Equal(HttpStatusCode.Found, (await first.PostAsync("rol", ("RoleInput", "bewerker"))).StatusCode);
        using (var stale = await second.PostAsync("rol", ("RoleInput", "beheerder")))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("Uw keuze: beheerder; nu opgeslagen: bewerker (versie 1)", second.TextOf("conflict-melding"), StringComparison.Ordinal);
        }

        await using (var check = db.Context())
        {
            Assert.Equal(AccountRole.Editor, (await check.AccountRoles.SingleAsync(r => r.AccountId == target.Id, Ct)).Role);
        }

        // A municipal administrator cannot touch another municipality's account.
        using (var municipalSession = new EditSession(app))
        {
            await municipalSession.SignInAsync(municipal);
            Assert.Equal(HttpStatusCode.NotFound, (await municipalSession.GetAsync($"/beheer/accounts/{target.Id}")).StatusCode);
        }

        await first.GetAsync($"/beheer/accounts/{target.Id}");
        Assert.Equal(HttpStatusCode.Found, (await first.PostAsync("blokkeren")).StatusCode);
        using (var blocked = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = target.Email, password = target.Password }, Ct))
        {
            Assert.Equal((HttpStatusCode)423, blocked.StatusCode);
        }

        await first.GetAsync($"/beheer/accounts/{target.Id}");
        Assert.Equal(HttpStatusCode.Found, (await first.PostAsync("blokkeren")).StatusCode); // unblock
        await first.GetAsync($"/beheer/accounts/{target.Id}");
        Assert.Equal(HttpStatusCode.Found, (await first.PostAsync("wachtwoord", ("Password", NewPassword))).StatusCode);
        using (var old = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = target.Email, password = target.Password }, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using var fresh = await app.Client.PostAsJsonAsync("/api/v1/aanmelden", new { email = target.Email, password = NewPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
