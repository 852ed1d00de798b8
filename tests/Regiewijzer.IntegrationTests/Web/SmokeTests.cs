using System.Net;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

public sealed class SmokeTests(TestDatabases databases)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Home_ServesDutchPageWithStylesheets(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await using var app = await RunningApp.StartAsync(db.Options, TestContext.Current.CancellationToken);

        var html = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(lib/components-css/[^\"]+)\"").Groups[1].Value;
        using var response = await app.Client.GetAsync(new Uri("/" + css, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
