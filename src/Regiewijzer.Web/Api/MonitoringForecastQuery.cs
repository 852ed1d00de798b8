using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Regiewijzer.Core.Monitoring;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The query parameters runs and seed of /prognose. They are read as text so that a wrong value is a 400 problem with
/// invalidParams (a typed parameter would fail binding without a body); the OpenAPI document still calls them integers.
/// </summary>
internal static class ForecastQuery
{
    public const int MaxRuns = ForecastRequest.MaxRuns;

    public const string RunsDescription = "Aantal runs, 1 tot en met 100000; standaard 10000.";

    public const string SeedDescription = "Seed van de toevalsgetallen, een geheel getal van 0 tot en met 18446744073709551615; standaard 1. Dezelfde seed geeft dezelfde uitkomst.";

    /// <summary>runs and seed, their defaults when absent, or every invalid parameter.</summary>
    public static (int Runs, ulong Seed, List<InvalidParam> Invalid) Read(string? runs, string? seed)
    {
        var invalid = new List<InvalidParam>();
        var r = ForecastRequest.DefaultRuns;
        if (runs is not null && ForecastRequest.CheckRuns(runs, out r) is { } runsError)
        {
            invalid.Add(new("runs", runsError));
        }

        var s = ForecastRequest.DefaultSeed;
        if (seed is not null && ForecastRequest.CheckSeed(seed, out s) is { } seedError)
        {
            invalid.Add(new("seed", seedError));
        }

        return (r, s, invalid);
    }

    /// <summary>Operation transformer: runs and seed are integers with their range and default.</summary>
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Schema = parameter.Name switch
            {
                "runs" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = MaxRuns.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(ForecastRequest.DefaultRuns),
                },
                "seed" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "uint64",
                    Minimum = "0",
                    Default = JsonValue.Create((long)ForecastRequest.DefaultSeed), // the document writer cannot write a ulong node
                },
                _ => parameter.Schema,
            };
        }

        return Task.CompletedTask;
    }
}
