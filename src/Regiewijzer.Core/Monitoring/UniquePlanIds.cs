namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The ids of a forecast's plans, each once: checked when made (<see cref="Of"/>) and kept so after a plan change
/// (<see cref="Replace"/>: the changed plans' old ids out, their new ones in, as <see cref="Forecast.ReplacePlans"/> does
/// with the run totals). With them, <see cref="Forecast.CombineParts(ForecastInput, IReadOnlyList{ForecastPart}, UniquePlanIds, int?, CancellationToken)"/>
/// need not read all plans again after each change.
/// </summary>
/// <remarks>
/// Handed on, not shared: <see cref="Replace"/> takes the set over into the object it returns (a copy of 142.000 ids per
/// change is what this saves), after which this object can no longer be used. So whoever keeps one uses it from one thread
/// at a time and keeps only the newest.
/// </remarks>
public sealed class UniquePlanIds
{
    private HashSet<string>? ids;

    private UniquePlanIds(HashSet<string> ids) => this.ids = ids;

    /// <summary>Number of ids.</summary>
    /// <exception cref="InvalidOperationException">The ids were handed on by <see cref="Replace"/>.</exception>
    public int Count => (ids ?? throw HandedOn()).Count;

    /// <summary>Whether <paramref name="id"/> is among the ids.</summary>
    /// <exception cref="InvalidOperationException">The ids were handed on by <see cref="Replace"/>.</exception>
    public bool Contains(string id) => (ids ?? throw HandedOn()).Contains(id);

    /// <summary>The ids of <paramref name="plans"/>, checked to occur once each.</summary>
    /// <exception cref="ArgumentException">An id occurs twice.</exception>
    public static UniquePlanIds Of(IReadOnlyList<Plan> plans) => new(Checked(plans, nameof(plans)));

    /// <summary>
    /// The check of <see cref="Of"/>, the one every forecast makes of its plans (also <see cref="ForecastPlans.Prepare"/>):
    /// the set of ids, refused with <paramref name="paramName"/> when one occurs twice.
    /// </summary>
    internal static HashSet<string> Checked(IReadOnlyList<Plan> plans, string paramName)
    {
        ArgumentNullException.ThrowIfNull(plans, paramName);
        var ids = new HashSet<string>(plans.Count, StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            if (!ids.Add(plans[i].Id))
            {
                throw Twice(plans[i].Id, paramName);
            }
        }

        return ids;
    }

    /// <summary>
    /// These ids with those of <paramref name="removed"/> taken out and those of <paramref name="added"/> put in. This
    /// object is used up, also when the change is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A removed id is not among these ids, or an added id is among them (after the removals) or occurs twice.</exception>
    /// <exception cref="InvalidOperationException">The ids were handed on already.</exception>
    public UniquePlanIds Replace(IReadOnlyList<Plan> removed, IReadOnlyList<Plan> added)
    {
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(added);
        var set = Interlocked.Exchange(ref ids, null) ?? throw HandedOn();
        foreach (var plan in removed)
        {
            if (!set.Remove(plan.Id))
            {
                throw new ArgumentException($"Plan id '{plan.Id}' is not among the ids.", nameof(removed));
            }
        }

        foreach (var plan in added)
        {
            if (!set.Add(plan.Id))
            {
                throw Twice(plan.Id, nameof(added));
            }
        }

        return new(set);
    }

    private static ArgumentException Twice(string id, string paramName) => new($"Plan id '{id}' occurs twice.", paramName);

    private static InvalidOperationException HandedOn() => new("These plan ids were handed on by Replace.");
}
