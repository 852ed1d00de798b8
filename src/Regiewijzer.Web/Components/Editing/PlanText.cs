using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>How a stored plan or realisation is described in the tables.</summary>
internal static class PlanText
{
    /// <summary>"2022–2024", "2026" or "geen".</summary>
    public static string Years(PlanRow plan) =>
        plan.Deliveries.Count == 0 ? "geen"
        : plan.Deliveries.Min(d => d.Year) is var first && plan.Deliveries.Max(d => d.Year) is var last && first == last ? Year(first)
        : $"{Year(plan.Deliveries.Min(d => d.Year))}–{Year(plan.Deliveries.Max(d => d.Year))}";

    /// <summary>"ja, 31-3-2026", "ja" or "nee".</summary>
    public static string Contract(PlanRow plan) =>
        !plan.Contracted ? "nee" : plan.ContractedOn is { } on ? $"ja, {DutchTime.Dutch(on)}" : "ja";

    /// <summary>The source in short: the shipped plan capacity by name, an edit with its date, an import by its text.</summary>
    public static string Source(PlanRow plan)
    {
        var shipped = EditPlans.IsShipped(plan);
        if (EditRules.IsEdited(plan.Source))
        {
            var edited = plan.Source.Split("; ", 2)[0];
            return shipped ? $"{edited} (uit plancapaciteit ~2021)" : edited;
        }

        return shipped ? "plancapaciteit ~2021 (Data Bewijst / Follow the Money)" : plan.Source;
    }

    /// <summary>The homes of a plan or realisation per segment column (column order of <see cref="EditFields.Segments"/>).</summary>
    public static int[] Columns(ISegmentColumns row) =>
        [row.SocialRent, row.MiddleRent, row.AffordableOwnership, row.FreeRent, row.FreeOwnership, row.UnknownSegment];

    /// <summary>A plan's homes per segment column, summed over its years.</summary>
    public static int[] Columns(PlanRow plan) =>
        [.. Enumerable.Range(0, 6).Select(i => plan.Deliveries.Sum(d => Columns(d)[i]))];

    /// <summary>"1b" with its label and hard/soft for a screen reader and the eye.</summary>
    public static string Status(string code) =>
        PlanningStatuses.TryParse(code, out var s) ? $"{s.Dutch()} ({(s.IsHard() ? "hard" : "zacht")})" : code;

    public static string Count(long value) => Format.Count(value);


    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
