using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The run totals of the forecasts of the nation, the provinces and the regions, kept across snapshots
/// and brought up to date after a plan change by simulating only the plans that changed: their old run totals out,
/// their new ones in (<see cref="Core.Monitoring.Forecast.ReplacePlans"/>). The totals are integer sums of per-plan draws, so the result
/// is exactly the forecast of all plans at once (<c>ForecastPartsTests</c>); only a change of what every plan's draws
/// depend on (period, first year after the peiljaar, runs, seed, parameters) or of the subject's members simulates all
/// of it again. The ids of a subject's plans are kept with its totals (<see cref="UniquePlanIds"/>), so the check that
/// none occurs twice need not read the nation's 142.000 plans after each change. A municipality's forecast is small and
/// is computed whole.
/// </summary>
internal sealed class ForecastParts
{
    /// <summary>Most plan changes kept to bring a forecast up to date; after more, the forecast is simulated again whole.</summary>
    private const int MostChanges = 2 * LoadMonitoring.MostChangedPlans;

    private readonly Lock gate = new();
    private readonly Dictionary<(MonitoringLevel, string), Kept> kept = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(MonitoringLevel, string), Lock> subjectGates = new();
    private readonly List<Step> steps = []; // the plan changes from one set of plans to the next, oldest first
    private int stepChanges;

    /// <summary>
    /// The plans went from edition <paramref name="from"/> to <paramref name="to"/> (<see cref="MonitoringPlans.Edition"/>)
    /// by <paramref name="changes"/>; null when they were read whole (what changed is not known).
    /// </summary>
    public void Changed(long from, long to, IReadOnlyList<PlanChange>? changes)
    {
        lock (gate)
        {
            if (changes is null)
            {
                steps.Clear();
                stepChanges = 0;
                return;
            }

            if (from == to)
            {
                return;
            }

            steps.Add(new Step(from, to, changes));
            stepChanges += changes.Count;
            while (stepChanges > MostChanges && steps.Count > 0)
            {
                stepChanges -= steps[0].Changes.Count;
                steps.RemoveAt(0);
            }
        }
    }

    /// <summary>The forecast of a subject with the standard runs and seed, and how many plans were simulated for it.</summary>
    public (ForecastResult Result, int Simulated) Forecast(MonitoringSnapshot snapshot, SubjectProgress progress)
    {
        var input = snapshot.ForecastInputOf(progress);
        if (progress.Subject.Level == MonitoringLevel.Municipality)
        {
            return (snapshot.Forecast(progress), input.Plans.Count);
        }

        var key = new Key(input.FirstYear, input.LastYear, input.FromYear ?? input.FirstYear, input.Runs, input.Seed, input.Parameters.Id, string.Join(',', progress.Members));
        var subject = (progress.Subject.Level, progress.Subject.Id);
        var edition = snapshot.Plans.Edition;
        lock (subjectGates.GetOrAdd(subject, _ => new Lock())) // one subject at a time; the others go on
        {
            // The kept parts are taken out while they are brought up to date: their ids are handed on (UniquePlanIds), so
            // a failure below must not leave them behind.
            Kept? before;
            List<PlanChange>? changes = null;
            lock (gate)
            {
                if (kept.Remove(subject, out before) && before.Key == key)
                {
                    changes = ChangesSince(before.Edition, edition);
                }
            }

            if (before is not null && changes is not null)
            {
                var members = progress.Members.ToHashSet(StringComparer.Ordinal);
                List<Plan> Counted(IEnumerable<Plan?> plans) => [.. plans.OfType<Plan>().Where(p => members.Contains(p.Municipality.Value))];
                var removed = Counted(changes.Select(c => c.Before));
                var added = Counted(changes.Select(c => c.After));
                try
                {
                    var part = Core.Monitoring.Forecast.ReplacePlans(before.Part, input, removed, added);
                    var ids = before.Ids.Replace(removed, added);
                    var result = Core.Monitoring.Forecast.CombineParts(input, [part], ids);
                    Keep(subject, new Kept(key, edition, part, ids));
                    return (result, removed.Count + added.Count);
                }
                catch (ArgumentException)
                {
                    // The kept run totals or ids do not add up to the subject's plans (a change not seen): simulate it whole below.
                }
            }

            var wholeIds = UniquePlanIds.Of(input.Plans);
            var whole = Simulate(input, input.Plans);
            var combined = Core.Monitoring.Forecast.CombineParts(input, [whole], wholeIds);
            Keep(subject, new Kept(key, edition, whole, wholeIds));
            return (combined, input.Plans.Count);
        }
    }

    /// <summary>The run totals of these plans alone, with the forecast's period, runs, seed, first year and parameters.</summary>
    private static ForecastPart Simulate(ForecastInput input, IReadOnlyList<Plan> plans) =>
        Core.Monitoring.Forecast.SimulatePart(input with { Plans = plans, Realised = null });

    /// <summary>The plan changes from edition <paramref name="from"/> to <paramref name="to"/>, or null when they are not all kept.</summary>
    private List<PlanChange>? ChangesSince(long from, long to)
    {
        var changes = new List<PlanChange>();
        var at = from;
        foreach (var step in steps)
        {
            if (at == to)
            {
                break;
            }

            if (step.From == at)
            {
                changes.AddRange(step.Changes);
                at = step.To;
            }
        }

        return at == to ? changes : null;
    }

    /// <summary>Keeps a subject's parts and forgets the steps no kept forecast needs any more.</summary>
    private void Keep((MonitoringLevel, string) subject, Kept parts)
    {
        lock (gate)
        {
            kept[subject] = parts;
            var needed = kept.Values.Select(k => steps.FindIndex(s => s.From == k.Edition)).Where(i => i >= 0).DefaultIfEmpty(steps.Count).Min();
            for (var i = 0; i < needed; i++)
            {
                stepChanges -= steps[i].Changes.Count;
            }

            steps.RemoveRange(0, needed);
        }
    }

    private sealed record Key(int FirstYear, int LastYear, int FromYear, int Runs, ulong Seed, string Parameters, string Members);

    /// <summary>A subject's run totals and the ids of the plans they hold, as of plans edition <see cref="Edition"/>.</summary>
    private sealed record Kept(Key Key, long Edition, ForecastPart Part, UniquePlanIds Ids);

    private sealed record Step(long From, long To, IReadOnlyList<PlanChange> Changes);
}
