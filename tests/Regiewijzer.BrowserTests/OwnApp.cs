using Microsoft.AspNetCore.Builder;
using Regiewijzer.Data.Database;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// A test's own web app, for tests that change data (accounts, agreements): the real app (Kestrel on a free loopback
/// port) on a fresh seeded SQLite file in its own temporary folder. The browser comes from the shared fixture.
/// </summary>
internal sealed class OwnApp : IAsyncDisposable
{
    private readonly WebApplication web;

    private OwnApp(WebApplication web, DatabaseOptions database)
    {
        this.web = web;
        Database = database;
        Site = web.Urls.First().TrimEnd('/');
    }

    /// <summary>The app's database, for creating accounts and reading what was stored.</summary>
    public DatabaseOptions Database { get; }

    /// <summary>The app's address without a trailing slash, e.g. "http://127.0.0.1:41234".</summary>
    public string Site { get; }

    /// <param name="folderPrefix">Prefix of the temporary folder, e.g. "regiewijzer-audit-".</param>
    /// <param name="extraArgs">More configuration (later values win), e.g. the mail server.</param>
    public static async Task<OwnApp> StartAsync(string folderPrefix, params string[] extraArgs)
    {
        var directory = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var database = new DatabaseOptions(DatabaseOptions.Sqlite, $"Data Source={Path.Combine(directory, "regiewijzer.db")}");
        var web = await WebApp.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0", "--environment", "Production", "--Database:Provider", "sqlite",
            "--Database:ConnectionString", database.ConnectionString, "--Logging:LogLevel:Default", "Warning",
            "--Monitoring:WarmUp", "false", // prepared at the first request, not beside the page loads
            .. extraArgs,
        ]);
        await web.StartAsync(TestContext.Current.CancellationToken);
        return new OwnApp(web, database);
    }

    public ValueTask DisposeAsync() => web.DisposeAsync();
}
