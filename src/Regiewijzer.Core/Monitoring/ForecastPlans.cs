namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The plans of a forecast as flat arrays (struct of arrays) for the hot loop: per plan its stream
/// key, outcome table and rows; per row the year index and the homes in 8 lanes (5 segments, unknown segment, 2 zero).
/// </summary>
internal sealed class ForecastPlans
{
    public const int Lanes = 8;

    private ForecastPlans(int years, OutcomeTable[] tables, ulong[] keys, int[] tableOf, int[] rowStart, int[] rowBase, int[] rowHomes, int[] baseline, long planHomes)
    {
        Years = years;
        PlanHomes = planHomes;
        Tables = tables;
        Keys = keys;
        TableOf = tableOf;
        RowStart = rowStart;
        RowBase = rowBase;
        RowHomes = rowHomes;
        Baseline = baseline;
    }

    public int Years { get; }

    /// <summary>The homes of all plans together (every year and segment, also those outside the period).</summary>
    public long PlanHomes { get; }

    public OutcomeTable[] Tables { get; }

    public ulong[] Keys { get; }

    public int[] TableOf { get; }

    /// <summary>Rows of plan i are RowStart[i] .. RowStart[i + 1] - 1.</summary>
    public int[] RowStart { get; }

    /// <summary>Year index (0 = first year) of a row before the delay.</summary>
    public int[] RowBase { get; }

    public int[] RowHomes { get; }

    /// <summary>Realised homes per year index, <see cref="Lanes"/> ints per year.</summary>
    public int[] Baseline { get; }

    public int PlanCount => Keys.Length;

    public static ForecastPlans Prepare(ForecastInput input)
    {
        var years = input.LastYear - input.FirstYear + 1;
        var from = input.FromYear ?? input.FirstYear;
        var keys = new List<ulong>(input.Plans.Count);
        var tableOf = new List<int>(input.Plans.Count);
        var rowStart = new List<int>(input.Plans.Count + 1) { 0 };
        var rowBase = new List<int>(input.Plans.Count);
        var rowHomes = new List<int>(input.Plans.Count * Lanes);
        long planHomes = 0;
        UniquePlanIds.Checked(input.Plans, nameof(input));
        foreach (var plan in input.Plans)
        {
            planHomes += plan.Homes.Total;
            foreach (var d in plan.Deliveries)
            {
                var index = Math.Max(d.Year, from) - input.FirstYear;
                if (index >= years || d.Homes.Total == 0)
                {
                    continue;
                }

                if (rowBase.Count > rowStart[^1] && rowBase[^1] == index)
                {
                    AddLanes(rowHomes, rowHomes.Count - Lanes, d.Homes);
                    continue;
                }

                rowBase.Add(index);
                rowHomes.AddRange(new int[Lanes]);
                AddLanes(rowHomes, rowHomes.Count - Lanes, d.Homes);
            }

            if (rowBase.Count > rowStart[^1])
            {
                keys.Add(ForecastRandom.PlanKey(input.Seed, plan.Id));
                tableOf.Add(plan.Contracted ? PlanningStatuses.All.Length : (int)plan.Status);
                rowStart.Add(rowBase.Count);
            }
        }

        var baseline = new int[years * Lanes];
        var total = planHomes;
        foreach (var (h, y) in Realisation.PerYear(input.Realised ?? [], input.FirstYear, input.LastYear).Select((h, y) => (h, y)))
        {
            total += h.Total;
            AddLanes(baseline, y * Lanes, h);
        }

        if (total > int.MaxValue)
        {
            throw new ArgumentException($"The forecast holds {total} homes; at most {int.MaxValue} are supported.", nameof(input));
        }

        var tables = input.Parameters.All.Select(p => new OutcomeTable(p)).ToArray();
        return new ForecastPlans(years, tables, [.. keys], [.. tableOf], [.. rowStart], [.. rowBase], [.. rowHomes], baseline, planHomes);
    }

    private static void AddLanes(IList<int> lanes, int at, SegmentHomes homes)
    {
        lanes[at] += homes.SocialRent;
        lanes[at + 1] += homes.MiddleRent;
        lanes[at + 2] += homes.AffordableOwnership;
        lanes[at + 3] += homes.FreeRent;
        lanes[at + 4] += homes.FreeOwnership;
        lanes[at + 5] += homes.Unknown;
    }
}
