using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>The distribution (verdeling) of one region, exactly as domain.md §5.</summary>
public static partial class Distribution
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
        var prepared = Prepare(input, norms)
            ?? throw new ArgumentException("Invalid region input: " + string.Join("; ", Validate(input, norms)), nameof(input));

        var result = Compute(input, prepared, norms, ct);
        var findings = RegionFindings.For(result, input, norms, (i, n) => Compute(i, n, ct));
        if (result.PlacedPerPart)
        {
            // The region-only distribution of the same input, for the comparison in the explanation and the checks.
            var regionOnlyInput = input with { Levels = DistributionLevels.Region };
            result = result.WithRegionOnly(() =>
            {
                var regionOnly = Compute(regionOnlyInput, prepared, norms, CancellationToken.None);
                return regionOnly with { Findings = RegionFindings.For(regionOnly, regionOnlyInput, norms, Compute) };
            });
        }

        return result with { Findings = findings };
    }

    /// <summary>Steps 1-8 without findings; the input is valid.</summary>
    internal static RegionDistribution Compute(RegionInput input, NormSet norms) => Compute(input, norms, CancellationToken.None);

    /// <summary>Steps 1-8 without findings, stopping when <paramref name="ct"/> is cancelled; the input is valid.</summary>
    internal static RegionDistribution Compute(RegionInput input, NormSet norms, CancellationToken ct)
    {
        var ms = SortedByCode(input.Municipalities);
        var floors = new MunicipalFloors[ms.Length];
        for (var i = 0; i < ms.Length; i++)
        {
            floors[i] = Floors(ms[i], norms);
        }

        return Compute(input, new Prepared(ms, floors), norms, ct);
    }

    private static RegionDistribution Compute(RegionInput input, Prepared prepared, NormSet norms, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var ms = prepared.Municipalities;
        var steps = prepared.Floors;
        var n = ms.Length;
        var codes = new MunicipalityCode[n];
        long totalTask = 0;
        long sumFloorSocial = 0;
        long sumFloorMiddle = 0;
        var threshold = norms.LaggingThreshold.Value;
        for (var i = 0; i < n; i++)
        {
            codes[i] = ms[i].Code;
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
        var weightsU = new Fraction[n];
        var weights1 = input.Key == DistributionKey.Proportional ? weightsU : new Fraction[n]; // proportional: pass 1 weighs by U too
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

        // Parts per province (domain.md §5b): part[i] is the index of municipality i's part.
        var (provinces, part) = PartsOf(ms);
        var perPart = input.Levels == DistributionLevels.ProvinceAndRegion && provinces.Length >= 2;
        var partCount = Math.Max(1, provinces.Length);
        Fraction[] exact1, exact2;
        long[] pass1, pass2;
        var partSocialRemainder = new long[partCount];
        var partAfterPass1 = new long[partCount];
        var partSocialUnplaced = new long[partCount];
        long unplaced1;
        if (!perPart)
        {
            // Steps 5 and 6 of domain.md §5 over the whole region.
            (exact1, pass1, unplaced1) = WaterFilling.FillAndRound(socialRemainder, weights1, socialRoom, codes, ct);
            var room2 = new long[n];
            for (var i = 0; i < n; i++)
            {
                room2[i] = socialRoom[i] - pass1[i];
            }

            (exact2, pass2, _) = WaterFilling.FillAndRound(unplaced1, weightsU, room2, codes, ct);
        }
        else
        {
            // §5b: each part's social remainder among its own municipalities, pass 1 by key and pass 2 by U.
            (exact1, exact2, pass1, pass2) = (new Fraction[n], new Fraction[n], new long[n], new long[n]);
            unplaced1 = 0;
            for (var p = 0; p < partCount; p++)
            {
                long partTask = 0, partFloorSocial = 0;
                for (var i = 0; i < n; i++)
                {
                    if (part[i] == p)
                    {
                        partTask += ms[i].Task;
                        partFloorSocial += steps[i].Social;
                    }
                }

                var ds = Math.Max(0, norms.SocialShare.Value.CeilingOf(checked((int)partTask)) - partFloorSocial);
                var placed = Place(ds, weights1, weightsU, Masked(socialRoom, part, p), codes, ct);
                partSocialRemainder[p] = ds;
                partAfterPass1[p] = placed.AfterPass1;
                partSocialUnplaced[p] = placed.Unplaced;
                unplaced1 += placed.AfterPass1;
                for (var i = 0; i < n; i++)
                {
                    if (part[i] == p)
                    {
                        (exact1[i], exact2[i], pass1[i], pass2[i]) = (placed.Exact1[i], placed.Exact2[i], placed.Pass1[i], placed.Pass2[i]);
                    }
                }
            }
        }

        var social = new int[n];
        long socialSoFar = 0;
        for (var i = 0; i < n; i++)
        {
            social[i] = checked(steps[i].Social + (int)pass1[i] + (int)pass2[i]);
            socialSoFar += social[i];
        }

        // §5b: the region's social residual over the whole region with the rooms that are left.
        // The residuals exist only in a region placed per part (§5b); elsewhere they are 0 and no arrays are made for them.
        var exactResidualSocial = perPart ? new Fraction[n] : null;
        var residualSocial = perPart ? new long[n] : null;
        long socialResidual = 0;
        if (perPart)
        {
            socialResidual = Math.Max(0, requiredSocial - socialSoFar);
            var left = new long[n];
            for (var i = 0; i < n; i++)
            {
                left[i] = socialRoom[i] - pass1[i] - pass2[i];
            }

            var placed = Place(socialResidual, weights1, weightsU, left, codes, ct);
            for (var i = 0; i < n; i++)
            {
                exactResidualSocial![i] = placed.Exact1[i] + placed.Exact2[i];
                residualSocial![i] = placed.Pass1[i] + placed.Pass2[i];
                social[i] = checked(social[i] + (int)residualSocial[i]);
            }
        }

        // Step 6: affordable remainder as extra middle-segment homes, weight U.
        long sumSocialPlusFloorMiddle = 0;
        long regionSocial = 0;
        for (var i = 0; i < n; i++)
        {
            regionSocial += social[i];
            sumSocialPlusFloorMiddle += social[i] + steps[i].Middle;
        }

        var affordableRemainder = (long)Math.Max(0, requiredAffordable - sumSocialPlusFloorMiddle);
        var middleRoom = new long[n];
        for (var i = 0; i < n; i++)
        {
            middleRoom[i] = steps[i].ExemptedIn(LaggingSegment.Middle) ? 0 : steps[i].Capacity - social[i] - steps[i].Middle;
        }

        Fraction[] exactMiddle;
        long[] regionalMiddle;
        var partAffordableRemainder = new long[partCount];
        var partAffordableUnplaced = new long[partCount];
        Fraction[]? exactResidualMiddle = null;
        long[]? residualMiddle = null;
        long affordableResidual = 0;
        if (!perPart)
        {
            (exactMiddle, regionalMiddle, _) = WaterFilling.FillAndRound(affordableRemainder, weightsU, middleRoom, codes, ct);
        }
        else
        {
            exactMiddle = new Fraction[n];
            regionalMiddle = new long[n];
            for (var p = 0; p < partCount; p++)
            {
                long partTask = 0, partAffordable = 0;
                for (var i = 0; i < n; i++)
                {
                    if (part[i] == p)
                    {
                        partTask += ms[i].Task;
                        partAffordable += social[i] + steps[i].Middle;
                    }
                }

                var da = Math.Max(0, norms.AffordableShare.Value.CeilingOf(checked((int)partTask)) - partAffordable);
                var (exact, rounded, unplaced) = WaterFilling.FillAndRound(da, weightsU, Masked(middleRoom, part, p), codes, ct);
                partAffordableRemainder[p] = da;
                partAffordableUnplaced[p] = unplaced;
                for (var i = 0; i < n; i++)
                {
                    if (part[i] == p)
                    {
                        (exactMiddle[i], regionalMiddle[i]) = (exact[i], rounded[i]);
                    }
                }
            }

            long affordableSoFar = 0;
            var left = new long[n];
            for (var i = 0; i < n; i++)
            {
                affordableSoFar += social[i] + steps[i].Middle + regionalMiddle[i];
                left[i] = middleRoom[i] - regionalMiddle[i];
            }

            // §5b: the region's affordable residual over the whole region with the rooms that are left.
            affordableResidual = Math.Max(0, requiredAffordable - affordableSoFar);
            (exactResidualMiddle, residualMiddle, _) = WaterFilling.FillAndRound(affordableResidual, weightsU, left, codes, ct);
            for (var i = 0; i < n; i++)
            {
                regionalMiddle[i] += residualMiddle[i];
            }
        }

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
                ExactResidualSocial = exactResidualSocial?[i] ?? Fraction.Zero,
                ResidualSocial = (int)(residualSocial?[i] ?? 0),
                MiddleRoom = (int)middleRoom[i],
                ExactRegionalMiddle = exactMiddle[i],
                RegionalMiddle = (int)regionalMiddle[i],
                ExactResidualMiddle = exactResidualMiddle?[i] ?? Fraction.Zero,
                ResidualMiddle = (int)(residualMiddle?[i] ?? 0),
                Social = social[i],
                Middle = middle,
                Free = m.Task - social[i] - middle,
                CatchUpNeed = Indicators.CatchUpNeed(m.Stock, m.SocialStock, threshold),
                ProjectedStockShare = Indicators.ProjectedStockShare(m.Stock, m.SocialStock, m.Task, social[i]),
            });
        }

        var parts = ImmutableArray.CreateBuilder<RegionPart>(provinces.Length);
        for (var p = 0; p < provinces.Length; p++)
        {
            long partTask = 0, floorSocial = 0, floorMiddle = 0, partSocial = 0, partMiddle = 0;
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                if (part[i] == p)
                {
                    count++;
                    partTask += ms[i].Task;
                    floorSocial += steps[i].Social;
                    floorMiddle += steps[i].Middle;
                    partSocial += results[i].Social;
                    partMiddle += results[i].Middle;
                }
            }

            var t = checked((int)partTask);
            parts.Add(new RegionPart
            {
                Province = provinces[p],
                MunicipalityCount = count,
                Task = t,
                RequiredSocial = norms.SocialShare.Value.CeilingOf(t),
                RequiredAffordable = norms.AffordableShare.Value.CeilingOf(t),
                SumFloorSocial = checked((int)floorSocial),
                SumFloorMiddle = checked((int)floorMiddle),
                SocialRemainder = perPart ? checked((int)partSocialRemainder[p]) : 0,
                SocialRemainderAfterPass1 = perPart ? checked((int)partAfterPass1[p]) : 0,
                SocialUnplaced = perPart ? checked((int)partSocialUnplaced[p]) : 0,
                AffordableRemainder = perPart ? checked((int)partAffordableRemainder[p]) : 0,
                AffordableUnplaced = perPart ? checked((int)partAffordableUnplaced[p]) : 0,
                Social = checked((int)partSocial),
                Middle = checked((int)partMiddle),
            });
        }

        return new RegionDistribution
        {
            Name = input.Name,
            Key = input.Key,
            Levels = input.Levels,
            Parts = parts.MoveToImmutable(),
            SocialResidual = checked((int)socialResidual),
            AffordableResidual = checked((int)affordableResidual),
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

    /// <summary>The distinct provinces by code and each municipality's part index; no provinces when they are unknown.</summary>
    private static (ProvinceCode[] Provinces, int[] Part) PartsOf(ImmutableArray<MunicipalityInput> ms)
    {
        var part = new int[ms.Length];
        var distinct = new List<ProvinceCode>(2);
        foreach (var m in ms)
        {
            if (m.Province is not { } province)
            {
                return ([], part);
            }

            if (!distinct.Contains(province))
            {
                distinct.Add(province);
            }
        }

        distinct.Sort();
        var provinces = distinct.ToArray();
        for (var i = 0; i < ms.Length; i++)
        {
            part[i] = Array.IndexOf(provinces, ms[i].Province!.Value);
        }

        return (provinces, part);
    }

    /// <summary>The rooms of part <paramref name="p"/>'s municipalities; 0 for all others, so they get nothing.</summary>
    private static long[] Masked(long[] rooms, int[] part, int p)
    {
        var masked = new long[rooms.Length];
        for (var i = 0; i < rooms.Length; i++)
        {
            masked[i] = part[i] == p ? rooms[i] : 0;
        }

        return masked;
    }

    /// <summary>Steps 5 and 7 for one amount: pass 1 by <paramref name="weights1"/>, pass 2 by U for what pass 1 could not place, each rounded.</summary>
    private static Placement Place(long amount, Fraction[] weights1, Fraction[] weightsU, long[] rooms, MunicipalityCode[] codes, CancellationToken ct)
    {
        var (exact1, pass1, unplaced1) = WaterFilling.FillAndRound(amount, weights1, rooms, codes, ct);
        var room2 = new long[rooms.Length];
        for (var i = 0; i < rooms.Length; i++)
        {
            room2[i] = rooms[i] - pass1[i];
        }

        var (exact2, pass2, unplaced2) = WaterFilling.FillAndRound(unplaced1, weightsU, room2, codes, ct);
        return new Placement(exact1, exact2, pass1, pass2, unplaced1, unplaced2);
    }

    private sealed record Placement(Fraction[] Exact1, Fraction[] Exact2, long[] Pass1, long[] Pass2, long AfterPass1, long Unplaced);
}
