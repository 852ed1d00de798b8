using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Monitoring;

/// <summary>The homes a plan expects to deliver in one calendar year.</summary>
/// <param name="Year">Calendar year of delivery (oplevering).</param>
/// <param name="Homes">Homes per segment delivered in that year.</param>
public readonly record struct PlanDelivery(int Year, SegmentHomes Homes);

/// <summary>
/// A housing plan (plancapaciteit): a project of one municipality with its homes per segment and
/// expected delivery year(s), planning status and contracted flag (domain.md section 7). The homes
/// are classified with the limits of <see cref="PriceLevelYear"/> (see <see cref="PlanClassification"/>).
/// Immutable; the constructor validates.
/// </summary>
public sealed record Plan
{
    /// <param name="id">Stable identifier, unique within a data set; the forecast derives the plan's random stream from it.</param>
    /// <param name="municipality">The municipality the plan lies in.</param>
    /// <param name="name">Name for display.</param>
    /// <param name="status">Planning status.</param>
    /// <param name="priceLevelYear">Price level year (prijspeil) of its rents and prices.</param>
    /// <param name="deliveries">Homes per expected delivery year; one entry for a single year. Years must differ.</param>
    /// <param name="contracted">Contracted before the grandfathering cut-off (counted as it is).</param>
    /// <param name="contractedOn">Date of the contract, if known; only with <paramref name="contracted"/>.</param>
    /// <exception cref="ArgumentException">Empty id, no deliveries, a year twice, more than int.MaxValue homes of a segment, or a contract date without the flag.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A year outside 1..9999.</exception>
    public Plan(
        string id,
        MunicipalityCode municipality,
        string name,
        PlanningStatus status,
        int priceLevelYear,
        IEnumerable<PlanDelivery> deliveries,
        bool contracted = false,
        DateOnly? contractedOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(deliveries);
        CheckYear(priceLevelYear, nameof(priceLevelYear));
        var sorted = deliveries.OrderBy(d => d.Year).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException($"Plan '{id}' has no delivery year.", nameof(deliveries));
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            CheckYear(sorted[i].Year, nameof(deliveries));
            if (i > 0 && sorted[i].Year == sorted[i - 1].Year)
            {
                throw new ArgumentException($"Plan '{id}' has year {sorted[i].Year} twice.", nameof(deliveries));
            }
        }

        if (!ContractDateAllowed(contracted, contractedOn is not null))
        {
            throw new ArgumentException($"Plan '{id}' has a contract date but is not contracted.", nameof(contractedOn));
        }

        Id = id;
        Municipality = municipality;
        Name = name;
        Status = status;
        PriceLevelYear = priceLevelYear;
        Deliveries = sorted;
        Homes = SumOf(id, sorted); // summed once: the forecast and the plan summaries ask it of every plan
        Contracted = contracted;
        ContractedOn = contractedOn;
    }

    public string Id { get; }

    public MunicipalityCode Municipality { get; }

    public string Name { get; }

    public PlanningStatus Status { get; }

    public int PriceLevelYear { get; }

    /// <summary>
    /// The rule "a contract date only with a contracted plan" (grandfathering rests on the contract): false when a plan
    /// that is not contracted has a date. The constructor throws on it; an import or a form reports it in its own words.
    /// </summary>
    public static bool ContractDateAllowed(bool contracted, bool hasContractDate) => contracted || !hasContractDate;

    /// <summary>Expected deliveries, ordered by year, one entry per year.</summary>
    public ImmutableArray<PlanDelivery> Deliveries { get; }

    public bool Contracted { get; }

    public DateOnly? ContractedOn { get; }

    /// <summary>True for planning status 1a-1c.</summary>
    public bool IsHard => Status.IsHard();

    /// <summary>All homes of the plan (sum over its delivery years).</summary>
    public SegmentHomes Homes { get; }

    /// <summary>First expected delivery year.</summary>
    public int FirstYear => Deliveries[0].Year;

    /// <summary>Last expected delivery year (inclusive).</summary>
    public int LastYear => Deliveries[^1].Year;

    /// <summary>
    /// Spreads <paramref name="homes"/> over the years <paramref name="firstYear"/>..<paramref name="lastYear"/>
    /// (inclusive), per segment with the rounding of <see cref="Trajectory.Linear"/>: after k of n years
    /// ⌊homes·k/n⌋ are delivered, so the last year gets any remainder and the sum is exact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">lastYear &lt; firstYear.</exception>
    public static ImmutableArray<PlanDelivery> Spread(int firstYear, int lastYear, SegmentHomes homes)
    {
        var perYear = Trajectory.SpreadLinear(homes, firstYear, lastYear);
        return [.. perYear.Select((h, i) => new PlanDelivery(firstYear + i, h))];
    }

    private static SegmentHomes SumOf(string id, ImmutableArray<PlanDelivery> deliveries)
    {
        var homes = SegmentHomes.Zero;
        try
        {
            foreach (var d in deliveries)
            {
                homes += d.Homes;
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"Plan '{id}' has more than {int.MaxValue} homes in a segment.", nameof(deliveries));
        }

        return homes;
    }

    private static void CheckYear(int year, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999, name);
    }
}
