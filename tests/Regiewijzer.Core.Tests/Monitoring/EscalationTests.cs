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

    [Theory]
    [InlineData(WarningTier.OnTrack, Evidence.Estimated)]
    [InlineData(WarningTier.Attention, Evidence.Estimated)]
    [InlineData(WarningTier.Behind, Evidence.Estimated)]
    [InlineData(WarningTier.SeriouslyBehind, Evidence.Estimated)]
    [InlineData(WarningTier.OnTrack, Evidence.Missing)]
    [InlineData(WarningTier.SeriouslyBehind, Evidence.Missing)]
    public void Suggest_NotMeasured_NoStepOnTheLadderButCompleteData(WarningTier tier, Evidence evidence)
    {
        foreach (var level in Enum.GetValues<MonitoringLevel>())
        {
            foreach (var lastTaken in Enum.GetValues<EscalationStep>())
            {
                Assert.Equal(EscalationStep.CompleteData, Escalation.Suggest(tier, level, lastTaken, evidence));
            }
        }
    }

    [Theory]
    [InlineData(WarningTier.OnTrack, EscalationStep.None)]
    [InlineData(WarningTier.Attention, EscalationStep.Conversation)]
    [InlineData(WarningTier.Behind, EscalationStep.AdministrativeConsultation)]
    [InlineData(WarningTier.SeriouslyBehind, EscalationStep.ProvinceInstruction)]
    public void Suggest_Measured_TheLadderAsBefore(WarningTier tier, EscalationStep expected)
    {
        Assert.Equal(expected, Escalation.Suggest(tier, MonitoringLevel.Municipality, EscalationStep.None, Evidence.Measured));
        Assert.Equal(expected, Escalation.Suggest(tier, MonitoringLevel.Municipality, EscalationStep.CompleteData, Evidence.Measured));
    }

    [Theory]
    [InlineData(true, false, Evidence.Measured)]
    [InlineData(true, true, Evidence.Estimated)]
    [InlineData(false, false, Evidence.Missing)]
    [InlineData(false, true, Evidence.Missing)]
    public void EvidenceOf_CompleteAndEstimates(bool complete, bool anyEstimate, Evidence expected)
    {
        Assert.Equal(expected, EvidenceText.Of(complete, anyEstimate));
    }

    [Fact]
    public void Dutch_LabelsOfTiersAndSteps()
    {
        Assert.Equal(["op koers", "aandacht", "achter", "ernstig achter"], Enum.GetValues<WarningTier>().Select(t => t.Dutch()));
        Assert.Equal("gesprek", EscalationStep.Conversation.Dutch());
        Assert.Equal("bestuurlijk overleg", EscalationStep.AdministrativeConsultation.Dutch());
        Assert.StartsWith("provinciale instructie", EscalationStep.ProvinceInstruction.Dutch(), StringComparison.Ordinal);
        Assert.StartsWith("rijksinstructie", EscalationStep.RijkInstruction.Dutch(), StringComparison.Ordinal);
        Assert.Equal("gegevens aanvullen", EscalationStep.CompleteData.Dutch());
        Assert.Equal(["gemeten", "geschat", "ontbrekend"], Enum.GetValues<Evidence>().Select(e => e.Dutch()));
    }
}
