namespace Regiewijzer.Core.Monitoring;

/// <summary>Whose delivery is monitored.</summary>
public enum MonitoringLevel
{
    Municipality,
    Region,
    Province,
    Nation,
}

/// <summary>Steps of the escalation ladder (domain.md section 7), from light to heavy.</summary>
public enum EscalationStep
{
    /// <summary>No step: keep monitoring.</summary>
    None,

    /// <summary>Gesprek (conversation) with the municipality or region.</summary>
    Conversation,

    /// <summary>Bestuurlijk overleg (administrative consultation).</summary>
    AdministrativeConsultation,

    /// <summary>Provinciale instructie: instructiebesluit of the province (Omgevingswet art. 2.33).</summary>
    ProvinceInstruction,

    /// <summary>Rijksinstructie: instructiebesluit of the Rijk (Omgevingswet art. 2.34).</summary>
    RijkInstruction,

    /// <summary>
    /// Gegevens aanvullen: the figures are estimated or missing, so no step on the ladder can be
    /// supported; the data must be completed first. Not a rung of the ladder: <see cref="Escalation.Suggest"/>
    /// gives it only for evidence other than <see cref="Evidence.Measured"/>.
    /// </summary>
    CompleteData,
}

/// <summary>Suggests the next step on the escalation ladder for a warning tier.</summary>
public static class Escalation
{
    /// <summary>
    /// The suggested step: on track -&gt; none; attention -&gt; conversation; behind -&gt;
    /// administrative consultation; seriously behind -&gt; an instruction by the government above
    /// (the province for a municipality or region, the Rijk for a province). If that step (or a
    /// heavier one) was already taken, the next heavier step is suggested. Nothing is heavier than
    /// a Rijk instruction; the nation has no government above it, so for the nation the ladder
    /// stops at administrative consultation.
    /// </summary>
    /// <param name="tier">The current tier.</param>
    /// <param name="level">Whose delivery it is.</param>
    /// <param name="lastTaken">The heaviest step already taken in this period.</param>
    /// <param name="evidence">What the realised figures rest on: anything but measured gives <see cref="EscalationStep.CompleteData"/>, whatever the tier.</param>
    public static EscalationStep Suggest(WarningTier tier, MonitoringLevel level, EscalationStep lastTaken = EscalationStep.None, Evidence evidence = Evidence.Measured)
    {
        if (evidence != Evidence.Measured)
        {
            return EscalationStep.CompleteData;
        }

        if (lastTaken == EscalationStep.CompleteData)
        {
            lastTaken = EscalationStep.None;
        }

        var byTier = tier switch
        {
            WarningTier.OnTrack => EscalationStep.None,
            WarningTier.Attention => EscalationStep.Conversation,
            WarningTier.Behind => EscalationStep.AdministrativeConsultation,
            WarningTier.SeriouslyBehind => level == MonitoringLevel.Province ? EscalationStep.RijkInstruction : EscalationStep.ProvinceInstruction,
            _ => throw new ArgumentOutOfRangeException(nameof(tier)),
        };
        if (byTier == EscalationStep.None)
        {
            return EscalationStep.None;
        }

        var next = lastTaken >= byTier ? (EscalationStep)Math.Min((int)lastTaken + 1, (int)EscalationStep.RijkInstruction) : byTier;
        if (level == MonitoringLevel.Province && next == EscalationStep.ProvinceInstruction)
        {
            next = EscalationStep.RijkInstruction;
        }

        return level == MonitoringLevel.Nation && next > EscalationStep.AdministrativeConsultation ? EscalationStep.AdministrativeConsultation : next;
    }

    /// <summary>Dutch label, e.g. "bestuurlijk overleg".</summary>
    public static string Dutch(this EscalationStep step) => step switch
    {
        EscalationStep.None => "geen actie; blijven volgen",
        EscalationStep.Conversation => "gesprek",
        EscalationStep.AdministrativeConsultation => "bestuurlijk overleg",
        EscalationStep.ProvinceInstruction => "provinciale instructie (instructiebesluit, Omgevingswet art. 2.33)",
        EscalationStep.RijkInstruction => "rijksinstructie (instructiebesluit, Omgevingswet art. 2.34)",
        EscalationStep.CompleteData => "gegevens aanvullen",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Dutch label: "op koers", "aandacht", "achter", "ernstig achter".</summary>
    public static string Dutch(this WarningTier tier) => tier switch
    {
        WarningTier.OnTrack => "op koers",
        WarningTier.Attention => "aandacht",
        WarningTier.Behind => "achter",
        WarningTier.SeriouslyBehind => "ernstig achter",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}
