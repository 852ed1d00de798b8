namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// What a monitoring figure rests on. A warning tier carries an escalation step only on
/// <see cref="Measured"/> figures; on the others the tier is indicative and the step is
/// <see cref="EscalationStep.CompleteData"/>.
/// </summary>
public enum Evidence
{
    /// <summary>Gemeten: every realised figure counted is a measured count.</summary>
    Measured,

    /// <summary>Geschat: at least one realised figure counted is an estimate or a proxy.</summary>
    Estimated,

    /// <summary>Ontbrekend: realised figures are missing for a year that has passed.</summary>
    Missing,
}

/// <summary>Dutch texts of <see cref="Evidence"/>.</summary>
public static class EvidenceText
{
    /// <summary>"gemeten", "geschat" or "ontbrekend".</summary>
    public static string Dutch(this Evidence evidence) => evidence switch
    {
        Evidence.Measured => "gemeten",
        Evidence.Estimated => "geschat",
        Evidence.Missing => "ontbrekend",
        _ => throw new ArgumentOutOfRangeException(nameof(evidence)),
    };

    /// <summary>The evidence of a set of realised figures: missing when <paramref name="complete"/> is false, else estimated when any is an estimate.</summary>
    public static Evidence Of(bool complete, bool anyEstimate) =>
        !complete ? Evidence.Missing : anyEstimate ? Evidence.Estimated : Evidence.Measured;
}
