using System.Text.Json;
using System.Text.Json.Serialization;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>
/// The JSON the map script reads (js/map.js): where the shapes are, which indicator, its legend and one item per
/// municipality. The shapes themselves are fetched from <see cref="ShapesUrl"/>, never embedded in the page.
/// </summary>
internal static class MapPayload
{
    public const string ShapesUrl = "/download/gemeenten-2024.geojson";

    public const string NoDataColor = "#BDBDBD";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The payload as JSON, safe inside a script element (the default encoder escapes &lt; &gt; &amp;).</summary>
    public static string Write(MapIndicator indicator, IEnumerable<MunicipalityIndicator> municipalities, IReadOnlyDictionary<string, MapValue> values, string? province)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        var items = municipalities.Select(m => (Municipality: m, Value: values[m.Code])).ToList();
        var numbers = items.Where(i => i.Value.Number is not null).Select(i => i.Value.Number!.Value).ToList();
        var payload = new
        {
            Shapes = ShapesUrl,
            Province = province,
            Indicator = indicator.Key,
            indicator.Label,
            Categorical = indicator.IsCategorical,
            Min = numbers.Count == 0 ? 0 : Math.Floor(numbers.Min() / 10) * 10,
            Max = numbers.Count == 0 ? 100 : Math.Ceiling(numbers.Max() / 10) * 10,
            Categories = indicator.Categories.Select(c => new { c.Label, c.Color }),
            NoData = new
            {
                Label = items.Select(i => i.Value).FirstOrDefault(v => !v.HasValue).Text ?? MapIndicator.NoTask,
                Color = NoDataColor,
                Count = items.Count(i => !i.Value.HasValue),
            },
            Items = items.Select(i => new
            {
                i.Municipality.Code,
                i.Municipality.Name,
                Province = i.Municipality.ProvinceName,
                Region = i.Municipality.RegionName,
                i.Value.Number,
                i.Value.Category,
                i.Value.Text,
                Task = MapIndicator.TaskText(i.Municipality),
            }),
        };
        return JsonSerializer.Serialize(payload, Json);
    }
}
