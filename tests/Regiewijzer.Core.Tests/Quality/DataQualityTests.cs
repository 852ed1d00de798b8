using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Quality;
using Xunit;

namespace Regiewijzer.Core.Tests.Quality;

public class DataQualityTests
{
    private static QualityFacts Plain(string code = "GM0001", int stock = 10_000, int social = 2_500) =>
        new(new MunicipalityCode(code), "Voorbeeld", 2024, stock, social, EarlierYear: 2022, EarlierStock: stock - 200, Task: 900, TaskYears: 9);

    [Fact]
    public void Check_PlausibleInputs_NoFindings()
    {
        Assert.Empty(DataQuality.Check([Plain()]));
    }

    [Theory]
    [InlineData(0, true)] // Renswoude, Ameland: 0%
    [InlineData(200, true)] // Opmeer: 2%
    [InlineData(299, true)]
    [InlineData(300, false)] // exactly 3%: not flagged
    [InlineData(2_500, false)]
    public void Check_CorporationShare_FlaggedBelowTheThreshold(int social, bool flagged)
    {
        var findings = DataQuality.Check([Plain(social: social)]);

        Assert.Equal(flagged, findings.Any(f => f.Code == DataQualityCode.LowCorporationShare));
        if (flagged)
        {
            var f = Assert.Single(findings);
            Assert.Equal(("STOCK_SHARE_IMPLAUSIBLE", "Onwaarschijnlijk laag aandeel corporatiewoningen"), (f.CodeText, f.Title));
            Assert.Contains("10.000", f.Message, StringComparison.Ordinal);
            Assert.True(f.AffectsDistribution);
        }
    }

    [Fact]
    public void Check_CorrectedSocialStock_IsNotFlaggedAgain()
    {
        Assert.Empty(DataQuality.Check([Plain(social: 0) with { SocialCorrected = true }]));
    }

    [Theory]
    [InlineData(9_000, 10_000, true)] // 1.000 / 9.000 / 2 years = 5,6% a year
    [InlineData(9_100, 10_000, false)] // 4,9% a year
    [InlineData(10_000, 10_000, false)]
    [InlineData(11_500, 10_000, true)] // shrinks 6,5% a year
    public void Check_StockJump_FlaggedAboveFivePercentAYear(int earlier, int now, bool flagged)
    {
        var findings = DataQuality.Check([Plain(stock: now) with { EarlierStock = earlier }]);

        Assert.Equal(flagged, findings.Any(f => f.Code == DataQualityCode.StockJump));
    }

    [Theory]
    [InlineData(3_600, false)] // exactly 4% a year of 10.000 over 9 years
    [InlineData(3_601, true)]
    public void Check_TaskAboveGrowthCapacity(int task, bool flagged)
    {
        var findings = DataQuality.Check([Plain() with { Task = task }]);

        Assert.Equal(flagged, findings.Any(f => f.Code == DataQualityCode.TaskAboveGrowthCapacity));
    }

    [Fact]
    public void Check_NoRegion_IsAFindingThatDoesNotAffectTheDistribution()
    {
        var f = Assert.Single(DataQuality.Check([Plain() with { InRegion = false, Task = null }]));

        Assert.Equal((DataQualityCode.NoRegion, "MUNICIPALITY_WITHOUT_REGION", false), (f.Code, f.CodeText, f.AffectsDistribution));
    }

    [Fact]
    public void Check_Order_ByCodeThenMunicipality()
    {
        var findings = DataQuality.Check([Plain("GM0003", social: 0) with { InRegion = false }, Plain("GM0002", social: 0)]);

        Assert.Equal(
            [(DataQualityCode.LowCorporationShare, "GM0002"), (DataQualityCode.LowCorporationShare, "GM0003"), (DataQualityCode.NoRegion, "GM0003")],
            findings.Select(f => (f.Code, f.Municipality.Value)));
    }
}
