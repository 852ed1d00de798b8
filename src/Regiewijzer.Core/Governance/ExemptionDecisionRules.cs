namespace Regiewijzer.Core.Governance;

/// <summary>A version of a region's agreement that is not adopted yet (concept or proposed).</summary>
public sealed record OpenAgreementVersion(int Number, AgreementStatus Status);

/// <summary>What a decision on an exemption request (grant or refuse, by province or Rijk) must satisfy.</summary>
public static class ExemptionDecisionRules
{
    /// <summary>Least length of the reasoning, in characters (surrounding white space not counted).</summary>
    public const int MinReasoningLength = 20;

    /// <summary>Greatest length of the reasoning.</summary>
    public const int MaxReasoningLength = 4000;

    /// <summary>
    /// Every problem of the decision, each with its field and Dutch reason; empty when it may be taken. The reasoning
    /// takes 20 to 4,000 characters (white space around it not counted). Granting makes a new concept version of the
    /// region's agreement, and a region has one open version at a time: with <paramref name="open"/> (the region's
    /// version still concept or proposed) a grant is refused. Permission, the version read and the request's status are
    /// asked first (<see cref="Permissions.ExemptionDecider"/>, <see cref="ExemptionLifecycle.Refusal"/>).
    /// </summary>
    public static IReadOnlyList<FieldProblem> Check(bool granted, string? reasoning, OpenAgreementVersion? open, string regionName)
    {
        var problems = new List<FieldProblem>();
        var length = GovernanceText.Length(reasoning);
        if (length < MinReasoningLength)
        {
            problems.Add(new("reasoning", $"Motiveer het besluit in minstens {MinReasoningLength} tekens (nu {length})."));
        }
        else if (length > MaxReasoningLength)
        {
            problems.Add(new("reasoning", $"De motivering is te lang: {length} tekens, hoogstens {MaxReasoningLength}."));
        }

        if (granted && open is not null)
        {
            problems.Add(new("granted",
                $"Versie {open.Number} van de afspraak van {regionName} is nog {open.Status.Dutch()}; er kan maar één open versie zijn. Neem eerst versie {open.Number} terug of stel die vast, en verleen dan de ontheffing."));
        }

        return problems;
    }
}
