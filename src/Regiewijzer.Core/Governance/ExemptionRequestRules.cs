using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Governance;

/// <summary>What a municipality's exemption request (ontheffing) must satisfy before it can be submitted.</summary>
public static class ExemptionRequestRules
{
    /// <summary>Least length of the grounds, in characters (surrounding white space not counted).</summary>
    public const int MinGroundsLength = 20;

    /// <summary>Greatest length of the grounds, in characters.</summary>
    public const int MaxGroundsLength = 4000;

    /// <summary>
    /// Every problem of the request, in Dutch; empty when it may be submitted. The requested floor (a fraction of the
    /// uncontracted task) must be &gt;= 0 and strictly below the norm set's floor for that segment (socialFloor,
    /// 3/10 by law; middleFloor, 2/5 by law): an exemption lowers a floor. The grounds take 20 to 4,000 characters.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floor"/> is not a defined value.</exception>
    public static IReadOnlyList<string> Check(Fraction requestedFloor, ExemptionFloor floor, NormSet norms, string? grounds)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var normFloor = floor.NormFloor(norms);
        var problems = new List<string>();
        if (requestedFloor.Sign < 0)
        {
            problems.Add($"De gevraagde ondergrens voor {floor.Dutch()} kan niet negatief zijn ({Format.Percent(requestedFloor)}).");
        }
        else if (requestedFloor >= normFloor)
        {
            problems.Add($"De gevraagde ondergrens voor {floor.Dutch()} ({Format.Percent(requestedFloor)}) moet lager zijn dan de ondergrens van de norm ({Format.Percent(normFloor)}); een ontheffing verlaagt de ondergrens.");
        }

        if (GovernanceText.LengthProblem(grounds, "De onderbouwing", MinGroundsLength, MaxGroundsLength) is { } groundsProblem)
        {
            problems.Add(groundsProblem);
        }

        return problems;
    }
}
