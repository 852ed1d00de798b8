using System.Globalization;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>
/// The plan list's filters and order in the address (?status=1a&amp;jaar=2027&amp;segment=sociale-huur&amp;sorteer=woningen&amp;volgorde=aflopend):
/// read into a <see cref="PlanQuery"/>, with a Dutch note for a value that is not understood (that filter is then off),
/// and written back for the page links.
/// </summary>
internal static class PlanListQuery
{
    /// <summary>The orders with their value in the address and their Dutch label.</summary>
    public static IReadOnlyList<(PlanOrder Order, string Key, string Label)> Orders { get; } =
    [
        (PlanOrder.Code, "code", "code"),
        (PlanOrder.Name, "naam", "naam"),
        (PlanOrder.Status, "status", "planstatus"),
        (PlanOrder.Year, "jaar", "eerste jaar van oplevering"),
        (PlanOrder.Homes, "woningen", "aantal woningen"),
    ];

    /// <summary>The segment values in the address, in column order (the five of <see cref="EditFields.Segments"/> and "onbekend").</summary>
    public static IReadOnlyList<(string Key, string Label)> Segments { get; } =
        [.. EditFields.Segments.Select(s => (s.Slug, s.Label)), ("onbekend", "Segment onbekend")];

    public static (PlanQuery Query, IReadOnlyList<string> Notes) Read(string? status, string? year, string? segment, string? order, string? direction)
    {
        var notes = new List<string>();
        string? statusCode = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (PlanningStatuses.TryParse(status, out var s))
            {
                statusCode = s.Code();
            }
            else
            {
                notes.Add($"Planstatus ‘{status.Trim()}’ bestaat niet (kies 1a tot en met 4b); op status is niet gefilterd.");
            }
        }

        int? yearValue = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                yearValue = y;
            }
            else
            {
                notes.Add($"Jaar ‘{year.Trim()}’ is geen jaartal; op jaar is niet gefilterd.");
            }
        }

        int? segmentIndex = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var i = Segments.ToList().FindIndex(x => string.Equals(x.Key, segment.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i >= 0)
            {
                segmentIndex = i;
            }
            else
            {
                notes.Add($"Segment ‘{segment.Trim()}’ bestaat niet; op segment is niet gefilterd.");
            }
        }

        var sort = PlanOrder.Code;
        if (!string.IsNullOrWhiteSpace(order))
        {
            var match = Orders.Where(o => string.Equals(o.Key, order.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                sort = match[0].Order;
            }
            else
            {
                notes.Add($"Sorteren op ‘{order.Trim()}’ kan niet; de lijst staat op code.");
            }
        }

        var descending = string.Equals(direction?.Trim(), "aflopend", StringComparison.OrdinalIgnoreCase);
        return (new PlanQuery(statusCode, yearValue, segmentIndex, sort, descending), notes);
    }

    /// <summary>The query's parameters for a link ("status=1a&amp;sorteer=naam"), empty for the default.</summary>
    public static string Write(PlanQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        if (query.Status is { } s)
        {
            parts.Add("status=" + Uri.EscapeDataString(s));
        }

        if (query.Year is { } y)
        {
            parts.Add("jaar=" + y.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Segment is { } g)
        {
            parts.Add("segment=" + Segments[g].Key);
        }

        if (query.Order != PlanOrder.Code)
        {
            parts.Add("sorteer=" + Orders.Single(o => o.Order == query.Order).Key);
        }

        if (query.Descending)
        {
            parts.Add("volgorde=aflopend");
        }

        return string.Join('&', parts);
    }

    /// <summary>What the filters select, in Dutch ("met status 1b, met oplevering in 2027"), or empty.</summary>
    public static string Describe(PlanQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        if (query.Status is { } s)
        {
            parts.Add($"met planstatus {s}");
        }

        if (query.Year is { } y)
        {
            parts.Add($"met oplevering in {y.ToString(CultureInfo.InvariantCulture)}");
        }

        if (query.Segment is { } g)
        {
            parts.Add($"met woningen in {Segments[g].Label.ToLowerInvariant()}");
        }

        return string.Join(", ", parts);
    }
}
