using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The OpenAPI document describes the monitoring responses field by field, and runs and seed as integers.</summary>
[Collection(ApiGroup.Name)]
public sealed class MonitoringApiDocumentTests(ApiApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite, "/voortgang", "/api/v1/voortgang")]
    [InlineData(Provider.Postgres, "/provincies/{code}/voortgang", "/api/v1/provincies/PV21/voortgang")]
    [InlineData(Provider.Sqlite, "/regios/{id}/voortgang", "/api/v1/regios/WD19/voortgang")]
    [InlineData(Provider.Sqlite, "/gemeenten/{code}/voortgang", "/api/v1/gemeenten/GM0059/voortgang")]
    [InlineData(Provider.Sqlite, "/prognose", "/api/v1/prognose?runs=500")]
    [InlineData(Provider.Postgres, "/provincies/{code}/prognose", "/api/v1/provincies/PV25/prognose?runs=500")]
    [InlineData(Provider.Sqlite, "/regios/{id}/prognose", "/api/v1/regios/WD19/prognose?runs=500")]
    [InlineData(Provider.Sqlite, "/gemeenten/{code}/prognose", "/api/v1/gemeenten/GM0228/prognose?runs=500")]
    [InlineData(Provider.Sqlite, "/provincies/{code}/signaleringen", "/api/v1/provincies/PV25/signaleringen")]
    [InlineData(Provider.Postgres, "/gemeenten/{code}/plannen", "/api/v1/gemeenten/GM0228/plannen")]
    [InlineData(Provider.Sqlite, "/gemeenten/{code}/realisaties", "/api/v1/gemeenten/GM0384/realisaties")]
    public async Task Document_DescribesEveryFieldOfTheRealResponse(Provider provider, string template, string path)
    {
        var api = await apps.ClientAsync(provider);
        var document = await api.GetJsonAsync("/api/v1/openapi.json");
        var operation = document.GetProperty("paths").GetProperty(template).GetProperty("get");
        var schema = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal("Voortgang", Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty(template == "/voortgang" || template == "/prognose" ? "200" : "404", out _));
        OpenApiSchemas.AssertDescribed(await api.GetJsonAsync(path), schema, document.GetProperty("components").GetProperty("schemas"), "$");
    }

    [Fact]
    public async Task Document_RunsAndSeedAreIntegersWithTheirDefaults()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var document = await api.GetJsonAsync("/api/v1/openapi.json");

        foreach (var template in new[] { "/prognose", "/provincies/{code}/prognose", "/regios/{id}/prognose", "/gemeenten/{code}/prognose" })
        {
            var operation = document.GetProperty("paths").GetProperty(template).GetProperty("get");
            var parameters = operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
            Assert.Equal(["runs", "seed"], parameters.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(("integer", 1, 100000, 10000), (parameters["runs"].GetProperty("type").GetString(), parameters["runs"].GetProperty("minimum").GetInt32(), parameters["runs"].GetProperty("maximum").GetInt32(), parameters["runs"].GetProperty("default").GetInt32()));
            Assert.Equal(("integer", 1), (parameters["seed"].GetProperty("type").GetString(), parameters["seed"].GetProperty("default").GetInt32()));
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        }
    }
}
