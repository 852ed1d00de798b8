using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>Loading and building agreement versions: shared by the agreement and exemption features.</summary>
internal static class AgreementRecords
{
    /// <summary>A region's adopted versions, newest first: the first is the version in force.</summary>
    public static IQueryable<AgreementRow> InForce(this IQueryable<AgreementRow> agreements, string regionId) =>
        agreements.Where(a => a.RegionId == regionId && a.Status == AgreementStatus.Adopted).OrderByDescending(a => a.Number);

    /// <summary>A region's open version (concept or voorgesteld; there is at most one).</summary>
    public static IQueryable<AgreementRow> Open(this IQueryable<AgreementRow> agreements, string regionId) =>
        agreements.Where(a => a.RegionId == regionId && a.Status != AgreementStatus.Adopted).OrderBy(a => a.Number);

    public static async Task<(HousingRegionRow Region, IReadOnlyList<RegionMember> Members)?> RegionAsync(RegiewijzerDb db, string regionId, CancellationToken ct)
    {
        var id = regionId.Trim().ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        var members = await db.Memberships.AsNoTracking().Where(m => m.RegionId == id)
            .Join(db.Municipalities.AsNoTracking(), m => m.MunicipalityCode, g => g.Code, (m, g) => new RegionMember(g.Code, g.Name, g.ProvinceCode))
            .ToListAsync(ct).ConfigureAwait(false);
        return (region, [.. members.OrderBy(m => m.Code, StringComparer.Ordinal)]);
    }

    public static async Task<List<AgreementRow>> VersionsAsync(RegiewijzerDb db, string regionId, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().Include(a => a.Shares).Where(a => a.RegionId == regionId)
            .OrderByDescending(a => a.Number).ToListAsync(ct).ConfigureAwait(false);

    public static async Task<AgreementView?> ViewAsync(RegiewijzerDb db, int id, CancellationToken ct)
    {
        var row = await db.Agreements.AsNoTracking().Include(a => a.Shares).FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var regionName = await db.Regions.AsNoTracking().Where(r => r.Id == row.RegionId).Select(r => r.Name).FirstAsync(ct).ConfigureAwait(false);
        var responses = await db.AgreementResponses.AsNoTracking().Where(r => r.AgreementId == id)
            .Join(db.Municipalities.AsNoTracking(), r => r.MunicipalityCode, m => m.Code, (r, m) => new { r, m.Name })
            .ToListAsync(ct).ConfigureAwait(false);
        return View(row, regionName, [.. responses.OrderBy(x => x.r.MunicipalityCode, StringComparer.Ordinal)
            .Select(x => new AgreementResponseView(x.r.MunicipalityCode, x.Name, x.r.Kind, x.r.Comment, x.r.At, x.r.By, x.r.Version))]);
    }

    public static AgreementView View(AgreementRow row, string regionName, IReadOnlyList<AgreementResponseView>? responses = null) => new(
        row.Id, row.RegionId, regionName, row.Number, row.Status, row.Reason, row.ExemptionId, row.PreviousId, row.CreatedAt, row.CreatedBy,
        row.ProposedAt, row.AdoptedAt, row.AdoptedBy, row.Version,
        [.. row.Shares.OrderBy(s => s.MunicipalityCode, StringComparer.Ordinal)
            .Select(s => new AgreedShare(new MunicipalityCode(s.MunicipalityCode), s.Name, s.Task, s.SocialRent, s.Middle, s.Free))],
        responses ?? []);

    /// <summary>The scenario stored with a version (always written by <see cref="ScenarioWriter"/>, so it reads back).</summary>
    public static Scenario ReadScenario(string json)
    {
        var read = ScenarioReader.Read(json);
        return read.Scenario ?? throw new InvalidOperationException("Stored agreement scenario is invalid: " + string.Join("; ", read.Errors));
    }

    /// <summary>A new version's row: the scenario JSON and the shares of its distribution.</summary>
    public static AgreementRow NewVersion(string regionId, int number, Scenario scenario, string reason, int? previousId, int? exemptionId, Actor actor, DateTimeOffset now)
    {
        var result = Distribution.Distribute(scenario.Region, scenario.Norms);
        var row = new AgreementRow
        {
            RegionId = regionId,
            Number = number,
            Status = AgreementStatus.Concept,
            Scenario = ScenarioWriter.WriteInput(scenario),
            Reason = reason,
            PreviousId = previousId,
            ExemptionId = exemptionId,
            CreatedAt = now,
            CreatedBy = actor.Name,
        };
        foreach (var m in result.Municipalities.OrderBy(m => m.Code))
        {
            row.Shares.Add(new AgreementShareRow { MunicipalityCode = m.Code.Value, Name = m.Name, Task = m.Task, SocialRent = m.Social, Middle = m.Middle, Free = m.Free });
        }

        return row;
    }

    /// <summary>The region's latest version's scenario, or the current distribution input when there is no version yet.</summary>
    public static async Task<(Scenario Scenario, AgreementRow? Base)> BaseScenarioAsync(RegiewijzerDb db, HousingRegionRow region, CancellationToken ct)
    {
        var latest = await db.Agreements.AsNoTracking().Where(a => a.RegionId == region.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (latest is not null)
        {
            return (ReadScenario(latest.Scenario), latest);
        }

        var question = await LoadRegionInput.RunAsync(db, region, ct).ConfigureAwait(false);
        return (question.Scenario, null);
    }
}
