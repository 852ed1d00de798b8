using CsCheck;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests;

/// <summary>Rule tables and properties of domain.md section 5b: a region across a provincial border.</summary>
public class ProvincePartDistributionTests
{
    private static readonly ProvinceCode NoordHolland = new("PV27");
    private static readonly ProvinceCode Flevoland = new("PV24");
    private static readonly ProvinceCode Utrecht = new("PV26");
    private static readonly ProvinceCode Gelderland = new("PV25");

    private static MunicipalityInput In(ProvinceCode province, MunicipalityInput m) => m with { Province = province };

    /// <summary>A middle-lagging municipality in one province, a social-lagging one in the other; both parts can meet the norms.</summary>
    private static RegionInput BothFeasible(DistributionLevels levels = DistributionLevels.ProvinceAndRegion) => new(
        "Grensregio",
        [In(NoordHolland, Municipality("GM0001", 1000, 1000, 500)), In(Flevoland, Municipality("GM0002", 1000, 1000, 100))],
        DistributionKey.Proportional,
        levels);

    // code, province-aware social/middle, region-only social/middle
    public static TheoryData<string, int, int, int, int> BothFeasibleTable => new()
    {
        { "GM0001", 300, 400, 150, 567 },
        { "GM0002", 300, 367, 450, 167 },
    };

    [Theory]
    [MemberData(nameof(BothFeasibleTable))]
    public void Distribute_TwoProvincesBothFeasible_EachPartMeetsItsOwnNorm(string code, int social, int middle, int regionOnlySocial, int regionOnlyMiddle)
    {
        var result = Distribute(BothFeasible());
        var regionOnly = Distribute(BothFeasible(DistributionLevels.Region));

        Assert.True(result.PlacedPerPart);
        Assert.Equal((social, middle), (result.Of(code).Social, result.Of(code).Middle));
        Assert.Equal((regionOnlySocial, regionOnlyMiddle), (regionOnly.Of(code).Social, regionOnly.Of(code).Middle));
        Assert.Equal((regionOnlySocial, regionOnlyMiddle), (result.RegionOnly!.Of(code).Social, result.RegionOnly!.Of(code).Middle));
        Assert.False(regionOnly.PlacedPerPart);
        Assert.Null(regionOnly.RegionOnly);
    }

    [Fact]
    public void Distribute_TwoProvincesBothFeasible_PartsAndRegionMeetNormsWithoutFindings()
    {
        var result = Distribute(BothFeasible());
        var regionOnly = Distribute(BothFeasible(DistributionLevels.Region));

        Assert.Equal([Flevoland, NoordHolland], result.Parts.Select(p => p.Province));
        Assert.All(result.Parts, p => Assert.True(p.MeetsNorms));
        Assert.Equal((300, 667), (result.Parts[1].RequiredSocial, result.Parts[1].RequiredAffordable));
        Assert.Equal((300, 0), (result.Parts[1].SocialRemainder, result.Parts[0].SocialRemainder));
        Assert.True(result.MeetsNorms);
        Assert.Equal((600, 1367), (result.Social, result.Affordable));
        Assert.Equal(0, result.SocialResidual);
        Assert.Empty(result.Findings.Where(f => f.Severity == Severity.Error));

        // Region-only: the region passes while Noord-Holland's part is 150 social homes short.
        Assert.True(regionOnly.MeetsNorms);
        Assert.Equal(150, regionOnly.Parts.Single(p => p.Province == NoordHolland).SocialShortfall);
        Assert.DoesNotContain(regionOnly.Findings, f => f.Code is FindingCode.ProvincePartSocialShortfall or FindingCode.ProvincePartAffordableShortfall);
    }

    [Fact]
    public void Explain_TwoProvinces_SaysWhatThePartRequiredAndWhyItDiffersFromRegionOnly()
    {
        var result = Distribute(BothFeasible());
        var flevoland = result.Explain(new MunicipalityCode("GM0002"));
        var noordHolland = result.Explain(new MunicipalityCode("GM0001"));

        Assert.Equal(9, flevoland.Length);
        Assert.Contains("provincie Flevoland", flevoland[4].Text, StringComparison.Ordinal);
        Assert.Contains("300 sociale huurwoningen", flevoland[4].Text, StringComparison.Ordinal);
        Assert.Contains("sociaal 450", flevoland[8].Text, StringComparison.Ordinal);
        Assert.Contains("150 minder", flevoland[8].Text, StringComparison.Ordinal);
        Assert.Contains("150 meer dan de 300", flevoland[8].Text, StringComparison.Ordinal);
        Assert.Contains("150 meer", noordHolland[8].Text, StringComparison.Ordinal);
        Assert.Contains("150 minder dan de 300", noordHolland[8].Text, StringComparison.Ordinal);
        Assert.Equal(8, Distribute(BothFeasible(DistributionLevels.Region)).Explain(new MunicipalityCode("GM0002")).Length);
    }

    /// <summary>Noord-Holland's municipality has 800 contracted free-sector homes of 1000: its part cannot reach either norm.</summary>
    private static RegionInput OnePartInfeasible() => new(
        "Grensregio",
        [
            In(NoordHolland, Municipality("GM0001", 1000, 1000, 500, contracted: new SegmentCounts(0, 0, 800))),
            In(Flevoland, Municipality("GM0002", 1000, 1000, 100)),
        ]);

    // code, social, middle, free
    public static TheoryData<string, int, int, int> OnePartInfeasibleTable => new()
    {
        { "GM0001", 120, 80, 800 },
        { "GM0002", 480, 520, 0 },
    };

    [Theory]
    [MemberData(nameof(OnePartInfeasibleTable))]
    public void Distribute_OnePartInfeasible_FillsItAndPlacesTheResidualInTheOtherPart(string code, int social, int middle, int free)
    {
        var m = Distribute(OnePartInfeasible()).Of(code);

        Assert.Equal((social, middle, free), (m.Social, m.Middle, m.Free));
    }

    [Fact]
    public void Distribute_OnePartInfeasible_ReportsWhichProvinceAndHowMuch()
    {
        var result = Distribute(OnePartInfeasible());

        var nh = result.Parts.Single(p => p.Province == NoordHolland);
        Assert.Equal((180, 467), (nh.SocialUnplaced, nh.AffordableUnplaced));
        Assert.Equal((180, 467), (nh.SocialShortfall, nh.AffordableShortfall));
        Assert.True(result.Parts.Single(p => p.Province == Flevoland).MeetsNorms);
        Assert.Equal(180, result.SocialResidual);
        Assert.Equal(0, result.SocialShortfall);
        Assert.Equal(134, result.AffordableShortfall);
        var social = Assert.Single(result.Findings, f => f.Code == FindingCode.ProvincePartSocialShortfall);
        Assert.Equal(180, social.Shortfall);
        Assert.Equal("PROVINCE_PART_SOCIAL_SHORTFALL", social.CodeText);
        Assert.Contains("provincie Noord-Holland (PV27", social.Message, StringComparison.Ordinal);
        var affordable = Assert.Single(result.Findings, f => f.Code == FindingCode.ProvincePartAffordableShortfall);
        Assert.Equal(467, affordable.Shortfall);
        Assert.Contains("Noord-Holland", affordable.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings, f => f.Code == FindingCode.RegionAffordableShortfall && f.Shortfall == 134);
    }

    private static RegionInput ExemptionInOnePart(bool secondInPart) => new(
        "Grensregio",
        secondInPart
            ? [
                In(Utrecht, Municipality("GM0001", 1000, 1000, 100, exemption: new Exemption(new Fraction(1, 10), null))),
                In(Utrecht, Municipality("GM0002", 1000, 1000, 100)),
                In(Gelderland, Municipality("GM0003", 1000, 1000, 400)),
            ]
            : [
                In(Utrecht, Municipality("GM0001", 1000, 1000, 100, exemption: new Exemption(new Fraction(1, 10), null))),
                In(Gelderland, Municipality("GM0003", 1000, 1000, 100)),
            ]);

    // second municipality in the exempted part?, code, social, middle
    public static TheoryData<bool, string, int, int> ExemptionTable => new()
    {
        { true, "GM0001", 100, 367 },
        { true, "GM0002", 500, 367 },
        { true, "GM0003", 300, 400 },
        { false, "GM0001", 100, 567 },
        { false, "GM0003", 500, 167 },
    };

    [Theory]
    [MemberData(nameof(ExemptionTable))]
    public void Distribute_ExemptionInOnePart_IsAbsorbedWithinThePartWhereItCan(bool secondInPart, string code, int social, int middle)
    {
        var m = Distribute(ExemptionInOnePart(secondInPart)).Of(code);

        Assert.Equal((social, middle), (m.Social, m.Middle));
    }

    [Fact]
    public void Distribute_ExemptionLeavesPartWithoutRoom_FindingNamesTheExemptedMunicipality()
    {
        var absorbed = Distribute(ExemptionInOnePart(secondInPart: true));
        var alone = Distribute(ExemptionInOnePart(secondInPart: false));

        Assert.All(absorbed.Parts, p => Assert.True(p.MeetsNorms));
        Assert.Equal(50, absorbed.RegionOnly!.Parts.Single(p => p.Province == Gelderland).SocialShortfall);
        var finding = Assert.Single(alone.Findings, f => f.Code == FindingCode.ProvincePartSocialShortfall);
        Assert.Equal(200, finding.Shortfall);
        Assert.Contains("provincie Utrecht", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ontheffing verleend aan GM0001", finding.Message, StringComparison.Ordinal);
        Assert.True(alone.MeetsNorms);
        Assert.Equal(0, alone.Of("GM0001").RegionalSocial);
    }

    [Fact]
    public void Validate_ProvinceForSomeMunicipalitiesOnly_IsAnError()
    {
        var region = Region(In(Utrecht, Municipality("GM0001", 100)), Municipality("GM0002", 100));

        Assert.Contains(Distribution.Validate(region, NormSets.Law2026), e => e.Contains("either all or none", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DistributionTests.FoodvalleyTable), MemberType = typeof(DistributionTests))]
    public void Distribute_FoodvalleyWithProvincesRegionOnly_ReproducesTheTableOfTheDomain(
        string code, int task, string stockShare, LaggingSegment lagging,
        int floorSocial, int floorMiddle, int regionalSocial, int regionalMiddle, int social, int middle, int free)
    {
        _ = (task, stockShare, lagging);
        var m = Distribute(FoodvalleyWithProvinces(DistributionLevels.Region)).Of(code);

        Assert.Equal((floorSocial, floorMiddle), (m.FloorSocial, m.FloorMiddle));
        Assert.Equal((regionalSocial, regionalMiddle), (m.RegionalSocial, m.RegionalMiddle));
        Assert.Equal((social, middle, free), (m.Social, m.Middle, m.Free));
    }

    [Fact]
    public void Distribute_FoodvalleyWithProvinces_BothProvincePartsMeetTheNorms()
    {
        var result = Distribute(FoodvalleyWithProvinces(DistributionLevels.ProvinceAndRegion));

        Assert.True(result.PlacedPerPart);
        Assert.Equal([Gelderland, Utrecht], result.Parts.Select(p => p.Province));
        Assert.All(result.Parts, p => Assert.True(p.MeetsNorms, $"{p.Province}: {p.Social}/{p.RequiredSocial}, {p.Affordable}/{p.RequiredAffordable}"));
        Assert.True(result.MeetsNorms);
    }

    private static RegionInput FoodvalleyWithProvinces(DistributionLevels levels)
    {
        string[] utrecht = ["GM0339", "GM0340", "GM0345"]; // Renswoude, Rhenen, Veenendaal; Scherpenzeel lies in Gelderland
        var region = DistributionTests.Foodvalley();
        return region with
        {
            Levels = levels,
            Municipalities = [.. region.Municipalities.Select(m => m with { Province = utrecht.Contains(m.Code.Value) ? Utrecht : Gelderland })],
        };
    }

    // ---- Properties over random cross-border regions ----

    private const int Iterations = 800;

    /// <summary>A valid region whose municipalities lie in one to three provinces (PV20..PV31).</summary>
    private static readonly Gen<RegionCase> CrossBorder =
        Gen.Select(RegionGen.Valid, Gen.Int[1, 3]).SelectMany((c, count) =>
            Gen.Int[0, count - 1].Array[c.Region.Municipalities.Length].Select(picks =>
                c with
                {
                    Region = c.Region with
                    {
                        Municipalities = [.. c.Region.Municipalities.Select((m, i) => m with { Province = new ProvinceCode("PV" + (20 + (picks[i] * 4))) })],
                    },
                }));

    [Fact]
    public void Distribute_CrossBorderRegion_EveryPartMeetsTheNormsWhenItsRoomsAllowIt()
    {
        var infeasibleParts = 0;
        var perPart = 0;
        CrossBorder.Sample(c =>
        {
            Assert.Empty(Distribution.Validate(c.Region, c.Norms));
            var result = Distribution.Distribute(c.Region, c.Norms);
            var oracle = Oracle.Of(c.Region, c.Norms);
            var provinces = c.Region.Municipalities.Select(m => m.Province!.Value).Distinct().Count();
            Assert.Equal(provinces, result.Parts.Length);
            Assert.Equal(provinces >= 2, result.PlacedPerPart);

            // Targets sum to tasks; floors and rooms hold.
            foreach (var m in result.Municipalities)
            {
                var o = oracle.Municipalities[m.Code.Value];
                Assert.Equal(m.Task, m.Social + m.Middle + m.Free);
                Assert.True(m.Social >= o.FloorSocial && m.Middle >= o.FloorMiddle, $"{m.Code}: below a floor");
                Assert.True(m.Social + m.Middle <= o.Capacity, $"{m.Code}: above capacity");
                Assert.Equal(m.Social, m.FloorSocial + m.RegionalSocial);
                Assert.Equal(m.Middle, m.FloorMiddle + m.RegionalMiddle);
                if (o.SocialExempt)
                {
                    Assert.Equal(0, m.RegionalSocial);
                }

                if (o.MiddleExempt)
                {
                    Assert.Equal(0, m.RegionalMiddle);
                }
            }

            Assert.Equal(c.Region.Municipalities.Sum(m => m.Task), result.Task);
            Assert.Equal(result.Task, result.Parts.Sum(p => p.Task));
            if (!result.PlacedPerPart)
            {
                return;
            }

            Interlocked.Increment(ref perPart);
            foreach (var part in result.Parts)
            {
                var members = result.Municipalities.Where(m => m.Province == part.Province).ToList();
                var ms = members.Select(m => oracle.Municipalities[m.Code.Value]).ToList();
                var maxSocial = ms.Sum(o => (long)o.FloorSocial + o.SocialRoom);
                var maxAffordable = members.Sum(m =>
                {
                    var o = oracle.Municipalities[m.Code.Value];
                    return o.MiddleExempt ? (long)m.Social + o.FloorMiddle : o.Capacity;
                });
                Assert.Equal(Oracle.AtLeast(c.Norms.SocialShare.Value, part.Task), part.RequiredSocial);
                Assert.Equal(Oracle.AtLeast(c.Norms.AffordableShare.Value, part.Task), part.RequiredAffordable);
                Assert.True(part.Social >= Math.Min(part.RequiredSocial, maxSocial), $"{part.Province}: social {part.Social}, required {part.RequiredSocial}, max {maxSocial}");
                Assert.True(part.Affordable >= Math.Min(part.RequiredAffordable, maxAffordable), $"{part.Province}: affordable {part.Affordable}, required {part.RequiredAffordable}, max {maxAffordable}");
                var socialFinding = result.Findings.Where(f => f.Code == FindingCode.ProvincePartSocialShortfall && f.Message.Contains($"({part.Province.Value},", StringComparison.Ordinal)).ToList();
                var affordableFinding = result.Findings.Where(f => f.Code == FindingCode.ProvincePartAffordableShortfall && f.Message.Contains($"({part.Province.Value},", StringComparison.Ordinal)).ToList();
                Assert.Equal(part.SocialShortfall > 0 ? [part.SocialShortfall] : [], socialFinding.Select(f => f.Shortfall!.Value));
                Assert.Equal(part.AffordableShortfall > 0 ? [part.AffordableShortfall] : [], affordableFinding.Select(f => f.Shortfall!.Value));
                if (!part.MeetsNorms)
                {
                    Interlocked.Increment(ref infeasibleParts);
                }
            }

            // The region meets its norms whenever every part does, and its shortfalls are only the infeasible ones.
            if (result.Parts.All(p => p.MeetsNorms))
            {
                Assert.True(result.MeetsNorms);
            }

            Assert.True(result.Social >= Math.Min(oracle.RequiredSocial, oracle.MaxSocial));
            Assert.True(result.Affordable >= Math.Min(oracle.RequiredAffordable, oracle.MaxAffordable(result)));
        }, iter: Iterations, print: c => c.ToString() + "\n" + string.Join(" ", c.Region.Municipalities.Select(m => $"{m.Code}:{m.Province}")));

        Assert.True(perPart > Iterations / 4, $"only {perPart} regions across a border");
        Assert.True(infeasibleParts > 0, "no infeasible part was generated");
    }

    [Fact]
    public void Distribute_CrossBorderRegion_DoesNotDependOnInputOrder()
    {
        Gen.Select(CrossBorder, Gen.Int).Sample((c, seed) =>
        {
            var expected = Distribution.Distribute(c.Region, c.Norms);
            var shuffled = c.Region with { Municipalities = Shuffled(c.Region.Municipalities, seed) };
            var actual = Distribution.Distribute(shuffled, c.Norms);
            Assert.Equal(ScenarioWriter.WriteResult(expected), ScenarioWriter.WriteResult(actual));
            Assert.Equal(expected.Parts, actual.Parts);
        }, iter: Iterations / 3, print: t => t.ToString());
    }

    [Fact]
    public void Distribute_OneProvinceOrRegionOnly_GivesExactlyTodaysResult()
    {
        Gen.Select(RegionGen.Valid, Gen.Int[20, 31], CrossBorder).Sample((c, province, crossing) =>
        {
            var today = Distribution.Distribute(c.Region, c.Norms);
            var one = Distribution.Distribute(
                c.Region with { Municipalities = [.. c.Region.Municipalities.Select(m => m with { Province = new ProvinceCode("PV" + province) })] },
                c.Norms);
            Assert.False(one.PlacedPerPart);
            AssertSame(today, one);

            var withoutProvinces = crossing.Region with { Municipalities = [.. crossing.Region.Municipalities.Select(m => m with { Province = null })] };
            var regionOnly = Distribution.Distribute(crossing.Region with { Levels = DistributionLevels.Region }, crossing.Norms);
            AssertSame(Distribution.Distribute(withoutProvinces, crossing.Norms), regionOnly);
        }, iter: Iterations / 3, print: t => t.ToString());
    }

    /// <summary>The same totals, findings, targets, intermediate values and explanations (the parts may differ: they only report).</summary>
    private static void AssertSame(RegionDistribution expected, RegionDistribution actual)
    {
        Assert.Equal((expected.Social, expected.Middle, expected.RequiredSocial, expected.RequiredAffordable), (actual.Social, actual.Middle, actual.RequiredSocial, actual.RequiredAffordable));
        Assert.Equal(expected.Findings, actual.Findings);
        Assert.Equal(expected.Municipalities.Length, actual.Municipalities.Length);
        for (var i = 0; i < expected.Municipalities.Length; i++)
        {
            var e = expected.Municipalities[i];
            var a = actual.Municipalities[i];
            Assert.Equal(e with { Input = a.Input }, a);
            Assert.Equal(expected.Explain(e.Code).Select(s => s.ToString()), actual.Explain(a.Code).Select(s => s.ToString()));
        }
    }
}
