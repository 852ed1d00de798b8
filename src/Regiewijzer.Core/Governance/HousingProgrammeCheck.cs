using System.Collections.Immutable;
using System.Globalization;
using Regiewijzer.Core.Compliance;

namespace Regiewijzer.Core.Governance;

/// <summary>
/// A municipality's numbers in its volkshuisvestingsprogramma (VHP) for one calendar year: homes it plans to add,
/// per segment (domain.md §3). All counts &gt;= 0.
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="SocialRent">Sociale huur.</param>
/// <param name="MiddleRent">Middenhuur.</param>
/// <param name="AffordableOwnership">Betaalbare koop.</param>
/// <param name="FreeRent">Vrije sector huur.</param>
/// <param name="FreeOwnership">Vrije sector koop.</param>
/// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
public sealed record HousingProgrammeYear(int Year, int SocialRent, int MiddleRent, int AffordableOwnership, int FreeRent, int FreeOwnership)
{
    public int SocialRent { get; } = AgreedShare.NonNegative(SocialRent, nameof(SocialRent));

    public int MiddleRent { get; } = AgreedShare.NonNegative(MiddleRent, nameof(MiddleRent));

    public int AffordableOwnership { get; } = AgreedShare.NonNegative(AffordableOwnership, nameof(AffordableOwnership));

    public int FreeRent { get; } = AgreedShare.NonNegative(FreeRent, nameof(FreeRent));

    public int FreeOwnership { get; } = AgreedShare.NonNegative(FreeOwnership, nameof(FreeOwnership));

    /// <summary>Middle segment: middenhuur + betaalbare koop.</summary>
    public int Middle => checked(MiddleRent + AffordableOwnership);

    /// <summary>Affordable: sociale huur + middle segment.</summary>
    public int Affordable => checked(SocialRent + Middle);

    /// <summary>All homes of the year.</summary>
    public int Total => checked(Affordable + FreeRent + FreeOwnership);
}

/// <summary>The groups the VHP check compares, in display order.</summary>
public enum HousingProgrammeGroup
{
    /// <summary>Sociale huur against the agreed social target.</summary>
    SocialRent,

    /// <summary>Middenhuur + betaalbare koop against the agreed middle target.</summary>
    Middle,

    /// <summary>Social + middle against the agreed social + middle.</summary>
    Affordable,

    /// <summary>All homes against the agreed task.</summary>
    Total,
}

/// <summary>One group of the VHP check: declared in the period against agreed.</summary>
/// <param name="Group">Which group.</param>
/// <param name="Declared">Sum over the period's years of the VHP numbers of the group.</param>
/// <param name="Agreed">The agreed target of the group for the period.</param>
public sealed record HousingProgrammeGroupTotal(HousingProgrammeGroup Group, int Declared, int Agreed)
{
    /// <summary>Agreed − declared when the VHP stays below the agreement, else 0 (more is allowed).</summary>
    public int Shortfall => Math.Max(0, checked(Agreed - Declared));

    /// <summary>True when the VHP declares at least the agreed number.</summary>
    public bool Meets => Declared >= Agreed;

    /// <summary>"sociale huur", "middensegment", "betaalbaar" or "totaal".</summary>
    public string Dutch => HousingProgrammeCheck.Dutch(Group);
}

/// <summary>The VHP check of one municipality: the totals per group, the years without numbers, and the findings.</summary>
/// <param name="Agreed">The agreed targets checked against.</param>
/// <param name="FirstYear">First year of the period (inclusive).</param>
/// <param name="LastYear">Last year of the period (inclusive).</param>
/// <param name="Groups">Social rent, middle, affordable, total (in that order).</param>
/// <param name="MissingYears">Years of the period without VHP numbers, ascending.</param>
/// <param name="Findings">VHP_BELOW_AGREEMENT errors per group below the agreement, then a warning for missing years.</param>
public sealed record HousingProgrammeReport(
    AgreedShare Agreed,
    int FirstYear,
    int LastYear,
    ImmutableArray<HousingProgrammeGroupTotal> Groups,
    ImmutableArray<int> MissingYears,
    ImmutableArray<Finding> Findings)
{
    /// <summary>True when no group falls short (missing years may still be reported as a warning).</summary>
    public bool Meets => Groups.All(g => g.Meets);
}

/// <summary>
/// The VHP check (domain.md §8): the agreements land in each municipality's volkshuisvestingsprogramma, so the VHP
/// numbers over the agreement period must reach the agreed targets. Declaring more is never a finding.
/// </summary>
public static class HousingProgrammeCheck
{
    private const string LegalBasis =
        "Wet versterking regie volkshuisvesting: de regionale afspraken over de woningbouwopgave en betaalbaarheid landen in het volkshuisvestingsprogramma van de gemeente";

    /// <summary>The findings of <see cref="Evaluate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastYear"/> is before <paramref name="firstYear"/>.</exception>
    /// <exception cref="ArgumentException">A year occurs more than once in <paramref name="years"/>.</exception>
    public static ImmutableArray<Finding> Check(AgreedShare agreed, int firstYear, int lastYear, IReadOnlyList<HousingProgrammeYear> years) =>
        Evaluate(agreed, firstYear, lastYear, years).Findings;

    /// <summary>
    /// Sums the VHP numbers of the years firstYear..lastYear (inclusive; other years are ignored) per group and
    /// compares them with the agreed targets: social rent with Social, middenhuur + betaalbare koop with Middle,
    /// their sum with Social + Middle, all homes with Task. One VHP_BELOW_AGREEMENT error per group that falls short
    /// (with both numbers and the shortfall), and one VHP_BELOW_AGREEMENT warning listing the years without numbers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastYear"/> is before <paramref name="firstYear"/>.</exception>
    /// <exception cref="ArgumentException">A year occurs more than once in <paramref name="years"/>.</exception>
    public static HousingProgrammeReport Evaluate(AgreedShare agreed, int firstYear, int lastYear, IReadOnlyList<HousingProgrammeYear> years)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var seen = new HashSet<int>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            if (!seen.Add(year.Year))
            {
                throw new ArgumentException($"Year {year.Year} occurs more than once.", nameof(years));
            }
        }

        var inPeriod = years.Where(y => y.Year >= firstYear && y.Year <= lastYear).ToList();
        int Sum(Func<HousingProgrammeYear, int> pick) => inPeriod.Aggregate(0, (total, y) => checked(total + pick(y)));
        ImmutableArray<HousingProgrammeGroupTotal> groups =
        [
            new(HousingProgrammeGroup.SocialRent, Sum(y => y.SocialRent), agreed.Social),
            new(HousingProgrammeGroup.Middle, Sum(y => y.Middle), agreed.Middle),
            new(HousingProgrammeGroup.Affordable, Sum(y => y.Affordable), agreed.Affordable),
            new(HousingProgrammeGroup.Total, Sum(y => y.Total), agreed.Task),
        ];
        var missing = Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => !seen.Contains(y)).ToImmutableArray();
        var period = string.Create(CultureInfo.InvariantCulture, $"{firstYear}-{lastYear}");

        var findings = groups.Where(g => g.Shortfall > 0).Select(g => new Finding(
            FindingCode.VhpBelowAgreement,
            Severity.Error,
            agreed.Code,
            g.Shortfall,
            $"Het volkshuisvestingsprogramma van {agreed.Name} noemt voor {period} {Format.Count(g.Declared)} {Homes(g.Group)}, afgesproken zijn {Format.Count(g.Agreed)}: {Format.Count(g.Shortfall)} te weinig.",
            $"Σ VHP {Dutch(g.Group)} {period} ≥ afspraak {Dutch(g.Group)}",
            LegalBasis)).ToList();
        if (missing.Length > 0)
        {
            findings.Add(new Finding(
                FindingCode.VhpBelowAgreement,
                Severity.Warning,
                agreed.Code,
                null,
                $"Het volkshuisvestingsprogramma van {agreed.Name} is onvolledig voor {period}: jaren zonder cijfers: {string.Join(", ", missing.Select(y => y.ToString(CultureInfo.InvariantCulture)))}.",
                $"cijfers voor elk jaar van {period}",
                LegalBasis));
        }

        return new HousingProgrammeReport(agreed, firstYear, lastYear, groups, missing, [.. findings]);
    }

    /// <summary>"sociale huur", "middensegment", "betaalbaar" or "totaal".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined group.</exception>
    public static string Dutch(this HousingProgrammeGroup group) => group switch
    {
        HousingProgrammeGroup.SocialRent => "sociale huur",
        HousingProgrammeGroup.Middle => "middensegment",
        HousingProgrammeGroup.Affordable => "betaalbaar",
        HousingProgrammeGroup.Total => "totaal",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    private static string Homes(HousingProgrammeGroup group) => group switch
    {
        HousingProgrammeGroup.SocialRent => "sociale huurwoningen",
        HousingProgrammeGroup.Middle => "woningen in het middensegment (middenhuur en betaalbare koop)",
        HousingProgrammeGroup.Affordable => "betaalbare woningen",
        _ => "woningen in totaal",
    };
}
