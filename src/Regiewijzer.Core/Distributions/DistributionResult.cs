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

    /// <summary>Regional share of social rent: pass 1 + pass 2.</summary>
    public int RegionalSocial => RegionalSocialPass1 + RegionalSocialPass2;

    /// <summary>Room for regional middle-segment homes: capA - social - floorMiddle (0 when exempted in middle).</summary>
    public required int MiddleRoom { get; init; }

    public required Fraction ExactRegionalMiddle { get; init; }

    /// <summary>Regional share of the middle segment (affordable remainder).</summary>
    public required int RegionalMiddle { get; init; }

    public required int Social { get; init; }

    public required int Middle { get; init; }

    public required int Free { get; init; }

    public int Affordable => Social + Middle;

    /// <summary>Least whole number of social homes that alone bring the stock share to the threshold.</summary>
    public required long CatchUpNeed { get; init; }

    /// <summary>(S + social) / (T + N): stock share after the period if targets are built and nothing else changes.</summary>
    public required Fraction ProjectedStockShare { get; init; }
}

/// <summary>The result of distributing one region (domain.md §5).</summary>
public sealed record RegionDistribution
{
    public required string Name { get; init; }

    public required DistributionKey Key { get; init; }

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
