using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests;

/// <summary>Findings and signals of domain.md section 6.</summary>
public class RegionFindingsTests
{
    /// <summary>Two social-lagging municipalities that meet every norm tried here without a signal.</summary>
    private static RegionInput Plain => Region(
        Municipality("GM0001", 1000, 1000, 100),
        Municipality("GM0002", 1000, 1000, 200));

    [Theory]
    [InlineData("affordableShare", "3/4")]
    [InlineData("socialShare", "2/5")]
    [InlineData("socialFloor", "2/5")]
    [InlineData("middleFloor", "1/2")]
    public void For_NormStricterThanTheLaw_ReportsOneProvinceExtraRequirement(string key, string value)
    {
        var norms = NormsWith((key, value));

        var result = Distribute(Plain, norms);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCode.ProvinceExtraRequirement, finding.Code);
        Assert.Equal("PROVINCE_EXTRA_REQUIREMENT", finding.CodeText);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Null(finding.Municipality);
        Assert.Null(finding.Shortfall);
        Assert.Contains(key, finding.Rule, StringComparison.Ordinal);
        Assert.Contains("strengere waarde berekend", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_StricterNorms_AreUsedInTheDistribution()
    {
        var region = Region(
            Municipality("GM0001", 1000, 1000, 100),
            Municipality("GM0002", 1000, 1000, 500),
            Municipality("GM0003", 2000, 1000, 200));

        var result = Distribute(region, NormsWith(("affordableShare", "3/4"), ("socialShare", "2/5"), ("socialFloor", "2/5"), ("middleFloor", "1/2")));

        Assert.Equal(
            Enumerable.Repeat(FindingCode.ProvinceExtraRequirement, 4),
            result.Findings.Select(f => f.Code));
        Assert.Equal(1600, result.RequiredSocial); // 2/5 of 4000
        Assert.Equal(3000, result.RequiredAffordable); // 3/4 of 4000
        Assert.Equal(400, result.Of("GM0001").FloorSocial); // 2/5 of 1000
        Assert.Equal(500, result.Of("GM0002").FloorMiddle); // 1/2 of 1000
        Assert.Equal(800, result.Of("GM0003").FloorSocial);
        Assert.Equal(1600, result.Social);
        Assert.Equal(3000, result.Affordable);
        Assert.True(result.MeetsNorms);
    }

    [Theory]
    [InlineData("affordableShare", "2/3")]
    [InlineData("affordableShare", "0.6")]
    [InlineData("socialShare", "0.3")]
    [InlineData("socialShare", "1/4")]
    [InlineData("socialFloor", "1/5")]
    [InlineData("middleFloor", "0.4")]
    [InlineData("laggingThreshold", "2/5")]
    [InlineData("laggingThreshold", "1/5")]
    [InlineData("highSocialSignal", "3/4")]
    public void For_NormAtOrBelowTheLawOrNotAStatutoryShare_ReportsNothing(string key, string value)
    {
        var result = Distribute(Plain, NormsWith((key, value)));

        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCode.ProvinceExtraRequirement);
    }

    [Theory]
    [InlineData(5, false)] // exactly 1/2 of the task: no signal
    [InlineData(6, true)] // more than 1/2
    [InlineData(4, false)]
    [InlineData(10, true)]
    public void For_SocialShareOfTask_SignalsOnlyStrictlyAboveHalf(int commitSocial, bool signal)
    {
        // One social-lagging municipality, N = 10: RS = 3 is met by the floor, so social = the commitment.
        var result = Distribute(Municipality("GM0042", 10, 1000, 100, commitment: new Commitment(commitSocial, null)));

        Assert.Equal(commitSocial, result.Of("GM0042").Social);
        var signals = result.Findings.Where(f => f.Code == FindingCode.HighSocialShare).ToList();
        if (signal)
        {
            var finding = Assert.Single(signals);
            Assert.Equal(Severity.Signal, finding.Severity);
            Assert.Equal("GM0042", finding.Municipality?.Value);
            Assert.Equal("HIGH_SOCIAL_SHARE", finding.CodeText);
            Assert.Contains("Geen wettelijke norm", finding.LegalBasis, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(signals);
        }
    }

    [Fact]
    public void For_SignalLevel_IsAParameter()
    {
        var region = Region(Municipality("GM0042", 10, 1000, 100, commitment: new Commitment(4, null)));

        Assert.DoesNotContain(Distribute(region).Findings, f => f.Code == FindingCode.HighSocialShare);
        Assert.Contains(Distribute(region, NormsWith(("highSocialSignal", "1/3"))).Findings, f => f.Code == FindingCode.HighSocialShare);
    }

    [Fact]
    public void For_ShortfallOnlyBecauseOfAnExemption_ReportsExemptionNotAbsorbed()
    {
        // One social-lagging municipality, exempted to floor 0: it gets no regional share, nobody absorbs RS = 30.
        var result = Distribute(Municipality("GM0001", 100, 1000, 100, exemption: new Exemption(Fraction.Zero, null)));

        Assert.Equal(0, result.Social);
        Assert.Equal(
            [FindingCode.RegionSocialShortfall, FindingCode.ExemptionNotAbsorbed],
            result.Findings.Select(f => f.Code));
        var notAbsorbed = result.Findings[1];
        Assert.Equal(30, notAbsorbed.Shortfall);
        Assert.Equal("GM0001", notAbsorbed.Municipality?.Value);
        Assert.Equal(Severity.Warning, notAbsorbed.Severity);
        Assert.Equal(30, result.Findings[0].Shortfall);
    }

    [Fact]
    public void For_ExemptionPartlyAbsorbed_ReportsTheDifference()
    {
        // GM0001 is all contracted free (no room). GM0002 (N = 10) is exempted at the statutory fraction: floor 3, room 0.
        // RS = ceil(0.3 * 110) = 33. With the exemption social = 3 (short 30); without it GM0002 could take 10 (short 23).
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 500, new SegmentCounts(0, 0, 100)),
            Municipality("GM0002", 10, 1000, 100, exemption: new Exemption(new Fraction(3, 10), null)));

        Assert.Equal(30, result.SocialShortfall);
        var finding = Assert.Single(result.Findings, f => f.Code == FindingCode.ExemptionNotAbsorbed && f.Message.Contains("sociale huur", StringComparison.Ordinal));
        Assert.Equal(7, finding.Shortfall);
    }

    [Fact]
    public void For_ExemptionAbsorbedByOthers_ReportsNothing()
    {
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 100, exemption: new Exemption(Fraction.Zero, null)),
            Municipality("GM0002", 200, 1000, 100));

        Assert.True(result.MeetsNorms);
        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Of("GM0001").Social);
        Assert.Equal(90, result.Of("GM0002").Social);
    }

    [Fact]
    public void For_ShortfallNotCausedByTheExemption_ReportsNoExemptionFinding()
    {
        // GM0002's commitment keeps its floor at 10 with or without the exemption, and it has no room either way.
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 500, new SegmentCounts(0, 0, 100)),
            Municipality("GM0002", 10, 1000, 100, exemption: new Exemption(new Fraction(1, 10), null), commitment: new Commitment(10, null)));

        Assert.Equal(23, result.SocialShortfall);
        Assert.Contains(result.Findings, f => f.Code == FindingCode.RegionSocialShortfall);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCode.ExemptionNotAbsorbed);
    }

    [Fact]
    public void For_IneffectiveExemption_IsNotBlamed()
    {
        // Middle-lagging with a social exemption (no effect); the region falls short because of contracted free homes.
        var result = Distribute(
            Municipality("GM0001", 100, 1000, 500, new SegmentCounts(0, 0, 90), new Exemption(Fraction.Zero, null)));

        Assert.False(result.MeetsNorms);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCode.ExemptionNotAbsorbed);
    }

    [Fact]
    public void For_ManyFindings_AreInAStableOrderWhateverTheInputOrder()
    {
        // Contracted free homes cause both shortfalls; GM0003's exemption leaves part of RS unplaced; two municipalities carry
        // more than half of their task as social rent; two norms are stricter than the law.
        var municipalities = Region(
            Municipality("GM0005", 10, 1000, 100, commitment: new Commitment(8, null)),
            Municipality("GM0001", 200, 1000, 500, new SegmentCounts(0, 0, 200)),
            Municipality("GM0003", 100, 1000, 100, exemption: new Exemption(Fraction.Zero, null)),
            Municipality("GM0002", 10, 1000, 100, commitment: new Commitment(9, null)),
            Municipality("GM0004", 20, 1000, 100)).Municipalities;
        var norms = NormsWith(("socialShare", "1/3"), ("middleFloor", "1/2"));

        var expected = new[]
        {
            (FindingCode.RegionSocialShortfall, (string?)null),
            (FindingCode.RegionAffordableShortfall, null),
            (FindingCode.ExemptionNotAbsorbed, "GM0003"),
            (FindingCode.ProvinceExtraRequirement, null),
            (FindingCode.ProvinceExtraRequirement, null),
            (FindingCode.HighSocialShare, "GM0002"),
            (FindingCode.HighSocialShare, "GM0004"),
            (FindingCode.HighSocialShare, "GM0005"),
        };
        string? first = null;
        for (var seed = 0; seed < 20; seed++)
        {
            var result = Distribute(new RegionInput("Testregio", Shuffled(municipalities, seed)), norms);

            Assert.Equal(expected, result.Findings.Select(f => (f.Code, f.Municipality?.Value)));
            var provinceRules = result.Findings.Where(f => f.Code == FindingCode.ProvinceExtraRequirement).Select(f => f.Rule).ToList();
            Assert.StartsWith("socialShare", provinceRules[0], StringComparison.Ordinal);
            Assert.StartsWith("middleFloor", provinceRules[1], StringComparison.Ordinal);
            var text = string.Join("\n", result.Findings.Select(f => $"{f.CodeText} {f.Municipality} {f.Shortfall} {f.Message}"));
            first ??= text;
            Assert.Equal(first, text);
        }
    }
}
