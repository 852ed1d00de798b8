using System.Collections.Immutable;
using System.Text.Json;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Scenarios;

/// <summary>
/// Reads the scenario JSON strictly: unknown and duplicate fields are errors, counts are JSON
/// integers (not strings, not 5.0), shares are exact ("a/b" or "0.3"). Reports every error with
/// its JSON path; never throws for bad input. Hostile input is bounded: every number and text has a
/// maximum length, the list of municipalities a maximum count, and the errors reported a maximum
/// number, so reading takes time linear in the size of the JSON.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Most municipalities in one scenario: the country has 342. Bounds the work of a distribution.</summary>
    public const int MaxMunicipalities = 500;

    /// <summary>Longest name (of the scenario or of a municipality) in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most errors reported; one more line says that there are more.</summary>
    public const int MaxErrors = 100;

    /// <summary>Longest JSON number read as a count: 11 characters (int.MaxValue has 10 digits, plus a sign).</summary>
    private const int MaxIntegerLength = 11;

    /// <summary>How much of a rejected value an error message repeats.</summary>
    private const int EchoLength = 40;

    private static readonly string[] TopFields = ["formatVersion", "name", "period", "key", "norms", "municipalities", "levels"];
    private static readonly string[] NormFields = ["affordableShare", "socialShare", "laggingThreshold", "socialFloor", "middleFloor"];
    private static readonly string[] MunicipalityFields = ["code", "name", "stock", "socialStock", "task", "contracted", "exemption", "commitment", "province"];

    /// <summary>Parses and validates <paramref name="json"/> against the NormSet <paramref name="baseNorms"/> (default: the law).</summary>
    public static ScenarioReadResult Read(string json, NormSet? baseNorms = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (regel {line + 1}, positie {e.BytePositionInLine + 1})" : string.Empty;
            return Fail(new ScenarioError("$", $"geen geldige JSON{where}: {e.Message}"));
        }

        using (document)
        {
            return new Reading(baseNorms ?? NormSets.Default).Run(document.RootElement);
        }
    }

    private static ScenarioReadResult Fail(ScenarioError error) => new(null, [error]);

    private sealed class Reading(NormSet baseNorms)
    {
        private readonly List<ScenarioError> _errors = [];
        private int _errorCount; // every error, also those beyond MaxErrors that are not kept
        private int _version = Scenario.FormatVersion;

        public ScenarioReadResult Run(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(new ScenarioError("$", "verwacht een JSON-object"));
            }

            var fields = Fields(root, "$", TopFields);
            if (!fields.TryGetValue("formatVersion", out var version))
            {
                Error("$.formatVersion", "ontbreekt (verplicht, waarde 1 of 2)");
            }
            else if (Int(version, "$.formatVersion") is { } v && v is not (Scenario.FormatVersion or Scenario.FormatVersion2))
            {
                Error("$.formatVersion", $"versie {v} wordt niet ondersteund (alleen 1 en 2)");
            }
            else if (version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v2))
            {
                _version = v2;
            }

            string? name = null;
            if (fields.TryGetValue("name", out var nameElement))
            {
                name = Name(nameElement, "$.name");
            }

            YearRange? period = null;
            if (fields.TryGetValue("period", out var periodElement))
            {
                period = Period(periodElement);
            }

            var key = DistributionKey.Proportional;
            if (fields.TryGetValue("key", out var keyElement) && String(keyElement, "$.key") is { } keyText)
            {
                if (!DistributionKeys.TryParse(keyText, out key))
                {
                    Error("$.key", $"onbekende sleutel '{Echo(keyText)}' (kies {DistributionKeys.Choices})");
                }
            }

            var levels = Levels(fields);
            var norms = baseNorms;
            if (fields.TryGetValue("norms", out var normsElement))
            {
                norms = Norms(normsElement);
            }

            var municipalities = ImmutableArray<MunicipalityInput>.Empty;
            if (!fields.TryGetValue("municipalities", out var list))
            {
                Error("$.municipalities", "ontbreekt (verplicht, minstens één gemeente)");
            }
            else
            {
                municipalities = Municipalities(list, norms);
                Report("$", InputRules.Region(municipalities));
            }

            if (_errorCount > 0)
            {
                if (_errorCount > MaxErrors)
                {
                    _errors.Add(new ScenarioError("$", $"nog {_errorCount - MaxErrors} fouten niet getoond (alleen de eerste {MaxErrors})"));
                }

                return new ScenarioReadResult(null, [.. _errors]);
            }

            var region = new RegionInput(name ?? "Scenario", municipalities, key, levels);
            return new ScenarioReadResult(new Scenario(name, period, norms, region) { Version = _version }, []);
        }

        /// <summary>Version 2: "levels" is "province-and-region" (default) or "region"; in version 1 an unknown field.</summary>
        private DistributionLevels Levels(Dictionary<string, JsonElement> fields)
        {
            if (!fields.TryGetValue("levels", out var element))
            {
                return DistributionLevels.ProvinceAndRegion;
            }

            if (_version < Scenario.FormatVersion2)
            {
                Error("$.levels", "onbekend veld in formatVersion 1 (toegestaan vanaf formatVersion 2)");
                return DistributionLevels.ProvinceAndRegion;
            }

            switch (String(element, "$.levels"))
            {
                case "province-and-region": return DistributionLevels.ProvinceAndRegion;
                case "region": return DistributionLevels.Region;
                case { } text: Error("$.levels", $"onbekende waarde '{text}' (kies province-and-region of region)"); break;
            }

            return DistributionLevels.ProvinceAndRegion;
        }

        /// <summary>Version 2: the municipality's CBS province code; in version 1 an unknown field.</summary>
        private ProvinceCode? ProvinceOf(Dictionary<string, JsonElement> f, string path)
        {
            if (!f.TryGetValue("province", out var element))
            {
                return null;
            }

            if (_version < Scenario.FormatVersion2)
            {
                Error($"{path}.province", "onbekend veld in formatVersion 1 (toegestaan vanaf formatVersion 2)");
                return null;
            }

            var text = String(element, $"{path}.province");
            if (text is null)
            {
                return null;
            }

            if (!ProvinceCode.IsValid(text))
            {
                Error($"{path}.province", $"'{text}' is geen CBS-provinciecode (PV20 tot en met PV31)");
                return null;
            }

            return new ProvinceCode(text);
        }

        private YearRange? Period(JsonElement element)
        {
            if (!Object(element, "$.period"))
            {
                return null;
            }

            var f = Fields(element, "$.period", ["from", "to"]);
            int? from = f.TryGetValue("from", out var a) ? Int(a, "$.period.from") : Missing("$.period.from");
            int? to = f.TryGetValue("to", out var b) ? Int(b, "$.period.to") : Missing("$.period.to");
            if (from is { } x && to is { } y)
            {
                if (x > y)
                {
                    Error("$.period", $"'from' ({x}) ligt na 'to' ({y})");
                    return null;
                }

                return new YearRange(x, y);
            }

            return null;
        }

        private NormSet Norms(JsonElement element)
        {
            if (!Object(element, "$.norms"))
            {
                return baseNorms;
            }

            var f = Fields(element, "$.norms", NormFields);
            var overrides = new Dictionary<string, Fraction>(StringComparer.Ordinal);
            foreach (var key in NormFields)
            {
                if (f.TryGetValue(key, out var value) && Share(value, $"$.norms.{key}") is { } share)
                {
                    if (key == "laggingThreshold" && share == Fraction.One)
                    {
                        // The catch-up need (T - S) / (1 - threshold) has no value at 1 (domain.md §5, indicators).
                        Error($"$.norms.{key}", "moet kleiner zijn dan 1");
                        continue;
                    }

                    overrides[key] = share;
                }
            }

            return overrides.Count == 0 ? baseNorms : baseNorms.With(overrides, "scenario-bestand (afwijkend van de wet)");
        }

        private ImmutableArray<MunicipalityInput> Municipalities(JsonElement element, NormSet norms)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                Error("$.municipalities", "verwacht een lijst (JSON-array)");
                return [];
            }

            var length = element.GetArrayLength();
            if (length == 0)
            {
                Error("$.municipalities", "de lijst is leeg: minstens één gemeente");
                return [];
            }

            if (length > MaxMunicipalities)
            {
                Error("$.municipalities", $"{Format.Count(length)} gemeenten; een scenario heeft hooguit {MaxMunicipalities} gemeenten (Nederland heeft er 342)");
                return [];
            }

            var result = ImmutableArray.CreateBuilder<MunicipalityInput>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var path = $"$.municipalities[{index}]";
                if (Municipality(item, path, norms) is { } m)
                {
                    if (seen.TryGetValue(m.Code.Value, out var first))
                    {
                        Error($"{path}.code", $"code {m.Code} komt dubbel voor (ook in $.municipalities[{first}])");
                    }
                    else
                    {
                        seen[m.Code.Value] = index;
                        result.Add(m);
                    }
                }

                index++;
            }

            return result.ToImmutable();
        }

        private MunicipalityInput? Municipality(JsonElement element, string path, NormSet norms)
        {
            if (!Object(element, path))
            {
                return null;
            }

            var before = _errorCount;
            var f = Fields(element, path, MunicipalityFields);
            MunicipalityCode? code = null;
            if (!f.TryGetValue("code", out var codeElement))
            {
                Missing($"{path}.code");
            }
            else if (String(codeElement, $"{path}.code") is { } text)
            {
                if (MunicipalityCode.IsValid(text))
                {
                    code = new MunicipalityCode(text);
                }
                else
                {
                    Error($"{path}.code", $"'{Echo(text)}' is geen CBS-gemeentecode (GM gevolgd door 4 cijfers)");
                }
            }

            var name = f.TryGetValue("name", out var n) ? Name(n, $"{path}.name") : null;
            var stock = f.TryGetValue("stock", out var s) ? Count(s, $"{path}.stock") : Missing($"{path}.stock");
            var social = f.TryGetValue("socialStock", out var ss) ? Count(ss, $"{path}.socialStock") : Missing($"{path}.socialStock");
            var task = f.TryGetValue("task", out var t) ? Count(t, $"{path}.task") : Missing($"{path}.task");
            Report(path, InputRules.Stock(stock, social));
            var contracted = f.TryGetValue("contracted", out var c) ? Contracted(c, $"{path}.contracted") : SegmentCounts.None;
            if (InputRules.Contracted(task, contracted) is { } tooMany)
            {
                Report(path, [tooMany]);
            }

            var exemption = f.TryGetValue("exemption", out var e) ? ExemptionOf(e, $"{path}.exemption") : null;
            Report(path, InputRules.ExemptedFloors(exemption, norms));
            var commitment = f.TryGetValue("commitment", out var cm) ? CommitmentOf(cm, $"{path}.commitment") : null;
            var province = ProvinceOf(f, path);
            if (_errorCount > before || code is null || stock is null || social is null || task is null)
            {
                return null;
            }

            var input = new MunicipalityInput(code.Value, name ?? code.Value.Value, task.Value, stock.Value, social.Value, contracted, exemption, commitment, province);
            if (InputRules.Floors(input, norms) is { } floors)
            {
                Report(path, [floors]);
                return null;
            }

            return input;
        }

        private SegmentCounts Contracted(JsonElement element, string path)
        {
            if (!Object(element, path))
            {
                return SegmentCounts.None;
            }

            var f = Fields(element, path, ["social", "middle", "free"]);
            var social = f.TryGetValue("social", out var a) ? Count(a, $"{path}.social") ?? 0 : 0;
            var middle = f.TryGetValue("middle", out var b) ? Count(b, $"{path}.middle") ?? 0 : 0;
            var free = f.TryGetValue("free", out var c) ? Count(c, $"{path}.free") ?? 0 : 0;
            return new SegmentCounts(social, middle, free);
        }

        private Exemption? ExemptionOf(JsonElement element, string path)
        {
            if (!Object(element, path))
            {
                return null;
            }

            var f = Fields(element, path, ["socialFloor", "middleFloor"]);
            var social = f.TryGetValue("socialFloor", out var a) ? Share(a, $"{path}.socialFloor") : null;
            var middle = f.TryGetValue("middleFloor", out var b) ? Share(b, $"{path}.middleFloor") : null;
            return social is null && middle is null ? null : new Exemption(social, middle);
        }

        private Commitment? CommitmentOf(JsonElement element, string path)
        {
            if (!Object(element, path))
            {
                return null;
            }

            var f = Fields(element, path, ["social", "middle"]);
            var social = f.TryGetValue("social", out var a) ? Count(a, $"{path}.social") : null;
            var middle = f.TryGetValue("middle", out var b) ? Count(b, $"{path}.middle") : null;
            return social is null && middle is null ? null : new Commitment(social, middle);
        }

        private Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] allowed)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = $"{path}.{Echo(property.Name)}";
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    Error(at, $"onbekend veld (toegestaan: {string.Join(", ", allowed)})");
                }
                else if (!fields.TryAdd(property.Name, property.Value))
                {
                    Error(at, "veld komt dubbel voor");
                }
            }

            return fields;
        }

        private bool Object(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Error(path, $"verwacht een JSON-object, gevonden {Kind(element)}");
            return false;
        }

        private string? String(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString();
            }

            Error(path, $"verwacht tekst, gevonden {Kind(element)}");
            return null;
        }

        private string? Name(JsonElement element, string path)
        {
            var text = String(element, path);
            if (text is { Length: > MaxNameLength })
            {
                Error(path, $"de naam is {Format.Count(text.Length)} tekens lang; hooguit {MaxNameLength}");
                return null;
            }

            return text;
        }

        private int? Int(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                var raw = element.GetRawText();
                if (raw.AsSpan().TrimStart('-').ContainsAnyExceptInRange('0', '9'))
                {
                    Error(path, $"{Echo(raw)} is geen geheel getal (schrijf het zonder decimalen of exponent)");
                    return null;
                }

                if (raw.Length <= MaxIntegerLength && element.TryGetInt32(out var value))
                {
                    return value;
                }

                Error(path, $"{Echo(raw)} is te groot (hooguit {Format.Count(int.MaxValue)})");
                return null;
            }

            Error(path, element.ValueKind == JsonValueKind.String
                ? $"verwacht een geheel getal, gevonden tekst \"{Echo(element.GetString())}\" (geen aanhalingstekens, geen punten of komma's)"
                : $"verwacht een geheel getal, gevonden {Kind(element)}");
            return null;
        }

        private int? Count(JsonElement element, string path)
        {
            var value = Int(element, path);
            if (value < 0)
            {
                Error(path, $"{value} is negatief: aantallen zijn 0 of meer");
                return null;
            }

            return value;
        }

        private Fraction? Share(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                Error(path, $"verwacht een aandeel als tekst (\"a/b\" of \"0.3\"), gevonden {Kind(element)}");
                return null;
            }

            var text = element.GetString();
            if (text is { Length: > Fraction.MaxLength })
            {
                // Checked before any parsing: a long number is refused in time linear in its length.
                Error(path, $"'{Echo(text)}' is te lang ({Format.Count(text.Length)} tekens): een aandeel heeft hooguit {Fraction.MaxLength} tekens, zoals \"2/3\" of \"0.3\"");
                return null;
            }

            if (!Fraction.TryParse(text, out var share))
            {
                Error(path, $"'{Echo(text)}' is geen exact aandeel: schrijf \"a/b\" (b > 0) of een decimaal getal met een punt, zoals \"0.3\"");
                return null;
            }

            if (share > Fraction.One)
            {
                Error(path, $"'{text}' ligt niet tussen 0 en 1");
                return null;
            }

            return share;
        }

        private int? Missing(string path)
        {
            Error(path, "ontbreekt (verplicht)");
            return null;
        }

        /// <summary>The problems of <see cref="InputRules"/> at their JSON path: the field under <paramref name="path"/>.</summary>
        private void Report(string path, IEnumerable<FieldProblem> problems)
        {
            foreach (var p in problems)
            {
                Error(p.Field.Length == 0 ? path : $"{path}.{p.Field}", p.Reason);
            }
        }

        private void Error(string path, string message)
        {
            if (_errorCount++ < MaxErrors)
            {
                _errors.Add(new ScenarioError(path, message));
            }
        }

        /// <summary>A rejected value as an error message repeats it: at most <see cref="EchoLength"/> characters.</summary>
        private static string? Echo(string? text) =>
            text is { Length: > EchoLength } ? string.Concat(text.AsSpan(0, EchoLength), "…") : text;

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "een object",
            JsonValueKind.Array => "een lijst",
            JsonValueKind.String => "tekst",
            JsonValueKind.Number => "een getal",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Null => "null",
            _ => element.ValueKind.ToString(),
        };
    }
}
