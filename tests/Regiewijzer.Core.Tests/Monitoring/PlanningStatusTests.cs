using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class PlanningStatusTests
{
    [Theory]
    [InlineData("1a", PlanningStatus.Irrevocable, true, "onherroepelijk plan")]
    [InlineData("1b", PlanningStatus.Adopted, true, "vastgesteld plan")]
    [InlineData("1c", PlanningStatus.Draft, true, "ontwerpplan")]
    [InlineData("2a", PlanningStatus.PreliminaryDraft, false, "voorontwerpplan")]
    [InlineData("2b", PlanningStatus.InPreparation, false, "plan in voorbereiding")]
    [InlineData("3", PlanningStatus.Intention, false, "intentie of initiatief")]
    [InlineData("4a", PlanningStatus.Vision, false, "visie")]
    [InlineData("4b", PlanningStatus.Idea, false, "idee")]
    public void Code_EachStatus_HasItsCodeHardnessAndLabel(string code, PlanningStatus status, bool hard, string dutch)
    {
        Assert.True(PlanningStatuses.TryParse(code, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal(code, status.Code());
        Assert.Equal(hard, status.IsHard());
        Assert.Equal(dutch, status.Dutch());
    }

    [Theory]
    [InlineData(" 1A ", PlanningStatus.Irrevocable)]
    [InlineData("4B", PlanningStatus.Idea)]
    public void TryParse_CaseAndSpaces_AreIgnored(string code, PlanningStatus status)
    {
        Assert.True(PlanningStatuses.TryParse(code, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3a")]
    [InlineData("5")]
    [InlineData("1 a")]
    public void TryParse_Unknown_IsFalse(string? code)
    {
        Assert.False(PlanningStatuses.TryParse(code, out _));
    }

    [Fact]
    public void All_RunsFromHardToSoft()
    {
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "3", "4a", "4b"], PlanningStatuses.All.Select(s => s.Code()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PlanningStatus)8).Code());
    }
}
