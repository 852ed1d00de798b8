using System.Collections.Immutable;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Data.Export;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>
/// One municipality before (stored) and after (what-if); null where it is not distributed. Change describes in Dutch
/// what the what-if changed in its input (empty when nothing).
/// </summary>
public sealed record ComparisonRow(string Code, string Name, MunicipalityDistribution? Current, MunicipalityDistribution? New, string Change)
{
    public int Diff(Func<MunicipalityDistribution, int> value) => (New is null ? 0 : value(New)) - (Current is null ? 0 : value(Current));
}

/// <summary>One municipality's homes of a segment before and after; Changed when the what-if changed its own input.</summary>
public sealed record Move(string Name, int Before, int After, bool Changed);

/// <summary>Homes of one segment that moved: who builds fewer, who takes them over, and the region's net result.</summary>
public sealed record SegmentShift(
    string Segment,
    ImmutableArray<Move> Fewer,
    ImmutableArray<Move> More)
{
    public int FewerTotal => Fewer.Sum(m => m.Before - m.After);

    public int MoreTotal => More.Sum(m => m.After - m.Before);

    public bool Moved => !Fewer.IsEmpty || !More.IsEmpty;

    /// <summary>True when every municipality that builds more does so only because others build fewer (its own input is unchanged).</summary>
    public bool OnlyAbsorbed => More.All(m => !m.Changed);
}

/// <summary>The stored distribution next to the what-if, municipality by municipality (by code).</summary>
public sealed record Comparison(RegionDistribution? Current, RegionDistribution New, ImmutableArray<ComparisonRow> Rows)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "gemeente", "opgave_huidig", "opgave_nieuw",
        "sociale_huur_huidig", "sociale_huur_nieuw", "sociale_huur_verschil",
        "middensegment_huidig", "middensegment_nieuw", "middensegment_verschil",
        "vrije_sector_huidig", "vrije_sector_nieuw", "vrije_sector_verschil", "wijziging_invoer",
    ];

    /// <summary>Compares by code; the changes are described against the stored region's inputs (<paramref name="stored"/>).</summary>
    public static Comparison Of(WhatIfBase stored, RegionDistribution? current, RegionDistribution next)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(next);
        var before = current?.Municipalities.ToDictionary(m => m.Code.Value, StringComparer.Ordinal) ?? [];
        var after = next.Municipalities.ToDictionary(m => m.Code.Value, StringComparer.Ordinal);
        var storedInputs = stored.Rows.Where(r => r.Input is not null).ToDictionary(r => r.Code.Value, r => r.Input!, StringComparer.Ordinal);
        var rows = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            var b = before.GetValueOrDefault(code);
            var a = after.GetValueOrDefault(code);
            return new ComparisonRow(code, (a ?? b)!.Name, b, a, ChangeText.Describe(storedInputs.GetValueOrDefault(code), a));
        });
        return new Comparison(current, next, [.. rows]);
    }

    public bool HasChanges => Rows.Any(r => r.Change.Length > 0 || r.Diff(m => m.Social) != 0 || r.Diff(m => m.Middle) != 0 || r.Diff(m => m.Free) != 0)
        || Current?.Key != New.Key;

    public SegmentShift Social => Shift("sociale huur", m => m.Social);

    public SegmentShift Middle => Shift("middensegment", m => m.Middle);

    /// <summary>The comparison as a table for CSV/XLSX (see <see cref="Columns"/>).</summary>
    public TableData Table() => new(
        $"{New.Name} wat-als",
        Columns,
        [.. Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Code, r.Name, r.Current?.Task, r.New?.Task,
            r.Current?.Social, r.New?.Social, r.Diff(m => m.Social),
            r.Current?.Middle, r.New?.Middle, r.Diff(m => m.Middle),
            r.Current?.Free, r.New?.Free, r.Diff(m => m.Free), r.Change,
        ])]);

    private SegmentShift Shift(string segment, Func<MunicipalityDistribution, int> value)
    {
        var moved = Rows
            .Select(r => new Move(r.Name, r.Current is null ? 0 : value(r.Current), r.New is null ? 0 : value(r.New), r.Change.Length > 0))
            .Where(m => m.Before != m.After)
            .ToList();
        return new SegmentShift(
            segment,
            [.. moved.Where(m => m.After < m.Before).OrderByDescending(m => m.Before - m.After)],
            [.. moved.Where(m => m.After > m.Before).OrderByDescending(m => m.After - m.Before)]);
    }
}

/// <summary>Signed Dutch differences: "+150", "-624", "0".</summary>
internal static class Signed
{
    public static string Text(int diff) => diff > 0 ? "+" + Format.Count(diff) : diff < 0 ? "-" + Format.Count(-diff) : "0";

    public static string CssClass(int diff) => diff > 0 ? "rw-up" : diff < 0 ? "rw-down" : string.Empty;
}
