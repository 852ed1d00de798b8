namespace Regiewijzer.Data.Model;

/// <summary>
/// One designation act of a province (aanwijzing in its omgevingsverordening). Acts are never changed: a new act with a
/// higher version replaces the previous one from its date in force, so the history stays answerable.
/// </summary>
public sealed class DesignationActRow
{
    public int Id { get; set; }

    public required string ProvinceCode { get; set; }

    /// <summary>1, 2, ... per province.</summary>
    public int Version { get; set; }

    public DateOnly InForceFrom { get; set; }

    /// <summary>The article of the omgevingsverordening or its URL.</summary>
    public required string LegalReference { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The person (name) who recorded the act.</summary>
    public required string RecordedBy { get; set; }

    public List<DesignationRegionRow> Regions { get; } = [];

    public List<DesignationAssignmentRow> Assignments { get; } = [];
}

/// <summary>A region named in an act, with the other provinces that must designate it too (a region across a border).</summary>
public sealed class DesignationRegionRow
{
    public int Id { get; set; }

    public int ActId { get; set; }

    public required string RegionId { get; set; }

    public required string Name { get; set; }

    /// <summary>Partner province codes separated by ';' ("" when only this province is involved).</summary>
    public required string Partners { get; set; }
}

/// <summary>A municipality placed in a region by an act.</summary>
public sealed class DesignationAssignmentRow
{
    public int Id { get; set; }

    public int ActId { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string RegionId { get; set; }
}

/// <summary>A municipality's proposal for its own task in a period; the province adopts (the task becomes it) or rejects it.</summary>
public sealed class TaskProposalRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public int PeriodFrom { get; set; }

    public int PeriodTo { get; set; }

    public int Homes { get; set; }

    /// <summary>Why this number (the municipality's own grounds).</summary>
    public required string Reasoning { get; set; }

    public required string ProposedBy { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>open, vastgesteld or afgewezen.</summary>
    public required string Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public int Version { get; set; }
}
