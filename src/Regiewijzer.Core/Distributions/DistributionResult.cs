using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>
/// One municipality's result with every intermediate value of domain.md §5, so each number can be
/// explained (see <see cref="Explanation"/>). Counts are whole homes in the period.
/// </summary>
public sealed record MunicipalityDistribution
{
    public required MunicipalityInput Input { get; init; }

    public MunicipalityCode Code => Input.Code;

    public string Name => Input.Name;

    /// <summary>N.</summary>
    public int Task => Input.Task;

    /// <summary>The province the municipality lies in, when known.</summary>
    public ProvinceCode? Province => Input.Province;

    /// <summary>s = S / T, exact.</summary>
    public required Fraction StockShare { get; init; }

    public required LaggingSegment Lagging { get; init; }

    /// <summary>U = N - contracted (all segments).</summary>
    public required int Uncontracted { get; init; }

    /// <summary>capA = N - contracted free-sector homes.</summary>
    public required int AffordableCapacity { get; init; }

    /// <summary>The floor fraction applied to U for the lagging segment (the NormSet's, or the exemption's).</summary>
    public required Fraction AppliedFloorFraction { get; init; }

    /// <summary>True when a granted exemption for the lagging segment lowered the floor.</summary>
    public required bool Exempted { get; init; }

    /// <summary>True when an exemption was given for the segment that is not lagging (no effect).</summary>
    public required bool IneffectiveExemption { get; init; }

    /// <summary>Floors before a commitment raised them.</summary>
    public required int StatutoryFloorSocial { get; init; }

    public required int StatutoryFloorMiddle { get; init; }

    /// <summary>Floors after commitments (step 3).</summary>
    public required int FloorSocial { get; init; }

    public required int FloorMiddle { get; init; }

    /// <summary>Room for regional social rent: capA - floors (0 when exempted in social).</summary>
    public required int SocialRoom { get; init; }

    /// <summary>Weight in pass 1 of the social remainder (depends on the key).</summary>
    public required Fraction SocialWeight { get; init; }

    /// <summary>Exact (unrounded) part of pass 1 and pass 2.</summary>
    public required Fraction ExactSocialPass1 { get; init; }

    public required Fraction ExactSocialPass2 { get; init; }

    public required int RegionalSocialPass1 { get; init; }

    public required int RegionalSocialPass2 { get; init; }

    /// <summary>
    /// In a region placed per province part (domain.md §5b): the exact and rounded share of the region's
    /// residual social remainder (both passes), placed over the whole region after the parts. 0 otherwise.
    /// </summary>
    public Fraction ExactResidualSocial { get; init; }

    public int ResidualSocial { get; init; }

    /// <summary>Regional share of social rent: pass 1 + pass 2 (+ the region's residual in a region placed per province part).</summary>
    public int RegionalSocial => RegionalSocialPass1 + RegionalSocialPass2 + ResidualSocial;

    /// <summary>Room for regional middle-segment homes: capA - social - floorMiddle (0 when exempted in middle).</summary>
    public required int MiddleRoom { get; init; }

    /// <summary>Exact share of the affordable remainder (in a region placed per province part: of the part's remainder).</summary>
    public required Fraction ExactRegionalMiddle { get; init; }

    /// <summary>Regional share of the middle segment (affordable remainder), the region's residual included.</summary>
    public required int RegionalMiddle { get; init; }

    /// <summary>In a region placed per province part: the exact and rounded share of the region's residual affordable remainder. 0 otherwise.</summary>
    public Fraction ExactResidualMiddle { get; init; }

    public int ResidualMiddle { get; init; }

    public required int Social { get; init; }

    public required int Middle { get; init; }

    public required int Free { get; init; }

    public int Affordable => Social + Middle;

    /// <summary>Least whole number of social homes that alone bring the stock share to the threshold.</summary>
    public required long CatchUpNeed { get; init; }

    /// <summary>(S + social) / (T + N): stock share after the period if targets are built and nothing else changes.</summary>
    public required Fraction ProjectedStockShare { get; init; }
}

/// <summary>
/// One province's part of a region (domain.md §5b): its own task and requirements, what was placed
/// within it, and its totals after the whole distribution.
/// </summary>
public sealed record RegionPart
{
    public required ProvinceCode Province { get; init; }

    public required int MunicipalityCount { get; init; }

    /// <summary>N_p: the sum of its municipalities' tasks.</summary>
    public required int Task { get; init; }

    /// <summary>RS_p = ceil(socialShare * N_p).</summary>
    public required int RequiredSocial { get; init; }

    /// <summary>RA_p = ceil(affordableShare * N_p).</summary>
    public required int RequiredAffordable { get; init; }

    public required int SumFloorSocial { get; init; }

    public required int SumFloorMiddle { get; init; }

    /// <summary>DS_p = max(0, RS_p - its floors), placed among its own municipalities (0 when the region is not placed per part).</summary>
    public required int SocialRemainder { get; init; }

    /// <summary>What pass 1 within the part could not place (placed by pass 2 within the part).</summary>
    public required int SocialRemainderAfterPass1 { get; init; }

    /// <summary>What the part could not place at all: its municipalities were full.</summary>
    public required int SocialUnplaced { get; init; }

    /// <summary>DA_p = max(0, RA_p - sum(social + floorMiddle)) of the part (0 when the region is not placed per part).</summary>
    public required int AffordableRemainder { get; init; }

    public required int AffordableUnplaced { get; init; }

    /// <summary>Social rent of its municipalities after the whole distribution.</summary>
    public required int Social { get; init; }

    public required int Middle { get; init; }

    public int Affordable => Social + Middle;

    public int SocialShortfall => Math.Max(0, RequiredSocial - Social);

    public int AffordableShortfall => Math.Max(0, RequiredAffordable - Affordable);

    public bool MeetsNorms => SocialShortfall == 0 && AffordableShortfall == 0;
}

/// <summary>The result of distributing one region (domain.md §5).</summary>
public sealed record RegionDistribution
{
    public required string Name { get; init; }

    public required DistributionKey Key { get; init; }

    /// <summary>The levels asked for (domain.md §5b).</summary>
    public DistributionLevels Levels { get; init; }

    /// <summary>
    /// The region's parts per province, by province code: empty when the provinces are unknown. With
    /// one part, or with <see cref="DistributionLevels.Region"/>, they only report; with two or more
    /// and <see cref="DistributionLevels.ProvinceAndRegion"/> each part's remainder was placed within it.
    /// </summary>
    public ImmutableArray<RegionPart> Parts { get; init; } = [];

    /// <summary>True when the remainders were placed per province part first (domain.md §5b).</summary>
    public bool PlacedPerPart => Levels == DistributionLevels.ProvinceAndRegion && Parts.Length >= 2;

    /// <summary>In a region placed per part: DSr, the social residual placed over the whole region after the parts.</summary>
    public int SocialResidual { get; init; }

    /// <summary>In a region placed per part: DAr, the affordable residual placed over the whole region after the parts.</summary>
    public int AffordableResidual { get; init; }

    private Lazy<RegionDistribution>? _regionOnly;

    /// <summary>
    /// In a region placed per part: the region-only distribution of the same input, for comparison (null otherwise).
    /// Computed on first use (the explanation's comparison step, the country check), so distributing alone costs no more.
    /// </summary>
    public RegionDistribution? RegionOnly => _regionOnly?.Value;

    /// <summary>This result with its region-only comparison, computed by <paramref name="compute"/> on first use (thread-safe).</summary>
    internal RegionDistribution WithRegionOnly(Func<RegionDistribution> compute) =>
        this with { _regionOnly = new Lazy<RegionDistribution>(compute, LazyThreadSafetyMode.ExecutionAndPublication) };

    public required NormSet Norms { get; init; }

    /// <summary>Sum of N.</summary>
    public required int Task { get; init; }

    /// <summary>RS = ceil(socialShare * sum N).</summary>
    public required int RequiredSocial { get; init; }

    /// <summary>RA = ceil(affordableShare * sum N).</summary>
    public required int RequiredAffordable { get; init; }

    public required int SumFloorSocial { get; init; }

    public required int SumFloorMiddle { get; init; }

    /// <summary>DS = max(0, RS - sum floorSocial).</summary>
    public required int SocialRemainder { get; init; }

    /// <summary>What pass 1 could not place (placed by pass 2).</summary>
    public required int SocialRemainderAfterPass1 { get; init; }

    /// <summary>DA = max(0, RA - sum(social + floorMiddle)).</summary>
    public required int AffordableRemainder { get; init; }

    public required int Social { get; init; }

    public required int Middle { get; init; }

    public int Free => Task - Social - Middle;

    public int Affordable => Social + Middle;

    public int SocialShortfall => Math.Max(0, RequiredSocial - Social);

    public int AffordableShortfall => Math.Max(0, RequiredAffordable - Affordable);

    public bool MeetsNorms => SocialShortfall == 0 && AffordableShortfall == 0;

    /// <summary>All findings and signals, in a stable order (code, then municipality).</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>The municipalities, by code.</summary>
    public required ImmutableArray<MunicipalityDistribution> Municipalities { get; init; }

    /// <summary>The Dutch explanation trace of one municipality's numbers.</summary>
    /// <exception cref="KeyNotFoundException">The municipality is not in this region.</exception>
    public ImmutableArray<ExplanationStep> Explain(MunicipalityCode code)
    {
        foreach (var m in Municipalities)
        {
            if (m.Code == code)
            {
                return Explanation.For(this, m);
            }
        }

        throw new KeyNotFoundException($"{code} is not in region {Name}.");
    }
}
