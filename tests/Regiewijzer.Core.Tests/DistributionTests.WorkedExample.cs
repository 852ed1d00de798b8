using System.Globalization;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests;

/// <summary>The worked example of domain.md section 5 (Regio Foodvalley), number for number.</summary>
public partial class DistributionTests
{
    internal static readonly string FoodvalleyPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "foodvalley-2022-2030.json");

    /// <summary>Stock, social stock and task as stated in domain.md.</summary>
    internal static RegionInput Foodvalley(DistributionKey key = DistributionKey.Proportional) => Region(
        key,
        Municipality("GM0203", 5380, 24148, 4588) with { Name = "Barneveld" },
        Municipality("GM0228", 7000, 52436, 11012) with { Name = "Ede" },
        Municipality("GM0267", 3857, 18345, 4219) with { Name = "Nijkerk" },
        Municipality("GM0279", 841, 4226, 718) with { Name = "Scherpenzeel" },
        Municipality("GM0289", 2750, 18856, 7542) with { Name = "Wageningen" },
        Municipality("GM0339", 324, 2195, 0) with { Name = "Renswoude" },
        Municipality("GM0340", 431, 8404, 2269) with { Name = "Rhenen" },
        Municipality("GM0345", 4800, 29786, 9234) with { Name = "Veenendaal" });

    /// <summary>The table of domain.md: code, N, s, lagging, floor S/M, regional S/M, social, middle, free.</summary>
    public static TheoryData<string, int, string, LaggingSegment, int, int, int, int, int, int, int> FoodvalleyTable => new()
    {
        { "GM0203", 5380, "0.190", LaggingSegment.Social, 1614, 0, 479, 1333, 2093, 1333, 1954 },
        { "GM0228", 7000, "0.210", LaggingSegment.Social, 2100, 0, 624, 1734, 2724, 1734, 2542 },
        { "GM0267", 3857, "0.230", LaggingSegment.Social, 1158, 0, 344, 955, 1502, 955, 1400 },
        { "GM0279", 841, "0.170", LaggingSegment.Social, 253, 0, 75, 208, 328, 208, 305 },
        { "GM0289", 2750, "0.400", LaggingSegment.Middle, 0, 1100, 245, 681, 245, 1781, 724 },
        { "GM0339", 324, "0.000", LaggingSegment.Social, 98, 0, 29, 80, 127, 80, 117 },
        { "GM0340", 431, "0.270", LaggingSegment.Social, 130, 0, 38, 107, 168, 107, 156 },
        { "GM0345", 4800, "0.310", LaggingSegment.Middle, 0, 1920, 428, 1189, 428, 3109, 1263 },
    };

    [Theory]
    [MemberData(nameof(FoodvalleyTable))]
    public void Distribute_Foodvalley_ReproducesTheTableOfTheDomain(
        string code, int task, string stockShare, LaggingSegment lagging,
        int floorSocial, int floorMiddle, int regionalSocial, int regionalMiddle, int social, int middle, int free)
    {
        var m = Distribute(Foodvalley()).Of(code);

        Assert.Equal(task, m.Task);
        Assert.Equal(stockShare, m.StockShare.ToDecimal(3).ToString("0.000", CultureInfo.InvariantCulture));
        Assert.Equal(lagging, m.Lagging);
        Assert.Equal((floorSocial, floorMiddle), (m.FloorSocial, m.FloorMiddle));
        Assert.Equal((regionalSocial, regionalMiddle), (m.RegionalSocial, m.RegionalMiddle));
        Assert.Equal((social, middle, free), (m.Social, m.Middle, m.Free));
    }

    [Fact]
    public void Distribute_Foodvalley_RegionMeetsBothNormsExactly()
    {
        var result = Distribute(Foodvalley());

        Assert.Equal(25383, result.Task);
        Assert.Equal(7615, result.RequiredSocial);
        Assert.Equal(16922, result.RequiredAffordable);
        Assert.Equal(7615, result.Social);
        Assert.Equal(16922, result.Affordable);
        Assert.Equal(16922 - 7615, result.Middle);
        Assert.True(result.MeetsNorms);
        Assert.Empty(result.Findings);
        Assert.Equal(["GM0203", "GM0228", "GM0267", "GM0279", "GM0289", "GM0339", "GM0340", "GM0345"], result.Municipalities.Select(m => m.Code.Value));
    }

    [Theory]
    [InlineData("GM0203", 2296)]
    [InlineData("GM0228", 2988)]
    [InlineData("GM0267", 1647)]
    [InlineData("GM0279", 360)]
    [InlineData("GM0339", 139)]
    [InlineData("GM0340", 185)]
    [InlineData("GM0289", 0)]
    [InlineData("GM0345", 0)]
    public void Distribute_FoodvalleyLaggingFirst_LaggingMunicipalitiesCarryAllExtraSocial(string code, int social)
    {
        var result = Distribute(Foodvalley(DistributionKey.LaggingFirst));

        var m = result.Of(code);
        Assert.Equal(social, m.Social);
        if (m.Lagging == LaggingSegment.Middle)
        {
            Assert.Equal(0, m.RegionalSocial);
        }

        Assert.Equal(7615, result.Social);
        Assert.Equal(16922, result.Affordable);
        Assert.True(result.MeetsNorms);
    }

    [Fact]
    public void Distribute_FoodvalleyLaggingFirst_AsksAbout43PercentOfTheLaggingMunicipalities()
    {
        var result = Distribute(Foodvalley(DistributionKey.LaggingFirst));

        var lagging = result.Municipalities.Where(m => m.Lagging == LaggingSegment.Social).ToList();
        var share = new Fraction(lagging.Sum(m => m.Social), lagging.Sum(m => m.Task));
        Assert.InRange(share.ToDouble(), 0.425, 0.435);
        Assert.All(lagging, m => Assert.InRange(new Fraction(m.Social, m.Task).ToDouble(), 0.42, 0.44));
    }

    [Fact]
    public void Distribute_FoodvalleyGapWeighted_MeetsBothNorms()
    {
        var result = Distribute(Foodvalley(DistributionKey.GapWeighted));

        Assert.Equal(7615, result.Social);
        Assert.Equal(16922, result.Affordable);
        Assert.All(result.Municipalities.Where(m => m.Lagging == LaggingSegment.Middle), m => Assert.Equal(0, m.RegionalSocial));
        Assert.True(result.Of("GM0339").RegionalSocial > result.Of("GM0340").RegionalSocial * 324 / 431, "the largest gap gets the most per home");
    }

    [Fact]
    public void Read_FoodvalleyScenarioFile_IsTheInputOfTheDomain()
    {
        var read = ScenarioReader.Read(File.ReadAllText(FoodvalleyPath));

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var scenario = read.Scenario!;
        Assert.Equal(NormSets.Law2026, scenario.Norms);
        Assert.Equal("Regio Foodvalley 2022-2030", scenario.Name);
        Assert.Equal((2022, 2030), (scenario.Period!.From, scenario.Period.To));
        Assert.Equal(DistributionKey.Proportional, scenario.Region.Key);
        Assert.Equal(Foodvalley().Municipalities, scenario.Region.Municipalities.OrderBy(m => m.Code));
        Assert.Equal(ScenarioWriter.WriteResult(Distribute(Foodvalley()) with { Name = scenario.Region.Name }), ScenarioWriter.WriteResult(Distribute(scenario.Region)));
    }

    [Fact]
    public void Explain_FoodvalleyEde_ShowsEveryStepWithItsNumbers()
    {
        var result = Distribute(Foodvalley());

        var steps = result.Explain(result.Of("GM0228").Code);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], steps.Select(s => s.Number));
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Rule)));
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
        Assert.Contains("2.100", steps[3].Text, StringComparison.Ordinal);
        Assert.Contains("7.615", steps[4].Text, StringComparison.Ordinal);
        Assert.Contains("2.724", steps[6].Text, StringComparison.Ordinal);
        Assert.Contains("6.742", steps[7].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_StepWrittenAsOneLine_IsTheStepOfItsMembers()
    {
        var result = Distribute(Foodvalley());

        foreach (var written in result.Explain(result.Of("GM0228").Code))
        {
            var made = new ExplanationStep(written.Number, written.Title, written.Text, written.Values, written.Rule, written.Source);
            Assert.Equal(made, written);
            Assert.Equal(made.GetHashCode(), written.GetHashCode());
            Assert.Equal($"{made.Number}. {made.Title}: {made.Text} (regel: {made.Rule}; bron: {made.Source})", written.ToString());
            Assert.Equal(made.ToString(), written.ToString());

            var changed = written with { Title = "Anders" };
            Assert.Equal(written.Text, changed.Text);
            Assert.Equal($"{written.Number}. Anders: {written.Text} (regel: {written.Rule}; bron: {written.Source})", changed.ToString());
            Assert.NotEqual(written, changed);
            Assert.Equal(written, changed with { Title = written.Title });
        }
    }
}
