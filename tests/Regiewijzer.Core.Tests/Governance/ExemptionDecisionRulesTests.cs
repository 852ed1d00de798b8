using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

/// <summary>The rules of a decision on an exemption request, without a database: every problem with its field and Dutch reason.</summary>
public class ExemptionDecisionRulesTests
{
    private const string Reasoning = "De kern heeft aantoonbaar meer vraag naar middenhuur.";
    private const string Region = "Regio Foodvalley";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_ReasonedDecisionWithoutOpenVersion_HasNoProblems(bool granted)
    {
        Assert.Empty(ExemptionDecisionRules.Check(granted, Reasoning, open: null, Region));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   te kort   ", 7)]
    [InlineData("negentien tekens!!!", 19)]
    public void Check_ReasoningShorterThan20_SaysHowLongItIs(string? reasoning, int length)
    {
        var problem = Assert.Single(ExemptionDecisionRules.Check(granted: false, reasoning, open: null, Region));

        Assert.Equal(new FieldProblem("reasoning", $"Motiveer het besluit in minstens 20 tekens (nu {length})."), problem);
    }

    [Fact]
    public void Check_ReasoningOf20_AfterTrimming_IsEnough()
    {
        Assert.Empty(ExemptionDecisionRules.Check(granted: false, "  " + new string('a', 20) + "  ", open: null, Region));
    }

    [Theory]
    [InlineData(4000, false)]
    [InlineData(4001, true)]
    public void Check_ReasoningLongerThan4000_IsRefused(int length, bool refused)
    {
        var problems = ExemptionDecisionRules.Check(granted: false, new string('m', length), open: null, Region);

        Assert.Equal(refused, problems.Count == 1);
        if (refused)
        {
            Assert.Equal(new FieldProblem("reasoning", "De motivering is te lang: 4001 tekens, hoogstens 4000."), problems[0]);
        }
    }

    [Theory]
    [InlineData(AgreementStatus.Concept, "concept")]
    [InlineData(AgreementStatus.Proposed, "voorgesteld")]
    public void Check_GrantWhileAVersionIsOpen_IsRefused_ARefusalIsNot(AgreementStatus status, string dutch)
    {
        var open = new OpenAgreementVersion(3, status);

        var problem = Assert.Single(ExemptionDecisionRules.Check(granted: true, Reasoning, open, Region));
        Assert.Equal("granted", problem.Field);
        Assert.Equal(
            $"Versie 3 van de afspraak van Regio Foodvalley is nog {dutch}; er kan maar één open versie zijn. Neem eerst versie 3 terug of stel die vast, en verleen dan de ontheffing.",
            problem.Reason);
        Assert.Empty(ExemptionDecisionRules.Check(granted: false, Reasoning, open, Region));
    }

    [Fact]
    public void Check_EveryProblemAtOnce()
    {
        var problems = ExemptionDecisionRules.Check(granted: true, "kort", new OpenAgreementVersion(1, AgreementStatus.Concept), Region);

        Assert.Equal(["reasoning", "granted"], problems.Select(p => p.Field));
    }
}
