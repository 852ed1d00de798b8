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
        var prepared = ForecastPlans.Prepare(input);
        cancellationToken.ThrowIfCancellationRequested();
        return ForecastEngine.Run(input, prepared, maxDegreeOfParallelism ?? -1, cancellationToken);
    }
}
