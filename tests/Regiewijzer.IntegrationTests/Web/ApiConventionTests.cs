using System.Net;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>What every /api response shares (NLGov API Design Rules): API-Version, problem+json errors, 404 and 405, HEAD, CORS.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiConventionTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task EveryResponse_CarriesTheFullVersionInApiVersion(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        foreach (var (method, path) in new[]
        {
            ("GET", "/api/v1"), ("GET", "/api/v1/openapi.json"), ("GET", "/api/v1/provincies/PV25"), ("HEAD", "/api/v1/regios"),
            ("GET", "/api/v1/regios/WD99"), ("GET", "/api/v2"), ("PUT", "/api/v1/gemeenten"), ("GET", "/api/v1/bevindingen?ernst=x"),
        })
        {
            using var response = await api.SendAsync(new HttpMethod(method), path);
            ApiClient.AssertVersion(response);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite, "/api/v1/bestaat-niet")]
    [InlineData(Provider.Postgres, "/api/v2/regios")]
    [InlineData(Provider.Sqlite, "/api/v1/regios/WD19/onbekend")]
    [InlineData(Provider.Postgres, "/api/v1/regios/")]
    [InlineData(Provider.Sqlite, "/api/v1/")]
    public async Task UnknownPathOrTrailingSlash_Is404ProblemNotThePage(Provider provider, string path)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync(path);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
    }

    [Theory]
    [InlineData(Provider.Sqlite, "DELETE", "/api/v1/regios/WD19")]
    [InlineData(Provider.Postgres, "POST", "/api/v1/gemeenten")]
    [InlineData(Provider.Sqlite, "PATCH", "/api/v1/bevindingen")]
    public async Task WrongMethod_Is405ProblemWithAllow(Provider provider, string method, string path)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.SendAsync(new HttpMethod(method), path);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "methode-niet-toegestaan");
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Contains($"{method} kan niet op {path}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Head_IsServedLikeGetWithoutBody(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        foreach (var path in new[] { "/api/v1/regios/WD19/verdeling", "/api/v1/openapi.json", "/api/v1" })
        {
            using var response = await api.SendAsync(HttpMethod.Head, path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Index_NamesTheVersionTheDocumentAndEveryResource(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var index = await api.GetJsonAsync("/api/v1");

        Assert.Equal("1.0.0", index.GetProperty("version").GetString());
        Assert.Equal("/api/v1/openapi.json", index.GetProperty("openApi").GetString());
        foreach (var resource in index.GetProperty("resources").EnumerateObject().Where(r => r.Name != "verdelingen"))
        {
            Assert.NotEqual(0, (await api.GetJsonAsync(resource.Value.GetString()!)).GetArrayLength());
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Cors_AllowsAnyOriginAndThePreflightOfAPost(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var get = await api.GetAsync("/api/v1/openapi.json");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/verdelingen", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://voorbeeld.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var answer = await api.SendAsync(preflight);

        Assert.Equal("*", Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }
}
