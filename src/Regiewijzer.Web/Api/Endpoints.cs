using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Regiewijzer.Web.Api;

/// <summary>REST API under /api/v1, one file per resource (as dotnet/eShop's CatalogApi): endpoints translate Features and Core results.</summary>
internal static class Endpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(ApiConventions.BasePath + "/openapi.json")
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])) // the last method metadata counts: HEAD too
            .RequireCors(ApiConventions.CorsPolicy);

        var api = app.MapGroup(ApiConventions.BasePath).RequireCors(ApiConventions.CorsPolicy);
        var writes = api.MapGroup(string.Empty).RequireSignIn(); // every write needs an account: 401 before the handler runs
        api.MapRead("", Index)
            .WithTags("API")
            .WithName("apiIngang")
            .WithSummary("Ingang van de API")
            .WithDescription("Versie en de adressen van de resources en van dit OpenAPI-document.");
        ProvinceEndpoints.Map(api);
        RegionEndpoints.Map(api);
        DealEndpoints.Map(api);
        DesignationEndpoints.Map(api, writes);
        RegionTaskEndpoints.Map(api, writes);
        MunicipalityEndpoints.Map(api);
        DistributionEndpoints.Map(api);
        FindingEndpoints.Map(api);
        MonitoringEndpoints.Map(api);
        AgreementEndpoints.Map(api, writes);
        ExemptionEndpoints.Map(api, writes);
        AuditEndpoints.Map(app, api); // audit trail (read only)
        PlanWriteEndpoints.Map(writes); // PUT /plannen/{id}
        InstructionEndpoints.Map(api, writes);
        HousingProgrammeEndpoints.Map(api, writes);
        WorkEndpoints.Map(app, api); // Mijn Regiewijzer: werkvoorraad and meldingen
        ReportEndpoints.Map(api); // raadsinformatie and regiodocument (PDF, DOCX)
        return app;
    }

    /// <summary>GET and HEAD (RFC 9110: a server supports both for a readable resource).</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiProblemSchema>(status, "application/problem+json");
        }

        return builder;
    }

    private static Ok<ApiIndex> Index() => TypedResults.Ok(new ApiIndex(
        "Regiewijzer API",
        ApiConventions.Version,
        "/api",
        $"{ApiConventions.BasePath}/openapi.json",
        new ApiLinks(
            $"{ApiConventions.BasePath}/provincies",
            $"{ApiConventions.BasePath}/regios",
            $"{ApiConventions.BasePath}/gemeenten",
            $"{ApiConventions.BasePath}/verdelingen",
            $"{ApiConventions.BasePath}/bevindingen")));
}

/// <summary>JSON that Core already wrote (the scenario format), sent as it is.</summary>
internal static class ApiJson
{
    public static ContentHttpResult Text(string json) => TypedResults.Text(json, "application/json; charset=utf-8");
}

[Description("De ingang van de API.")]
internal sealed record ApiIndex(
    [property: Description("Naam.")] string Name,
    [property: Description("Volledige versie (semantic versioning); ook in de header API-Version.")] string Version,
    [property: Description("Uitleg voor mensen.")] string Documentation,
    [property: Description("Het OpenAPI-document.")] string OpenApi,
    [property: Description("De resources.")] ApiLinks Resources);

[Description("Adressen van de resources.")]
internal sealed record ApiLinks(string Provincies, string Regios, string Gemeenten, string Verdelingen, string Bevindingen);
