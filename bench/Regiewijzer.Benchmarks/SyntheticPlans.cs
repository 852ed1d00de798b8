using System.Globalization;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Monitoring;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// A synthetic national plan list for the forecast benchmark only (not product data). Deterministic
/// (its own SplitMix64 generator, seed 2026). Per plan:
/// <list type="bullet">
/// <item>municipality: one of 342 synthetic codes GM0001..GM0342, uniformly;</item>
/// <item>status: 31% hard (1a 12%, 1b 10%, 1c 9%) and 69% soft (2a, 2b, 3, 4a 14% each, 4b 13%),
/// the hard/soft split of the real plan capacity around 2021 (data/reference/plancapaciteit-2021.csv);</item>
/// <item>contracted: 10% of the hard plans;</item>
/// <item>size: 60% small (1-20 homes), 30% medium (21-100), 10% large (101-600), uniform within the class
/// (mean about 70 homes, about 2.1 million homes in 30,000 plans);</item>
/// <item>segments: each home independently social rent 30%, middle rent 15%, affordable ownership 20%,
/// free rent 10%, free ownership 25%;</item>
/// <item>years: first year 2026-2029 for hard plans, 2026-2037 for soft ones (some after the period
/// 2026-2035); 80% deliver in one year, 20% spread evenly over 2-4 years (<see cref="Plan.Spread"/>).</item>
/// </list>
/// </summary>
internal static class SyntheticPlans
{
    public const int FirstYear = 2026;
    public const int LastYear = 2035;

    public static Plan[] Generate(int count, ulong seed = 2026)
    {
        var random = new SplitMix(seed);
        var plans = new Plan[count];
        for (var i = 0; i < count; i++)
        {
            var status = Status(random.Below(100));
            var hard = status.IsHard();
            var size = random.Below(10) switch
            {
                < 6 => 1 + random.Below(20),
                < 9 => 21 + random.Below(80),
                _ => 101 + random.Below(500),
            };
            var counts = new int[5];
            for (var h = 0; h < size; h++)
            {
                var pick = random.Below(100);
                counts[pick < 30 ? 0 : pick < 45 ? 1 : pick < 65 ? 2 : pick < 75 ? 3 : 4]++;
            }

            var homes = new SegmentHomes(counts[0], counts[1], counts[2], counts[3], counts[4]);
            var first = FirstYear + (hard ? random.Below(4) : random.Below(12));
            var years = random.Below(5) == 0 ? 2 + random.Below(3) : 1;
            var code = new MunicipalityCode(string.Create(CultureInfo.InvariantCulture, $"GM{1 + random.Below(342):0000}"));
            plans[i] = new Plan(
                string.Create(CultureInfo.InvariantCulture, $"{code}-{i}"),
                code,
                string.Create(CultureInfo.InvariantCulture, $"Synthetisch plan {i}"),
                status,
                2026,
                Plan.Spread(first, first + years - 1, homes),
                contracted: hard && random.Below(10) == 0);
        }

        return plans;
    }

    /// <summary>
    /// Target per segment: 72.5% of the plan homes expected in the period, rounded down, a level
    /// the default parameters reach in about half of the runs (so the probabilities are not all 0 or 1).
    /// </summary>
    public static SegmentHomes Target(IEnumerable<Plan> plans)
    {
        var inPeriod = plans.SelectMany(p => p.Deliveries).Where(d => d.Year <= LastYear).Aggregate(SegmentHomes.Zero, (a, d) => a + d.Homes);
        static int Part(int homes) => (int)(homes * 725L / 1000);
        return new SegmentHomes(Part(inPeriod.SocialRent), Part(inPeriod.MiddleRent), Part(inPeriod.AffordableOwnership), Part(inPeriod.FreeRent), Part(inPeriod.FreeOwnership));
    }

    private static PlanningStatus Status(int percent) => percent switch
    {
        < 12 => PlanningStatus.Irrevocable,
        < 22 => PlanningStatus.Adopted,
        < 31 => PlanningStatus.Draft,
        < 45 => PlanningStatus.PreliminaryDraft,
        < 59 => PlanningStatus.InPreparation,
        < 73 => PlanningStatus.Intention,
        < 87 => PlanningStatus.Vision,
        _ => PlanningStatus.Idea,
    };

    private sealed class SplitMix(ulong state)
    {
        private ulong _state = state;

        /// <summary>Uniform in 0 .. n - 1 (n small; the modulo bias is irrelevant for a benchmark input).</summary>
        public int Below(int n)
        {
            _state = unchecked(_state + ForecastRandom.Gamma);
            return (int)(ForecastRandom.Mix(_state) % (ulong)n);
        }
    }
}
