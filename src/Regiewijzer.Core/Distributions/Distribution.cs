using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>The distribution (verdeling) of one region, exactly as domain.md §5.</summary>
public static class Distribution
{
    /// <summary>
    /// Distributes the region's task over its municipalities. Pure: the same input gives the same
    /// output whatever the order of the municipalities. Shortfalls are reported as findings, never
    /// hidden by breaking a floor or a room.
    /// </summary>
    /// <exception cref="ArgumentException">The input is invalid (see <see cref="Validate"/>).</exception>
    public static RegionDistribution Distribute(RegionInput input, NormSet norms) => DistributeCancellable(input, norms, CancellationToken.None);

    /// <summary>
    /// <see cref="Distribute"/> that stops when <paramref name="ct"/> is cancelled (checked between the steps and in every
    /// round of the water-filling), e.g. when the web client has gone away. A separate name, not an overload, so that
    /// the many callers without a token (tests, the CLI) keep their short form.
    /// </summary>
    /// <exception cref="ArgumentException">The input is invalid (see <see cref="Validate"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static RegionDistribution DistributeCancellable(RegionInput input, NormSet norms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(norms);
        ct.ThrowIfCancellationRequested();
        var errors = Validate(input, norms);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid region input: " + string.Join("; ", errors), nameof(input));
        }

        var result = Compute(input, norms, ct);
        var findings = RegionFindings.For(result, input, norms, (i, n) => Compute(i, n, ct));
        return result with { Findings = findings };
    }

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

        if (norms.LaggingThreshold.Value >= Fraction.One)
        {
            errors.Add($"the lagging threshold {norms.LaggingThreshold.Value} must be below 1");
        }

        if (input.Municipalities.Sum(m => (long)m.Task) > int.MaxValue)
        {
            errors.Add($"the tasks sum to more than {int.MaxValue}");
        }

        var seen = new HashSet<MunicipalityCode>();
        foreach (var m in input.Municipalities)
        {
            if (!seen.Add(m.Code))
            {
                errors.Add($"{m.Code}: duplicate municipality code");
            }

            if (m.Task < 0 || m.Stock <= 0 || m.SocialStock < 0)
            {
                errors.Add($"{m.Code}: task and social stock must be >= 0 and stock > 0");
                continue;
            }

            if (m.SocialStock > m.Stock)
            {
                errors.Add($"{m.Code}: social stock {m.SocialStock} exceeds stock {m.Stock}");
                continue;
            }

            if ((long)m.Contracted.Social + m.Contracted.Middle + m.Contracted.Free > m.Task)
            {
                errors.Add($"{m.Code}: contracted homes {(long)m.Contracted.Social + m.Contracted.Middle + m.Contracted.Free} exceed the task {m.Task}");
                continue;
            }

            if (m.Exemption?.SocialFloor is { } es && (es.Sign < 0 || es > norms.SocialFloor.Value))
            {
                errors.Add($"{m.Code}: exempted social floor {es} must lie in [0, {norms.SocialFloor.Value}]");
            }

            if (m.Exemption?.MiddleFloor is { } em && (em.Sign < 0 || em > norms.MiddleFloor.Value))
            {
                errors.Add($"{m.Code}: exempted middle floor {em} must lie in [0, {norms.MiddleFloor.Value}]");
            }

            if (m.Commitment is { Social: < 0 } or { Middle: < 0 })
            {
                errors.Add($"{m.Code}: a commitment must be >= 0");
                continue;
            }

            var floors = Floors(m, norms);
            if ((long)floors.Social + floors.Middle > floors.Capacity)
            {
                errors.Add($"{m.Code}: floors social {floors.Social} + middle {floors.Middle} exceed the affordable capacity {floors.Capacity} (task minus contracted free-sector homes)");
            }
        }

        return errors;
    }

    /// <summary>Steps 1-3 for one municipality with valid counts: lagging segment, U, capA and the floors.</summary>
    internal static MunicipalFloors Floors(MunicipalityInput m, NormSet norms)
    {
        var share = new Fraction(m.SocialStock, m.Stock);
        var lagging = share < norms.LaggingThreshold.Value ? LaggingSegment.Social : LaggingSegment.Middle;
        var uncontracted = m.Task - m.Contracted.Total;
        var social = lagging == LaggingSegment.Social;
        var exemption = social ? m.Exemption?.SocialFloor : m.Exemption?.MiddleFloor;
        var applied = exemption ?? (social ? norms.SocialFloor.Value : norms.MiddleFloor.Value);
        var statutorySocial = m.Contracted.Social + (social ? applied.CeilingOf(uncontracted) : 0);
        var statutoryMiddle = m.Contracted.Middle + (social ? 0 : applied.CeilingOf(uncontracted));
        return new MunicipalFloors(
            share,
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

    /// <summary>Steps 1-8 without findings; the input is valid.</summary>
    internal static RegionDistribution Compute(RegionInput input, NormSet norms) => Compute(input, norms, CancellationToken.None);

    /// <summary>Steps 1-8 without findings, stopping when <paramref name="ct"/> is cancelled; the input is valid.</summary>
    internal static RegionDistribution Compute(RegionInput input, NormSet norms, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var ms = input.Municipalities.Sort((a, b) => a.Code.CompareTo(b.Code));
        var n = ms.Length;
        var codes = new MunicipalityCode[n];
        var steps = new MunicipalFloors[n];
        long totalTask = 0;
        long sumFloorSocial = 0;
        long sumFloorMiddle = 0;
        var threshold = norms.LaggingThreshold.Value;
        for (var i = 0; i < n; i++)
        {
            codes[i] = ms[i].Code;
            steps[i] = Floors(ms[i], norms);
            totalTask += ms[i].Task;
            sumFloorSocial += steps[i].Social;
            sumFloorMiddle += steps[i].Middle;
        }

        var task = checked((int)totalTask);
        var requiredSocial = norms.SocialShare.Value.CeilingOf(task);
        var requiredAffordable = norms.AffordableShare.Value.CeilingOf(task);

        // Step 5: social remainder, pass 1 by key, pass 2 by U for what pass 1 could not place.
        var socialRemainder = Math.Max(0, requiredSocial - sumFloorSocial);
        var socialRoom = new long[n];
        var weights1 = new Fraction[n];
        var weightsU = new Fraction[n];
        for (var i = 0; i < n; i++)
        {
            socialRoom[i] = steps[i].ExemptedIn(LaggingSegment.Social) ? 0 : steps[i].Capacity - steps[i].Social - steps[i].Middle;
            weightsU[i] = steps[i].Uncontracted;
            weights1[i] = input.Key switch
            {
                DistributionKey.Proportional => weightsU[i],
                DistributionKey.LaggingFirst => steps[i].Lagging == LaggingSegment.Social ? weightsU[i] : Fraction.Zero,
                DistributionKey.GapWeighted => steps[i].Lagging == LaggingSegment.Social ? (threshold - steps[i].Share) * steps[i].Uncontracted : Fraction.Zero,
                _ => throw new ArgumentOutOfRangeException(nameof(input), input.Key, "Unknown key."),
            };
        }

        var (exact1, unplaced1) = WaterFilling.FillCancellable(socialRemainder, weights1, socialRoom, ct);
        var pass1 = LargestRemainder.Round(exact1, codes);
        var room2 = new long[n];
        for (var i = 0; i < n; i++)
        {
            room2[i] = socialRoom[i] - pass1[i];
        }

        var (exact2, _) = WaterFilling.FillCancellable(unplaced1, weightsU, room2, ct);
        var pass2 = LargestRemainder.Round(exact2, codes);

        // Step 6: affordable remainder as extra middle-segment homes, weight U.
        var social = new int[n];
        long sumSocialPlusFloorMiddle = 0;
        long regionSocial = 0;
        for (var i = 0; i < n; i++)
        {
            social[i] = checked(steps[i].Social + (int)pass1[i] + (int)pass2[i]);
            regionSocial += social[i];
            sumSocialPlusFloorMiddle += social[i] + steps[i].Middle;
        }

        var affordableRemainder = (long)Math.Max(0, requiredAffordable - sumSocialPlusFloorMiddle);
        var middleRoom = new long[n];
        for (var i = 0; i < n; i++)
        {
            middleRoom[i] = steps[i].ExemptedIn(LaggingSegment.Middle) ? 0 : steps[i].Capacity - social[i] - steps[i].Middle;
        }

        var (exactMiddle, _) = WaterFilling.FillCancellable(affordableRemainder, weightsU, middleRoom, ct);
        var regionalMiddle = LargestRemainder.Round(exactMiddle, codes);

        var results = ImmutableArray.CreateBuilder<MunicipalityDistribution>(n);
        long regionMiddle = 0;
        for (var i = 0; i < n; i++)
        {
            var m = ms[i];
            var middle = checked(steps[i].Middle + (int)regionalMiddle[i]);
            regionMiddle += middle;
            results.Add(new MunicipalityDistribution
            {
                Input = m,
                StockShare = steps[i].Share,
                Lagging = steps[i].Lagging,
                Uncontracted = steps[i].Uncontracted,
                AffordableCapacity = steps[i].Capacity,
                AppliedFloorFraction = steps[i].Applied,
                Exempted = steps[i].Exempted,
                IneffectiveExemption = steps[i].Ineffective,
                StatutoryFloorSocial = steps[i].StatutorySocial,
                StatutoryFloorMiddle = steps[i].StatutoryMiddle,
                FloorSocial = steps[i].Social,
                FloorMiddle = steps[i].Middle,
                SocialRoom = (int)socialRoom[i],
                SocialWeight = weights1[i],
                ExactSocialPass1 = exact1[i],
                ExactSocialPass2 = exact2[i],
                RegionalSocialPass1 = (int)pass1[i],
                RegionalSocialPass2 = (int)pass2[i],
                MiddleRoom = (int)middleRoom[i],
                ExactRegionalMiddle = exactMiddle[i],
                RegionalMiddle = (int)regionalMiddle[i],
                Social = social[i],
                Middle = middle,
                Free = m.Task - social[i] - middle,
                CatchUpNeed = Indicators.CatchUpNeed(m.Stock, m.SocialStock, threshold),
                ProjectedStockShare = Indicators.ProjectedStockShare(m.Stock, m.SocialStock, m.Task, social[i]),
            });
        }

        return new RegionDistribution
        {
            Name = input.Name,
            Key = input.Key,
            Norms = norms,
            Task = task,
            RequiredSocial = requiredSocial,
            RequiredAffordable = requiredAffordable,
            SumFloorSocial = checked((int)sumFloorSocial),
            SumFloorMiddle = checked((int)sumFloorMiddle),
            SocialRemainder = socialRemainder > int.MaxValue ? throw new OverflowException() : (int)socialRemainder,
            SocialRemainderAfterPass1 = checked((int)unplaced1),
            AffordableRemainder = checked((int)affordableRemainder),
            Social = checked((int)regionSocial),
            Middle = checked((int)regionMiddle),
            Findings = [],
            Municipalities = results.MoveToImmutable(),
        };
    }
}
