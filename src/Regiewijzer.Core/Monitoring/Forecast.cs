namespace Regiewijzer.Core.Monitoring;

/// <summary>Input of a forecast for one group of plans (a municipality, region, province or the nation).</summary>
/// <param name="FirstYear">First year of the period.</param>
/// <param name="LastYear">Last year of the period (inclusive).</param>
/// <param name="Target">Target per segment for the whole period.</param>
/// <param name="Plans">The plans of the group; ids must be unique.</param>
/// <param name="Parameters">Realisation probability and delay per status.</param>
/// <param name="Runs">Number of Monte Carlo runs, 1 … 1,000,000.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="FromYear">
/// First year plans can deliver (default <paramref name="FirstYear"/>): a plan year before it is
/// moved to it before the delay is added (an overdue plan delivers as soon as possible). From
/// FirstYear to LastYear + 1.
/// </param>
/// <param name="Realised">Homes already completed; those in the period are added to every run as they are. Pass only years before FromYear, or they count twice with the plans.</param>
public sealed record ForecastInput(
    int FirstYear,
    int LastYear,
    SegmentHomes Target,
    IReadOnlyList<Plan> Plans,
    ForecastParameters Parameters,
    int Runs = 10_000,
    ulong Seed = 1,
    int? FromYear = null,
    IReadOnlyList<Realisation>? Realised = null);

/// <summary>
/// Monte Carlo forecast of deliveries (domain.md section 7). In every run each plan independently
/// either drops out (with 1 - p of its parameter) or is realised as a whole with a delay of d
/// years (probability p·q_d), all its delivery years shifted by d; homes shifted beyond the
/// period are not counted. Contracted plans use the "contracted" parameter. The draw of a plan in
/// a run comes from <see cref="ForecastRandom"/> and depends only on the seed, the plan's id and
/// the run, so the result is the same for any order of the plans, any number of threads and any
/// machine; adding a plan never lowers another run total; and forecasts of a municipality and of
/// its region with the same seed agree run by run.
/// </summary>
public static class Forecast
{
    /// <summary>Most years in a period.</summary>
    public const int MaxYears = 100;

    /// <summary>Most runs.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>
    /// Runs the forecast on all cores (or at most <paramref name="maxDegreeOfParallelism"/> threads;
    /// the result does not depend on it).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Invalid period, runs or FromYear; invalid parameters; duplicate plan ids; or more than
    /// int.MaxValue homes in total.
    /// </exception>
    public static ForecastResult Run(ForecastInput input, int? maxDegreeOfParallelism = null) =>
        RunCancellable(input, CancellationToken.None, maxDegreeOfParallelism);

    /// <summary>
    /// <see cref="Run"/> that stops when <paramref name="cancellationToken"/> is cancelled (a request whose client went
    /// away): the Monte Carlo loop checks it between blocks of runs and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ForecastResult RunCancellable(ForecastInput input, CancellationToken cancellationToken, int? maxDegreeOfParallelism = null)
    {
        Validate(input, maxDegreeOfParallelism);
        var prepared = ForecastPlans.Prepare(input);
        cancellationToken.ThrowIfCancellationRequested();
        return ForecastEngine.Run(input, prepared, maxDegreeOfParallelism ?? -1, cancellationToken);
    }

    /// <summary>
    /// The run totals of the plans of <paramref name="part"/> alone (its realised homes are not counted), to be summed
    /// with the other parts of a forecast by <see cref="CombineParts(ForecastInput, IReadOnlyList{ForecastPart}, int?, CancellationToken)"/>. The draws depend only on the seed, a plan's id
    /// and the run, and the totals are integer sums, so the parts of any partition of a forecast's plans sum to exactly
    /// its own run totals: after a change only the part that holds it has to be simulated again.
    /// </summary>
    /// <param name="part">The forecast's input with only the plans of this part (same period, runs, seed, FromYear and parameters).</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops between blocks of runs.</param>
    public static ForecastPart SimulatePart(ForecastInput part, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        Validate(part, maxDegreeOfParallelism);
        var prepared = ForecastPlans.Prepare(part with { Realised = null });
        cancellationToken.ThrowIfCancellationRequested();
        return new ForecastPart(
            part.FirstYear,
            part.LastYear,
            part.Runs,
            part.Plans.Count,
            prepared.PlanHomes,
            ForecastEngine.SimulateAll(prepared, part.Runs, maxDegreeOfParallelism ?? -1, cancellationToken));
    }

    /// <summary>
    /// <paramref name="part"/> with the plans of <paramref name="removed"/> taken out and those of <paramref name="added"/> put
    /// in, both simulated with the forecast's period, runs, seed, FromYear and parameters: after a plan change its old and
    /// new run totals instead of simulating the whole part again. The totals are integer sums, so the result equals
    /// <see cref="SimulatePart"/> of the changed plans exactly, when <paramref name="removed"/> holds plans that are in the
    /// part. Written into one new array (the nation's totals are 3,5 MB), the part itself is not changed.
    /// </summary>
    /// <param name="part">Made by <see cref="SimulatePart"/> (or this method) with the same period, runs, seed, FromYear and parameters as <paramref name="input"/>.</param>
    /// <param name="input">The forecast's input; its plans are not read, only its period, runs, seed, FromYear and parameters.</param>
    /// <param name="removed">The plans as they were in the part.</param>
    /// <param name="added">The plans as they are now.</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops between blocks of runs.</param>
    /// <exception cref="ArgumentException">As <see cref="SimulatePart"/>; or a part of another period or number of runs, or more plans removed than it holds.</exception>
    public static ForecastPart ReplacePlans(ForecastPart part, ForecastInput input, IReadOnlyList<Plan> removed, IReadOnlyList<Plan> added, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(added);
        Validate(input, maxDegreeOfParallelism);
        if (part.FirstYear != input.FirstYear || part.LastYear != input.LastYear || part.Runs != input.Runs)
        {
            throw new ArgumentException("The part must have the period and runs of the forecast.", nameof(part));
        }

        if (removed.Count > part.Plans)
        {
            throw new ArgumentException($"{removed.Count} plans removed from a part of {part.Plans}.", nameof(removed));
        }

        var taken = ForecastPlans.Prepare(input with { Plans = removed, Realised = null });
        var put = ForecastPlans.Prepare(input with { Plans = added, Realised = null });
        cancellationToken.ThrowIfCancellationRequested();
        var totals = (int[])part.Totals.Clone();
        ForecastEngine.AddAll(taken, input.Runs, totals, subtract: true, maxDegreeOfParallelism ?? -1, cancellationToken);
        ForecastEngine.AddAll(put, input.Runs, totals, subtract: false, maxDegreeOfParallelism ?? -1, cancellationToken);
        return new ForecastPart(part.FirstYear, part.LastYear, part.Runs, part.Plans - removed.Count + added.Count, part.Homes - taken.PlanHomes + put.PlanHomes, totals);
    }

    /// <summary>
    /// The forecast of <paramref name="input"/> from the run totals of its plans in parts (<see cref="SimulatePart"/>,
    /// made with the same period, runs, seed, FromYear and parameters), plus its realised homes: the same result as
    /// <see cref="Run"/> on the whole input, when the parts hold every plan of it exactly once.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// As <see cref="Run"/>; or parts of another period or number of runs, or parts whose plans do not add up to the input's.
    /// </exception>
    public static ForecastResult CombineParts(ForecastInput input, IReadOnlyList<ForecastPart> parts, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        Validate(input, maxDegreeOfParallelism);
        return CombineParts(input, parts, UniquePlanIds.Of(input.Plans), maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>
    /// <see cref="CombineParts(ForecastInput, IReadOnlyList{ForecastPart}, int?, CancellationToken)"/> with the ids of the
    /// input's plans known to be unique (<paramref name="ids"/>, kept up to date by the caller after a plan change), so
    /// that the plans themselves are not read: after a change of one plan among 142.000 their check would cost more
    /// than the rest of the forecast. The caller vouches that <paramref name="ids"/> are those of the input's plans; as for
    /// the parts, only their number is checked.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// As the other overload; or <paramref name="ids"/> of another number of plans than the input's.
    /// </exception>
    public static ForecastResult CombineParts(ForecastInput input, IReadOnlyList<ForecastPart> parts, UniquePlanIds ids, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        Validate(input, maxDegreeOfParallelism);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(ids);
        if (parts.Any(p => p.FirstYear != input.FirstYear || p.LastYear != input.LastYear || p.Runs != input.Runs))
        {
            throw new ArgumentException("Every part must have the period and runs of the forecast.", nameof(parts));
        }

        if (parts.Sum(p => (long)p.Plans) != input.Plans.Count)
        {
            throw new ArgumentException($"The parts hold {parts.Sum(p => (long)p.Plans)} plans; the forecast has {input.Plans.Count}.", nameof(parts));
        }

        if (ids.Count != input.Plans.Count)
        {
            throw new ArgumentException($"{ids.Count} plan ids given for {input.Plans.Count} plans.", nameof(ids));
        }

        // The check of a whole run: at most int.MaxValue homes (plans and realised) in total.
        var baseline = ForecastPlans.Prepare(input with { Plans = [] }); // the realised homes only
        var total = parts.Sum(p => p.Homes) + baseline.Baseline.Sum(x => (long)x);
        if (total > int.MaxValue)
        {
            throw new ArgumentException($"The forecast holds {total} homes; at most {int.MaxValue} are supported.", nameof(input));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ForecastEngine.Combine(input, baseline, [.. parts.Select(p => p.Totals)], maxDegreeOfParallelism ?? -1, cancellationToken);
    }

    private static void Validate(ForecastInput input, int? maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Plans);
        ArgumentNullException.ThrowIfNull(input.Parameters);
        if (input.LastYear < input.FirstYear || input.LastYear - input.FirstYear >= MaxYears)
        {
            throw new ArgumentException($"The period {input.FirstYear}-{input.LastYear} must have 1 to {MaxYears} years.", nameof(input));
        }

        if (input.Runs is < 1 or > MaxRuns)
        {
            throw new ArgumentException($"Runs must be 1 to {MaxRuns}, got {input.Runs}.", nameof(input));
        }

        if (input.FromYear is { } from && (from < input.FirstYear || from > input.LastYear + 1))
        {
            throw new ArgumentException($"FromYear {from} must lie in {input.FirstYear}-{input.LastYear + 1}.", nameof(input));
        }

        if (maxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "At least one thread.");
        }

        input.Parameters.Validate();
    }
}

/// <summary>
/// The run totals of part of a forecast's plans (<see cref="Forecast.SimulatePart"/>): per run, year slot and lane the
/// homes delivered. About 3,5 MB for 10.000 runs of 10 years.
/// </summary>
public sealed class ForecastPart
{
    internal ForecastPart(int firstYear, int lastYear, int runs, int plans, long homes, int[] totals)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        Runs = runs;
        Plans = plans;
        Homes = homes;
        Totals = totals;
    }

    /// <summary>First year of the period.</summary>
    public int FirstYear { get; }

    /// <summary>Last year of the period.</summary>
    public int LastYear { get; }

    /// <summary>Number of runs.</summary>
    public int Runs { get; }

    /// <summary>Number of plans in the part.</summary>
    public int Plans { get; }

    /// <summary>The homes of its plans together (for the check that a forecast holds at most int.MaxValue homes).</summary>
    internal long Homes { get; }

    internal int[] Totals { get; }
}
