using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web;

/// <summary>
/// The run totals of the forecasts of the nation (per province), the provinces and the regions, kept across snapshots
/// and brought up to date after a plan change by simulating only the plans that changed: their old run totals out,
/// their new ones in (<see cref="ForecastPart.Replace"/>). The totals are integer sums of per-plan draws, so the result
/// is exactly the forecast of all plans at once (<c>ForecastPartsTests</c>); only a change of what every plan's draws
/// depend on (period, first year after the peiljaar, runs, seed, parameters) or of the subject's members simulates all
/// of it again. A municipality's forecast is small and is computed whole.
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

    /// <summary>The forecast of a subject with the standard runs and seed, and how many of its parts were simulated whole.</summary>
    public (ForecastResult Result, int Simulated, int Parts) Forecast(MonitoringSnapshot snapshot, SubjectProgress progress)
    {
        var input = snapshot.ForecastInputOf(progress);
        if (progress.Subject.Level == MonitoringLevel.Municipality)
        {
            return (snapshot.Forecast(progress), 1, 1);
        }

        string PartOf(Plan plan) => progress.Subject.Level == MonitoringLevel.Nation ? snapshot.ProvinceOf(plan.Municipality.Value) ?? string.Empty : string.Empty;
        var key = new Key(input.FirstYear, input.LastYear, input.FromYear ?? input.FirstYear, input.Runs, input.Seed, input.Parameters.Id, string.Join(',', progress.Members));
        var subject = (progress.Subject.Level, progress.Subject.Id);
        var edition = snapshot.Plans.Edition;
        lock (subjectGates.GetOrAdd(subject, _ => new Lock())) // one subject at a time; the others go on
        {
            Kept? before;
            List<PlanChange>? changes;
            lock (gate)
            {
                changes = kept.TryGetValue(subject, out before) && before.Key == key ? ChangesSince(before.Edition, edition) : null;
            }

            if (before is not null && changes is not null)
            {
                try
                {
                    var members = progress.Members.ToHashSet(StringComparer.Ordinal);
                    var parts = Update(input, before.Parts, changes, p => members.Contains(p.Municipality.Value), PartOf);
                    var result = Core.Monitoring.Forecast.CombineParts(input, [.. parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)]);
                    Keep(subject, new Kept(key, edition, parts));
                    return (result, 0, parts.Count);
                }
                catch (ArgumentException)
                {
                    // The kept parts do not add up to the subject's plans (a change not seen): simulate it whole below.
                }
            }

            var whole = input.Plans.GroupBy(PartOf, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Core.Monitoring.Forecast.SimulatePart(input with { Plans = [.. g], Realised = null }), StringComparer.Ordinal);
            Keep(subject, new Kept(key, edition, whole));
            return (Core.Monitoring.Forecast.CombineParts(input, [.. whole.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)]), whole.Count, whole.Count);
        }
    }

    /// <summary>The parts with each changed plan of the subject taken out of the part it was in and put into the part it is in.</summary>
    private static Dictionary<string, ForecastPart> Update(ForecastInput input, IReadOnlyDictionary<string, ForecastPart> parts, IEnumerable<PlanChange> changes, Func<Plan, bool> counts, Func<Plan, string> partOf)
    {
        var removed = new Dictionary<string, List<Plan>>(StringComparer.Ordinal);
        var added = new Dictionary<string, List<Plan>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Before is { } b && counts(b))
            {
                Add(removed, partOf(b), b);
            }

            if (change.After is { } a && counts(a))
            {
                Add(added, partOf(a), a);
            }
        }

        var result = new Dictionary<string, ForecastPart>(parts, StringComparer.Ordinal);
        foreach (var part in removed.Keys.Union(added.Keys, StringComparer.Ordinal))
        {
            ForecastPart Simulate(Dictionary<string, List<Plan>> plans) => Core.Monitoring.Forecast.SimulatePart(input with { Plans = plans.GetValueOrDefault(part) ?? [], Realised = null });
            var now = (result.GetValueOrDefault(part) ?? Simulate([])).Replace(Simulate(removed), Simulate(added));
            if (now.Plans == 0)
            {
                result.Remove(part);
            }
            else
            {
                result[part] = now;
            }
        }

        return result;

        static void Add(Dictionary<string, List<Plan>> lists, string part, Plan plan)
        {
            if (!lists.TryGetValue(part, out var list))
            {
                lists[part] = list = [];
            }

            list.Add(plan);
        }
    }

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

    private sealed record Kept(Key Key, long Edition, IReadOnlyDictionary<string, ForecastPart> Parts);

    private sealed record Step(long From, long To, IReadOnlyList<PlanChange> Changes);
}
