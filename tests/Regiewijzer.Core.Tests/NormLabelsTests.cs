using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>A value is labelled verified only when it names an article of a law or decree.</summary>
public class NormLabelsTests
{
    public static TheoryData<string, Confidence, string?> Catalogue()
    {
        var data = new TheoryData<string, Confidence, string?>();
        foreach (var p in NormSets.Default.Parameters)
        {
            data.Add(p.Key, p.Confidence, p.Article);
        }

        foreach (var p in new[] { WarningThresholdSets.Default.OnTrack, WarningThresholdSets.Default.Attention, WarningThresholdSets.Default.Behind })
        {
            data.Add(p.Key, p.Confidence, p.Article);
        }

        foreach (var l in PriceLimitTable.All)
        {
            data.Add($"prijsgrenzen {l.Year}", l.Confidence, l.Article);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Catalogue_VerifiedOnlyWithAnArticle(string key, Confidence confidence, string? article)
    {
        Assert.True(Confidences.MayClaim(confidence, article), $"{key} is labelled verified without an article of a law or decree");
    }

    [Fact]
    public void NormParameter_VerifiedWithoutArticle_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NormParameter("x", "x", Fraction.One, "bron", Confidence.Verified));
        Assert.Throws<ArgumentException>(() => new NormParameter("x", "x", Fraction.One, "bron", Confidence.Verified, Article: " "));
        Assert.Throws<ArgumentException>(() => new PriceLimits(2030, 1m, 2m, 3m, "bron", Confidence.Verified));
        Assert.Equal("Omgevingswet art. 2.33", new NormParameter("x", "x", Fraction.One, "bron", Confidence.Verified, Article: "Omgevingswet art. 2.33").Article);
    }

    [Fact]
    public void Law2026_NothingClaimsVerifiedAndTheMunicipalRulesAreAssumptions()
    {
        var set = NormSets.Law2026;

        Assert.DoesNotContain(set.Parameters, p => p.Confidence == Confidence.Verified);
        Assert.Equal(
            [Confidence.Assumption, Confidence.Assumption, Confidence.Assumption],
            new[] { set.LaggingThreshold.Confidence, set.SocialFloor.Confidence, set.MiddleFloor.Confidence });
        Assert.Contains("alle corporatiewoningen", set.StockMetric, StringComparison.Ordinal);
        Assert.Contains("DAEB", set.StockMetric, StringComparison.Ordinal);
    }
}
