using System.Collections.Immutable;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class ForecastParametersTests
{
    private static readonly ForecastParameters Default = ForecastParameterSets.Default;

    [Fact]
    public void Default_EveryParameterHasSourceConfidenceAndNote()
    {
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "3", "4a", "4b", "contracted"], Default.All.Select(p => p.Key));
        Assert.All(Default.All, p =>
        {
            Assert.Equal(Confidence.Assumption, p.Confidence);
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.False(string.IsNullOrWhiteSpace(p.Note));
            Assert.Equal(Fraction.One, p.Delay.Aggregate(Fraction.Zero, (a, b) => a + b));
        });
        Assert.Contains("130%", Default.ByStatus[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_HardPlansAreLikelierAndQuickerThanSoftOnes()
    {
        var probabilities = Default.ByStatus.Select(p => p.RealisationProbability).ToArray();
        var delays = Default.ByStatus.Select(p => p.MeanDelay).ToArray();

        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.Equal(delays.Order(), delays);
        Assert.Equal(Fraction.One, Default.Contracted.RealisationProbability);
    }

    /// <summary>
    /// With the national mix around 2021 (31% hard, 69% soft; hard split 12/10/9, soft evenly) the
    /// defaults realise about 100/130 = 76.9% of all plan capacity: the 130% rule of thumb.
    /// </summary>
    [Fact]
    public void Default_NationalMix_RealisesAboutOneOver1Point3()
    {
        int[] mixPercent = [12, 10, 9, 14, 14, 14, 14, 13];

        var realised = Default.ByStatus.Select((p, i) => p.RealisationProbability * mixPercent[i]).Aggregate(Fraction.Zero, (a, b) => a + b) / 100;

        Assert.InRange(realised.ToDouble(), 0.76, 0.78);
    }

    [Fact]
    public void For_ContractedPlan_UsesTheContractedParameter()
    {
        Assert.Same(Default.Contracted, Default.For(PlanningStatus.Idea, contracted: true));
        Assert.Same(Default.ByStatus[2], Default.For(PlanningStatus.Draft, contracted: false));
    }

    [Theory]
    [InlineData("3/2", new[] { "1" })]
    [InlineData("1", new[] { "1/2" })]
    [InlineData("1", new[] { "3/2", "-1/2" })]
    [InlineData("1", new string[0])]
    public void ForecastParameter_Invalid_Throws(string probability, string[] delay)
    {
        Assert.Throws<ArgumentException>(() => new ForecastParameter("x", "x", Parse(probability), [.. delay.Select(Parse)], "test", Confidence.Assumption));
    }

    [Fact]
    public void ForecastParameter_TooLongDelay_Throws()
    {
        var delay = Enumerable.Repeat(Fraction.Zero, ForecastParameter.MaxDelayYears + 1).Append(Fraction.One);

        Assert.Throws<ArgumentException>(() => new ForecastParameter("x", "x", Fraction.One, [.. delay], "test", Confidence.Assumption));
    }

    [Fact]
    public void ForecastParameters_WrongKeysOrAWithCopy_Throw()
    {
        Assert.Throws<ArgumentException>(() => (Default with { ByStatus = Default.ByStatus.RemoveAt(0) }).Validate());
        Assert.Throws<ArgumentException>(() => new ForecastParameters("x", "x", Default.ByStatus.Reverse().ToImmutableArray(), Default.Contracted));
        var bad = Default with { Contracted = Default.Contracted with { RealisationProbability = new Fraction(2, 1) } };
        Assert.Throws<ArgumentException>(() => Forecast.Run(new ForecastInput(2026, 2030, SegmentHomes.Zero, [], bad)));
    }

    private static Fraction Parse(string text) =>
        text.StartsWith('-') ? -Fraction.Parse(text[1..]) : Fraction.Parse(text);
}
