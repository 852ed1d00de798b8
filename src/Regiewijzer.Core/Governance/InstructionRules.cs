namespace Regiewijzer.Core.Governance;

/// <summary>
/// Who may instruct whom, on which legal basis, and what an instruction (instructiebesluit) must contain: a province
/// instructs its municipalities (Omgevingswet art. 2.33), the Rijk provinces and municipalities (art. 2.34).
/// Whether an account may act for the issuer is a separate question (<see cref="Permissions"/>).
/// </summary>
public static class InstructionRules
{
    /// <summary>Least length of the subject, in characters (surrounding white space not counted).</summary>
    public const int MinSubjectLength = 5;

    /// <summary>Greatest length of the subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>Least length of the content.</summary>
    public const int MinContentLength = 20;

    /// <summary>Greatest length of the content.</summary>
    public const int MaxContentLength = 8000;

    /// <summary>The legal basis of an instruction by <paramref name="issuer"/>.</summary>
    /// <exception cref="ArgumentException">A municipality cannot issue instructions (callers check permissions first).</exception>
    public static string LegalBasis(OrganisationKind issuer) => issuer switch
    {
        OrganisationKind.Province => "Omgevingswet art. 2.33 (instructiebesluit provincie)",
        OrganisationKind.Rijk => "Omgevingswet art. 2.34 (instructiebesluit Rijk)",
        OrganisationKind.Municipality => throw new ArgumentException("A municipality cannot issue an instruction.", nameof(issuer)),
        _ => throw new ArgumentOutOfRangeException(nameof(issuer)),
    };

    /// <summary>True when <paramref name="issuer"/> may address <paramref name="addressee"/> at all (kinds only, not which province).</summary>
    public static bool MayInstruct(OrganisationKind issuer, OrganisationKind addressee) => (issuer, addressee) switch
    {
        (OrganisationKind.Province, OrganisationKind.Municipality) => true,
        (OrganisationKind.Rijk, OrganisationKind.Province or OrganisationKind.Municipality) => true,
        _ => false,
    };

    /// <summary>
    /// Every problem of an instruction, in Dutch; empty when it is valid: the issuer kind may address the addressee
    /// kind (see <see cref="MayInstruct"/>), the subject takes 5 to 200 characters, the content 20 to 8,000, and the
    /// deadline lies strictly after <paramref name="today"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not a defined value.</exception>
    public static IReadOnlyList<string> Check(
        OrganisationKind issuer,
        OrganisationKind addressee,
        string? subject,
        string? content,
        DateOnly deadline,
        DateOnly today)
    {
        _ = issuer.Dutch();
        _ = addressee.Dutch();
        var problems = new List<string>();
        if (!MayInstruct(issuer, addressee))
        {
            problems.Add(issuer switch
            {
                OrganisationKind.Municipality => "Een gemeente kan geen instructie geven.",
                OrganisationKind.Province => $"Een provincie geeft alleen instructies aan gemeenten (Omgevingswet art. 2.33), niet aan {Article(addressee)}.",
                _ => $"Het Rijk geeft instructies aan provincies of gemeenten (Omgevingswet art. 2.34), niet aan {Article(addressee)}.",
            });
        }

        if (GovernanceText.LengthProblem(subject, "Het onderwerp", MinSubjectLength, MaxSubjectLength) is { } subjectProblem)
        {
            problems.Add(subjectProblem);
        }

        if (GovernanceText.LengthProblem(content, "De inhoud", MinContentLength, MaxContentLength) is { } contentProblem)
        {
            problems.Add(contentProblem);
        }

        if (deadline <= today)
        {
            problems.Add($"De termijn ({Date(deadline)}) moet na vandaag ({Date(today)}) liggen.");
        }

        return problems;
    }

    private static string Article(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Rijk => "het Rijk",
        OrganisationKind.Province => "een provincie",
        _ => "een gemeente",
    };

    private static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
