using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Scenarios;

/// <summary>Writes distribution results and scenario inputs as the JSON of docs/scenario-format.md.</summary>
public static class ScenarioWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps ⌈ ⌉ and ë readable; output is not embedded in HTML.
    };

    /// <summary>The output document: region totals with findings, and municipalities by code with their explanation.</summary>
    public static string WriteResult(RegionDistribution result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("region");
            w.WriteNumber("task", result.Task);
            w.WriteStartObject("required");
            w.WriteNumber("social", result.RequiredSocial);
            w.WriteNumber("affordable", result.RequiredAffordable);
            w.WriteEndObject();
            w.WriteNumber("social", result.Social);
            w.WriteNumber("middle", result.Middle);
            w.WriteNumber("affordable", result.Affordable);
            w.WriteBoolean("meetsNorms", result.MeetsNorms);
            if (!result.Parts.IsEmpty)
            {
                // Version 2 (domain.md §5b): the region's part in each province.
                w.WriteStartArray("parts");
                foreach (var part in result.Parts)
                {
                    w.WriteStartObject();
                    w.WriteString("province", part.Province.Value);
                    w.WriteNumber("task", part.Task);
                    w.WriteStartObject("required");
                    w.WriteNumber("social", part.RequiredSocial);
                    w.WriteNumber("affordable", part.RequiredAffordable);
                    w.WriteEndObject();
                    w.WriteNumber("social", part.Social);
                    w.WriteNumber("affordable", part.Affordable);
                    w.WriteBoolean("meetsNorms", part.MeetsNorms);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                WriteFinding(w, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("municipalities");
            foreach (var m in result.Municipalities)
            {
                w.WriteStartObject();
                w.WriteString("code", m.Code.Value);
                w.WriteString("name", m.Name);
                w.WriteString("laggingSegment", m.Lagging.Code());
                w.WritePropertyName("stockShare");
                w.WriteRawValue(m.StockShare.ToDecimal(4).ToString("0.0000", CultureInfo.InvariantCulture));
                w.WriteStartObject("floor");
                w.WriteNumber("social", m.FloorSocial);
                w.WriteNumber("middle", m.FloorMiddle);
                w.WriteEndObject();
                w.WriteStartObject("regionalShare");
                w.WriteNumber("social", m.RegionalSocial);
                w.WriteNumber("middle", m.RegionalMiddle);
                w.WriteEndObject();
                w.WriteStartObject("targets");
                w.WriteNumber("social", m.Social);
                w.WriteNumber("middle", m.Middle);
                w.WriteNumber("free", m.Free);
                w.WriteEndObject();
                w.WriteNumber("catchUpNeed", m.CatchUpNeed);
                w.WriteStartArray("explanation");
                foreach (var step in Explanation.For(result, m))
                {
                    w.WriteStringValue(step.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A scenario input file that <see cref="ScenarioReader"/> reads back to an equal scenario.</summary>
    public static string WriteInput(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", scenario.VersionToWrite);
            if (scenario.Name is not null)
            {
                w.WriteString("name", scenario.Name);
            }

            if (scenario.Period is { } p)
            {
                w.WriteStartObject("period");
                w.WriteNumber("from", p.From);
                w.WriteNumber("to", p.To);
                w.WriteEndObject();
            }

            w.WriteString("key", KeyText(scenario.Region.Key));
            if (scenario.Region.Levels == DistributionLevels.Region)
            {
                w.WriteString("levels", "region");
            }

            w.WriteStartObject("norms");
            var n = scenario.Norms;
            w.WriteString("affordableShare", n.AffordableShare.Value.ToString());
            w.WriteString("socialShare", n.SocialShare.Value.ToString());
            w.WriteString("laggingThreshold", n.LaggingThreshold.Value.ToString());
            w.WriteString("socialFloor", n.SocialFloor.Value.ToString());
            w.WriteString("middleFloor", n.MiddleFloor.Value.ToString());
            w.WriteEndObject();
            w.WriteStartArray("municipalities");
            foreach (var m in scenario.Region.Municipalities.OrderBy(m => m.Code))
            {
                WriteMunicipality(w, m);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"proportional", "lagging-first" or "gap-weighted".</summary>
    public static string KeyText(DistributionKey key) => DistributionKeys.Name(key);

    private static void WriteMunicipality(Utf8JsonWriter w, MunicipalityInput m)
    {
        w.WriteStartObject();
        w.WriteString("code", m.Code.Value);
        w.WriteString("name", m.Name);
        w.WriteNumber("stock", m.Stock);
        w.WriteNumber("socialStock", m.SocialStock);
        w.WriteNumber("task", m.Task);
        if (m.Contracted.Total > 0)
        {
            w.WriteStartObject("contracted");
            w.WriteNumber("social", m.Contracted.Social);
            w.WriteNumber("middle", m.Contracted.Middle);
            w.WriteNumber("free", m.Contracted.Free);
            w.WriteEndObject();
        }

        if (m.Exemption is { } e)
        {
            w.WriteStartObject("exemption");
            if (e.SocialFloor is { } s)
            {
                w.WriteString("socialFloor", s.ToString());
            }

            if (e.MiddleFloor is { } mf)
            {
                w.WriteString("middleFloor", mf.ToString());
            }

            w.WriteEndObject();
        }

        if (m.Province is { } province)
        {
            w.WriteString("province", province.Value);
        }

        if (m.Commitment is { } c)
        {
            w.WriteStartObject("commitment");
            if (c.Social is { } cs)
            {
                w.WriteNumber("social", cs);
            }

            if (c.Middle is { } cmid)
            {
                w.WriteNumber("middle", cmid);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("code", f.CodeText);
        w.WriteString("severity", f.Severity.ToCodeText());
        if (f.Municipality is { } code)
        {
            w.WriteString("municipality", code.Value);
        }

        if (f.Shortfall is { } shortfall)
        {
            w.WriteNumber("shortfall", shortfall);
        }

        w.WriteString("message", f.Message);
        w.WriteEndObject();
    }
}
