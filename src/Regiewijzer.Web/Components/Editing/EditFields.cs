using System.Text.RegularExpressions;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>
/// Element ids and Dutch labels of the edit forms' fields, from the field paths of <see cref="FieldError"/>
/// ("Deliveries[2].SocialRent" → id "levering-2-sociale-huur", label "Sociale huur, rij 3"). Tests and the error
/// summary use the ids; an error is shown in id "fout-{id}".
/// </summary>
internal static partial class EditFields
{
    /// <summary>The six segment columns: form property, id part, Dutch label (column order of the tables).</summary>
    public static IReadOnlyList<(string Property, string Slug, string Label)> Segments { get; } =
    [
        (nameof(DeliveryForm.SocialRent), "sociale-huur", "Sociale huur"),
        (nameof(DeliveryForm.MiddleRent), "middenhuur", "Middenhuur"),
        (nameof(DeliveryForm.AffordableOwnership), "betaalbare-koop", "Betaalbare koop"),
        (nameof(DeliveryForm.FreeRent), "vrije-huur", "Vrije sector huur"),
        (nameof(DeliveryForm.FreeOwnership), "vrije-koop", "Vrije sector koop"),
        (nameof(DeliveryForm.UnknownSegment), "onbekend", "Segment onbekend"),
    ];

    /// <summary>The segment labels for narrow column headers, with soft hyphens where a word may break.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Sociale huur", "Midden\u00ADhuur", "Betaal\u00ADbare koop", "Vrije sector huur", "Vrije sector koop", "Segment on\u00ADbekend"];

    private static readonly Dictionary<string, (string Id, string Label)> Plain = new(StringComparer.Ordinal)
    {
        [nameof(PlanForm.Code)] = ("code", "Code"),
        [nameof(PlanForm.Name)] = ("naam", "Naam"),
        [nameof(PlanForm.Status)] = ("status", "Planstatus"),
        [nameof(PlanForm.PriceLevelYear)] = ("prijspeiljaar", "Prijspeiljaar"),
        [nameof(PlanForm.ContractedOn)] = ("contractdatum", "Contractdatum"),
        [nameof(PlanForm.Deliveries)] = ("leveringen", "Woningen per jaar"),
        [nameof(RealisationForm.Source)] = ("bron", "Bron"),
        [nameof(RealisationForm.Note)] = ("toelichting", "Toelichting"),
        [nameof(TrajectoryForm.Weights)] = ("gewichten", "Gewichten"),
    };

    /// <summary>The element id of a field.</summary>
    public static string Id(string field) => Describe(field).Id;

    /// <summary>The Dutch label of a field (for the error summary).</summary>
    public static string Label(string field) => Describe(field).Label;

    /// <summary>Id of a delivery row's field: "levering-{row}-jaar" or "levering-{row}-{segment}".</summary>
    public static string Delivery(int row, string property) => Id($"{nameof(PlanForm.Deliveries)}[{row}].{property}");

    /// <summary>Id of a realisation's segment field ("realisatie-sociale-huur").</summary>
    public static string Realisation(string property) => Id(property);

    /// <summary>Id of a year's weight ("gewicht-2022").</summary>
    public static string Weight(int year) => $"gewicht-{year}";

    private static (string Id, string Label) Describe(string field)
    {
        if (Plain.TryGetValue(field, out var plain))
        {
            return plain;
        }

        var delivery = DeliveryPattern().Match(field);
        if (delivery.Success)
        {
            var row = int.Parse(delivery.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var (slug, label) = delivery.Groups[2].Value == nameof(DeliveryForm.Year) ? ("jaar", "Jaar") : Segment(delivery.Groups[2].Value);
            return ($"levering-{row}-{slug}", $"{label}, rij {row + 1}");
        }

        var weight = WeightPattern().Match(field);
        if (weight.Success)
        {
            return ($"gewicht-{weight.Groups[1].Value}", $"Gewicht {weight.Groups[1].Value}");
        }

        var (s, l) = Segment(field);
        return ($"realisatie-{s}", l);
    }

    private static (string Slug, string Label) Segment(string property)
    {
        foreach (var (p, slug, label) in Segments)
        {
            if (p == property)
            {
                return (slug, label);
            }
        }

        return (property.ToLowerInvariant(), property);
    }

    [GeneratedRegex(@"^Deliveries\[([0-9]+)\]\.([A-Za-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryPattern();

    [GeneratedRegex(@"^Weights\[([0-9]{4})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex WeightPattern();
}
