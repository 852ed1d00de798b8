using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>A municipality's VHP numbers for several years at once, as typed (page) or posted (API).</summary>
public sealed class HousingProgrammeForm
{
    public List<HousingProgrammeYearForm> Years { get; set; } = [];
}

/// <summary>
/// One year of the VHP: five counts as typed ("1.234" or "1234"; empty is 0) and the stored version the user read
/// (null when there was no row). A year whose counts are all empty and that has no stored row is left out.
/// </summary>
public sealed class HousingProgrammeYearForm
{
    public int? Year { get; set; }

    public string? SocialRent { get; set; }

    public string? MiddleRent { get; set; }

    public string? AffordableOwnership { get; set; }

    public string? FreeRent { get; set; }

    public string? FreeOwnership { get; set; }

    public int? Version { get; set; }

    /// <summary>The JSON names of the five counts, in column order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["socialRent", "middleRent", "affordableOwnership", "freeRent", "freeOwnership"];

    /// <summary>The five counts in column order (social rent … free ownership).</summary>
    public IReadOnlyList<string?> Counts => [SocialRent, MiddleRent, AffordableOwnership, FreeRent, FreeOwnership];

    public bool IsEmpty => Counts.All(string.IsNullOrWhiteSpace);

    /// <summary>The stored row as the form shows it (Dutch notation).</summary>
    public static HousingProgrammeYearForm From(HousingProgrammeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new HousingProgrammeYearForm
        {
            Year = row.Year,
            SocialRent = Core.Format.Count(row.SocialRent),
            MiddleRent = Core.Format.Count(row.MiddleRent),
            AffordableOwnership = Core.Format.Count(row.AffordableOwnership),
            FreeRent = Core.Format.Count(row.FreeRent),
            FreeOwnership = Core.Format.Count(row.FreeOwnership),
            Version = row.Version,
        };
    }
}
