using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Reference;

/// <summary>
/// The organisations that work in the system: the Rijk, the 12 provinces and the municipalities of the reference data
/// (342 in 2025). Added to a database that has none yet; a municipality added later (a merger) gets its organisation
/// on the next start.
/// </summary>
public static class OrganisationSeeder
{
    /// <summary>The Rijk's organisation id.</summary>
    public const string Rijk = "RIJK";

    public static async Task<bool> SeedAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = (await db.Organisations.Select(o => o.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var added = new List<object>();
        if (!known.Contains(Rijk))
        {
            added.Add(new OrganisationRow { Id = Rijk, Kind = OrganisationKind.Rijk, Name = "Rijk (ministerie van VRO)" });
        }

        foreach (var p in await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false))
        {
            if (known.Add(p.Code))
            {
                added.Add(new OrganisationRow { Id = p.Code, Kind = OrganisationKind.Province, Name = "Provincie " + p.Name, ProvinceCode = p.Code });
            }
        }

        foreach (var m in await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct).ConfigureAwait(false))
        {
            if (known.Add(m.Code))
            {
                added.Add(new OrganisationRow { Id = m.Code, Kind = OrganisationKind.Municipality, Name = "Gemeente " + m.Name, ProvinceCode = m.ProvinceCode });
            }
        }

        await BulkInsert.InsertAsync(db, added, ct).ConfigureAwait(false);
        return added.Count > 0;
    }
}
