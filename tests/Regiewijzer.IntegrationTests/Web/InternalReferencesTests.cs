using System.Globalization;
using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>Users are pointed at what they can read (the law, CBS tables, /bronnen), never at the project's internal documents (issue 14).</summary>
public sealed class InternalReferencesTests(TestDatabases databases)
{
    private static readonly string[] Internal = ["domain.md", "rules.md", "scenario-format.md", "docs/", "SOURCES.md"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesAndApi_CiteNoInternalDocument()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(database.Options, Ct);
        using var client = new HttpClient { BaseAddress = app.Address };
        foreach (var path in new[]
        {
            "/", "/bronnen", "/regio/WD19", "/regio/WD17", "/gemeente/GM0228", "/gemeente/GM0339", "/provincie/PV25", "/voortgang/regio/WD19",
            "/voortgang/provincie/PV25", "/api", "/api/v1/openapi.json", "/api/v1/gemeenten/GM0228", "/api/v1/regios/WD19/verdeling",
        })
        {
            var text = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
            foreach (var word in Internal)
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{path} cites '{word}'");
            }
        }
    }

    [Theory]
    [InlineData("verdeel", "--help")]
    [InlineData("toets", "--help")]
    [InlineData("kwaliteit", "--help")]
    public void CliHelp_CitesNoInternalDocument(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        CliApp.Run(args, stdout, stderr);

        foreach (var word in Internal)
        {
            Assert.DoesNotContain(word, stdout.ToString() + stderr, StringComparison.Ordinal);
        }
    }
}
