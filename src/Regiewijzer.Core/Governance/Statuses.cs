namespace Regiewijzer.Core.Governance;

// The states and kinds of the governance records (domain.md §8), shared with storage. Their transitions and Dutch
// names live with their lifecycles (AgreementLifecycle, ExemptionLifecycle, InstructionLifecycle).

/// <summary>Rijk, province or municipality.</summary>
public enum OrganisationKind
{
    Rijk,
    Province,
    Municipality,
}

/// <summary>A regional agreement version: concept → voorgesteld → vastgesteld (adopted versions never change).</summary>
public enum AgreementStatus
{
    Concept,
    Proposed,
    Adopted,
}

/// <summary>A municipality's answer to a proposed agreement version.</summary>
public enum ResponseKind
{
    Accepted,
    Objected,
}

/// <summary>An exemption request: requested, then granted, refused or withdrawn.</summary>
public enum ExemptionStatus
{
    Requested,
    Granted,
    Refused,
    Withdrawn,
}

/// <summary>The floor an exemption lowers: social rent (30%) or the middle segment (40%).</summary>
public enum ExemptionFloor
{
    Social,
    Middle,
}

/// <summary>An instruction (instructiebesluit): concept, issued, complied with, or withdrawn.</summary>
public enum InstructionStatus
{
    Concept,
    Issued,
    Complied,
    Withdrawn,
}
