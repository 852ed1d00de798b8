using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Governance;

/// <summary>One municipality's agreed targets in an agreement version: homes in the agreement's period.</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Name">Name for display.</param>
/// <param name="Task">N: new homes in the period (&gt;= 0).</param>
/// <param name="Social">Social rent target (&gt;= 0).</param>
/// <param name="Middle">Middle-segment target: middenhuur + betaalbare koop (&gt;= 0).</param>
/// <param name="Free">Free-sector homes (&gt;= 0); normally Task − Social − Middle.</param>
/// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
/// <exception cref="ArgumentNullException"><paramref name="Name"/> is null.</exception>
public sealed record AgreedShare(MunicipalityCode Code, string Name, int Task, int Social, int Middle, int Free)
{
    public string Name { get; } = Name ?? throw new ArgumentNullException(nameof(Name));

    public int Task { get; } = NonNegative(Task, nameof(Task));

    public int Social { get; } = NonNegative(Social, nameof(Social));

    public int Middle { get; } = NonNegative(Middle, nameof(Middle));

    public int Free { get; } = NonNegative(Free, nameof(Free));

    /// <summary>Social + middle.</summary>
    public int Affordable => checked(Social + Middle);

    internal static int NonNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}

/// <summary>One municipality in the comparison of two agreement versions.</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Name">Name (from the current version when present there).</param>
/// <param name="InPrevious">False when the municipality is new in the current version (its before counts are 0).</param>
/// <param name="InCurrent">False when the municipality left (its after counts are 0).</param>
/// <param name="Task">Task before and after.</param>
/// <param name="Social">Social rent before and after.</param>
/// <param name="Middle">Middle segment before and after.</param>
/// <param name="Free">Free sector before and after.</param>
public sealed record AgreementChangeRow(
    MunicipalityCode Code,
    string Name,
    bool InPrevious,
    bool InCurrent,
    CountChange Task,
    CountChange Social,
    CountChange Middle,
    CountChange Free)
{
    /// <summary>Social + middle before and after.</summary>
    public CountChange Affordable => Social + Middle;

    /// <summary>True when the municipality was added or removed, or a number changed.</summary>
    public bool IsChanged => !InPrevious || !InCurrent || Task.Delta != 0 || Social.Delta != 0 || Middle.Delta != 0 || Free.Delta != 0;
}

/// <summary>Two agreement versions compared: a row per municipality (by code) and the totals.</summary>
/// <param name="Rows">Every municipality of either version, by code.</param>
/// <param name="Task">Total task before and after.</param>
/// <param name="Social">Total social rent before and after.</param>
/// <param name="Middle">Total middle segment before and after.</param>
/// <param name="Free">Total free sector before and after.</param>
public sealed record AgreementDiff(
    ImmutableArray<AgreementChangeRow> Rows,
    CountChange Task,
    CountChange Social,
    CountChange Middle,
    CountChange Free)
{
    /// <summary>Total social + middle before and after.</summary>
    public CountChange Affordable => Social + Middle;

    /// <summary>The rows that changed (see <see cref="AgreementChangeRow.IsChanged"/>).</summary>
    public ImmutableArray<AgreementChangeRow> Changed => [.. Rows.Where(r => r.IsChanged)];
}

/// <summary>Compares the agreed targets of two agreement versions, e.g. before and after a granted exemption.</summary>
public static class AgreementComparison
{
    /// <summary>
    /// A row per municipality in either list (ordered by code): before, after and delta per segment. A municipality
    /// in only one list counts 0 on the other side. The totals are the sums of the rows, so the row deltas add up to
    /// the total delta.
    /// </summary>
    /// <exception cref="ArgumentException">A municipality occurs twice in one list.</exception>
    public static AgreementDiff Compare(IReadOnlyList<AgreedShare> previous, IReadOnlyList<AgreedShare> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = ByCode(previous, nameof(previous));
        var after = ByCode(current, nameof(current));
        var rows = before.Keys.Union(after.Keys).Order()
            .Select(code =>
            {
                var b = before.GetValueOrDefault(code);
                var a = after.GetValueOrDefault(code);
                return new AgreementChangeRow(
                    code,
                    (a ?? b)!.Name,
                    b is not null,
                    a is not null,
                    new CountChange(b?.Task ?? 0, a?.Task ?? 0),
                    new CountChange(b?.Social ?? 0, a?.Social ?? 0),
                    new CountChange(b?.Middle ?? 0, a?.Middle ?? 0),
                    new CountChange(b?.Free ?? 0, a?.Free ?? 0));
            })
            .ToImmutableArray();
        return new AgreementDiff(
            rows,
            Sum(rows, r => r.Task),
            Sum(rows, r => r.Social),
            Sum(rows, r => r.Middle),
            Sum(rows, r => r.Free));
    }

    private static Dictionary<MunicipalityCode, AgreedShare> ByCode(IReadOnlyList<AgreedShare> shares, string name)
    {
        var result = new Dictionary<MunicipalityCode, AgreedShare>();
        foreach (var share in shares)
        {
            ArgumentNullException.ThrowIfNull(share, name);
            if (!result.TryAdd(share.Code, share))
            {
                throw new ArgumentException($"{share.Code} occurs more than once.", name);
            }
        }

        return result;
    }

    private static CountChange Sum(ImmutableArray<AgreementChangeRow> rows, Func<AgreementChangeRow, CountChange> pick) =>
        rows.Aggregate(default(CountChange), (total, row) => total + pick(row));
}
