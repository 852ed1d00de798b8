using CsCheck;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Norms;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests.Governance;

public class ExemptionImpactTests
{
    private static readonly MunicipalityCode B = new("GM0002");

    /// <summary>
    /// Two social-lagging municipalities (15% and 20% corporation homes) and one middle-lagging (40%), task 2,000, key
    /// proportional, law norms: RS = 600, RA = ⌈2/3 × 2.000⌉ = 1.334.
    /// </summary>
    private static RegionInput Small => Region(
        Municipality("GM0001", 1000, 10_000, 1_500),
        Municipality("GM0002", 600, 5_000, 1_000),
        Municipality("GM0003", 400, 4_000, 1_600));

    /// <summary>
    /// By hand (domain.md §5). Before: floors social 300 / 180 / middle 160; DS = 600 − 480 = 120 over U 1000:600:400
    /// = 60 / 36 / 24, so social 360 / 216 / 24. DA = 1.334 − (600 + 160) = 574 over U: 287 / 172,2 / 114,8, rounded
    /// 287 / 172 / 115 (largest remainder ,8). After GM0002 gets a social floor of 1/5: its floor is ⌈0,2 × 600⌉ = 120
    /// and its social room 0; DS = 600 − 420 = 180 over U 1000:400 = 128,57 / 51,43, rounded 129 / 51; social 429 /
    /// 120 / 51. DA is again 574 with the same rooms to spare, so middle is unchanged. GM0001 and GM0003 absorb the 96.
    /// </summary>
    [Fact]
    public void Compute_SmallRegion_GivesTheHandComputedRedistribution()
    {
        var whatIf = ExemptionImpact.Compute(Small, NormSets.Default, B, ExemptionFloor.Social, new Fraction(1, 5));

        Assert.Equal(
            [
                ("GM0001", 360, 429, 287, 287, 353, 284),
                ("GM0002", 216, 120, 172, 172, 212, 308),
                ("GM0003", 24, 51, 275, 275, 101, 74),
            ],
            whatIf.Rows.Select(r => (r.Code.Value, r.Social.Before, r.Social.After, r.Middle.Before, r.Middle.After, r.Free.Before, r.Free.After)));
        Assert.Equal([69, -96, 27], whatIf.Rows.Select(r => r.Social.Delta));
        Assert.Equal(["GM0001", "GM0003"], whatIf.Absorbers.Select(r => r.Code.Value));
        Assert.Equal(B, whatIf.Requester.Code);
        Assert.True(whatIf.HasEffect);
        Assert.Equal(new CountChange(600, 600), whatIf.Social);
        Assert.Equal(new CountChange(734, 734), whatIf.Middle);
        Assert.Equal(new CountChange(1334, 1334), whatIf.Affordable);
        Assert.Equal(new CountChange(666, 666), whatIf.Free);
        Assert.Equal(2000, whatIf.Task);
        Assert.True(whatIf.MeetsNormsAfter);
        Assert.Empty(whatIf.FindingsAfter);
        Assert.Empty(whatIf.NotAbsorbed);
        Assert.Equal(new Exemption(new Fraction(1, 5), null), whatIf.InputAfter.Municipalities[1].Exemption);
    }

    [Fact]
    public void Compute_NobodyCanAbsorb_ReportsTheShortfallAndExemptionNotAbsorbed()
    {
        var region = Region(Municipality("GM0002", 1000, 1000, 100));

        var whatIf = ExemptionImpact.Compute(region, NormSets.Default, B, ExemptionFloor.Social, Fraction.Zero);

        Assert.Equal(new CountChange(300, 0), whatIf.Social);
        Assert.Equal(new CountChange(0, 300), whatIf.SocialShortfall);
        Assert.Equal(new CountChange(0, 0), whatIf.AffordableShortfall);
        Assert.False(whatIf.MeetsNormsAfter);
        Assert.Equal([FindingCode.RegionSocialShortfall, FindingCode.ExemptionNotAbsorbed], whatIf.FindingsAfter.Select(f => f.Code));
        var notAbsorbed = Assert.Single(whatIf.NotAbsorbed);
        Assert.Equal(300, notAbsorbed.Shortfall);
        Assert.Equal(B, notAbsorbed.Municipality);
        Assert.Empty(whatIf.Before.Findings);
    }

    [Fact]
    public void Compute_SegmentThatIsNotLagging_HasNoEffect()
    {
        var whatIf = ExemptionImpact.Compute(Small, NormSets.Default, B, ExemptionFloor.Middle, new Fraction(1, 10));

        Assert.False(whatIf.HasEffect);
        Assert.DoesNotContain(whatIf.Rows, r => r.Changes);
        Assert.Empty(whatIf.Absorbers);
    }

    [Fact]
    public void Apply_ExistingExemptionOfTheOtherSegment_IsKept()
    {
        var region = Region(
            Municipality("GM0001", 1000),
            Municipality("GM0002", 600, exemption: new Exemption(null, new Fraction(1, 4))));

        var after = ExemptionImpact.Apply(region, B, ExemptionFloor.Social, new Fraction(1, 10));

        Assert.Equal(new Exemption(new Fraction(1, 10), new Fraction(1, 4)), after.Municipalities[1].Exemption);
        Assert.Equal(region.Municipalities[0], after.Municipalities[0]);
        Assert.Equal((region.Name, region.Key), (after.Name, after.Key));
    }

    [Fact]
    public void Apply_ExistingExemptionOfTheSameSegment_IsReplaced()
    {
        var region = Region(Municipality("GM0002", 600, exemption: new Exemption(new Fraction(1, 10), new Fraction(1, 4))));

        var after = ExemptionImpact.Apply(region, B, ExemptionFloor.Middle, new Fraction(1, 5));

        Assert.Equal(new Exemption(new Fraction(1, 10), new Fraction(1, 5)), after.Municipalities[0].Exemption);
    }

    [Fact]
    public void Apply_MunicipalityOutsideTheRegion_Throws()
    {
        Assert.Throws<ArgumentException>(() => ExemptionImpact.Apply(Small, new MunicipalityCode("GM0999"), ExemptionFloor.Social, Fraction.Zero));
    }

    [Theory]
    [InlineData("-1/10")]
    [InlineData("31/100")]
    public void Compute_FloorOutsideZeroToNormFloor_Throws(string floor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExemptionImpact.Compute(Small, NormSets.Default, B, ExemptionFloor.Social, floor.StartsWith('-') ? -Fraction.Parse(floor[1..]) : Fraction.Parse(floor)));
    }

    [Fact]
    public void Compute_RandomRegion_KeepsTaskAndNeverRaisesTheExemptedSegment()
    {
        var gen = Gen.Select(RegionGen.Valid, Gen.Int[0, int.MaxValue], Gen.OneOf(ExemptionFloor.Social, ExemptionFloor.Middle), Gen.Int[0, 10]);
        gen.Sample(
            (c, pick, floor, tenths) =>
            {
                var members = c.Region.Municipalities;
                var member = members[pick % members.Length];
                var existing = floor == ExemptionFloor.Social ? member.Exemption?.SocialFloor : member.Exemption?.MiddleFloor;
                var requested = floor.NormFloor(c.Norms) * new Fraction(tenths, 10);
                if (existing is { } e && e < requested)
                {
                    requested = e; // a new request replaces the old value; only a lower floor is promised not to raise
                }

                var whatIf = ExemptionImpact.Compute(c.Region, c.Norms, member.Code, floor, requested);

                Assert.Equal(whatIf.Before.Task, whatIf.After.Task);
                Assert.All(whatIf.Rows, r => Assert.Equal(r.Social.Before + r.Middle.Before + r.Free.Before, r.Social.After + r.Middle.After + r.Free.After));
                Assert.Equal(whatIf.Social.Delta, whatIf.Rows.Sum(r => r.Social.Delta));
                Assert.Equal(whatIf.Middle.Delta, whatIf.Rows.Sum(r => r.Middle.Delta));
                var segment = floor == ExemptionFloor.Social ? whatIf.Requester.Social : whatIf.Requester.Middle;
                Assert.True(segment.Delta <= 0, $"{member.Code} {floor} {requested}: {segment.Before} -> {segment.After}");
                Assert.True(whatIf.Absorbers.All(r => r.Social.Delta > 0 || r.Middle.Delta > 0));
                if (!whatIf.HasEffect && member.Exemption is null)
                {
                    Assert.DoesNotContain(whatIf.Rows, r => r.Changes);
                }
            },
            iter: 500);
    }
}
