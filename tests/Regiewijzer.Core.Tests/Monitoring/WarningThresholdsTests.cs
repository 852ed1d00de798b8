using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>Tier boundaries with exact fractions: exactly at a threshold is the better tier.</summary>
public class WarningThresholdsTests
{
    private static readonly WarningThresholds Default = WarningThresholdSets.Default;

    [Theory]
    [InlineData(100, 100, WarningTier.OnTrack)]
    [InlineData(150, 100, WarningTier.OnTrack)]
    [InlineData(95, 100, WarningTier.OnTrack)]
    [InlineData(19, 20, WarningTier.OnTrack)]
    [InlineData(94_999, 100_000, WarningTier.Attention)]
    [InlineData(94, 100, WarningTier.Attention)]
    [InlineData(85, 100, WarningTier.Attention)]
    [InlineData(17, 20, WarningTier.Attention)]
    [InlineData(84_999, 100_000, WarningTier.Behind)]
    [InlineData(75, 100, WarningTier.Behind)]
    [InlineData(3, 4, WarningTier.Behind)]
    [InlineData(74_999, 100_000, WarningTier.SeriouslyBehind)]
    [InlineData(0, 100, WarningTier.SeriouslyBehind)]
    [InlineData(0, 0, WarningTier.OnTrack)]
    [InlineData(5, 0, WarningTier.OnTrack)]
    public void TierOf_RealisedAgainstDue_IsTheTierOfTheExactRatio(int realised, int due, WarningTier tier)
    {
        Assert.Equal(tier, Default.TierOf(realised, due));
    }

    [Fact]
    public void TierOf_OneHomeShortAtEachThreshold_DropsATier()
    {
        // Due 2,000: 95% = 1,900, 85% = 1,700, 75% = 1,500 homes.
        Assert.Equal(WarningTier.OnTrack, Default.TierOf(1900, 2000));
        Assert.Equal(WarningTier.Attention, Default.TierOf(1899, 2000));
        Assert.Equal(WarningTier.Attention, Default.TierOf(1700, 2000));
        Assert.Equal(WarningTier.Behind, Default.TierOf(1699, 2000));
        Assert.Equal(WarningTier.Behind, Default.TierOf(1500, 2000));
        Assert.Equal(WarningTier.SeriouslyBehind, Default.TierOf(1499, 2000));
    }

    [Fact]
    public void Default_IsLabelledLawAsData()
    {
        NormParameter[] all = [Default.OnTrack, Default.Attention, Default.Behind];

        Assert.Equal([new Fraction(95, 100), new Fraction(85, 100), new Fraction(75, 100)], all.Select(p => p.Value));
        Assert.All(all, p =>
        {
            Assert.Equal(Confidence.Assumption, p.Confidence);
            Assert.Contains("Housing Delivery Test", p.Source, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(p.Note));
        });
    }

    [Fact]
    public void WarningThresholds_OutOfOrder_Throws()
    {
        var high = Default.Attention with { Value = new Fraction(96, 100) };

        Assert.Throws<ArgumentException>(() => new WarningThresholds("x", "x", Default.OnTrack, high, Default.Behind));
        Assert.Throws<ArgumentException>(() => (Default with { Attention = high }).Validate());
    }

    [Fact]
    public void TierOf_CustomThresholds_AreUsed()
    {
        var strict = Default with { OnTrack = Default.OnTrack with { Value = Fraction.One } };

        Assert.Equal(WarningTier.Attention, strict.TierOf(99, 100));
    }
}
