using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// What the VHP is checked against: the municipality's share in its region's agreement version in force (adopted,
/// highest number), or, while no version is adopted, its share in the distribution computed now (an assumption).
/// </summary>
/// <param name="Share">The agreed (or computed) targets for the period.</param>
/// <param name="AgreementId">The adopted agreement version's id, or null for the computed distribution.</param>
/// <param name="AgreementNumber">Its number (1, 2, …), or null.</param>
/// <param name="AdoptedAt">When it was adopted, or null.</param>
public sealed record HousingProgrammeTarget(AgreedShare Share, int? AgreementId, int? AgreementNumber, DateTimeOffset? AdoptedAt)
{
    public bool IsAdopted => AgreementNumber is not null;

    /// <summary>"vastgestelde afspraak versie 2" or "berekende verdeling, nog geen vastgestelde afspraak".</summary>
    public string Dutch => AgreementNumber is { } n
        ? $"vastgestelde afspraak versie {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : "berekende verdeling, nog geen vastgestelde afspraak";
}

/// <summary>A municipality's VHP: the stored years, the period, what it is checked against and the check's report.</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Name">Name.</param>
/// <param name="RegionId">Its region, or null.</param>
/// <param name="RegionName">Its region's name, or null.</param>
/// <param name="FirstYear">First year of the period (inclusive).</param>
/// <param name="LastYear">Last year (inclusive).</param>
/// <param name="Years">Stored rows, by year.</param>
/// <param name="Target">What it is checked against; null when there is nothing (no region, or no distribution).</param>
/// <param name="Report">The check; null without a target.</param>
/// <param name="NoTargetReason">Why there is no target, in Dutch; null when there is one.</param>
public sealed record HousingProgrammeState(
    string Code,
    string Name,
    string? RegionId,
    string? RegionName,
    int FirstYear,
    int LastYear,
    IReadOnlyList<HousingProgrammeRow> Years,
    HousingProgrammeTarget? Target,
    HousingProgrammeReport? Report,
    string? NoTargetReason)
{
    /// <summary>The stored row of a year, or null.</summary>
    public HousingProgrammeRow? Year(int year) => Years.FirstOrDefault(y => y.Year == year);
}
