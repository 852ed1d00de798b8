using System.Collections.Immutable;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>The input of a distribution: its rules (<see cref="Validate"/>) and steps 1-3, the floors of each municipality.</summary>
public static partial class Distribution
{
    /// <summary>
    /// Every reason the input cannot be distributed, in Dutch-free technical English with the
    /// municipality code: duplicate codes, negative counts, S &gt; T, T = 0, contracted &gt; N,
    /// exemption above the NormSet's floor, floors above the affordable capacity.
    /// </summary>
    public static IReadOnlyList<string> Validate(RegionInput input, NormSet norms)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(norms);
        var errors = new List<string>();
        if (input.Municipalities.IsDefaultOrEmpty)
        {
            errors.Add("the region has no municipalities");
            return errors;
        }

        CheckRegion(input, norms, errors);
        var seen = new HashSet<MunicipalityCode>(input.Municipalities.Length);
        foreach (var m in input.Municipalities)
        {
            if (!seen.Add(m.Code))
            {
                errors.Add($"{m.Code}: duplicate municipality code");
            }

            CheckMunicipality(m, norms, errors, out _);
        }

        return errors;
    }

    /// <summary>
    /// The municipalities by code with their floors (steps 1-3) when <paramref name="input"/> is valid, null when
    /// <see cref="Validate"/> would find a reason (the same rules, checked without writing their messages, each floor computed once).
    /// </summary>
    private static Prepared? Prepare(RegionInput input, NormSet norms)
    {
        if (input.Municipalities.IsDefaultOrEmpty || !CheckRegion(input, norms, null))
        {
            return null;
        }

        var ms = SortedByCode(input.Municipalities);
        var floors = new MunicipalFloors[ms.Length];
        for (var i = 0; i < ms.Length; i++)
        {
            // Sorted by code, a duplicate lies next to its twin: no set needed.
            if ((i > 0 && ms[i].Code == ms[i - 1].Code) || !CheckMunicipality(ms[i], norms, null, out floors[i]))
            {
                return null;
            }
        }

        return new Prepared(ms, floors);
    }

    /// <summary>The municipalities sorted by code and their floors, index for index.</summary>
    private sealed record Prepared(ImmutableArray<MunicipalityInput> Municipalities, MunicipalFloors[] Floors);

    private static ImmutableArray<MunicipalityInput> SortedByCode(ImmutableArray<MunicipalityInput> municipalities) =>
        municipalities.Sort(static (a, b) => a.Code.CompareTo(b.Code));

    /// <summary>The region-wide rules of <see cref="Validate"/> (a non-empty region); true when they hold. Each reason goes to <paramref name="errors"/> when given.</summary>
    private static bool CheckRegion(RegionInput input, NormSet norms, List<string>? errors)
    {
        var valid = true;
        if (norms.LaggingThreshold.Value >= Fraction.One)
        {
            valid = false;
            errors?.Add($"the lagging threshold {norms.LaggingThreshold.Value} must be below 1");
        }

        long totalTask = 0;
        foreach (var m in input.Municipalities)
        {
            totalTask += m.Task;
        }

        if (totalTask > int.MaxValue)
        {
            valid = false;
            errors?.Add($"the tasks sum to more than {int.MaxValue}");
        }

        if (!ProvinceRule.IsAllOrNone(input.Municipalities, out var withProvince))
        {
            valid = false;
            errors?.Add($"{withProvince} of {input.Municipalities.Length} municipalities have a province: either all or none");
        }

        return valid;
    }

    /// <summary>
    /// The rules of <see cref="Validate"/> for one municipality (all but the duplicate code); true when they hold, with its
    /// <paramref name="floors"/>. Each reason goes to <paramref name="errors"/> when given.
    /// </summary>
    private static bool CheckMunicipality(MunicipalityInput m, NormSet norms, List<string>? errors, out MunicipalFloors floors)
    {
        floors = default;
        if (m.Task < 0 || m.Stock <= 0 || m.SocialStock < 0)
        {
            errors?.Add($"{m.Code}: task and social stock must be >= 0 and stock > 0");
            return false;
        }

        if (m.SocialStock > m.Stock)
        {
            errors?.Add($"{m.Code}: social stock {m.SocialStock} exceeds stock {m.Stock}");
            return false;
        }

        if ((long)m.Contracted.Social + m.Contracted.Middle + m.Contracted.Free > m.Task)
        {
            errors?.Add($"{m.Code}: contracted homes {(long)m.Contracted.Social + m.Contracted.Middle + m.Contracted.Free} exceed the task {m.Task}");
            return false;
        }

        var valid = true;
        if (m.Exemption?.SocialFloor is { } es && (es.Sign < 0 || es > norms.SocialFloor.Value))
        {
            valid = false;
            errors?.Add($"{m.Code}: exempted social floor {es} must lie in [0, {norms.SocialFloor.Value}]");
        }

        if (m.Exemption?.MiddleFloor is { } em && (em.Sign < 0 || em > norms.MiddleFloor.Value))
        {
            valid = false;
            errors?.Add($"{m.Code}: exempted middle floor {em} must lie in [0, {norms.MiddleFloor.Value}]");
        }

        if (m.Commitment is { Social: < 0 } or { Middle: < 0 })
        {
            errors?.Add($"{m.Code}: a commitment must be >= 0");
            return false;
        }

        floors = Floors(m, norms);
        if ((long)floors.Social + floors.Middle > floors.Capacity)
        {
            errors?.Add($"{m.Code}: floors social {floors.Social} + middle {floors.Middle} exceed the affordable capacity {floors.Capacity} (task minus contracted free-sector homes)");
            return false;
        }

        return valid;
    }

    /// <summary>Steps 1-3 for one municipality with valid counts: lagging segment, U, capA and the floors.</summary>
    internal static MunicipalFloors Floors(MunicipalityInput m, NormSet norms)
    {
        // S/T < threshold, compared as S < threshold × T (T > 0) so that no fraction S/T has to be normalised here.
        var below = m.Stock > 0
            ? Fraction.CompareProducts(Fraction.One, m.SocialStock, norms.LaggingThreshold.Value, m.Stock) < 0
            : new Fraction(m.SocialStock, m.Stock) < norms.LaggingThreshold.Value;
        var lagging = below ? LaggingSegment.Social : LaggingSegment.Middle;
        var uncontracted = m.Task - m.Contracted.Total;
        var social = lagging == LaggingSegment.Social;
        var exemption = social ? m.Exemption?.SocialFloor : m.Exemption?.MiddleFloor;
        var applied = exemption ?? (social ? norms.SocialFloor.Value : norms.MiddleFloor.Value);
        var statutorySocial = m.Contracted.Social + (social ? applied.CeilingOf(uncontracted) : 0);
        var statutoryMiddle = m.Contracted.Middle + (social ? 0 : applied.CeilingOf(uncontracted));
        return new MunicipalFloors(
            m.SocialStock,
            m.Stock,
            lagging,
            uncontracted,
            m.Task - m.Contracted.Free,
            applied,
            Exempted: exemption is not null,
            Ineffective: (social ? m.Exemption?.MiddleFloor : m.Exemption?.SocialFloor) is not null,
            statutorySocial,
            statutoryMiddle,
            Math.Max(statutorySocial, m.Commitment?.Social ?? 0),
            Math.Max(statutoryMiddle, m.Commitment?.Middle ?? 0));
    }
}
