using Microsoft.AspNetCore.Identity;
using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Model;

// Governance records (domain.md §8): organisations and accounts, regional agreements with their versions and
// responses, exemptions, instructions, VHP numbers and the audit trail. Every editable row has a Version token.

/// <summary>An organisation that works in the system: "RIJK", a province ("PV26") or a municipality ("GM0228").</summary>
public sealed class OrganisationRow
{
    public required string Id { get; set; }

    public OrganisationKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The province of a municipality, the province itself for a province; null for the Rijk.</summary>
    public string? ProvinceCode { get; set; }
}

/// <summary>A local account (ASP.NET Core Identity user); its roles are per organisation in <see cref="AccountRoleRow"/>.</summary>
public sealed class AccountRow : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One role of an account in one organisation: viewer, editor or administrator.</summary>
public sealed class AccountRoleRow
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    public required string OrganisationId { get; set; }

    public AccountRole Role { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One version of a region's agreement on the distribution of its woningbouwopgave. Concept and proposed versions
/// can change; an adopted version never does (a change is a new version with the next number).
/// </summary>
public sealed class AgreementRow
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    /// <summary>1, 2, 3… per region.</summary>
    public int Number { get; set; }

    public AgreementStatus Status { get; set; }

    /// <summary>The distribution question (scenario JSON, docs/scenario-format.md) including granted exemptions.</summary>
    public required string Scenario { get; set; }

    /// <summary>Why this version exists ("eerste versie", "ontheffing 3 verleend").</summary>
    public required string Reason { get; set; }

    /// <summary>The granted exemption that led to this version, if any.</summary>
    public int? ExemptionId { get; set; }

    /// <summary>The version this one was made from, if any.</summary>
    public int? PreviousId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? ProposedAt { get; set; }

    public DateTimeOffset? AdoptedAt { get; set; }

    public string? AdoptedBy { get; set; }

    public List<AgreementShareRow> Shares { get; } = [];

    public int Version { get; set; }
}

/// <summary>One municipality's agreed numbers in one agreement version (the distribution's result, 2022-2030).</summary>
public sealed class AgreementShareRow
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string Name { get; set; }

    public int Task { get; set; }

    public int SocialRent { get; set; }

    /// <summary>Middle segment: middenhuur plus betaalbare koop.</summary>
    public int Middle { get; set; }

    public int Free { get; set; }
}

/// <summary>A municipality's acceptance of or objection to a proposed agreement version, with its comment.</summary>
public sealed class AgreementResponseRow
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public required string MunicipalityCode { get; set; }

    public ResponseKind Kind { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public int Version { get; set; }
}

/// <summary>A municipality's request for a lowered floor (ontheffing) and the decision on it.</summary>
public sealed class ExemptionRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string RegionId { get; set; }

    public ExemptionFloor Floor { get; set; }

    /// <summary>The requested floor as a fraction of the municipality's uncontracted task, e.g. 0.2000 for 20%.</summary>
    public decimal RequestedFloor { get; set; }

    public required string Grounds { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedBy { get; set; }

    public ExemptionStatus Status { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>The organisation that decided (a province or the Rijk).</summary>
    public string? DecidedByOrganisation { get; set; }

    public string? Reasoning { get; set; }

    /// <summary>The agreement version a granted exemption led to.</summary>
    public int? ResultingAgreementId { get; set; }

    public int Version { get; set; }
}

/// <summary>An instruction (instructiebesluit, Omgevingswet art. 2.33 province / 2.34 Rijk) in the register.</summary>
public sealed class InstructionRow
{
    public int Id { get; set; }

    /// <summary>Issuing organisation: a province or "RIJK".</summary>
    public required string IssuerId { get; set; }

    /// <summary>Addressee: a municipality or a province.</summary>
    public required string AddresseeId { get; set; }

    public required string LegalBasis { get; set; }

    public required string Subject { get; set; }

    public required string Content { get; set; }

    public DateOnly Deadline { get; set; }

    public InstructionStatus Status { get; set; }

    /// <summary>The monitoring warning it answers, e.g. "voortgang/gemeente/GM0228", when there is one.</summary>
    public string? WarningReference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A municipality's numbers in its volkshuisvestingsprogramma (VHP) for one year, per segment.</summary>
public sealed class HousingProgrammeRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public int Year { get; set; }

    public int SocialRent { get; set; }

    public int MiddleRent { get; set; }

    public int AffordableOwnership { get; set; }

    public int FreeRent { get; set; }

    public int FreeOwnership { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One recorded change (audit trail): who, when, what, before and after. Written by <see cref="RegiewijzerDb"/>
/// on every save; the application never updates or deletes it (the database refuses too, by trigger).
/// </summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Account id, "cli:…" for the command line, or "systeem".</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The organisation the actor acted for, when known.</summary>
    public string? OrganisationId { get; set; }

    /// <summary>The object the change belongs to, e.g. "plan" and "123" (a plan's deliveries belong to the plan).</summary>
    public required string ObjectType { get; set; }

    public required string ObjectId { get; set; }

    /// <summary>The table and key of the changed row, e.g. "plan_deliveries" and "456".</summary>
    public required string Entity { get; set; }

    public required string EntityKey { get; set; }

    /// <summary>"aangemaakt", "gewijzigd" or "verwijderd".</summary>
    public required string Action { get; set; }

    /// <summary>The row's values before (JSON), null when created.</summary>
    public string? Before { get; set; }

    /// <summary>The row's values after (JSON), null when deleted.</summary>
    public string? After { get; set; }
}
