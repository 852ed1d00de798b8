using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>Checks a JSON response against the OpenAPI document's schema, field by field.</summary>
internal static class OpenApiSchemas
{
    /// <summary>Every property of <paramref name="value"/> is in the schema (recursively, $refs resolved), every required one is present, and the JSON types agree.</summary>
    public static void AssertDescribed(JsonElement value, JsonElement schema, JsonElement schemas, string path)
    {
        schema = Resolve(schema, schemas);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object:
                var properties = schema.GetProperty("properties");
                foreach (var property in value.EnumerateObject())
                {
                    Assert.True(properties.TryGetProperty(property.Name, out var propertySchema), $"{path}.{property.Name} is not in the OpenAPI document");
                    AssertDescribed(property.Value, propertySchema, schemas, $"{path}.{property.Name}");
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    Assert.All(required.EnumerateArray(), name => Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{path}.{name} is required but missing"));
                }

                break;
            case JsonValueKind.Array:
                foreach (var (item, i) in value.EnumerateArray().Select((item, i) => (item, i)))
                {
                    AssertDescribed(item, schema.GetProperty("items"), schemas, $"{path}[{i}]");
                }

                break;
            default:
                var type = schema.GetProperty("type").GetString();
                var expected = value.ValueKind switch
                {
                    JsonValueKind.String => ["string"],
                    JsonValueKind.Number => value.TryGetInt64(out _) || value.TryGetUInt64(out _) ? ["integer", "number"] : new[] { "number" },
                    _ => ["boolean"],
                };
                Assert.True(expected.Contains(type), $"{path}: {value.ValueKind} is described as {type}");
                break;
        }
    }

    /// <summary>
    /// Follows a $ref, and for a nullable reference the non-null choice: OpenAPI 3.0's { nullable: true, allOf: [$ref] }
    /// (ApiDocument.NullBranchesTyped), or oneOf null or $ref.
    /// </summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            schema = choices.EnumerateArray().Single(c => !c.TryGetProperty("enum", out _));
        }
        else if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            schema = all[0];
        }

        return schema.TryGetProperty("$ref", out var reference)
            ? Resolve(schemas.GetProperty(reference.GetString()![("#/components/schemas/".Length)..]), schemas)
            : schema;
    }
}
