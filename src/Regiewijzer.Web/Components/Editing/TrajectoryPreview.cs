using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>One year of a trajectory preview: its weight and share, the region's homes due that year and cumulatively, and the linear cumulative.</summary>
internal sealed record PreviewRow(int Year, int Weight, Fraction Share, long PerYear, long Cumulative, long LinearCumulative);

/// <summary>
/// The region total's trajectory for a set of weights, computed as progress does: each member's target spread by the
/// weights (<see cref="Trajectory.Weighted"/>) or linearly, then summed (so the rounding is per municipality).
/// </summary>
internal sealed record TrajectoryPreview(long Target, int Members, IReadOnlyList<PreviewRow> Rows)
{
    public static TrajectoryPreview Compute(MonitoringSnapshot snapshot, TrajectoryState state, IReadOnlyList<int> weights)
    {
        var subject = snapshot.Find(MonitoringLevel.Region, state.Region.Id);
        var targets = subject is null ? [] : snapshot.MunicipalitiesOf(subject).Select(snapshot.TargetOf).OfType<SegmentHomes>().ToList();
        var years = state.LastYear - state.FirstYear + 1;
        var perYear = new long[years];
        var linear = new long[years];
        foreach (var target in targets)
        {
            var weighted = Trajectory.Weighted(state.FirstYear, weights, target);
            var even = Trajectory.Linear(state.FirstYear, state.LastYear, target);
            for (var i = 0; i < years; i++)
            {
                perYear[i] += weighted.PerYear[i].Total;
                linear[i] += even.PerYear[i].Total;
            }
        }

        var sum = weights.Sum(w => (long)w);
        var rows = new List<PreviewRow>(years);
        long cumulative = 0, linearCumulative = 0;
        for (var i = 0; i < years; i++)
        {
            cumulative += perYear[i];
            linearCumulative += linear[i];
            rows.Add(new PreviewRow(state.FirstYear + i, weights[i], new Fraction(weights[i], sum), perYear[i], cumulative, linearCumulative));
        }

        return new TrajectoryPreview(targets.Sum(t => (long)t.Total), targets.Count, rows);
    }
}
