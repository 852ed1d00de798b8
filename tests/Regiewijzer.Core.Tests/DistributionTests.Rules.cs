using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests;

/// <summary>Rule tables for domain.md section 5, one boundary per row.</summary>
public partial class DistributionTests
{
    [Theory]
    [InlineData(1000, 299, LaggingSegment.Social)]
    [InlineData(1000, 300, LaggingSegment.Middle)]
    [InlineData(1000, 301, LaggingSegment.Middle)]
    [InlineData(10, 3, LaggingSegment.Middle)]
    [InlineData(7, 2, LaggingSegment.Social)]
    [InlineData(7, 3, LaggingSegment.Middle)]
    [InlineData(1, 0, LaggingSegment.Social)]
    [InlineData(1, 1, LaggingSegment.Middle)]
    public void Distribute_StockShareAroundThreshold_PicksLaggingSegment(int stock, int socialStock, LaggingSegment expected)
    {
        var result = Distribute(Municipality("GM0001", 100, stock, socialStock));

        var m = result.Of("GM0001");
        Assert.Equal(expected, m.Lagging);
        Assert.Equal(expected == LaggingSegment.Social ? 30 : 0, m.StatutoryFloorSocial);
        Assert.Equal(expected == LaggingSegment.Middle ? 40 : 0, m.StatutoryFloorMiddle);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(9, 3)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(20, 6)]
    [InlineData(21, 7)]
    [InlineData(100, 30)]
    [InlineData(101, 31)]
    [InlineData(5380, 1614)]
    [InlineData(841, 253)]
    public void Distribute_SocialLagging_FloorIsCeilingOfThreeTenthsOfU(int uncontracted, int expected)
    {
        var result = Distribute(Municipality("GM0001", uncontracted, 1000, 100));

        Assert.Equal(expected, result.Of("GM0001").FloorSocial);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(10, 4)]
    [InlineData(11, 5)]
    [InlineData(2750, 1100)]
    public void Distribute_MiddleLagging_FloorIsCeilingOfTwoFifthsOfU(int uncontracted, int expected)
    {
        var result = Distribute(Municipality("GM0001", uncontracted, 1000, 500));

        Assert.Equal(expected, result.Of("GM0001").FloorMiddle);
    }

    [Theory]
    [InlineData(10, 3, 7)]
    [InlineData(11, 4, 8)]
    [InlineData(30, 9, 20)]
    [InlineData(31, 10, 21)]
    [InlineData(3, 1, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(25383, 7615, 16922)]
    public void Distribute_RegionTask_RequirementsAreCeilings(int task, int requiredSocial, int requiredAffordable)
    {
        var result = Distribute(Municipality("GM0001", task));

        Assert.Equal(requiredSocial, result.RequiredSocial);
        Assert.Equal(requiredAffordable, result.RequiredAffordable);
    }

    [Fact]
    public void Distribute_MunicipalityWithZeroTask_GetsNothing()
    {
        var result = Distribute(
            Municipality("GM0001", 0, 1000, 0),
            Municipality("GM0002", 100, 1000, 100));

        var zero = result.Of("GM0001");
        Assert.Equal((0, 0, 0, 0), (zero.FloorSocial, zero.FloorMiddle, zero.RegionalSocial, zero.RegionalMiddle));
        Assert.Equal((0, 0, 0), (zero.Social, zero.Middle, zero.Free));
        Assert.Equal(429, zero.CatchUpNeed);
        Assert.True(result.MeetsNorms);
        Assert.DoesNotContain(result.Findings, f => f.Municipality == zero.Code);
    }

    [Fact]
    public void Distribute_RegionWithZeroTask_HasZeroRequirementsAndMeetsNorms()
    {
        var result = Distribute(
            Municipality("GM0001", 0, 1000, 0),
            Municipality("GM0002", 0, 1000, 500));

        Assert.Equal(0, result.Task);
        Assert.Equal((0, 0), (result.RequiredSocial, result.RequiredAffordable));
        Assert.Equal((0, 0, 0), (result.Social, result.Middle, result.Free));
        Assert.True(result.MeetsNorms);
        Assert.Empty(result.Findings);
        Assert.All(result.Municipalities, m => Assert.Equal((0, 0, 0), (m.Social, m.Middle, m.Free)));
        Assert.Equal(8, result.Explain(result.Municipalities[0].Code).Length);
    }

    [Theory]
    [InlineData(100, 0)] // social-lagging
    [InlineData(1000, 500)] // middle-lagging
    public void Distribute_FullyContracted_FloorsAreContractedAndNoRegionalShare(int stock, int socialStock)
    {
        var result = Distribute(
            Municipality("GM0001", 100, stock, socialStock, new SegmentCounts(30, 20, 50)),
            Municipality("GM0002", 100, 1000, 100));

        var full = result.Of("GM0001");
        Assert.Equal(0, full.Uncontracted);
        Assert.Equal(50, full.AffordableCapacity);
        Assert.Equal((30, 20), (full.FloorSocial, full.FloorMiddle));
        Assert.Equal((0, 0), (full.RegionalSocial, full.RegionalMiddle));
        Assert.Equal((30, 20, 50), (full.Social, full.Middle, full.Free));
        Assert.Equal(0, full.SocialRoom);

        // The other municipality absorbs the whole regional requirement: RS = 60, RA = 134.
        Assert.Equal(60, result.Social);
        Assert.Equal(134, result.Affordable);
        Assert.True(result.MeetsNorms);
    }

    [Fact]
    public void Distribute_ContractedFreeHomes_ReduceAffordableCapacity()
    {
        // N = 100 of which 60 contracted free: capA = 40, U = 40, floor social ceil(0.3 * 40) = 12.
        var result = Distribute(Municipality("GM0001", 100, 1000, 100, new SegmentCounts(0, 0, 60)));

        var m = result.Of("GM0001");
        Assert.Equal(40, m.Uncontracted);
        Assert.Equal(40, m.AffordableCapacity);
        Assert.Equal(12, m.FloorSocial);
        Assert.Equal(28, m.SocialRoom);
        Assert.Equal(30, m.Social); // RS = 30 fits in the room.
        Assert.Equal(10, m.Middle); // capA 40 - social 30: all that is left.
        Assert.Equal(60, m.Free);
        Assert.Equal(40, result.Affordable);
        Assert.Equal(67 - 40, result.AffordableShortfall);
        var finding = Assert.Single(result.Findings, f => f.Code == FindingCode.RegionAffordableShortfall);
        Assert.Equal(27, finding.Shortfall);
    }

    [Fact]
    public void Distribute_ContractedSocialAndMiddle_CountTowardsFloorsAndCapacity()
    {
        // N = 100, contracted 10 social, 20 middle, 30 free: U = 40, capA = 70, floor social 10 + ceil(0.3 * 40) = 22.
        var result = Distribute(Municipality("GM0001", 100, 1000, 100, new SegmentCounts(10, 20, 30)));

        var m = result.Of("GM0001");
        Assert.Equal((40, 70), (m.Uncontracted, m.AffordableCapacity));
        Assert.Equal((22, 20), (m.FloorSocial, m.FloorMiddle));
        Assert.Equal(28, m.SocialRoom);
    }

    [Theory]
    [InlineData(1000, 500, "0", null)] // middle-lagging, social exemption
    [InlineData(1000, 500, "1/10", null)]
    [InlineData(1000, 100, null, "0")] // social-lagging, middle exemption
    [InlineData(1000, 100, null, "1/5")]
    public void Distribute_ExemptionForNonLaggingSegment_HasNoEffect(int stock, int socialStock, string? socialFloor, string? middleFloor)
    {
        var exemption = new Exemption(socialFloor is null ? null : Fraction.Parse(socialFloor), middleFloor is null ? null : Fraction.Parse(middleFloor));
        var others = new[] { Municipality("GM0002", 300, 1000, 100), Municipality("GM0003", 200, 1000, 400) };
        var without = Distribute(Region([Municipality("GM0001", 100, stock, socialStock), .. others]));
        var with = Distribute(Region([Municipality("GM0001", 100, stock, socialStock, exemption: exemption), .. others]));

        var m = with.Of("GM0001");
        Assert.False(m.Exempted);
        Assert.True(m.IneffectiveExemption);
        Assert.Equal(without.Municipalities.Select(Targets), with.Municipalities.Select(Targets));
        Assert.Equal(without.Findings.Select(f => f.CodeText), with.Findings.Select(f => f.CodeText));
        Assert.Contains("geen enkel effect", with.Explain(m.Code)[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribute_SocialExemption_LowersFloorAndGivesNoRegionalShare()
    {
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 100, exemption: new Exemption(new Fraction(1, 10), null)),
            Municipality("GM0002", 100, 1000, 100));

        var m = result.Of("GM0001");
        Assert.True(m.Exempted);
        Assert.Equal(new Fraction(1, 10), m.AppliedFloorFraction);
        Assert.Equal(10, m.FloorSocial);
        Assert.Equal(0, m.SocialRoom);
        Assert.Equal(0, m.RegionalSocial);
        Assert.Equal(10, m.Social);
        Assert.Equal(50, result.Of("GM0002").Social); // absorbs RS 60 - 10.
        Assert.True(result.MeetsNorms);
    }

    [Fact]
    public void Distribute_MiddleExemption_LowersFloorAndGivesNoRegionalMiddle()
    {
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 500, exemption: new Exemption(null, new Fraction(1, 5))),
            Municipality("GM0002", 100, 1000, 500));

        var m = result.Of("GM0001");
        Assert.True(m.Exempted);
        Assert.Equal(20, m.FloorMiddle);
        Assert.Equal(0, m.MiddleRoom);
        Assert.Equal(0, m.RegionalMiddle);
        Assert.Equal(20, m.Middle);
        Assert.True(result.MeetsNorms);
    }

    [Theory]
    [InlineData(100, null, null, 30, 0)]
    [InlineData(100, 50, null, 50, 0)]
    [InlineData(100, 10, null, 30, 0)]
    [InlineData(100, 30, null, 30, 0)]
    [InlineData(100, null, 40, 30, 40)]
    [InlineData(100, 60, 40, 60, 40)]
    [InlineData(500, null, null, 0, 40)]
    [InlineData(500, 20, null, 20, 40)]
    [InlineData(500, null, 60, 0, 60)]
    [InlineData(500, null, 10, 0, 40)]
    [InlineData(500, 0, 0, 0, 40)]
    public void Distribute_Commitment_RaisesFloor(int socialStock, int? commitSocial, int? commitMiddle, int floorSocial, int floorMiddle)
    {
        var commitment = commitSocial is null && commitMiddle is null ? null : new Commitment(commitSocial, commitMiddle);

        var result = Distribute(Municipality("GM0001", 100, 1000, socialStock, commitment: commitment));

        var m = result.Of("GM0001");
        Assert.Equal((floorSocial, floorMiddle), (m.FloorSocial, m.FloorMiddle));
        Assert.True(m.Social >= floorSocial);
        Assert.True(m.Middle >= floorMiddle);
    }

    [Fact]
    public void Distribute_CommitmentIncludesContracted_IsComparedWithTheWholeFloor()
    {
        // Contracted social 40: statutory floor 40 + ceil(0.3 * 60) = 58. A commitment of 50 changes nothing, 70 raises it.
        var contracted = new SegmentCounts(40, 0, 0);

        Assert.Equal(58, Distribute(Municipality("GM0001", 100, contracted: contracted, commitment: new Commitment(50, null))).Of("GM0001").FloorSocial);
        Assert.Equal(70, Distribute(Municipality("GM0001", 100, contracted: contracted, commitment: new Commitment(70, null))).Of("GM0001").FloorSocial);
    }

    [Fact]
    public void Distribute_CommitmentAboveStatutoryFloor_IsExplained()
    {
        var result = Distribute(Municipality("GM0001", 100, commitment: new Commitment(50, null)));

        Assert.Contains("toezegging", result.Explain(result.Municipalities[0].Code)[3].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 0, 0, 0, 71, 30)] // social floor 30 + commitment middle 71 > capA 100
    [InlineData(100, 0, 0, 0, 101, null)]
    [InlineData(100, 0, 0, 60, 29, null)] // capA 40: floor social ceil(0.3 * 40) = 12, + 29 middle > 40
    public void Validate_FloorsAboveCapacity_NamesTheMunicipality(int task, int contractedSocial, int contractedMiddle, int contractedFree, int commitMiddle, int? commitSocial)
    {
        var region = Region(Municipality("GM0007", task, 1000, 100, new SegmentCounts(contractedSocial, contractedMiddle, contractedFree), commitment: new Commitment(commitSocial, commitMiddle)));

        var errors = Distribution.Validate(region, NormSets.Law2026);

        var error = Assert.Single(errors);
        Assert.Contains("GM0007", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Distribution.Distribute(region, NormSets.Law2026));
    }

    [Fact]
    public void Validate_FloorsExactlyAtCapacity_IsValid()
    {
        var region = Region(Municipality("GM0007", 100, 1000, 100, commitment: new Commitment(null, 70)));

        Assert.Empty(Distribution.Validate(region, NormSets.Law2026));
        var m = Distribute(region).Of("GM0007");
        Assert.Equal((30, 70, 0), (m.Social, m.Middle, m.Free));
    }

    public static TheoryData<string, RegionInput> InvalidRegions => new()
    {
        { "no municipalities", new RegionInput("leeg", []) },
        { "duplicate code", Region(Municipality("GM0001", 10), Municipality("GM0001", 20)) },
        { "negative task", Region(Municipality("GM0001", -1)) },
        { "zero stock", Region(Municipality("GM0001", 10, 0, 0)) },
        { "negative social stock", Region(Municipality("GM0001", 10, 10, -1)) },
        { "social stock above stock", Region(Municipality("GM0001", 10, 10, 11)) },
        { "contracted above task", Region(Municipality("GM0001", 10, contracted: new SegmentCounts(5, 5, 1))) },
        { "social exemption above floor", Region(Municipality("GM0001", 10, exemption: new Exemption(new Fraction(2, 5), null))) },
        { "middle exemption above floor", Region(Municipality("GM0001", 10, 10, 5, exemption: new Exemption(null, new Fraction(1, 2)))) },
        { "negative commitment", Region(Municipality("GM0001", 10, commitment: new Commitment(-1, null))) },
    };

    [Theory]
    [MemberData(nameof(InvalidRegions))]
    public void Validate_InvalidInput_IsRejected(string reason, RegionInput region)
    {
        Assert.NotEmpty(Distribution.Validate(region, NormSets.Law2026));
        var e = Assert.Throws<ArgumentException>(() => Distribution.Distribute(region, NormSets.Law2026));
        Assert.False(string.IsNullOrEmpty(reason));
        Assert.Contains("Invalid region input", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CountsBeyondTheIntRange_AreErrorsNotExceptions()
    {
        var contracted = Region(Municipality("GM0001", 10, contracted: new SegmentCounts(int.MaxValue, int.MaxValue, 0)));
        var tasks = Region(Municipality("GM0001", int.MaxValue), Municipality("GM0002", 1));

        Assert.Contains("GM0001", Assert.Single(Distribution.Validate(contracted, NormSets.Law2026)), StringComparison.Ordinal);
        Assert.Single(Distribution.Validate(tasks, NormSets.Law2026));
        Assert.Throws<ArgumentException>(() => Distribution.Distribute(tasks, NormSets.Law2026));
    }

    [Fact]
    public void Validate_LaggingThresholdOfOne_IsRejected()
    {
        var region = Region(Municipality("GM0001", 10));

        Assert.Single(Distribution.Validate(region, NormsWith(("laggingThreshold", "1"))));
        Assert.Throws<ArgumentException>(() => Distribution.Distribute(region, NormsWith(("laggingThreshold", "1"))));
        Assert.Empty(Distribution.Validate(region, NormsWith(("laggingThreshold", "999/1000"))));
    }

    [Fact]
    public void Distribute_LargestTask_DoesNotOverflow()
    {
        var result = Distribute(Municipality("GM0001", int.MaxValue, int.MaxValue, 0));

        Assert.Equal(Oracle.AtLeast(new Fraction(3, 10), int.MaxValue), result.Social);
        Assert.Equal(Oracle.AtLeast(new Fraction(2, 3), int.MaxValue), result.Affordable);
        Assert.True(result.MeetsNorms);
    }

    [Fact]
    public void Distribute_CatchUpNeedBeyondTheIntRange_DoesNotThrow()
    {
        var region = Region(Municipality("GM0001", 10, int.MaxValue, 3));

        var result = Distribute(region, NormsWith(("laggingThreshold", "2/3")));

        Assert.True(result.Of("GM0001").CatchUpNeed > 0);
    }

    [Fact]
    public void Distribute_RemainderGoesToLargestFraction()
    {
        // Three social-lagging municipalities with U = 10 (floor 3, room 7) and a middle-lagging one with N = 1 (room 0).
        // RS = ceil(0.3 * 31) = 10, floors social 9: DS = 1, exactly 1/3 each; the tie goes to the lowest code.
        var result = Distribute(
            Municipality("GM0003", 10),
            Municipality("GM0002", 10),
            Municipality("GM0001", 10),
            Municipality("GM0004", 1, 1000, 500));

        Assert.Equal(1, result.SocialRemainder);
        Assert.Equal(1, result.Of("GM0001").RegionalSocial);
        Assert.Equal(0, result.Of("GM0002").RegionalSocial);
        Assert.Equal(0, result.Of("GM0003").RegionalSocial);
        Assert.Equal(0, result.Of("GM0004").RegionalSocial);
    }

    [Fact]
    public void Distribute_PassOneFull_PassTwoPlacesTheRestByU()
    {
        // Lagging-first: only GM0001 is social-lagging, with room 100 - 30 = 70. RS = ceil(0.3 * 1100) = 330,
        // floors 30 + 0: DS = 300, pass 1 places 70, pass 2 places 230 at GM0002 (middle-lagging, room 1000 - 400 = 600).
        var result = Distribute(Region(
            DistributionKey.LaggingFirst,
            Municipality("GM0001", 100),
            Municipality("GM0002", 1000, 1000, 500)));

        Assert.Equal(300, result.SocialRemainder);
        Assert.Equal(230, result.SocialRemainderAfterPass1);
        Assert.Equal((70, 0), (result.Of("GM0001").RegionalSocialPass1, result.Of("GM0001").RegionalSocialPass2));
        Assert.Equal((0, 230), (result.Of("GM0002").RegionalSocialPass1, result.Of("GM0002").RegionalSocialPass2));
        Assert.Equal(330, result.Social);
    }

    [Fact]
    public void Distribute_GapWeighted_WeighsByDistanceToThreshold()
    {
        // Both social-lagging with U = 100: gaps 3/10 - 1/10 = 1/5 and 3/10 - 1/5 = 1/10, so pass 1 splits 2:1.
        // RS = ceil(0.3 * 300) = 90 with a middle-lagging third municipality (U = 100, floor middle 40).
        var result = Distribute(Region(
            DistributionKey.GapWeighted,
            Municipality("GM0001", 100, 1000, 100),
            Municipality("GM0002", 100, 1000, 200),
            Municipality("GM0003", 100, 1000, 500)));

        Assert.Equal(30, result.SocialRemainder);
        Assert.Equal(20, result.Of("GM0001").RegionalSocial);
        Assert.Equal(10, result.Of("GM0002").RegionalSocial);
        Assert.Equal(0, result.Of("GM0003").RegionalSocial);
        Assert.Equal((Fraction)20, result.Of("GM0001").SocialWeight);
    }

    [Fact]
    public void Distribute_SameInput_GivesTheSameOutput()
    {
        var region = Region(Municipality("GM0001", 333), Municipality("GM0002", 777, 1000, 450), Municipality("GM0003", 91, 1000, 10));

        Assert.Equal(ScenarioWriter.WriteResult(Distribute(region)), ScenarioWriter.WriteResult(Distribute(region)));
    }

    private static (string Code, int Social, int Middle, int Free, int FloorSocial, int FloorMiddle) Targets(MunicipalityDistribution m) =>
        (m.Code.Value, m.Social, m.Middle, m.Free, m.FloorSocial, m.FloorMiddle);
}
