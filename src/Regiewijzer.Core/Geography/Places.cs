using System.Collections.Immutable;

namespace Regiewijzer.Core.Geography;

/// <summary>A province (provincie), one of twelve.</summary>
public sealed record Province(ProvinceCode Code, string Name);

/// <summary>A municipality (gemeente) in its current division, with the province it lies in.</summary>
public sealed record Municipality(MunicipalityCode Code, string Name, ProvinceCode Province);

/// <summary>
/// A woningbouwregio: the table where the distribution is agreed. It may cross a provincial
/// border; a municipality belongs to exactly one region.
/// </summary>
public sealed record HousingRegion(string Id, string Name, ImmutableArray<MunicipalityCode> Members);
