using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>A municipality of a region as the governance pages see it: code, name and its province.</summary>
public sealed record RegionMember(string Code, string Name, string ProvinceCode);

/// <summary>One municipality's answer to a proposed agreement version.</summary>
public sealed record AgreementResponseView(
    string MunicipalityCode, string MunicipalityName, ResponseKind Kind, string? Comment, DateTimeOffset At, string By, int Version);

/// <summary>One stored agreement version with its agreed shares (by code) and responses.</summary>
public sealed record AgreementView(
    int Id,
    string RegionId,
    string RegionName,
    int Number,
    AgreementStatus Status,
    string Reason,
    int? ExemptionId,
    int? PreviousId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ProposedAt,
    DateTimeOffset? AdoptedAt,
    string? AdoptedBy,
    int Version,
    IReadOnlyList<AgreedShare> Shares,
    IReadOnlyList<AgreementResponseView> Responses)
{
    public int Task => Shares.Sum(s => s.Task);

    public int Social => Shares.Sum(s => s.Social);

    public int Middle => Shares.Sum(s => s.Middle);

    public int Free => Shares.Sum(s => s.Free);
}

/// <summary>
/// The contracted-project cut-off (domain.md §9, an open legal point, so an assumption): plans contracted before the
/// adoption date of the version in force count as they are. Null date: no adopted version yet.
/// </summary>
public sealed record ContractCutoff(DateOnly? Date, int Plans, int Homes);

/// <summary>
/// One version as its page shows it: the version, the one before it and the comparison, the version in force, the
/// cut-off, the members and what the current actor may do with it.
/// </summary>
public sealed record AgreementDetail(
    AgreementView Agreement,
    AgreementView? Previous,
    AgreementDiff? Comparison,
    AgreementView? InForce,
    ContractCutoff Cutoff,
    IReadOnlyList<RegionMember> Members,
    bool CanManage,
    IReadOnlyList<AgreementStatus> AllowedTransitions,
    IReadOnlyList<string> CanRespondFor)
{
    /// <summary>What to weigh before adopting this version: objections with who and why, members without an answer, the legal basis.</summary>
    public DecisionFacts AdoptionFacts()
    {
        var byCode = Agreement.Responses.ToDictionary(r => r.MunicipalityCode, StringComparer.Ordinal);
        return Decisions.AdoptingAgreement(Agreement.RegionName, Agreement.Number, [.. Members.Select(m => byCode.TryGetValue(m.Code, out var r)
            ? new MemberAnswer(m.Code, m.Name, r.Kind, r.Comment, r.By)
            : new MemberAnswer(m.Code, m.Name))]);
    }
}

/// <summary>A region's versions (newest first; concept and proposed only for signed-in users) and who may add one.</summary>
public sealed record RegionAgreements(
    string RegionId,
    string RegionName,
    IReadOnlyList<AgreementView> Versions,
    AgreementView? InForce,
    AgreementView? Open,
    bool CanManage,
    bool ShowsRestricted);

/// <summary>One line of the national overview (/afspraken).</summary>
public sealed record AgreementOverviewLine(string RegionId, string RegionName, int Versions, AgreementView? InForce, AgreementView? Open);
