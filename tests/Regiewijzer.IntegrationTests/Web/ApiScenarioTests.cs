using System.Net;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>POST /api/v1/verdelingen: a scenario file in, the distribution out; every kind of bad request is a problem.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiScenarioTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Post_FoodvalleyScenarioFile_GivesTheWorkedExample(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", await File.ReadAllTextAsync(ScenarioFiles.FoodvalleyPath, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        ApiClient.AssertVersion(response);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ScenarioFiles.FoodvalleyResultJson(), json);
        var region = ApiClient.Parse(json).GetProperty("region");
        Assert.Equal(7615, region.GetProperty("social").GetInt32());
        Assert.Equal(16922, region.GetProperty("affordable").GetInt32());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Post_InvalidScenario_Is422ListingEveryErrorWithItsJsonPath(Provider provider)
    {
        var api = await apps.ClientAsync(provider);
        const string scenario = """
            { "formatVersion": 1, "key": "everyone-equal", "colour": "blue",
              "municipalities": [
                { "code": "GM0228", "stock": 52436, "socialStock": 11012, "task": 7000 },
                { "code": "GM0228", "stock": 100, "socialStock": 10, "task": 5 },
                { "code": "GM0289", "stock": 4226, "socialStock": 5000, "task": "841" } ] }
            """;

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", scenario);

        var problem = await ApiClient.AssertProblemAsync(response, (HttpStatusCode)422, "ongeldig-scenario");
        var errors = ApiClient.InvalidParams(problem);
        Assert.Equal(
            ["$.colour", "$.key", "$.municipalities[1].code", "$.municipalities[2].socialStock", "$.municipalities[2].task"],
            errors.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e is ("$.municipalities[2].socialStock", "5000 is groter dan de voorraad (4226)"));
        Assert.Contains(errors, e => e.Name == "$.municipalities[1].code" && e.Reason.Contains("dubbel", StringComparison.Ordinal));
        Assert.Equal("5 fouten; zie invalidParams.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite, "{ \"formatVersion\": 1, ")]
    [InlineData(Provider.Postgres, "formatVersion=1")]
    [InlineData(Provider.Sqlite, "")]
    public async Task Post_MalformedJson_Is400WithPosition(Provider provider, string body)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", body);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-json");
        Assert.StartsWith("De body is geen geldige JSON (regel 1, positie ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "text/plain")]
    [InlineData(Provider.Postgres, "application/xml")]
    [InlineData(Provider.Sqlite, "application/json; charset=iso-8859-1")]
    public async Task Post_OtherContentType_Is415(Provider provider, string contentType)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", "{}", contentType);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "mediatype-niet-ondersteund");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Post_BodyOverOneMegabyte_Is413(Provider provider)
    {
        var api = await apps.ClientAsync(provider);
        var body = $"{{ \"name\": \"{new string('x', 1024 * 1024)}\" }}";

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", body);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "te-groot");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Post_MoreMunicipalitiesThanTheCountryHas_Is422(Provider provider)
    {
        var api = await apps.ClientAsync(provider);
        var municipalities = string.Join(",", Enumerable.Range(1, 501).Select(i => $"{{\"code\":\"GM{i:D4}\",\"stock\":100,\"socialStock\":10,\"task\":5}}"));

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", $"{{\"formatVersion\":1,\"municipalities\":[{municipalities}]}}");

        var problem = await ApiClient.AssertProblemAsync(response, (HttpStatusCode)422, "ongeldig-scenario");
        Assert.Equal("$.municipalities", Assert.Single(ApiClient.InvalidParams(problem)).Name);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "GET")]
    [InlineData(Provider.Postgres, "DELETE")]
    public async Task OtherMethodOnVerdelingen_Is405AllowingPost(Provider provider, string method)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.SendAsync(new HttpMethod(method), "/api/v1/verdelingen");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "methode-niet-toegestaan");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }
}
