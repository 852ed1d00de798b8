using System.Globalization;
using CsCheck;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class ScenarioWriterTests
{
    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(RegionGen.Valid, Gen.Bool, Gen.Int[2000, 2040], Gen.Int[0, 15], (c, named, from, years) =>
        {
            var name = named ? $"Regio \"{from}\" – ë" : null;
            var region = c.Region with { Name = name ?? "Scenario" };
            return new Scenario(name, named ? new YearRange(from, from + years) : null, c.Norms, region);
        });

    [Fact]
    public void WriteInput_RandomScenario_ReadsBackToAnEqualDistribution()
    {
        Scenarios.Sample(scenario =>
        {
            var json = ScenarioWriter.WriteInput(scenario);

            var read = ScenarioReader.Read(json);

            Assert.True(read.IsValid, string.Join("; ", read.Errors));
            var back = read.Scenario!;
            Assert.Equal(scenario.Name, back.Name);
            Assert.Equal(scenario.Period, back.Period);
            Assert.Equal(scenario.Norms, back.Norms);
            Assert.Equal(scenario.Region.Key, back.Region.Key);
            Assert.Equal(scenario.Region.Name, back.Region.Name);
            Assert.Equal(scenario.Region.Municipalities.OrderBy(m => m.Code), back.Region.Municipalities);
            Assert.Equal(
                ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms)),
                ScenarioWriter.WriteResult(Distribution.Distribute(back.Region, back.Norms)));
            Assert.Equal(json, ScenarioWriter.WriteInput(back));
        }, iter: 500, print: s => ScenarioWriter.WriteInput(s));
    }

    [Fact]
    public void WriteInput_Foodvalley_ReadsBackToTheSameNumbers()
    {
        var scenario = ScenarioReader.Read(File.ReadAllText(DistributionTests.FoodvalleyPath)).Scenario!;

        var back = ScenarioReader.Read(ScenarioWriter.WriteInput(scenario)).Scenario!;

        Assert.Equal(NormSets.Law2026, back.Norms);
        Assert.Equal(
            ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms)),
            ScenarioWriter.WriteResult(Distribution.Distribute(back.Region, back.Norms)));
    }

    [Fact]
    public void WriteInput_ExemptionAndCommitment_AreWrittenExactly()
    {
        var m = Build.Municipality("GM0228", 7000, 52436, 11012, new SegmentCounts(300, 200, 1500), new Exemption(new Fraction(1, 5), null), new Commitment(2500, null));
        var scenario = new Scenario("Ede", null, NormSets.Law2026, new RegionInput("Ede", [m], DistributionKey.GapWeighted));

        var json = ScenarioWriter.WriteInput(scenario);

        Assert.Contains("\"socialFloor\": \"1/5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"affordableShare\": \"2/3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"gap-weighted\"", json, StringComparison.Ordinal);
        var back = ScenarioReader.Read(json).Scenario!;
        Assert.Equal(m, Assert.Single(back.Region.Municipalities));
    }

    [Fact]
    public void WriteResult_Foodvalley_WritesStockShareWithFourDecimals()
    {
        var result = Distribution.Distribute(DistributionTests.Foodvalley(), NormSets.Law2026);

        var json = ScenarioWriter.WriteResult(result);

        Assert.Contains("\"stockShare\": 0.2100", json, StringComparison.Ordinal);
        Assert.Contains("\"stockShare\": 0.0000", json, StringComparison.Ordinal);
        Assert.Contains("⌈", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void WriteResult_UnderAnotherCulture_WritesTheSameDocument(string culture)
    {
        var scenario = ScenarioReader.Read(File.ReadAllText(DistributionTests.FoodvalleyPath)).Scenario!;
        var expected = ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            var again = ScenarioReader.Read(File.ReadAllText(DistributionTests.FoodvalleyPath)).Scenario!;
            var actual = ScenarioWriter.WriteResult(Distribution.Distribute(again.Region, again.Norms));

            Assert.Equal(expected, actual);
            Assert.Contains("\"stockShare\": 0.2100", actual, StringComparison.Ordinal);
            Assert.Equal(Fraction.Parse("0.3"), new Fraction(3, 10));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
