using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>
/// The rules a distribution's input must meet beyond what its types hold, as problems: each with its field and Dutch
/// reason, every problem at once. Fields are named as in the scenario file (docs/scenario-format.md): of a municipality
/// "task", "stock", "socialStock", "contracted", "exemption.socialFloor", "exemption.middleFloor", or "" for the
/// municipality as a whole; "municipalities" for the list. The scenario reader and the what-if form both check with
/// these, so a what-if is valid exactly when its scenario file would be.
/// </summary>
public static class InputRules
{
    /// <summary>Every problem of one municipality's input under <paramref name="norms"/>; empty when it may be distributed.</summary>
    /// <remarks>The floors are checked only when the rest holds (they are computed from it).</remarks>
    public static IReadOnlyList<FieldProblem> Municipality(MunicipalityInput input, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(norms);
        var problems = new List<FieldProblem>();
        if (input.Task < 0)
        {
            problems.Add(new("task", $"{input.Task} is negatief: aantallen zijn 0 of meer"));
        }

        problems.AddRange(Stock(input.Stock, input.SocialStock));
        if (Contracted(input.Task, input.Contracted) is { } contracted)
        {
            problems.Add(contracted);
        }

        problems.AddRange(ExemptedFloors(input.Exemption, norms));
        if (problems.Count == 0 && Floors(input, norms) is { } floors)
        {
            problems.Add(floors);
        }

        return problems;
    }

    /// <summary>The stock (T) is above 0 and the social stock (S) not above it. A value not known (null) is not checked.</summary>
    public static IReadOnlyList<FieldProblem> Stock(int? stock, int? socialStock)
    {
        var problems = new List<FieldProblem>();
        if (stock <= 0)
        {
            problems.Add(new("stock", "moet groter zijn dan 0"));
        }

        if (stock is { } t && socialStock is { } s && s > t)
        {
            problems.Add(new("socialStock", $"{s} is groter dan de voorraad ({t})"));
        }

        return problems;
    }

    /// <summary>The contracted homes (all segments) are not more than the task; null when they fit or the task is not known.</summary>
    public static FieldProblem? Contracted(int? task, SegmentCounts contracted)
    {
        var total = (long)contracted.Social + contracted.Middle + contracted.Free;
        return task is { } n && total > n ? new("contracted", $"gecontracteerd ({total}) is meer dan de opgave ({n})") : null;
    }

    /// <summary>True when an exempted floor is allowed: an exemption lowers the floor of the law, so it is at most that floor.</summary>
    public static bool LowersFloor(Fraction exempted, Fraction law) => exempted <= law;

    /// <summary>Each exempted floor is at most the floor of <paramref name="norms"/> (<see cref="LowersFloor"/>).</summary>
    public static IReadOnlyList<FieldProblem> ExemptedFloors(Exemption? exemption, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var problems = new List<FieldProblem>();
        if (exemption?.SocialFloor is { } s && !LowersFloor(s, norms.SocialFloor.Value))
        {
            problems.Add(new("exemption.socialFloor", $"{s} is hoger dan de ondergrens {norms.SocialFloor.Value}: een ontheffing verlaagt de ondergrens"));
        }

        if (exemption?.MiddleFloor is { } m && !LowersFloor(m, norms.MiddleFloor.Value))
        {
            problems.Add(new("exemption.middleFloor", $"{m} is hoger dan de ondergrens {norms.MiddleFloor.Value}: een ontheffing verlaagt de ondergrens"));
        }

        return problems;
    }

    /// <summary>
    /// The social and middle floors (commitments included) fit in the task minus the contracted free-sector homes; null when
    /// they do. Asks a municipality whose other rules hold (<see cref="Stock"/>, <see cref="Contracted"/>, <see cref="ExemptedFloors"/>).
    /// </summary>
    public static FieldProblem? Floors(MunicipalityInput input, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(norms);
        var floors = Distribution.Floors(input, norms);
        return (long)floors.Social + floors.Middle > floors.Capacity
            ? new(string.Empty, $"ondergrens sociaal ({floors.Social}) + ondergrens midden ({floors.Middle}) is meer dan de opgave min gecontracteerde vrije sector ({floors.Capacity}); verlaag de toezegging of het gecontracteerde aantal")
            : null;
    }

    /// <summary>The rules over the municipalities together: provinces all or none (<see cref="ProvinceRule"/>), and the tasks sum to an int.</summary>
    public static IReadOnlyList<FieldProblem> Region(IReadOnlyCollection<MunicipalityInput> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var problems = new List<FieldProblem>();
        if (!ProvinceRule.IsAllOrNone(municipalities, out var withProvince))
        {
            problems.Add(new("municipalities", $"{withProvince} van de {municipalities.Count} gemeenten hebben een 'province': geef die bij elke gemeente of bij geen enkele"));
        }

        if (municipalities.Sum(m => (long)m.Task) > int.MaxValue)
        {
            problems.Add(new("municipalities", $"de opgaven tellen op tot meer dan {Format.Count(int.MaxValue)}"));
        }

        return problems;
    }
}
