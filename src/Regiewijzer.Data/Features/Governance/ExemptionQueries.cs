using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// Reading exemption requests (not public: signed-in users only) and the what-if of one request: the region's
/// distribution as in its latest agreement version, and as it would be if the request were granted.
/// </summary>
public static class ExemptionQueries
{
    /// <summary>A municipality's requests, newest first.</summary>
    public static async Task<Outcome<MunicipalityExemptions>> ListAsync(RegiewijzerDb db, Actor actor, string municipality, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var code = municipality.Trim().ToUpperInvariant();
        var m = await EditRules.MunicipalityAsync(db, code, ct).ConfigureAwait(false);
        if (m is null)
        {
            return Outcome<MunicipalityExemptions>.NotFound($"Er is geen gemeente met CBS-code '{municipality}'.");
        }

        if (!Permissions.CanReadRestricted(actor))
        {
            return Outcome<MunicipalityExemptions>.Forbidden("Aanvragen voor ontheffing zijn alleen zichtbaar na aanmelden.");
        }

        var region = m.Membership?.Region;
        var rows = await db.Exemptions.AsNoTracking().Where(x => x.MunicipalityCode == code).ToListAsync(ct).ConfigureAwait(false);
        var regionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct).ConfigureAwait(false);
        return Outcome<MunicipalityExemptions>.Ok(new MunicipalityExemptions(
            m.Code,
            m.Name,
            region?.Id,
            region?.Name,
            [.. rows.OrderByDescending(x => x.Id).Select(x => ExemptionView.From(x, m, regionNames.GetValueOrDefault(x.RegionId, x.RegionId)))],
            Permissions.CanEditMunicipality(actor, code)));
    }

    /// <summary>One request with its what-if.</summary>
    public static async Task<Outcome<ExemptionDetail>> DetailAsync(RegiewijzerDb db, Actor actor, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var view = await ViewAsync(db, id, ct).ConfigureAwait(false);
        if (view is null)
        {
            return Outcome<ExemptionDetail>.NotFound($"Er is geen ontheffing met nummer {id}.");
        }

        if (!Permissions.CanReadRestricted(actor))
        {
            return Outcome<ExemptionDetail>.Forbidden("Aanvragen voor ontheffing zijn alleen zichtbaar na aanmelden.");
        }

        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == view.RegionId, ct).ConfigureAwait(false);
        var (scenario, baseRow) = await AgreementRecords.BaseScenarioAsync(db, region, ct).ConfigureAwait(false);
        var (whatIf, problem) = Compute(scenario, view);
        var open = await db.Agreements.AsNoTracking().Open(region.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var requested = ExemptionLifecycle.IsOpen(view.Status);
        return Outcome<ExemptionDetail>.Ok(new ExemptionDetail(
            view,
            whatIf,
            problem,
            baseRow is null ? null : await AgreementRecords.ViewAsync(db, baseRow.Id, ct).ConfigureAwait(false),
            open is null ? null : await AgreementRecords.ViewAsync(db, open.Value, ct).ConfigureAwait(false),
            requested && Permissions.ExemptionDecider(actor, view.ProvinceCode) is not null,
            requested && Permissions.CanEditMunicipality(actor, view.MunicipalityCode)));
    }

    internal static async Task<ExemptionView?> ViewAsync(RegiewijzerDb db, int id, CancellationToken ct)
    {
        var row = await db.Exemptions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var m = await db.Municipalities.AsNoTracking().FirstAsync(x => x.Code == row.MunicipalityCode, ct).ConfigureAwait(false);
        var regionName = await db.Regions.AsNoTracking().Where(r => r.Id == row.RegionId).Select(r => r.Name).FirstAsync(ct).ConfigureAwait(false);
        return ExemptionView.From(row, m, regionName);
    }

    /// <summary>The what-if, or why it cannot be computed (e.g. the municipality has no task in the distribution).</summary>
    internal static (ExemptionWhatIf? WhatIf, string? Problem) Compute(Core.Scenarios.Scenario scenario, ExemptionView view)
    {
        var code = new Core.Geography.MunicipalityCode(view.MunicipalityCode);
        if (scenario.Region.Municipalities.All(m => m.Code != code))
        {
            return (null, $"{view.MunicipalityName} doet niet mee in de verdeling van {view.RegionName} (geen opgave voor de periode): de ontheffing verandert niets.");
        }

        try
        {
            return (ExemptionImpact.Compute(scenario.Region, scenario.Norms, code, view.Floor, view.RequestedFloor), null);
        }
        catch (ArgumentException e)
        {
            return (null, "Het effect kan niet worden berekend: " + e.Message);
        }
    }
}
