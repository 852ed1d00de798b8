using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using CsCheck;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Tests;

/// <summary>A generated region with its norms.</summary>
internal sealed record RegionCase(RegionInput Region, NormSet Norms)
{
    public override string ToString() =>
        $"key {Region.Key}, norms {string.Join(" ", Norms.Parameters.Select(p => $"{p.Key}={p.Value}"))}\n"
        + string.Join("\n", Region.Municipalities.Select(m =>
            $"{m.Code} N={m.Task} T={m.Stock} S={m.SocialStock} C=({m.Contracted.Social},{m.Contracted.Middle},{m.Contracted.Free})"
            + (m.Exemption is { } e ? $" exemption=({e.SocialFloor?.ToString() ?? "-"},{e.MiddleFloor?.ToString() ?? "-"})" : string.Empty)
            + (m.Commitment is { } c ? $" commitment=({c.Social?.ToString(CultureInfo.InvariantCulture) ?? "-"},{c.Middle?.ToString(CultureInfo.InvariantCulture) ?? "-"})" : string.Empty)));
}

/// <summary>
/// Generators of valid regions (1..40 municipalities) that reach every branch: feasible, short in social rent, short
/// in affordable homes. A region picks a stress level; higher stress means more contracted free-sector homes, high
/// middle commitments and exemptions, so that infeasible regions are common rather than rare.
/// </summary>
internal static class RegionGen
{
    public const string ScenarioSource = "scenario-bestand (afwijkend van de wet)";

    private enum Style
    {
        Plain,
        Contracted,
        FullyContracted,
        HeavyFree,
        MiddleCommitted,
        SocialCommitted,
        SocialExempt,
        MiddleExempt,
    }

    private sealed record Spec(Style Style, int Stock, int SocialPermille, int Task, int A, int B, int C, int D, bool Flag);

    public static readonly Gen<NormSet> Norms = Gen.Frequency(
        (3, Gen.Const(NormSets.Law2026)),
        (1, Gen.Select(
            Gen.OneOf("1/2", "3/5", "2/3", "3/4"),
            Gen.OneOf("1/5", "1/4", "3/10", "1/3", "2/5"),
            Gen.OneOf("1/10", "1/4", "3/10", "0.31", "1/2"),
            Gen.OneOf("1/5", "3/10", "2/5"),
            Gen.OneOf("1/4", "2/5", "1/2"),
            (a, s, t, fs, fm) => NormSets.Law2026.With(
                new Dictionary<string, Fraction>(StringComparer.Ordinal)
                {
                    ["affordableShare"] = Fraction.Parse(a),
                    ["socialShare"] = Fraction.Parse(s),
                    ["laggingThreshold"] = Fraction.Parse(t),
                    ["socialFloor"] = Fraction.Parse(fs),
                    ["middleFloor"] = Fraction.Parse(fm),
                },
                ScenarioSource))));

    public static readonly Gen<DistributionKey> Key = Gen.OneOf(DistributionKey.Proportional, DistributionKey.LaggingFirst, DistributionKey.GapWeighted);

    private static readonly Gen<int> Size = Gen.Frequency((3, Gen.Int[1, 4]), (3, Gen.Int[5, 15]), (2, Gen.Int[16, 40]));

    private static readonly Gen<int> StockGen = Gen.Frequency((1, Gen.Int[1, 30]), (4, Gen.Int[100, 60_000]));

    /// <summary>Social stock in permille of the stock; -1 means "exactly at (or just around) the threshold".</summary>
    private static readonly Gen<int> SocialPermilleGen = Gen.Frequency((5, Gen.Int[0, 600]), (1, Gen.Const(-1)));

    private static readonly Gen<int> TaskGen = Gen.Frequency((1, Gen.Const(0)), (2, Gen.Int[1, 40]), (7, Gen.Int[41, 3000]));

    public static readonly Gen<RegionCase> Valid =
        Gen.Select(Norms, Key, Gen.Int[0, 2], Size).SelectMany((norms, key, stress, size) =>
            Gen.Select(Codes(size), SpecGen(stress).Array[size], (codes, specs) =>
                new RegionCase(
                    new RegionInput("Gegenereerd", [.. codes.Select((code, i) => Build(code, specs[i], norms))], key),
                    norms)));

    private static Gen<string[]> Codes(int size) =>
        Gen.Int[0, 9999].ArrayUnique[size].Select(numbers => numbers.Select(n => "GM" + n.ToString("D4", CultureInfo.InvariantCulture)).ToArray());

    private static Gen<Spec> SpecGen(int stress)
    {
        var style = stress switch
        {
            0 => Gen.Frequency((6, Style.Plain), (3, Style.Contracted), (1, Style.SocialCommitted), (1, Style.MiddleCommitted), (1, Style.SocialExempt), (1, Style.MiddleExempt)),
            1 => Gen.Frequency((2, Style.Plain), (2, Style.Contracted), (1, Style.FullyContracted), (2, Style.HeavyFree), (2, Style.MiddleCommitted), (1, Style.SocialCommitted), (2, Style.SocialExempt), (1, Style.MiddleExempt)),
            _ => Gen.Frequency((1, Style.Plain), (3, Style.HeavyFree), (3, Style.MiddleCommitted), (3, Style.SocialExempt), (2, Style.MiddleExempt)),
        };
        var permille = Gen.Int[0, 1000];
        return Gen.Select(style, StockGen, SocialPermilleGen, TaskGen, permille, permille, permille, permille, Gen.Bool,
            (st, stock, social, task, a, b, c, d, flag) => new Spec(st, stock, social, task, a, b, c, d, flag));
    }

    /// <summary>Turns a spec into a valid municipality: contracted homes fit the task and commitments fit the capacity.</summary>
    private static MunicipalityInput Build(string code, Spec spec, NormSet norms)
    {
        var stock = spec.Stock;
        var threshold = norms.LaggingThreshold.Value;
        int social;
        if (spec.SocialPermille >= 0)
        {
            social = (int)((long)stock * spec.SocialPermille / 1000);
        }
        else
        {
            // Exactly at the threshold when that is whole, else just below or just above it.
            var atThreshold = (threshold * stock).Floor();
            social = (int)BigInteger.Min(stock, atThreshold + (spec.Flag ? 0 : 1));
        }

        var task = spec.Task;
        int Of(int permille, int of) => (int)((long)of * permille / 1000);

        var contracted = spec.Style switch
        {
            Style.Contracted => new SegmentCounts(Of(spec.A, task) / 3, Of(spec.B, task) / 3, Of(spec.C, task) / 3),
            Style.FullyContracted => FullyContracted(task, spec),
            Style.HeavyFree => new SegmentCounts(Of(spec.A, task) / 20, 0, Of(700 + (spec.B * 3 / 10), task - (Of(spec.A, task) / 20))),
            _ => default,
        };

        Exemption? exemption = spec.Style switch
        {
            Style.SocialExempt => new Exemption(norms.SocialFloor.Value * new Fraction(spec.D / 100, 10), spec.Flag ? norms.MiddleFloor.Value * new Fraction(spec.C / 100, 10) : null),
            Style.MiddleExempt => new Exemption(spec.Flag ? norms.SocialFloor.Value * new Fraction(spec.C / 100, 10) : null, norms.MiddleFloor.Value * new Fraction(spec.D / 100, 10)),
            _ => null,
        };

        var input = new MunicipalityInput(new MunicipalityCode(code), code, task, stock, social, contracted, exemption);
        var (statutorySocial, statutoryMiddle) = Oracle.StatutoryFloors(input, norms);
        var capacity = task - contracted.Free;
        int? commitSocial = spec.Style switch
        {
            Style.SocialCommitted => Of(spec.D, capacity),
            Style.MiddleCommitted when spec.Flag => Of(spec.A, capacity) / 2,
            _ => null,
        };
        int? commitMiddle = spec.Style switch
        {
            Style.MiddleCommitted => Of(500 + (spec.D / 2), capacity),
            Style.SocialCommitted when spec.Flag => Of(spec.A, capacity) / 2,
            _ => null,
        };

        if (commitSocial is { } cs)
        {
            commitSocial = Math.Min(cs, capacity - statutoryMiddle);
        }

        if (commitMiddle is { } cm)
        {
            commitMiddle = Math.Min(cm, capacity - Math.Max(statutorySocial, commitSocial ?? 0));
        }

        return commitSocial is null && commitMiddle is null ? input : input with { Commitment = new Commitment(commitSocial, commitMiddle) };
    }

    private static SegmentCounts FullyContracted(int task, Spec spec)
    {
        var social = (int)((long)task * spec.A / 3000);
        var middle = (int)((long)task * spec.B / 3000);
        return new SegmentCounts(social, middle, task - social - middle);
    }
}

/// <summary>
/// An independent model of what the distribution must achieve (domain.md section 5), written in plain integer
/// arithmetic: floors, rooms, the largest social and affordable totals a region can reach, and its shortfalls.
/// </summary>
internal static class Oracle
{
    internal sealed record Municipal(
        string Code,
        bool SocialLagging,
        int Uncontracted,
        int Capacity,
        int FloorSocial,
        int FloorMiddle,
        bool SocialExempt,
        bool MiddleExempt)
    {
        /// <summary>Room for regional social rent (0 when exempted in social).</summary>
        public long SocialRoom => SocialExempt ? 0 : Capacity - FloorSocial - FloorMiddle;
    }

    internal sealed record Region(long RequiredSocial, long RequiredAffordable, long SumFloorSocial, long SumFloorMiddle, long MaxSocial, ImmutableDictionary<string, Municipal> Municipalities)
    {
        public bool SocialFeasible => MaxSocial >= RequiredSocial;

        /// <summary>Region social rent: the floors, raised to RS as far as the rooms allow.</summary>
        public long ExpectedSocial => SumFloorSocial >= RequiredSocial ? SumFloorSocial : Math.Min(RequiredSocial, MaxSocial);

        public long SocialShortfall => Math.Max(0, RequiredSocial - ExpectedSocial);

        /// <summary>The most affordable homes the region can reach given the social targets of a result.</summary>
        public long MaxAffordable(RegionDistribution result) =>
            result.Municipalities.Sum(m =>
            {
                var o = Municipalities[m.Code.Value];
                return o.MiddleExempt ? (long)m.Social + o.FloorMiddle : o.Capacity;
            });

        public long ExpectedAffordable(RegionDistribution result)
        {
            var placed = result.Municipalities.Sum(m => (long)m.Social + Municipalities[m.Code.Value].FloorMiddle);
            return placed >= RequiredAffordable ? placed : Math.Min(RequiredAffordable, MaxAffordable(result));
        }

        public long AffordableShortfall(RegionDistribution result) => Math.Max(0, RequiredAffordable - ExpectedAffordable(result));
    }

    /// <summary>"At least p of n": the smallest whole number >= p * n.</summary>
    public static long AtLeast(Fraction p, long n)
    {
        var numerator = p.Numerator * n;
        var q = BigInteger.DivRem(numerator, p.Denominator, out var remainder);
        return (long)(remainder.IsZero ? q : q + 1);
    }

    public static bool IsSocialLagging(MunicipalityInput m, NormSet norms)
    {
        var t = norms.LaggingThreshold.Value;
        return m.SocialStock * t.Denominator < t.Numerator * m.Stock;
    }

    /// <summary>Floors before commitments.</summary>
    public static (int Social, int Middle) StatutoryFloors(MunicipalityInput m, NormSet norms)
    {
        var u = m.Task - m.Contracted.Social - m.Contracted.Middle - m.Contracted.Free;
        return IsSocialLagging(m, norms)
            ? (m.Contracted.Social + (int)AtLeast(m.Exemption?.SocialFloor ?? norms.SocialFloor.Value, u), m.Contracted.Middle)
            : (m.Contracted.Social, m.Contracted.Middle + (int)AtLeast(m.Exemption?.MiddleFloor ?? norms.MiddleFloor.Value, u));
    }

    public static Municipal Of(MunicipalityInput m, NormSet norms)
    {
        var lagging = IsSocialLagging(m, norms);
        var (social, middle) = StatutoryFloors(m, norms);
        return new Municipal(
            m.Code.Value,
            lagging,
            m.Task - m.Contracted.Social - m.Contracted.Middle - m.Contracted.Free,
            m.Task - m.Contracted.Free,
            Math.Max(social, m.Commitment?.Social ?? 0),
            Math.Max(middle, m.Commitment?.Middle ?? 0),
            lagging && m.Exemption?.SocialFloor is not null,
            !lagging && m.Exemption?.MiddleFloor is not null);
    }

    public static Region Of(RegionInput input, NormSet norms)
    {
        var ms = input.Municipalities.Select(m => Of(m, norms)).ToImmutableDictionary(m => m.Code, StringComparer.Ordinal);
        long task = input.Municipalities.Sum(m => (long)m.Task);
        var sumFloorSocial = ms.Values.Sum(m => (long)m.FloorSocial);
        return new Region(
            AtLeast(norms.SocialShare.Value, task),
            AtLeast(norms.AffordableShare.Value, task),
            sumFloorSocial,
            ms.Values.Sum(m => (long)m.FloorMiddle),
            sumFloorSocial + ms.Values.Sum(m => m.SocialRoom),
            ms);
    }
}
