using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Issue 11, finding 4: two imports that create the same new plan codes at the same moment. One is stored; the other
/// is told that someone else changed the same data at the same time (never a 500), and every code exists once.
/// On PostgreSQL the race is forced: the test locks the plans table until both imports wait for it, so both have
/// found the codes absent before either inserts. On SQLite (one writer at a time) four imports run at once.
/// </summary>
public sealed partial class ConcurrentImportTests(TestDatabases databases)
{
    private const string Csv = "gemeentecode;plancode;naam;planstatus;opleverjaar_van;sociale_huur\nGM0228;gelijk-1;Tegelijk een;1a;2027;10\nGM0228;gelijk-2;Tegelijk twee;1b;2028;20\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_TwoImportsOfTheSameNewCodes_OneStored_TheOtherAConflict()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Postgres);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var editor = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        using var first = await SecurityClients.SignedInBrowserAsync(app, editor);
        using var second = await SecurityClients.SignedInBrowserAsync(app, editor);
        var forms = await Task.WhenAll(FormAsync(first), FormAsync(second));

        await using var barrier = new NpgsqlConnection(db.Options.ConnectionString);
        await barrier.OpenAsync(Ct);
        Task<(HttpStatusCode, string)>[] uploads;
        await using (var transaction = await barrier.BeginTransactionAsync(Ct))
        {
            await using (var lockPlans = new NpgsqlCommand("LOCK TABLE plans IN EXCLUSIVE MODE", barrier, transaction))
            {
                await lockPlans.ExecuteNonQueryAsync(Ct); // reads go on, inserts wait
            }

            uploads = [UploadAsync(first, forms[0]), UploadAsync(second, forms[1])];
            // Outside the locking transaction: pg_stat_activity is a snapshot taken once per transaction.
            await using var watcher = new NpgsqlConnection(db.Options.ConnectionString);
            await watcher.OpenAsync(Ct);
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
            while ((long)(await waiting.ExecuteScalarAsync(Ct))! < 2)
            {
                if (uploads.FirstOrDefault(u => u.IsCompleted) is { } early)
                {
                    var (status, html) = await early;
                    Assert.Fail($"an import finished while the plans table was locked: {(int)status} {Excerpt(html)}");
                }

                await Task.Yield();
            }

            await transaction.CommitAsync(Ct);
        }

        var answers = await Task.WhenAll(uploads);
        Assert.Equal(1, answers.Count(IsStored));
        Assert.Equal(1, answers.Count(IsConflict));
        await AssertEachCodeOnceAsync(db);
    }

    [Fact]
    public async Task Sqlite_FourImportsOfTheSameNewCodesAtOnce_NeverAnError_EachCodeOnce()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var editor = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await SecurityClients.SignedInBrowserAsync(app, editor));
        }

        try
        {
            var forms = await Task.WhenAll(clients.Select(FormAsync));
            var answers = await Task.WhenAll(clients.Select((c, i) => UploadAsync(c, forms[i])));

            // The one that comes first creates the plans; later ones replace them (same codes) or lost the race: a conflict.
            Assert.All(answers, a => Assert.True(IsStored(a) || IsConflict(a), $"{(int)a.Status}: {Excerpt(a.Html)}"));
            Assert.Contains(answers, IsStored);
            await AssertEachCodeOnceAsync(db);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static bool IsStored((HttpStatusCode Status, string Html) answer) =>
        answer.Status == HttpStatusCode.OK && answer.Html.Contains("Plannen ingelezen uit gelijk.csv", StringComparison.Ordinal);

    /// <summary>The conflict: the import's own report (200) or the error page of a lost race (409), both "tegelijk dezelfde gegevens gewijzigd".</summary>
    private static bool IsConflict((HttpStatusCode Status, string Html) answer) =>
        answer.Status is HttpStatusCode.OK or HttpStatusCode.Conflict &&
        answer.Html.Contains("tegelijk dezelfde gegevens gewijzigd", StringComparison.OrdinalIgnoreCase) &&
        !answer.Html.Contains("Plannen ingelezen uit", StringComparison.Ordinal);

    private static async Task AssertEachCodeOnceAsync(TestDatabase db)
    {
        await using var check = db.Context();
        Assert.Equal(1, await check.Plans.CountAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "gelijk-1", Ct));
        Assert.Equal(1, await check.Plans.CountAsync(p => p.MunicipalityCode == "GM0228" && p.Code == "gelijk-2", Ct));
    }

    /// <summary>The hidden fields of form "plannen-inlezen" (handler name and antiforgery token).</summary>
    private static async Task<List<(string Name, string Value)>> FormAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/monitoring/import", UriKind.Relative), Ct);
        var start = page.IndexOf("id=\"plannen-inlezen\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no form #plannen-inlezen");
        var form = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        return [.. HiddenInput().Matches(form).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(HttpClient client, List<(string Name, string Value)> hidden)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Bestand", "gelijk.csv");
        using var response = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), content, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static string Excerpt(string html)
    {
        var i = html.IndexOf("<h1", StringComparison.Ordinal);
        return i < 0 ? html[..Math.Min(400, html.Length)] : html[i..Math.Min(i + 600, html.Length)];
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
