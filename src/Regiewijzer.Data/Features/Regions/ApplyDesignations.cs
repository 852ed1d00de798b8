using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Regions;

/// <summary>
/// Makes the partition in force (region_memberships, which distribution, checks and monitoring read) follow the
/// designations in force on a date: a municipality in a designated region in force is in that region; every other
/// municipality is in its woondeal region (indicative). Regions a designation names that do not exist yet are created.
/// </summary>
public static class ApplyDesignations
{
    /// <summary>Stages the changes for <paramref name="acts"/> on <paramref name="date"/> in <paramref name="db"/> (tracked, not saved); returns how many municipalities change region or basis.</summary>
    internal static async Task<int> StageAsync(RegiewijzerDb db, IReadOnlyCollection<DesignationAct> acts, DateOnly date, CancellationToken ct)
    {
        var inForce = Designations.RegionsInForce(date, acts);
        var target = inForce.SelectMany(r => r.Municipalities.Select(m => (Municipality: m.Value, Region: r))).ToDictionary(x => x.Municipality, x => x.Region, StringComparer.Ordinal);
        var actOf = Designations.InForce(date, acts).SelectMany(a => a.RegionOf.Keys.Select(m => (m.Value, Act: a))).ToDictionary(x => x.Value, x => x.Act, StringComparer.Ordinal);
        var memberships = await db.Memberships.ToDictionaryAsync(m => m.MunicipalityCode, StringComparer.Ordinal, ct).ConfigureAwait(false);
        if (target.Count == 0 && memberships.Values.All(m => m.DesignationProvince is null))
        {
            return 0;
        }

        var regions = await db.Regions.ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var provinceNames = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var region in inForce)
        {
            var provinces = string.Join("; ", region.Provinces.Select(p => provinceNames.GetValueOrDefault(p.Value, p.Value)));
            if (!regions.TryGetValue(region.Id, out var row))
            {
                row = new HousingRegionRow
                {
                    Id = region.Id,
                    Name = region.Name,
                    Provinces = provinces,
                    DealPrecision = "not found",
                    Notes = "Aangewezen woningbouwregio zonder eigen woondeal.",
                };
                db.Regions.Add(row);
                regions[region.Id] = row;
            }
            else if (!string.Equals(row.Name, region.Name, StringComparison.Ordinal) || !string.Equals(row.Provinces, provinces, StringComparison.Ordinal))
            {
                (row.Name, row.Provinces) = (region.Name, provinces);
            }
        }

        var changed = 0;
        foreach (var (code, m) in memberships)
        {
            var deal = m.DealRegionId ?? m.RegionId;
            if (target.TryGetValue(code, out var designated))
            {
                var act = actOf[code];
                if (m.RegionId != designated.Id || m.DesignationProvince != act.Province.Value || m.DesignationVersion != act.Version)
                {
                    (m.DealRegionId, m.RegionId, m.DesignationProvince, m.DesignationVersion) = (deal, designated.Id, act.Province.Value, act.Version);
                    changed++;
                }
            }
            else if (m.DesignationProvince is not null || m.RegionId != deal)
            {
                (m.RegionId, m.DealRegionId, m.DesignationProvince, m.DesignationVersion) = (deal, null, null, null);
                changed++;
            }
        }

        foreach (var (code, region) in target.Where(t => !memberships.ContainsKey(t.Key)))
        {
            var act = actOf[code];
            db.Memberships.Add(new RegionMembershipRow
            {
                MunicipalityCode = code,
                RegionId = region.Id,
                Source = $"aanwijzing provincie {provinceNames.GetValueOrDefault(act.Province.Value, act.Province.Value)}, versie {act.Version}",
                DesignationProvince = act.Province.Value,
                DesignationVersion = act.Version,
            });
            changed++;
        }

        return changed;
    }

    /// <summary>Brings the partition in line with the acts in force on <paramref name="date"/> and saves (at start-up and when a date in force is reached).</summary>
    public static async Task<int> RunAsync(RegiewijzerDb db, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.DesignationActs.AnyAsync(ct).ConfigureAwait(false) && !await db.Memberships.AnyAsync(m => m.DesignationProvince != null, ct).ConfigureAwait(false))
        {
            return 0; // nothing designated: the woondeals are the regions, as seeded
        }

        var acts = await LoadDesignations.AllAsync(db, ct).ConfigureAwait(false);
        var changed = await StageAsync(db, [.. acts.Select(a => a.Act)], date, ct).ConfigureAwait(false);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>The acts plus one not yet stored.</summary>
    internal static ImmutableArray<DesignationAct> With(IEnumerable<StoredDesignation> stored, DesignationAct added) => [.. stored.Select(s => s.Act), added];
}
