using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Work;
using Regiewijzer.IntegrationTests.Web;
using Regiewijzer.Tests.Shared;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// Issue 15: what waits for an organisation (the API's werkvoorraad), notifications in the application and by e-mail on
/// a real SMTP listener, each account's choices, each event told once, and a step that succeeds while the mail server is
/// down (the outbox keeps the message and retries).
/// </summary>
public sealed class NotificationTests(TestDatabases databases)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ProposalAndResponse_WaitForTheRightOrganisation_AndAreToldAsEachAccountChose(Provider provider)
    {
        await using var smtp = new SmtpListener();
        await using var db = await databases.CreateSeededAsync(provider);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var edeQuiet = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Viewer, "stil-ede@test.nl");
        var amsterdam = await TestAccounts.CreateAsync(db, "GM0363", AccountRole.Editor);
        await using (var ctx = db.Options.CreateContext())
        {
            await NotificationInbox.SaveChoicesAsync(ctx, edeQuiet.Id, [new NotificationChoice(EventKind.AgreementProposed, InApp: true, Email: false)], Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct, MailArgs(smtp.Port));
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        using var member = await TestAccounts.ApiClientAsync(app, ede);
        using var quiet = await TestAccounts.ApiClientAsync(app, edeQuiet);
        using var outsider = await TestAccounts.ApiClientAsync(app, amsterdam);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync(new Uri("/api/v1/werkvoorraad", UriKind.Relative), Ct)).StatusCode);

        var v = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        var id = v.GetProperty("id").GetInt32();
        Assert.Empty(Waiting(await WorkAsync(member), "GM0228", "reageren")); // a concept waits for nobody
        v = await AgreementApi.MoveAsync(province, id, "voorgesteld", AgreementApi.Version(v), HttpStatusCode.OK);
        var proposedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(v.GetProperty("proposedAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

        // Ede: the version waits for its response, with the response period (an assumption) from the proposal.
        var respond = Assert.Single(Waiting(await WorkAsync(member), "GM0228", "reageren"));
        Assert.Equal($"/afspraak/{id}", respond.GetProperty("link").GetString());
        Assert.Equal(proposedOn.AddDays(GovernanceDeadlines.ResponsePeriod.Days!.Value), DateOnly.Parse(respond.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("open", respond.GetProperty("dueState").GetString());
        Assert.Contains("aanname", respond.GetProperty("dueBasis").GetString(), StringComparison.Ordinal);
        Assert.Empty(Waiting(await WorkAsync(outsider), "GM0363", "reageren")); // Amsterdam is not in Foodvalley

        // E-mail to Ede's editor; not to the viewer who chose no e-mail for proposals, nor to the province that acted.
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == ede.Email), MailWait, Ct);
        Assert.Contains($"/afspraak/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/meldingen", mail.TextBody, StringComparison.Ordinal);
        var quietNotes = await NotificationsAsync(quiet);
        Assert.Equal("afspraakVoorgesteld", Assert.Single(quietNotes).GetProperty("kind").GetString()); // in the application, as chosen
        Assert.DoesNotContain(smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == edeQuiet.Email || b.Address == gelderland.Email || b.Address == amsterdam.Email));
        Assert.Empty(await NotificationsAsync(outsider));

        // Ede objects; the province's start page shows it waiting to be adopted with the objection, and it is told.
        await AgreementApi.ExpectAsync(await member.PutAsJsonAsync($"/api/v1/afspraken/{id}/reacties/GM0228", new { kind = "bezwaar", comment = "Te veel sociale huur voor Ede." }, Ct), HttpStatusCode.OK);
        await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == gelderland.Email), MailWait, Ct);
        var work = await WorkAsync(province);
        var adopt = Assert.Single(Waiting(work, "PV25", "vaststellen"));
        Assert.Contains("bezwaar van Ede", adopt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(Org(work, "PV25").GetProperty("happened").EnumerateArray(), e => e.GetProperty("kind").GetString() == "reactieGegeven");
        Assert.Empty(Waiting(await WorkAsync(member), "GM0228", "reageren"));

        // Each event is told once, however often the dispatch runs.
        await using (var ctx = db.Options.CreateContext())
        {
            var before = await ctx.Notifications.CountAsync(Ct);
            Assert.Equal(0, await NotificationDispatch.RunAsync(ctx, DateTimeOffset.UtcNow, new Uri("http://127.0.0.1/"), Ct));
            Assert.Equal(before, await ctx.Notifications.CountAsync(Ct));
            Assert.Equal(1, await ctx.MailOutbox.CountAsync(m => m.To == ede.Email, Ct));
        }
    }

    [Fact]
    public async Task MailServerDown_TheStepSucceeds_TheMessageWaitsInTheOutboxWithADutchReason()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Editor);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        } // nothing listens there now

        await using var app = await RunningApp.StartAsync(db.Options, Ct, MailArgs(closedPort));
        using var province = await TestAccounts.ApiClientAsync(app, gelderland);
        var v = await AgreementApi.ExpectAsync(await province.PostAsJsonAsync("/api/v1/regios/WD19/afspraken", new { reason = "eerste versie" }, Ct), HttpStatusCode.Created);
        await AgreementApi.MoveAsync(province, v.GetProperty("id").GetInt32(), "voorgesteld", AgreementApi.Version(v), HttpStatusCode.OK);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(MailWait);
        Data.Model.MailOutboxRow? row = null;
        while (row is not { Attempts: > 0 })
        {
            await Task.Delay(200, limit.Token);
            await using var ctx = db.Options.CreateContext();
            row = await ctx.MailOutbox.AsNoTracking().FirstOrDefaultAsync(m => m.To == ede.Email, limit.Token);
        }

        Assert.Null(row.SentAt);
        Assert.StartsWith("De mailserver was niet bereikbaar", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow, "retried later, not at once");
        using var member = await TestAccounts.ApiClientAsync(app, ede);
        Assert.Single(await NotificationsAsync(member)); // in the application all the same
    }

    private static string[] MailArgs(int port) =>
        ["--Mail:Host", "127.0.0.1", "--Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Mail:Security", "None", "--Notifications:IntervalSeconds", "1"];

    private static async Task<JsonElement> WorkAsync(HttpClient client) =>
        await AgreementApi.ExpectAsync(await client.GetAsync(new Uri("/api/v1/werkvoorraad", UriKind.Relative), Ct), HttpStatusCode.OK);

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await AgreementApi.ExpectAsync(await client.GetAsync(new Uri("/api/v1/meldingen", UriKind.Relative), Ct), HttpStatusCode.OK)).EnumerateArray()];

    private static JsonElement Org(JsonElement work, string code) =>
        work.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code);

    private static List<JsonElement> Waiting(JsonElement work, string code, string kind) =>
        [.. Org(work, code).GetProperty("waiting").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind)];
}
