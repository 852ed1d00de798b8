using System.Net;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The OpenAPI document at /api/v1/openapi.json: valid OpenAPI 3, every path, and a true description of the real responses.</summary>
[Collection(ApiGroup.Name)]
public sealed class ApiOpenApiTests(ApiApps apps)
{
    private static readonly string[] Paths =
    [
        "/", "/provincies", "/provincies/{code}", "/regios", "/regios/{id}", "/regios/{id}/verdeling", "/regios/{id}/scenario",
        "/gemeenten", "/gemeenten/{code}", "/verdelingen", "/bevindingen",
        "/voortgang", "/prognose", "/provincies/{code}/voortgang", "/provincies/{code}/prognose", "/provincies/{code}/signaleringen",
        "/regios/{id}/voortgang", "/regios/{id}/prognose", "/gemeenten/{code}/voortgang", "/gemeenten/{code}/prognose",
        "/gemeenten/{code}/plannen", "/gemeenten/{code}/realisaties",
        "/aanmelden", "/ik", "/plannen/{id}", "/audit/{type}/{id}",
        "/regios/{id}/afspraken", "/afspraken/{id}", "/afspraken/{id}/status", "/afspraken/{id}/reacties/{gemeente}",
        "/gemeenten/{code}/ontheffingen", "/ontheffingen/{id}", "/ontheffingen/{id}/besluit", "/ontheffingen/{id}/intrekken",
        "/instructies", "/instructies/{id}", "/instructies/{id}/status", "/gemeenten/{code}/vhp",
        "/grensregios", "/provincies/{code}/grensregios",
        "/gemeenten/{code}/raadsinformatie", "/regios/{id}/regiodocument",
        "/woondeals", "/woondeals/afstemming", "/woondeals/{id}", "/woondeals/{id}/wettoets", "/provincies/{code}/woondeal-afstemming",
        "/woningbouwregios", "/gemeenten/{code}/woningbouwregio", "/provincies/{code}/aanwijzingen",
        "/regios/{id}/opgave", "/regios/{id}/opgave/periode", "/gemeenten/{code}/opgavevoorstellen", "/opgavevoorstellen/{id}/besluit",
        "/werkvoorraad", "/meldingen",
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Document_IsOpenApi3WithInfoServerAndEveryPath(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        var document = await api.GetJsonAsync("/api/v1/openapi.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var info = document.GetProperty("info");
        Assert.Equal("Regiewijzer API", info.GetProperty("title").GetString());
        Assert.Equal("1.0.0", info.GetProperty("version").GetString());
        Assert.Contains("problem+json", info.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/api", info.GetProperty("contact").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/api/v1", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(Paths.Order(StringComparer.Ordinal), document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.Equal(63, operations.Select(o => o.Value.GetProperty("operationId").GetString()).Distinct().Count());
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Value.GetProperty("summary").GetString()));
            Assert.All(o.Value.GetProperty("responses").EnumerateObject(), r => Assert.True(r.Value.GetProperty("headers").TryGetProperty("API-Version", out _)));
        });
    }

    [Theory]
    [InlineData(Provider.Sqlite, "/regios/{id}", "/api/v1/regios/WD19")]
    [InlineData(Provider.Postgres, "/regios", "/api/v1/regios")]
    [InlineData(Provider.Sqlite, "/regios/{id}/verdeling", "/api/v1/regios/WD19/verdeling")]
    [InlineData(Provider.Postgres, "/regios/{id}/scenario", "/api/v1/regios/WD20/scenario")]
    [InlineData(Provider.Sqlite, "/gemeenten/{code}", "/api/v1/gemeenten/GM0228")]
    [InlineData(Provider.Postgres, "/gemeenten/{code}", "/api/v1/gemeenten/GM0513")]
    [InlineData(Provider.Sqlite, "/gemeenten", "/api/v1/gemeenten")]
    [InlineData(Provider.Postgres, "/provincies", "/api/v1/provincies")]
    [InlineData(Provider.Sqlite, "/provincies/{code}", "/api/v1/provincies/PV21")]
    [InlineData(Provider.Postgres, "/bevindingen", "/api/v1/bevindingen")]
    [InlineData(Provider.Sqlite, "/", "/api/v1")]
    [InlineData(Provider.Sqlite, "/grensregios", "/api/v1/grensregios")]
    [InlineData(Provider.Postgres, "/provincies/{code}/grensregios", "/api/v1/provincies/PV26/grensregios")]
    public async Task Document_DescribesEveryFieldOfTheRealResponse(Provider provider, string template, string path)
    {
        var api = await apps.ClientAsync(provider);
        var document = await api.GetJsonAsync("/api/v1/openapi.json");
        var schema = document.GetProperty("paths").GetProperty(template).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        OpenApiSchemas.AssertDescribed(await api.GetJsonAsync(path), schema, document.GetProperty("components").GetProperty("schemas"), "$");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Document_DescribesTheProblemOfAnInvalidScenario(Provider provider)
    {
        var api = await apps.ClientAsync(provider);
        var document = await api.GetJsonAsync("/api/v1/openapi.json");
        var schema = document.GetProperty("paths").GetProperty("/verdelingen").GetProperty("post").GetProperty("responses").GetProperty("422")
            .GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", """{ "formatVersion": 1, "municipalities": [] }""");
        var problem = await ApiClient.AssertProblemAsync(response, (HttpStatusCode)422, "ongeldig-scenario");

        OpenApiSchemas.AssertDescribed(problem, schema, document.GetProperty("components").GetProperty("schemas"), "$");
    }

    /// <summary>Issue 15: the three decisions with legal weight document their explicit confirmation field.</summary>
    [Theory]
    [InlineData("/afspraken/{id}/status")]
    [InlineData("/ontheffingen/{id}/besluit")]
    [InlineData("/instructies/{id}/status")]
    public async Task Document_DecisionsDescribeTheConfirmedField(string template)
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var document = await api.GetJsonAsync("/api/v1/openapi.json");
        var schema = document.GetProperty("paths").GetProperty(template).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        var confirmed = schema.GetProperty("properties").GetProperty("confirmed");
        Assert.Contains("Zonder bevestiging wordt niets vastgelegd", confirmed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("confirmed: true", document.GetProperty("paths").GetProperty(template).GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ApiPage_ExplainsEveryPathAndEveryProblemType(Provider provider)
    {
        var api = await apps.ClientAsync(provider);

        using var response = await api.GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.All(Paths, p => Assert.Contains($"<td class=\"utrecht-table__cell\"><code>{p}</code></td>", html, StringComparison.Ordinal)); // a row of the table, not a mention in the text
        foreach (var slug in new[] { "niet-gevonden", "methode-niet-toegestaan", "ongeldige-parameter", "ongeldige-json", "te-groot", "mediatype-niet-ondersteund", "ongeldig-scenario", "geen-opgave", "serverfout",
                     "niet-aangemeld", "aanmelden-mislukt", "geen-toegang", "account-geblokkeerd", "te-veel-verzoeken", "gewijzigd-door-ander", "ongeldige-overgang", "ongeldige-invoer" })
        {
            Assert.Contains($"id=\"probleem-{slug}\"", html, StringComparison.Ordinal);
        }
    }
}
