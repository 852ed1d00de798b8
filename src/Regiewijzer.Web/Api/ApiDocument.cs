using Microsoft.AspNetCore.OpenApi;

namespace Regiewijzer.Web.Api;

/// <summary>The OpenAPI document of /api/v1.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
    }
}
