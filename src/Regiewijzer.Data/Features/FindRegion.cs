using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>Finds a region by its id (WD19) or a unique part of its name (case-insensitive).</summary>
public static class FindRegion
{
    /// <returns>The region, or an error message in Dutch listing the candidates.</returns>
    public static async Task<(HousingRegionRow? Region, string? Error)> RunAsync(RegiewijzerDb db, string query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var q = query.Trim();
        var exact = regions.FirstOrDefault(r => string.Equals(r.Id, q, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, q, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return (exact, null);
        }

        var matches = regions.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"geen regio gevonden voor '{q}'; 'regiewijzer regios' toont alle regio's"),
            _ => (null, $"'{q}' past op meerdere regio's: {string.Join(", ", matches.Select(r => $"{r.Id} {r.Name}"))}"),
        };
    }
}
