namespace Regiewijzer.Data.Model;

// EF entities: plain mutable classes at the storage edge; Core keeps the immutable domain types.

public sealed class ProvinceRow
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Provincial woningbouwafspraak 2022-2030 (13 Oct 2022), when known.</summary>
    public int? Agreement2022 { get; set; }

    public string? AgreementSource { get; set; }
}

public sealed class MunicipalityRow
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Name in the CBS Wijk- en Buurtkaart, with province suffix where CBS uses one.</summary>
    public required string MapName { get; set; }

    public required string ProvinceCode { get; set; }

    public ProvinceRow? Province { get; set; }

    public RegionMembershipRow? Membership { get; set; }
}

public sealed class HousingRegionRow
{
    /// <summary>WD01..WD35 for the shipped woondeal regions.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Province name(s) as in the deal, "Groningen; Drenthe" for a region across a border.</summary>
    public required string Provinces { get; set; }

    /// <summary>Homes agreed in the deal for the whole region, when a source gives it.</summary>
    public int? DealTotal { get; set; }

    /// <summary>exact, exact (rounded in source), minimum, approximate, not found.</summary>
    public required string DealPrecision { get; set; }

    public string? DealSource { get; set; }

    public string? Notes { get; set; }

    public int PeriodFrom { get; set; } = 2022;

    public int PeriodTo { get; set; } = 2030;

    /// <summary>Key used for this region's distribution (scenario name: proportional, lagging-first, gap-weighted).</summary>
    public string Key { get; set; } = "proportional";

    public List<RegionMembershipRow> Members { get; } = [];

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>A municipality's region: a partition, so the municipality code is the key.</summary>
public sealed class RegionMembershipRow
{
    public required string MunicipalityCode { get; set; }

    public required string RegionId { get; set; }

    /// <summary>True where membership was constructed rather than taken from a deal text (indicatief).</summary>
    public bool Indicative { get; set; }

    public required string Source { get; set; }

    /// <summary>
    /// The woondeal region the municipality is in while its province has not designated (the indicative partition); null
    /// means the same as <see cref="RegionId"/>. Kept while a designation is in force, so the deal region returns if the
    /// province's later act leaves the municipality out.
    /// </summary>
    public string? DealRegionId { get; set; }

    /// <summary>The province whose designation act put the municipality in <see cref="RegionId"/>; null while the region is indicative (the woondeal).</summary>
    public string? DesignationProvince { get; set; }

    /// <summary>The version of that act.</summary>
    public int? DesignationVersion { get; set; }

    /// <summary>Indicative now: constructed rather than taken from a deal text, and not (yet) designated by the province (not stored).</summary>
    public bool IndicativeNow => Indicative && DesignationProvince is null;

    public MunicipalityRow? Municipality { get; set; }

    public HousingRegionRow? Region { get; set; }

    public int Version { get; set; }
}

/// <summary>Dwelling stock of a municipality on 1 January of a reference year.</summary>
public sealed class StockRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public int ReferenceYear { get; set; }

    public int TotalStock { get; set; }

    /// <summary>Social stock by <see cref="SocialMetric"/>.</summary>
    public int SocialStock { get; set; }

    /// <summary>Which homes count as social, e.g. "corporatie (DAEB)".</summary>
    public required string SocialMetric { get; set; }

    /// <summary>Year of the tenure share used for <see cref="SocialStock"/> (2022 for the shipped data).</summary>
    public int SocialShareYear { get; set; }

    /// <summary>True when the social stock is estimated (share of another year times this year's stock).</summary>
    public bool IsEstimate { get; set; }

    public required string Source { get; set; }

    /// <summary>The source's social stock when a province corrected it (<see cref="SocialStock"/> then holds the correction); null when not corrected.</summary>
    public int? ReferenceSocialStock { get; set; }

    /// <summary>Where the corrected value comes from (required with a correction).</summary>
    public string? CorrectionSource { get; set; }

    /// <summary>The province that recorded the correction (PV code).</summary>
    public string? CorrectedBy { get; set; }

    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>True when <see cref="SocialStock"/> is a correction recorded by a province.</summary>
    public bool IsCorrected => ReferenceSocialStock is not null;

    public int Version { get; set; }
}

public enum TaskOrigin
{
    /// <summary>Afgesproken: a municipal number stated in a deal text or entered by the region.</summary>
    Agreed,

    /// <summary>Afgeleid: derived from a regional total by a documented method.</summary>
    Derived,
}

/// <summary>A municipality's task (new homes) for a period.</summary>
public sealed class TaskRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public int PeriodFrom { get; set; }

    public int PeriodTo { get; set; }

    public int Homes { get; set; }

    public TaskOrigin Origin { get; set; }

    /// <summary>For derived tasks: how (e.g. "regiototaal min afgesproken, naar aandeel harde + zachte plancapaciteit 2021").</summary>
    public string? Method { get; set; }

    public required string Source { get; set; }

    public int Version { get; set; }
}

/// <summary>One parameter of a stored norm set (law as data).</summary>
public sealed class NormParameterRow
{
    public required string NormSetId { get; set; }

    public required string NormSetName { get; set; }

    public required string Key { get; set; }

    public required string Label { get; set; }

    /// <summary>Exact value as "a/b".</summary>
    public required string Value { get; set; }

    public required string Source { get; set; }

    public required string Confidence { get; set; }

    public string? Note { get; set; }
}

public sealed class PriceLimitRow
{
    public int Year { get; set; }

    public decimal SocialRentLimit { get; set; }

    public decimal MiddleRentLimit { get; set; }

    public decimal AffordablePurchaseLimit { get; set; }

    public required string Source { get; set; }

    public required string Confidence { get; set; }

    public string? Note { get; set; }
}

/// <summary>Plan capacity around 2021 per 2025 municipality (hard 1a-1c, soft the rest).</summary>
public sealed class PlanCapacityRow
{
    public required string MunicipalityCode { get; set; }

    public int? Hard { get; set; }

    public int? Soft { get; set; }

    public int? Total { get; set; }

    public required string Source { get; set; }
}

/// <summary>A stored distribution: the input snapshot (scenario JSON), key, norms, result and time.</summary>
public sealed class DistributionRunRow
{
    public Guid Id { get; set; }

    public required string RegionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string Key { get; set; }

    public required string NormSetId { get; set; }

    public required string InputJson { get; set; }

    public required string ResultJson { get; set; }

    public bool MeetsNorms { get; set; }
}

/// <summary>Provenance of a seeded data set.</summary>
public sealed class DataSetRow
{
    public required string File { get; set; }

    public required string Sha256 { get; set; }

    public int Rows { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>
/// Homes per segment as stored columns (shared by plan deliveries and realisations): the five
/// segments and homes whose segment is not known.
/// </summary>
public interface ISegmentColumns
{
    int SocialRent { get; set; }

    int MiddleRent { get; set; }

    int AffordableOwnership { get; set; }

    int FreeRent { get; set; }

    int FreeOwnership { get; set; }

    /// <summary>Homes whose segment is not known (e.g. CBS counts, plan capacity without a split).</summary>
    int UnknownSegment { get; set; }
}

/// <summary>A plan (plancapaciteit): one project of a municipality with its homes per expected delivery year.</summary>
public sealed class PlanRow
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    /// <summary>The project's own code (unique within the municipality): imports replace the plan with the same code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Planning status code: 1a, 1b, 1c, 2a, 2b, 3, 4a, 4b.</summary>
    public required string Status { get; set; }

    /// <summary>Price level year (prijspeil) of the rents and prices its homes were classified with.</summary>
    public int PriceLevelYear { get; set; }

    public bool Contracted { get; set; }

    public DateOnly? ContractedOn { get; set; }

    /// <summary>Where the plan comes from: an import file, an edit in the web app, or the shipped reference data.</summary>
    public required string Source { get; set; }

    /// <summary>Assumptions made to store it (e.g. the planning status and phasing of shipped plan capacity).</summary>
    public string? Assumption { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PlanDeliveryRow> Deliveries { get; } = [];

    public int Version { get; set; }
}

/// <summary>The homes of a plan expected in one year.</summary>
public sealed class PlanDeliveryRow : ISegmentColumns
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Year { get; set; }

    public int SocialRent { get; set; }

    public int MiddleRent { get; set; }

    public int AffordableOwnership { get; set; }

    public int FreeRent { get; set; }

    public int FreeOwnership { get; set; }

    public int UnknownSegment { get; set; }
}

/// <summary>Completed homes (realisatie) of a municipality in one year; one row per municipality and year.</summary>
public sealed class RealisationRow : ISegmentColumns
{
    public int Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public int Year { get; set; }

    public int SocialRent { get; set; }

    public int MiddleRent { get; set; }

    public int AffordableOwnership { get; set; }

    public int FreeRent { get; set; }

    public int FreeOwnership { get; set; }

    public int UnknownSegment { get; set; }

    public required string Source { get; set; }

    /// <summary>True when the figure is an estimate or a proxy (e.g. net stock growth instead of new-build).</summary>
    public bool IsEstimate { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A region's trajectory profile: the weight of each year of the period (the target is spread in
/// proportion; without rows the trajectory is linear). Applies to the region and its members.
/// </summary>
public sealed class TrajectoryWeightRow
{
    public required string RegionId { get; set; }

    public int Year { get; set; }

    public int Weight { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One parameter of a stored forecast parameter set (realisation probability and delay per planning status).</summary>
public sealed class ForecastParameterRow
{
    public required string SetId { get; set; }

    public required string SetName { get; set; }

    /// <summary>Planning status code or "contracted".</summary>
    public required string Key { get; set; }

    public required string Label { get; set; }

    /// <summary>Realisation probability, exact "a/b".</summary>
    public required string Probability { get; set; }

    /// <summary>Delay distribution: probabilities of 0, 1, 2, … years as "a/b;c/d;…".</summary>
    public required string Delay { get; set; }

    public required string Source { get; set; }

    public required string Confidence { get; set; }

    public string? Note { get; set; }
}
