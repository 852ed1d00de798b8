using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Features.Work;

/// <summary>
/// Loads the governance records as the Core work list and events see them (<see cref="WorkList"/>,
/// <see cref="GovernanceEvents"/>). The records are made by people (versions, responses, requests, instructions): tens
/// to hundreds of rows, read whole and filtered in memory.
/// </summary>
public static class GovernanceFacts
{
    /// <summary>What is open in the country now; programme and data-quality states only for <paramref name="municipalities"/>.</summary>
    public static async Task<OpenWork> OpenAsync(RegiewijzerDb db, IReadOnlyCollection<string> municipalities, IReadOnlyCollection<string> provinces, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (names, regions, provinceOf, regionOf, managing) = await PlacesAsync(db, ct).ConfigureAwait(false);

        var proposed = await db.Agreements.AsNoTracking().Include(a => a.Shares).Where(a => a.Status == AgreementStatus.Proposed).ToListAsync(ct).ConfigureAwait(false);
        var proposedIds = proposed.Select(a => a.Id).ToList();
        var responses = (await db.AgreementResponses.AsNoTracking().Where(r => proposedIds.Contains(r.AgreementId)).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(r => r.AgreementId);
        var versions = proposed.Where(a => a.ProposedAt is not null).Select(a => new ProposedVersion(
            a.Id,
            a.RegionId,
            regions.GetValueOrDefault(a.RegionId, a.RegionId),
            a.Number,
            DutchTime.Date(a.ProposedAt!.Value),
            [.. a.Shares.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new OrganisationName(s.MunicipalityCode, s.Name))],
            responses[a.Id].ToImmutableDictionary(r => r.MunicipalityCode, r => r.Kind, StringComparer.Ordinal),
            managing.GetValueOrDefault(a.RegionId, []))).ToImmutableArray();

        var exemptions = (await db.Exemptions.AsNoTracking().Where(e => e.Status == ExemptionStatus.Requested).ToListAsync(ct).ConfigureAwait(false))
            .Select(e => new PendingExemption(e.Id, Name(names, e.MunicipalityCode), provinceOf.GetValueOrDefault(e.MunicipalityCode, string.Empty), e.Floor, DutchTime.Date(e.RequestedAt)))
            .ToImmutableArray();
        var instructions = (await db.Instructions.AsNoTracking().Where(i => i.Status == InstructionStatus.Issued).ToListAsync(ct).ConfigureAwait(false))
            .Select(i => new IssuedInstruction(i.Id, Name(names, i.IssuerId), Name(names, i.AddresseeId), i.Subject, i.Deadline)).ToImmutableArray();
        var proposals = (await db.TaskProposals.AsNoTracking().Where(p => p.Status == "open").ToListAsync(ct).ConfigureAwait(false))
            .Select(p => new PendingTaskProposal(
                p.Id, Name(names, p.MunicipalityCode), provinceOf.GetValueOrDefault(p.MunicipalityCode, string.Empty),
                regionOf.GetValueOrDefault(p.MunicipalityCode, string.Empty), $"{p.PeriodFrom}-{p.PeriodTo}", DutchTime.Date(p.ProposedAt)))
            .ToImmutableArray();

        // Declared programmes: for the given municipalities and for every municipality of the given provinces.
        var wanted = provinceOf.Where(m => municipalities.Contains(m.Key) || provinces.Contains(m.Value)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var declared = (await db.HousingProgrammes.AsNoTracking().Select(h => h.MunicipalityCode).Distinct().ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var programmes = ImmutableArray.CreateBuilder<ProgrammeState>();
        foreach (var code in wanted.Order(StringComparer.Ordinal))
        {
            var findings = 0;
            if (declared.Contains(code) && municipalities.Contains(code))
            {
                var state = await Governance.HousingProgrammeEdits.LoadAsync(db, Reader, code, ct).ConfigureAwait(false);
                findings = state.Value?.Report?.Findings.Length ?? 0;
            }

            programmes.Add(new ProgrammeState(Name(names, code), provinceOf[code], declared.Contains(code), findings));
        }

        var quality = ImmutableArray<QualityState>.Empty;
        if (municipalities.Count > 0)
        {
            var report = await CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
            quality = [.. report.Findings.Where(f => municipalities.Contains(f.Municipality.Value)).GroupBy(f => f.Municipality.Value)
                .Select(g => new QualityState(Name(names, g.Key), provinceOf.GetValueOrDefault(g.Key, string.Empty), g.Count()))];
        }

        return new OpenWork(versions, exemptions, instructions, programmes.ToImmutable(), quality, proposals);
    }

    /// <summary>The events since <paramref name="since"/>, oldest first.</summary>
    public static async Task<ImmutableArray<GovernanceEvent>> EventsAsync(RegiewijzerDb db, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (names, regions, provinceOf, regionOf, managing) = await PlacesAsync(db, ct).ConfigureAwait(false);

        // Only versions that were proposed have responses; a concept is told of no one.
        var shown = await db.Agreements.AsNoTracking().Include(a => a.Shares).Where(a => a.Status != AgreementStatus.Concept).ToListAsync(ct).ConfigureAwait(false);
        var agreements = shown.Where(a => a.ProposedAt >= since || a.AdoptedAt >= since).ToList();
        var byId = shown.ToDictionary(a => a.Id);
        var responses = (await db.AgreementResponses.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).Where(r => r.At >= since && byId.ContainsKey(r.AgreementId));
        var exemptions = (await db.Exemptions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).Where(e => e.RequestedAt >= since || e.DecidedAt >= since);
        var instructions = (await db.Instructions.AsNoTracking().Where(i => i.IssuedAt != null).ToListAsync(ct).ConfigureAwait(false)).Where(i => i.IssuedAt >= since);
        var proposals = (await db.TaskProposals.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).Where(p => p.ProposedAt >= since).ToList();

        return GovernanceEvents.From(
            agreements.Select(a => new AgreementFact(
                a.Id, regions.GetValueOrDefault(a.RegionId, a.RegionId), a.Number, a.ProposedAt, a.AdoptedAt, a.AdoptedBy,
                [.. a.Shares.Select(s => s.MunicipalityCode)], managing.GetValueOrDefault(a.RegionId, []))),
            responses.Select(r => new ResponseFact(
                r.Id, r.AgreementId, regions.GetValueOrDefault(byId[r.AgreementId].RegionId, byId[r.AgreementId].RegionId), byId[r.AgreementId].Number,
                Name(names, r.MunicipalityCode), r.Kind, r.At, r.By, managing.GetValueOrDefault(byId[r.AgreementId].RegionId, []))),
            exemptions.Select(e => new ExemptionFact(
                e.Id, Name(names, e.MunicipalityCode), provinceOf.GetValueOrDefault(e.MunicipalityCode, string.Empty), e.Floor, e.RequestedAt, e.RequestedBy,
                e.Status, e.DecidedAt, e.DecidedBy, e.DecidedByOrganisation is { } d ? Name(names, d).Name : null)),
            instructions.Select(i => new InstructionFact(i.Id, Name(names, i.IssuerId), Name(names, i.AddresseeId), i.Subject, i.IssuedAt!.Value, i.Deadline)),
            proposals.Select(p => new TaskProposalFact(
                p.Id, Name(names, p.MunicipalityCode), provinceOf.GetValueOrDefault(p.MunicipalityCode, string.Empty),
                regionOf.GetValueOrDefault(p.MunicipalityCode, string.Empty), $"{p.PeriodFrom}-{p.PeriodTo}", p.ProposedAt, p.ProposedBy)),
            since);
    }

    /// <summary>A reader's eyes for the programme check (the work list is shown only to signed-in accounts).</summary>
    private static readonly Actor Reader = new("systeem", "systeem", [new Grant(new OrganisationRef("RIJK", OrganisationKind.Rijk, null), AccountRole.Viewer)]);

    /// <summary>
    /// Names and places, read once per call: organisation names, region names, each municipality's province and region,
    /// and per region the provinces of its members (they manage its agreement, <see cref="Permissions.CanManageRegion"/>).
    /// </summary>
    private static async Task<Places> PlacesAsync(RegiewijzerDb db, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var provinceOf = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.ProvinceCode, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var regionOf = await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.MunicipalityCode, m => m.RegionId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var managing = regionOf.Where(m => provinceOf.ContainsKey(m.Key)).GroupBy(m => m.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => provinceOf[m.Key]).Distinct().Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        return new Places(names, regions, provinceOf, regionOf, managing);
    }

    private sealed record Places(
        Dictionary<string, string> Names,
        Dictionary<string, string> Regions,
        Dictionary<string, string> ProvinceOf,
        Dictionary<string, string> RegionOf,
        Dictionary<string, ImmutableArray<string>> Managing);

    private static OrganisationName Name(Dictionary<string, string> names, string id) => new(id, names.GetValueOrDefault(id, id));
}
