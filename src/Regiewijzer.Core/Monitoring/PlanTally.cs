namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// What a progress report takes from plans (what <see cref="Progress"/> computes from them), summed as of one year: per planning status
/// the pipeline, per year of the period the planned and the hard-planned homes. Integer sums, so the tally of a subject
/// is the sum of its municipalities' tallies: after one plan changed, the nation's report adds up its municipalities'
/// tallies (one of them new) instead of going over every plan again.
/// </summary>
internal sealed class PlanTally
{
    private readonly Pipeline[] pipeline = new Pipeline[PlanningStatuses.All.Length];
    private readonly SegmentHomes[] planned;
    private readonly SegmentHomes[] plannedHard;

    private PlanTally(int firstYear, int lastYear, int asOfYear)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        AsOfYear = asOfYear;
        planned = new SegmentHomes[lastYear - firstYear + 1];
        plannedHard = new SegmentHomes[lastYear - firstYear + 1];
    }

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>Deliveries up to this year are overdue, later ones (in the period) remaining.</summary>
    public int AsOfYear { get; }

    /// <summary>The tally of these plans for the period <paramref name="firstYear"/>-<paramref name="lastYear"/> as of <paramref name="asOfYear"/>.</summary>
    public static PlanTally Of(IEnumerable<Plan> plans, int firstYear, int lastYear, int asOfYear)
    {
        var tally = new PlanTally(firstYear, lastYear, asOfYear);
        foreach (var plan in plans)
        {
            ref var row = ref tally.pipeline[(int)plan.Status];
            row.Plans++;
            foreach (var d in plan.Deliveries)
            {
                if (d.Year <= asOfYear)
                {
                    row.Overdue += d.Homes;
                }
                else if (d.Year > lastYear)
                {
                    row.AfterPeriod += d.Homes;
                }
                else
                {
                    row.Remaining += d.Homes;
                    row.ContractedRemaining += plan.Contracted ? d.Homes : SegmentHomes.Zero;
                    tally.planned[d.Year - firstYear] += d.Homes;
                    tally.plannedHard[d.Year - firstYear] += plan.IsHard ? d.Homes : SegmentHomes.Zero;
                }
            }
        }

        return tally;
    }

    /// <summary>The sum of tallies of one period and as-of year (e.g. of a subject's municipalities).</summary>
    /// <exception cref="ArgumentException">A tally of another period or as-of year.</exception>
    public static PlanTally Sum(IReadOnlyList<PlanTally> tallies, int firstYear, int lastYear, int asOfYear)
    {
        var sum = new PlanTally(firstYear, lastYear, asOfYear);
        foreach (var tally in tallies)
        {
            if (tally.FirstYear != firstYear || tally.LastYear != lastYear || tally.AsOfYear != asOfYear)
            {
                throw new ArgumentException($"A tally of {tally.FirstYear}-{tally.LastYear} as of {tally.AsOfYear} cannot be added to one of {firstYear}-{lastYear} as of {asOfYear}.", nameof(tallies));
            }

            for (var s = 0; s < sum.pipeline.Length; s++)
            {
                sum.pipeline[s].Add(tally.pipeline[s]);
            }

            for (var y = 0; y < sum.planned.Length; y++)
            {
                sum.planned[y] += tally.planned[y];
                sum.plannedHard[y] += tally.plannedHard[y];
            }
        }

        return sum;
    }

    /// <summary>Homes planned for a year of the period (index from <see cref="FirstYear"/>).</summary>
    public SegmentHomes Planned(int index) => planned[index];

    /// <summary>Homes of hard plans (1a-1c) for a year of the period (index from <see cref="FirstYear"/>).</summary>
    public SegmentHomes PlannedHard(int index) => plannedHard[index];

    /// <summary>The pipeline row of a planning status.</summary>
    public PipelineRow Row(PlanningStatus status) => pipeline[(int)status].Build(status);

    private struct Pipeline
    {
        public int Plans;
        public SegmentHomes Overdue;
        public SegmentHomes Remaining;
        public SegmentHomes AfterPeriod;
        public SegmentHomes ContractedRemaining;

        public void Add(Pipeline other)
        {
            Plans += other.Plans;
            Overdue += other.Overdue;
            Remaining += other.Remaining;
            AfterPeriod += other.AfterPeriod;
            ContractedRemaining += other.ContractedRemaining;
        }

        public readonly PipelineRow Build(PlanningStatus status) => new(status, Plans, Overdue, Remaining, AfterPeriod, ContractedRemaining);
    }
}
