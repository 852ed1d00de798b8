using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Pages.Overview;

/// <summary>One value of an indicator for one municipality: a number (shares, in %) or a category, and its Dutch text.</summary>
/// <param name="Number">Percentage for continuous indicators; null for categories and when there is no value.</param>
/// <param name="Category">Index into <see cref="MapIndicator.Categories"/>; null when there is no value.</param>
/// <param name="Text">What the tooltip and the table show, e.g. "19,0%", "sociale huur" or "geen opgave bekend".</param>
public readonly record struct MapValue(double? Number, int? Category, string Text)
{
    public bool HasValue => Number is not null || Category is not null;

    public static MapValue Share(Fraction? share, string missing) =>
        share is { } s ? new((double)(s * 100).ToDecimal(1), null, Format.Percent(s)) : new(null, null, missing);
}

/// <summary>A category of a categorical indicator with its colour (Okabe-Ito, safe for colour-blindness).</summary>
public sealed record MapCategory(string Label, string Color);

/// <summary>What the national map can colour municipalities by (the GET parameter <c>indicator</c>).</summary>
public sealed record MapIndicator(string Key, string Label, string ColumnLabel, string Explanation, IReadOnlyList<MapCategory> Categories, Func<MunicipalityIndicator, MapValue> Value)
{
    public const string NoTask = "geen opgave bekend";

    public bool IsCategorical => Categories.Count > 0;

    /// <summary>True when the indicator rests on the stock (its metric is an assumption), false when on the distribution.</summary>
    public bool FromStock => Key is "corporatie" or "achterblijvend";

    private static NormSet Norms => NormSets.Default;

    public static IReadOnlyList<MapIndicator> All { get; } =
    [
        new(
            "corporatie",
            "Aandeel corporatiewoningen in de voorraad",
            "Aandeel corporatie",
            $"Maatstaf: {Norms.StockMetric.TrimEnd('.')}. Onder {Norms.LaggingThreshold.Percent} is sociale huur het achterblijvende segment.",
            [],
            m => MapValue.Share(m.StockShare, "geen voorraad bekend")),
        new(
            "achterblijvend",
            "Achterblijvend segment",
            "Achterblijvend",
            $"Sociale huur als het aandeel corporatiewoningen onder de drempel van {Format.Share(Norms.LaggingThreshold.Value)} ligt, anders het middensegment (middenhuur en betaalbare koop). Bron: {Norms.LaggingThreshold.Source}. {Norms.LaggingThreshold.Note}",
            [new("sociale huur", "#E69F00"), new("middensegment", "#0072B2")],
            m => m.Lagging is { } l ? new(null, (int)l, l.Dutch()) : new(null, null, "geen voorraad bekend")),
        new(
            "betaalbaar",
            "Betaalbaar als deel van de opgave",
            "Betaalbaar",
            $"Betaalbaar = sociale huur + middensegment (middenhuur en betaalbare koop): de doelen uit de regionale verdeling samen, gedeeld door de opgave 2022-2030 van de gemeente. De norm van {Format.Share(Norms.AffordableShare.Value)} geldt voor de regio als geheel, niet per gemeente.",
            [],
            m => MapValue.Share(m.AffordableShare, NoTask)),
        new(
            "sociaal",
            "Sociale huur als deel van de opgave",
            "Sociale huur",
            $"Het doel sociale huur uit de regionale verdeling gedeeld door de opgave van de gemeente. Boven {Norms.HighSocialSignal.Percent} geeft Regiewijzer het signaal ‘{FindingCode.HighSocialShare.Title().ToLowerInvariant()}’: {Norms.HighSocialSignal.Note}",
            [],
            m => MapValue.Share(m.SocialShare, NoTask)),
        new(
            "regio",
            "Voldoet de regio aan de normen?",
            "Regio voldoet?",
            $"Of de verdeling van de regio ten minste {Format.Share(Norms.SocialShare.Value)} sociale huur en {Format.Share(Norms.AffordableShare.Value)} betaalbaar haalt. Gemeenten zonder bekende opgave tellen in de regio niet mee.",
            [new("regio voldoet", "#009E73"), new("regio voldoet; niet alle gemeenten hebben een opgave", "#56B4E9"), new("regio komt tekort", "#D55E00")],
            RegionCompliance),
    ];

    public static MapIndicator Default => All[0];

    /// <summary>The indicator for a GET value; the default for an unknown or empty one.</summary>
    public static MapIndicator Find(string? key) =>
        All.FirstOrDefault(i => string.Equals(i.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Default;

    /// <summary>"Opgave" text for tooltips and tables: homes and origin, or why there is none.</summary>
    public static string TaskText(MunicipalityIndicator m) => m.Task is { } t
        ? $"{Format.Count(t.Homes)} woningen ({(t.Origin == TaskOrigin.Agreed ? "afgesproken" : "afgeleid")})"
        : NoTask;

    private static MapValue RegionCompliance(MunicipalityIndicator m)
    {
        if (m.Region?.Result is not { } region || m.Distribution is null)
        {
            return new(null, null, NoTask);
        }

        var category = !region.MeetsNorms ? 2 : m.Region.Question.IsComplete ? 0 : 1;
        var text = category switch
        {
            0 => "regio voldoet",
            1 => $"regio voldoet; {Format.Count(m.Region.Question.WithoutTask.Length)} gemeente(n) zonder opgave tellen niet mee",
            _ => $"regio komt tekort (sociaal {Format.Count(region.SocialShortfall)}, betaalbaar {Format.Count(region.AffordableShortfall)})",
        };
        return new(null, category, text);
    }
}
