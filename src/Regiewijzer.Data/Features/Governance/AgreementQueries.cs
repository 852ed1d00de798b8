using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// Reading regional agreements: all regions, one region's versions, one version. Adopted versions are public;
/// concept and proposed versions only for signed-in users (<see cref="Permissions.CanReadRestricted"/>).
/// </summary>
public static class AgreementQueries
{
    /// <summary>Every region with its version in force and its open version (open only for signed-in users).</summary>
    public static async Task<IReadOnlyList<AgreementOverviewLine>> OverviewAsync(RegiewijzerDb db, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var restricted = Permissions.CanReadRestricted(actor);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Agreements.AsNoTracking().Include(a => a.Shares).ToListAsync(ct).ConfigureAwait(false);
        var byRegion = rows.ToLookup(a => a.RegionId, StringComparer.Ordinal);
        return [.. regions.Select(r =>
        {
            var versions = byRegion[r.Id].Where(a => restricted || a.Status == AgreementStatus.Adopted).ToList();
            var inForce = versions.Where(a => a.Status == AgreementStatus.Adopted).MaxBy(a => a.Number);
            var open = versions.Where(a => a.Status != AgreementStatus.Adopted).MaxBy(a => a.Number);
            return new AgreementOverviewLine(
                r.Id, r.Name, versions.Count,
                inForce is null ? null : AgreementRecords.View(inForce, r.Name),
                open is null ? null : AgreementRecords.View(open, r.Name));
        })];
    }

    /// <summary>A region's versions, newest first.</summary>
    public static async Task<Outcome<RegionAgreements>> RegionAsync(RegiewijzerDb db, Actor actor, string regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await AgreementRecords.RegionAsync(db, regionId, ct).ConfigureAwait(false);
        if (found is null)
        {
            return Outcome<RegionAgreements>.NotFound($"Er is geen woningbouwregio met code '{regionId}'.");
        }

        var (region, members) = found.Value;

        var restricted = Permissions.CanReadRestricted(actor);
        var versions = (await AgreementRecords.VersionsAsync(db, region.Id, ct).ConfigureAwait(false))
            .Where(a => restricted || a.Status == AgreementStatus.Adopted)
            .Select(a => AgreementRecords.View(a, region.Name)).ToList();
        return Outcome<RegionAgreements>.Ok(new RegionAgreements(
            region.Id,
            region.Name,
            versions,
            versions.FirstOrDefault(v => v.Status == AgreementStatus.Adopted),
            versions.FirstOrDefault(v => v.Status != AgreementStatus.Adopted),
            Permissions.CanManageRegion(actor, members.Select(m => m.ProvinceCode)),
            restricted));
    }

    /// <summary>One version with its comparison to the previous version, the version in force and the cut-off.</summary>
    public static async Task<Outcome<AgreementDetail>> VersionAsync(RegiewijzerDb db, Actor actor, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var view = await AgreementRecords.ViewAsync(db, id, ct).ConfigureAwait(false);
        if (view is null)
        {
            return Outcome<AgreementDetail>.NotFound($"Er is geen afspraak met nummer {id}.");
        }

        if (view.Status != AgreementStatus.Adopted && !Permissions.CanReadRestricted(actor))
        {
            return Outcome<AgreementDetail>.Forbidden("Een afspraak in concept of voorgesteld is alleen zichtbaar na aanmelden; vastgestelde afspraken zijn openbaar.");
        }

        var (_, members) = (await AgreementRecords.RegionAsync(db, view.RegionId, ct).ConfigureAwait(false))!.Value;
        var previous = view.PreviousId is { } p ? await AgreementRecords.ViewAsync(db, p, ct).ConfigureAwait(false) : null;
        var inForceId = await db.Agreements.AsNoTracking().InForce(view.RegionId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var inForce = inForceId is null ? null : inForceId == view.Id ? view : await AgreementRecords.ViewAsync(db, inForceId.Value, ct).ConfigureAwait(false);
        var canManage = Permissions.CanManageRegion(actor, members.Select(m => m.ProvinceCode));
        var allowed = canManage ? Enum.GetValues<AgreementStatus>().Where(s => AgreementLifecycle.CanMove(view.Status, s)).ToList() : [];
        var respondFor = AgreementLifecycle.AcceptsResponses(view.Status)
            ? members.Where(m => Permissions.CanEditMunicipality(actor, m.Code)).Select(m => m.Code).ToList()
            : [];
        return Outcome<AgreementDetail>.Ok(new AgreementDetail(
            view,
            previous,
            previous is null ? null : AgreementComparison.Compare(previous.Shares, view.Shares),
            inForce,
            await CutoffAsync(db, inForce?.AdoptedAt, members, ct).ConfigureAwait(false),
            members,
            canManage,
            allowed,
            respondFor));
    }

    /// <summary>Plans of the members contracted before the adoption date of the version in force, and their homes.</summary>
    internal static async Task<ContractCutoff> CutoffAsync(RegiewijzerDb db, DateTimeOffset? adoptedAt, IReadOnlyList<RegionMember> members, CancellationToken ct)
    {
        if (adoptedAt is not { } at)
        {
            return new ContractCutoff(null, 0, 0);
        }

        var cutoff = DutchTime.Date(at); // the adoption date as the council knows it
        var codes = members.Select(m => m.Code).ToList();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Deliveries)
            .Where(p => codes.Contains(p.MunicipalityCode) && p.Contracted && p.ContractedOn != null && p.ContractedOn < cutoff)
            .ToListAsync(ct).ConfigureAwait(false);
        var homes = plans.SelectMany(p => p.Deliveries)
            .Sum(d => LoadMonitoring.Homes(d).Total);
        return new ContractCutoff(cutoff, plans.Count, homes);
    }
}
