using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

public class EscalationTests
{
    [Theory]
    [InlineData(WarningTier.OnTrack, MonitoringLevel.Municipality, EscalationStep.None, EscalationStep.None)]
    [InlineData(WarningTier.Attention, MonitoringLevel.Municipality, EscalationStep.None, EscalationStep.Conversation)]
    [InlineData(WarningTier.Behind, MonitoringLevel.Region, EscalationStep.None, EscalationStep.AdministrativeConsultation)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Municipality, EscalationStep.None, EscalationStep.ProvinceInstruction)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Region, EscalationStep.None, EscalationStep.ProvinceInstruction)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Province, EscalationStep.None, EscalationStep.RijkInstruction)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Nation, EscalationStep.None, EscalationStep.AdministrativeConsultation)]
    [InlineData(WarningTier.Attention, MonitoringLevel.Municipality, EscalationStep.Conversation, EscalationStep.AdministrativeConsultation)]
    [InlineData(WarningTier.Behind, MonitoringLevel.Municipality, EscalationStep.AdministrativeConsultation, EscalationStep.ProvinceInstruction)]
    [InlineData(WarningTier.Behind, MonitoringLevel.Province, EscalationStep.AdministrativeConsultation, EscalationStep.RijkInstruction)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Municipality, EscalationStep.ProvinceInstruction, EscalationStep.RijkInstruction)]
    [InlineData(WarningTier.SeriouslyBehind, MonitoringLevel.Municipality, EscalationStep.RijkInstruction, EscalationStep.RijkInstruction)]
    [InlineData(WarningTier.Attention, MonitoringLevel.Municipality, EscalationStep.ProvinceInstruction, EscalationStep.RijkInstruction)]
    [InlineData(WarningTier.OnTrack, MonitoringLevel.Municipality, EscalationStep.ProvinceInstruction, EscalationStep.None)]
    public void Suggest_TierLevelAndLastStep_GivesTheNextStep(WarningTier tier, MonitoringLevel level, EscalationStep lastTaken, EscalationStep expected)
    {
        Assert.Equal(expected, Escalation.Suggest(tier, level, lastTaken));
    }

    [Fact]
    public void Dutch_LabelsOfTiersAndSteps()
    {
        Assert.Equal(["op koers", "aandacht", "achter", "ernstig achter"], Enum.GetValues<WarningTier>().Select(t => t.Dutch()));
        Assert.Equal("gesprek", EscalationStep.Conversation.Dutch());
        Assert.Equal("bestuurlijk overleg", EscalationStep.AdministrativeConsultation.Dutch());
        Assert.StartsWith("provinciale instructie", EscalationStep.ProvinceInstruction.Dutch(), StringComparison.Ordinal);
        Assert.StartsWith("rijksinstructie", EscalationStep.RijkInstruction.Dutch(), StringComparison.Ordinal);
    }
}
