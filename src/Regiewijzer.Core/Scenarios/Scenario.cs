using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Scenarios;

/// <summary>Whole years, inclusive: 2022-2030 is nine years.</summary>
public sealed record YearRange
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public YearRange(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        From = from;
        To = to;
    }

    public int From { get; }

    public int To { get; }
}

/// <summary>A parsed, valid scenario file (format version 1 or 2, see docs/scenario-format.md).</summary>
public sealed record Scenario(string? Name, YearRange? Period, NormSet Norms, RegionInput Region)
{
    /// <summary>Scenario format version 1 (no provinces).</summary>
    public const int FormatVersion = 1;

    /// <summary>Scenario format version 2: an optional province per municipality and optional levels (domain.md §5b).</summary>
    public const int FormatVersion2 = 2;

    /// <summary>The version of the file read; a scenario with provinces or region-only levels is always written as version 2.</summary>
    public int Version { get; init; } = FormatVersion;

    /// <summary>The version to write: 2 when the scenario uses a field of version 2.</summary>
    public int VersionToWrite =>
        Region.Levels != DistributionLevels.ProvinceAndRegion || Region.Municipalities.Any(m => m.Province is not null)
            ? FormatVersion2
            : Version;
}

/// <summary>One problem in a scenario file: the JSON path ("$.municipalities[2].code") and the reason in Dutch.</summary>
public sealed record ScenarioError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Either a scenario or every error found in the file.</summary>
public sealed record ScenarioReadResult(Scenario? Scenario, ImmutableArray<ScenarioError> Errors)
{
    public bool IsValid => Scenario is not null && Errors.IsEmpty;
}
