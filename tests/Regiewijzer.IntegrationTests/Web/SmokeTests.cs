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
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(lib/stijl/regiewijzer\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        using var response = await app.Client.GetAsync(new Uri("/" + css, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(".utrecht-table", body, StringComparison.Ordinal); // served from the build output, not an empty 200
        Assert.Contains(".rw-main", body, StringComparison.Ordinal); // with the site's own styles in the same sheet
    }

    [Fact]
    public async Task UnknownPage_Is404WithDutchPage()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, TestContext.Current.CancellationToken);

        using var response = await app.Client.GetAsync(new Uri("/bestaat-niet", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
