using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>What the region page and its downloads need: the region with its members (and their provinces) and its distribution.</summary>
/// <param name="Region">The region with <see cref="HousingRegionRow.Members"/> loaded, each with municipality and province.</param>
/// <param name="Outcome">The distribution, or the reason there is none.</param>
/// <param name="MissingReasons">Why each member without a task was left out, by municipality code.</param>
public sealed record RegionFacts(HousingRegionRow Region, RegionOutcome Outcome, IReadOnlyDictionary<string, string> MissingReasons)
{
    /// <summary>Members by code, for the indicative flag and the province.</summary>
    public RegionMembershipRow? Member(string code) => Region.Members.FirstOrDefault(m => string.Equals(m.MunicipalityCode, code, StringComparison.Ordinal));

    /// <summary>The provinces of the members: (code, name), by code.</summary>
    public IReadOnlyList<(string Code, string Name)> Provinces =>
    [
        .. Region.Members.Select(m => m.Municipality!.Province!).DistinctBy(p => p.Code).OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Code, p.Name)),
    ];

    /// <summary>
    /// The region by id (WD19, any case): one query for the region, members and provinces, and one more only when
    /// members lack a task. The distribution is the country check's (the one the API gives), not computed again.
    /// </summary>
    /// <returns>Null when there is no region with that id.</returns>
    public static async Task<RegionFacts?> LoadAsync(RegiewijzerDb db, CountryCheck country, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(country);
        var key = id.Trim().ToUpperInvariant();
        var region = await db.Regions.AsNoTracking()
            .Include(r => r.Members).ThenInclude(m => m.Municipality).ThenInclude(m => m!.Province)
            .FirstOrDefaultAsync(r => r.Id == key, ct).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        var outcome = country.Regions.FirstOrDefault(o => o.Question.Region.Id == region.Id)
            ?? await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false); // a region stored after the check was made
        return new RegionFacts(region, outcome, await MissingReasonsAsync(db, region, outcome.Question, ct).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyDictionary<string, string>> MissingReasonsAsync(RegiewijzerDb db, HousingRegionRow region, RegionQuestion question, CancellationToken ct)
    {
        if (question.IsComplete)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var codes = question.WithoutTask.Select(m => m.Code).ToList();
        var withTask = await db.Tasks.AsNoTracking()
            .Where(t => codes.Contains(t.MunicipalityCode) && t.PeriodFrom == region.PeriodFrom && t.PeriodTo == region.PeriodTo)
            .Select(t => t.MunicipalityCode)
            .ToListAsync(ct).ConfigureAwait(false);
        var period = $"{region.PeriodFrom}–{region.PeriodTo}";
        return codes.ToDictionary(
            c => c,
            c => withTask.Contains(c, StringComparer.Ordinal) ? "geen woningvoorraad bekend (nodig voor het aandeel corporatiewoningen)" : $"geen opgave bekend voor {period}",
            StringComparer.Ordinal);
    }
}
