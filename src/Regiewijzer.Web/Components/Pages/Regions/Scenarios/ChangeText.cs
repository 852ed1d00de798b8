using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>What a what-if changed in one municipality's input, in Dutch, against the stored input.</summary>
internal static class ChangeText
{
    /// <param name="stored">The stored input, or null when the municipality had no task.</param>
    /// <param name="now">The what-if's result for it, or null when it is not distributed in the what-if.</param>
    public static string Describe(MunicipalityInput? stored, MunicipalityDistribution? now)
    {
        if (now is null)
        {
            return stored is null ? string.Empty : "niet meegerekend in het scenario";
        }

        var n = now.Input;
        var parts = new List<string>();
        if (stored is null)
        {
            parts.Add($"opgave ingevuld: {Format.Count(n.Task)}");
        }
        else
        {
            if (stored.Task != n.Task)
            {
                parts.Add($"opgave {Format.Count(stored.Task)} → {Format.Count(n.Task)}");
            }

            if (stored.Stock != n.Stock || stored.SocialStock != n.SocialStock)
            {
                parts.Add($"voorraad {Format.Count(n.Stock)}, waarvan sociaal {Format.Count(n.SocialStock)} (opgeslagen: {Format.Count(stored.Stock)} en {Format.Count(stored.SocialStock)})");
            }
        }

        Floor(parts, "sociale huur", stored?.Exemption?.SocialFloor, n.Exemption?.SocialFloor, now, LaggingSegment.Social);
        Floor(parts, "middensegment", stored?.Exemption?.MiddleFloor, n.Exemption?.MiddleFloor, now, LaggingSegment.Middle);
        Commitment(parts, "sociale huur", stored?.Commitment?.Social, n.Commitment?.Social);
        Commitment(parts, "middensegment", stored?.Commitment?.Middle, n.Commitment?.Middle);
        if ((stored?.Contracted ?? SegmentCounts.None) != n.Contracted)
        {
            var c = n.Contracted;
            parts.Add($"gecontracteerd: {Format.Count(c.Social)} sociaal, {Format.Count(c.Middle)} midden, {Format.Count(c.Free)} vrij");
        }

        return string.Join("; ", parts);
    }

    private static void Floor(List<string> parts, string segment, Fraction? before, Fraction? after, MunicipalityDistribution now, LaggingSegment lagging)
    {
        if (before == after)
        {
            return;
        }

        if (after is not { } floor)
        {
            parts.Add($"ontheffing {segment} vervallen");
            return;
        }

        var text = $"ontheffing {segment}: ondergrens {Format.Percent(floor)}";
        parts.Add(now.Lagging == lagging
            ? text
            : $"{text} (geen effect: {now.Name} heeft een achterstand in {now.Lagging.Dutch()})");
    }

    private static void Commitment(List<string> parts, string segment, int? before, int? after)
    {
        if (before == after)
        {
            return;
        }

        parts.Add(after is { } value ? $"toezegging {segment}: minstens {Format.Count(value)}" : $"toezegging {segment} vervallen");
    }
}
