using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Regiewijzer.Web.Api;

/// <summary>
/// The OpenAPI document of /api/v1, served at /api/v1/openapi.json (NLGov API Design Rules: /core/doc-openapi,
/// /core/publish-openapi, /core/doc-language in Dutch, /core/uri-version with the version in the server URL, /core/version-header).
/// </summary>
internal static class ApiDocument
{
    private const string Description = """
        Open API van Regiewijzer voor de Wet versterking regie volkshuisvesting: de 35 woningbouwregio's, 12 provincies en 342 gemeenten
        met hun woningbouwopgave, de verdeling van die opgave over de gemeenten (2/3 betaalbaar, 3/10 sociale huur) en de toets met bevindingen.
        Elke gemeente heeft de uitleg "Hoe komt dit getal tot stand?" in acht stappen, elk met waarden, regel en bron.

        - Openbare gegevens lees je zonder account. `POST /verdelingen` verdeelt een gepost scenario (scenarioformaat, zie /api#scenario) zonder iets op te slaan.
        - Wijzigen (afspraken, ontheffingen, instructies, VHP, plannen) en niet-openbare gegevens vragen een account: haal een token met
          `POST /aanmelden` en stuur het mee als `Authorization: Bearer …`. Wat een rol mag, staat op /api#aanmelden; 401 zonder token,
          403 zonder recht, 409 bij een verouderde `version` (het antwoord bevat de huidige versie) of een ongeldige statusovergang.
        - Veldnamen zijn Engels in camelCase, gelijk aan het scenarioformaat; elk veld is hier in het Nederlands beschreven; de Nederlandse
          begrippen zijn (opgave = task, ondergrens = floor, regionaal aandeel = regionalShare, inhaalbehoefte = catchUpNeed).
        - Fouten zijn `application/problem+json` (RFC 9457) met type, title, status, detail en instance; bij 400 en 422 noemt `invalidParams`
          elke fout met `name` (JSON-pad of queryparameter) en `reason`.
        - De major-versie staat in het pad (/api/v1); de volledige versie (semantic versioning) staat in `info.version` en in de header
          `API-Version` van elk antwoord. Een wijziging die bestaande clients breekt, krijgt een nieuwe major-versie.
        - De landelijke cijfers komen uit een cache van ten hoogste 30 seconden.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Provincies", "De twaalf provincies, getoetst aan de normen."),
        ("Regio's", "De woningbouwregio's, hun leden en de verdeling."),
        ("Gemeenten", "De gemeenten met hun deel van de verdeling en de uitleg."),
        ("Verdelingen", "Een eigen scenario laten verdelen (wat-als)."),
        ("Bevindingen", "Tekorten en signalen van land, provincies en regio's."),
        ("Voortgang", "Voortgang tegen het traject, prognose, signaleringen, plannen en opgeleverde woningen."),
        ("Accounts", "Aanmelden (bearer token) en het aangemelde account."),
        ("Afspraken", "Regioafspraken met hun versies en reacties, en ontheffingen met wat-als en besluit."),
        ("Instructies", "Het register van instructiebesluiten (Omgevingswet art. 2.33/2.34)."),
        ("VHP", "Volkshuisvestingsprogramma's en de VHP-toets."),
        ("Audit", "De wijzigingsgeschiedenis van een object."),
        ("API", "Ingang en versie."),
    ];

    private const string Example = """
        { "formatVersion": 1, "name": "Voorbeeld", "key": "proportional",
          "municipalities": [
            { "code": "GM0228", "name": "Ede", "stock": 52436, "socialStock": 11012, "task": 7000 },
            { "code": "GM0289", "name": "Wageningen", "stock": 18856, "socialStock": 7542, "task": 2750,
              "exemption": { "middleFloor": "1/5" } } ] }
        """;

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0; // the widest support among validators and generators
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id
            ? id.Replace("Schema", string.Empty, StringComparison.Ordinal).Replace("Resource", string.Empty, StringComparison.Ordinal)
            : null;
        options.AddDocumentTransformer((document, context, _) =>
        {
            Describe(document, context.ApplicationServices.GetRequiredService<IConfiguration>());
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The contact of this installation (info.contact, /core/doc-openapi-contact: name, email and url are required).
    /// An installation sets <c>Api:ContactName</c> and <c>Api:ContactEmail</c>; without them the document names the
    /// installation's manager at the reserved example domain (RFC 2606), which is clearly a placeholder.
    /// </summary>
    public const string DefaultContactEmail = "beheer@example.org";

    private static void Describe(OpenApiDocument document, IConfiguration configuration)
    {
        // The generator names this host from the request; the API lives below it at /api/v1.
        var origin = document.Servers?.FirstOrDefault()?.Url?.TrimEnd('/') ?? string.Empty;
        document.Info = new OpenApiInfo
        {
            Title = "Regiewijzer API",
            Version = ApiConventions.Version,
            Description = Description,
            Contact = new OpenApiContact
            {
                Name = configuration["Api:ContactName"] ?? "Beheer van deze Regiewijzer-installatie",
                Email = configuration["Api:ContactEmail"] ?? DefaultContactEmail,
                Url = new Uri(origin + "/api", UriKind.RelativeOrAbsolute),
            },
        };
        document.Servers = [new OpenApiServer { Url = origin + ApiConventions.BasePath, Description = "Deze installatie van Regiewijzer" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(ApiConventions.BasePath, StringComparison.Ordinal) ? path[ApiConventions.BasePath.Length..] : path;
            paths[relative.Length == 0 ? "/" : relative] = item;
            if (item.Operations is not { } operations)
            {
                continue;
            }

            operations.Remove(HttpMethod.Head); // HEAD is served for every GET; listing it twice would repeat the operationId.
            foreach (var (method, operation) in operations)
            {
                AddBadRequest(document, operation, method);
                DescribeResponses(document, operation, method == HttpMethod.Post);
                if (method == HttpMethod.Post && relative == "/verdelingen" && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse(Example);
                }
            }
        }

        document.Paths = paths;
        NullBranchesTyped(document);
    }

    /// <summary>
    /// /core/error-handling/invalid-input: every operation with a body or with parameters documents 400. Any of them can get it:
    /// a parameter or body the framework cannot bind is answered with the problem <see cref="Problems.BadRequestType"/>
    /// (Problems.ForStatus), malformed JSON with <see cref="Problems.MalformedJsonType"/>.
    /// </summary>
    private static void AddBadRequest(OpenApiDocument document, OpenApiOperation operation, HttpMethod method)
    {
        var readOnly = method == HttpMethod.Get || method == HttpMethod.Delete;
        if ((readOnly && operation.Parameters is not { Count: > 0 }) || operation.Responses?.ContainsKey("400") == true)
        {
            return;
        }

        operation.Responses ??= new OpenApiResponses();
        operation.Responses["400"] = new OpenApiResponse
        {
            Description = Problems.BadRequestType.Description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ApiProblem", document) },
            },
        };
    }

    /// <summary>
    /// The generator writes a nullable reference as oneOf [{ nullable: true, enum: [null] }, { $ref }]; in OpenAPI 3.0
    /// "nullable" needs a "type" (the ADR linter's example check refuses it). Such a property becomes the usual 3.0 form
    /// { type, nullable: true, allOf: [{ $ref }] }, with the type of the referenced schema.
    /// </summary>
    private static void NullBranchesTyped(OpenApiDocument document)
    {
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Walk(schema);
        }

        static bool NullOnly(IOpenApiSchema s) =>
            s is OpenApiSchema { Type: JsonSchemaType.Null }
            || (s is OpenApiSchema { Type: null, Enum: { Count: 1 } values } && (values[0] is null || values[0]!.GetValueKind() == System.Text.Json.JsonValueKind.Null));

        void Walk(IOpenApiSchema? node)
        {
            if (node is not OpenApiSchema schema || !seen.Add(schema))
            {
                return;
            }

            if (schema.OneOf is { Count: 2 } branches && branches.Count(NullOnly) == 1)
            {
                var other = branches.First(b => !NullOnly(b));
                schema.OneOf = null;
                schema.AllOf = [other];
                schema.Type = (other.Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
            }

            foreach (var child in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []).Concat(schema.Properties?.Values ?? []))
            {
                Walk(child);
            }

            Walk(schema.Items);
            Walk(schema.AdditionalProperties);
        }
    }

    private static void DescribeResponses(OpenApiDocument document, OpenApiOperation operation, bool hasBody)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[ApiConventions.VersionHeader] = new OpenApiHeader
        {
            Description = "Volledige versie van de API (semantic versioning).",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create(ApiConventions.Version),
        };
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse r)
            {
                continue;
            }

            r.Description = status switch
            {
                "200" => "Gelukt.",
                "400" when hasBody => Problems.MalformedJsonType.Description,
                _ => Problems.All.FirstOrDefault(p => p.Status.ToString(CultureInfo.InvariantCulture) == status)?.Description ?? r.Description,
            };
            r.Headers ??= new Dictionary<string, IOpenApiHeader>();
            r.Headers[ApiConventions.VersionHeader] = new OpenApiHeaderReference(ApiConventions.VersionHeader, document);
        }
    }
}
