using System.Collections.Immutable;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The plans of one source data set with one assumption (see <see cref="PlanSummary"/>).
/// </summary>
/// <param name="DataSet">The source without the municipality: the part before the first ';', trimmed.</param>
/// <param name="Assumption">The assumption made when the plans were stored; null when there is none.</param>
/// <param name="Plans">Number of plans.</param>
/// <param name="Homes">Homes in those plans (all years, all segments).</param>
public sealed record PlanSourceGroup(string DataSet, string? Assumption, int Plans, int Homes);

/// <summary>
/// What the provenance and the notes of a progress report say about its plans, summed in one pass over them: the
/// homes per segment, how many plans carry an assumption, and the plans per data set and assumption. With 150.000
/// plans the nation's report would otherwise group every plan again on every request.
/// </summary>
/// <param name="Homes">All homes of the plans (all years), per segment.</param>
/// <param name="WithAssumption">Plans with an assumption that is not empty.</param>
/// <param name="Groups">The plans per (data set, assumption), in the order in which each pair first occurs among the plans.</param>
public sealed record PlanSummary(SegmentHomes Homes, int WithAssumption, ImmutableArray<PlanSourceGroup> Groups)
{
    /// <summary>The data set of a plan's source: the part before the first ';' (where the municipality follows), trimmed.</summary>
    public static string DataSetOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var end = source.IndexOf(';', StringComparison.Ordinal);
        return (end < 0 ? source : source[..end]).Trim();
    }

    /// <summary>The summary of these plans.</summary>
    public static PlanSummary Of(IEnumerable<(Plan Plan, PlanFacts Facts)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var sum = new Sum();
        var dataSets = new Dictionary<string, string>(StringComparer.Ordinal); // source -> data set: most plans share a few sources
        foreach (var (plan, facts) in plans)
        {
            if (!dataSets.TryGetValue(facts.Source, out var dataSet))
            {
                dataSet = DataSetOf(facts.Source);
                if (dataSets.Count < 10_000)
                {
                    dataSets[facts.Source] = dataSet;
                }
            }

            var homes = plan.Homes;
            sum.Add(homes, string.IsNullOrWhiteSpace(facts.Assumption) ? 0 : 1);
            sum.AddGroup(dataSet, facts.Assumption, 1, homes.Total);
        }

        return sum.Build();
    }

    /// <summary>
    /// The summary of the plans of these summaries together, in their order: the same as <see cref="Of"/> over their
    /// plans one after the other (e.g. a subject's municipalities, each summarised once while its plans do not change).
    /// </summary>
    public static PlanSummary Combine(IEnumerable<PlanSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var sum = new Sum();
        foreach (var summary in summaries)
        {
            sum.Add(summary.Homes, summary.WithAssumption);
            foreach (var group in summary.Groups)
            {
                sum.AddGroup(group.DataSet, group.Assumption, group.Plans, group.Homes);
            }
        }

        return sum.Build();
    }

    /// <summary>Homes, plans with an assumption and the groups by (data set, assumption) in the order each first occurs.</summary>
    private sealed class Sum
    {
        private readonly Dictionary<(string, string?), int> index = [];
        private readonly List<(string DataSet, string? Assumption, int Plans, int Homes)> groups = []; // tuples: no record per plan
        private SegmentHomes homes = SegmentHomes.Zero;
        private int withAssumption;

        public void Add(SegmentHomes moreHomes, int moreWithAssumption)
        {
            homes += moreHomes;
            withAssumption += moreWithAssumption;
        }

        public void AddGroup(string dataSet, string? assumption, int plans, int groupHomes)
        {
            if (index.TryGetValue((dataSet, assumption), out var i))
            {
                var g = groups[i];
                groups[i] = g with { Plans = g.Plans + plans, Homes = g.Homes + groupHomes };
            }
            else
            {
                index[(dataSet, assumption)] = groups.Count;
                groups.Add((dataSet, assumption, plans, groupHomes));
            }
        }

        public PlanSummary Build() => new(homes, withAssumption, [.. groups.Select(g => new PlanSourceGroup(g.DataSet, g.Assumption, g.Plans, g.Homes))]);
    }
}
