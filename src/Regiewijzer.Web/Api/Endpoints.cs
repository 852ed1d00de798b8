namespace Regiewijzer.Web.Api;

/// <summary>REST API under /api/v1.</summary>
internal static class Endpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
