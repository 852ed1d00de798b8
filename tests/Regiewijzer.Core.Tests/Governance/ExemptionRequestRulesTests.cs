using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class ExemptionRequestRulesTests
{
    private static readonly string Grounds = "De woningmarkt in de kern vraagt vooral middenhuur.";

    [Theory]
    [InlineData(ExemptionFloor.Social, "0", true)]
    [InlineData(ExemptionFloor.Social, "1/5", true)]
    [InlineData(ExemptionFloor.Social, "29/100", true)]
    [InlineData(ExemptionFloor.Social, "3/10", false)]
    [InlineData(ExemptionFloor.Social, "2/5", false)]
    [InlineData(ExemptionFloor.Social, "-1/10", false)]
    [InlineData(ExemptionFloor.Middle, "3/10", true)]
    [InlineData(ExemptionFloor.Middle, "39/100", true)]
    [InlineData(ExemptionFloor.Middle, "2/5", false)]
    [InlineData(ExemptionFloor.Middle, "1/2", false)]
    public void Check_RequestedFloor_MustLieBelowTheNormFloor(ExemptionFloor floor, string requested, bool valid)
    {
        var problems = ExemptionRequestRules.Check(Parse(requested), floor, NormSets.Default, Grounds);

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void Check_NegativeFloor_SaysWhyInDutch()
    {
        var problem = Assert.Single(ExemptionRequestRules.Check(-new Fraction(1, 10), ExemptionFloor.Middle, NormSets.Default, Grounds));

        Assert.Equal("De gevraagde ondergrens voor middensegment kan niet negatief zijn (-10,0%).", problem);
    }

    [Fact]
    public void Check_FloorAtTheNorm_SaysWhyInDutch()
    {
        var problem = Assert.Single(ExemptionRequestRules.Check(Fraction.Parse("3/10"), ExemptionFloor.Social, NormSets.Default, Grounds));

        Assert.Equal("De gevraagde ondergrens voor sociale huur (30,0%) moet lager zijn dan de ondergrens van de norm (30,0%); een ontheffing verlaagt de ondergrens.", problem);
    }

    [Fact]
    public void Check_StricterNormSet_UsesItsFloor()
    {
        var norms = Build.NormsWith(("middleFloor", "1/2"));

        Assert.Empty(ExemptionRequestRules.Check(Fraction.Parse("9/20"), ExemptionFloor.Middle, norms, Grounds));
    }

    [Theory]
    [InlineData(null, "ontbreekt")]
    [InlineData("   ", "ontbreekt")]
    [InlineData("Te weinig grond", "te kort: 15 tekens, minstens 20")]
    [InlineData("   Zeventien tekens!   ", "te kort: 17 tekens")]
    public void Check_ShortGrounds_IsAProblem(string? grounds, string expected)
    {
        var problem = Assert.Single(ExemptionRequestRules.Check(Fraction.Parse("1/5"), ExemptionFloor.Social, NormSets.Default, grounds));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.StartsWith("De onderbouwing", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void Check_GroundsLength_From20To4000(int length, bool valid)
    {
        var problems = ExemptionRequestRules.Check(Fraction.Parse("1/5"), ExemptionFloor.Social, NormSets.Default, new string('x', length));

        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Contains("te lang: 4.001 tekens, hoogstens 4.000", problems[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_EverythingWrong_ListsEveryProblem()
    {
        Assert.Equal(2, ExemptionRequestRules.Check(-Fraction.One, ExemptionFloor.Middle, NormSets.Default, "kort").Count);
    }

    private static Fraction Parse(string text) => text.StartsWith('-') ? -Fraction.Parse(text[1..]) : Fraction.Parse(text);
}
