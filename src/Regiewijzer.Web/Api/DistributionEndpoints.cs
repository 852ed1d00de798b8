using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.Web.Api;

/// <summary>POST /verdelingen: distributes a posted scenario (scenarioformaat, zie /api#scenario) without storing anything.</summary>
internal static class DistributionEndpoints
{
    /// <summary>Largest body accepted: a scenario of all 342 municipalities is about 60 kB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Most municipalities in one posted scenario (the reader's limit): the country has 342. Bounds the work per request.</summary>
    public const int MaxMunicipalities = ScenarioReader.MaxMunicipalities;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/verdelingen", ComputeAsync)
            .WithTags("Verdelingen")
            .WithName("verdelingBerekenen")
            .WithSummary("Verdeel een scenario")
            .WithDescription(
                "Berekent de verdeling van een gepost scenario (scenarioformaat, zie /api#scenario) en geeft die terug in het uitvoerformaat, "
                + "precies zoals `regiewijzer verdeel --scenario BESTAND --format json`. Er wordt niets opgeslagen. Een ongeldig scenario geeft 422 "
                + "met elke fout (JSON-pad en reden) in invalidParams.")
            .Accepts<ScenarioInputSchema>("application/json")
            .Produces<ScenarioResultSchema>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(400, 413, 415, 422);

        // Other methods are a 405 naming POST. Mapped explicitly because the static-asset fallback route would answer GET with 404.
        api.MapMethods("/verdelingen", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return Problems.MethodNotAllowed(context);
        }).ExcludeFromDescription();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ComputeAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return Problems.UnsupportedMediaType(context);
        }

        if (request.ContentLength > MaxBodyBytes || await ReadAsync(request.Body, ct).ConfigureAwait(false) is not { } body)
        {
            return Problems.TooLarge(context);
        }

        if (Malformed(body) is { } error)
        {
            return Problems.MalformedJson(context, error);
        }

        // The reader bounds every number (Fraction.MaxLength), name and the number of municipalities, so reading is linear in the body.
        var read = ScenarioReader.Read(Encoding.UTF8.GetString(body));
        if (!read.IsValid)
        {
            return Problems.InvalidScenario(context, read.Errors);
        }

        // ct is HttpContext.RequestAborted: when the client goes away, the distribution stops (OperationCanceledException).
        var scenario = read.Scenario!;
        var result = Distribution.DistributeCancellable(scenario.Region, scenario.Norms, ct);
        Data.Telemetry.RegiewijzerMetrics.Distributed("scenario");
        return ApiJson.Text(ScenarioWriter.WriteResult(result));
    }

    /// <summary>application/json or a +json type, in UTF-8 (the default for JSON).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body without a UTF-8 byte order mark, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
    }

    /// <summary>Null for well-formed JSON; else where it breaks, in Dutch. Malformed JSON is a 400, an invalid scenario a 422.</summary>
    private static string? Malformed(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"De body is geen geldige JSON (regel {e.LineNumber + 1}, positie {e.BytePositionInLine + 1}): {e.Message}";
        }
    }
}
