using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Features.Deals;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Regions;

/// <summary>A stored act with what a reader needs beside the Core act: who recorded it and when.</summary>
public sealed record StoredDesignation(DesignationAct Act, string ProvinceName, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>How a province's regions stand on a date: designated (in force), designated but waiting for a partner province, or indicative (the woondeals).</summary>
public enum DesignationState
{
    /// <summary>No act in force: the woondeals serve as indicative regions.</summary>
    Indicative,

    /// <summary>An act is in force and every region of it is in force.</summary>
    Designated,

    /// <summary>An act is in force but at least one of its regions waits for another province's designation.</summary>
    Waiting,
}

/// <summary>One province's designation status on a date.</summary>
/// <param name="Code">PV code.</param>
/// <param name="Name">Province name.</param>
/// <param name="State">Designated, waiting or indicative.</param>
/// <param name="Act">The act in force, if any.</param>
/// <param name="Waiting">Regions of that act not yet in force, with the provinces (names) still to designate them.</param>
public sealed record ProvinceDesignation(string Code, string Name, DesignationState State, StoredDesignation? Act, ImmutableArray<(string RegionId, string RegionName, ImmutableArray<string> Missing)> Waiting);

/// <summary>What a province needs to designate: the draft (deals, overlaps, current choices) and its history.</summary>
public sealed record DesignationWorkspace(
    string ProvinceCode,
    string ProvinceName,
    DesignationDraft Draft,
    ImmutableArray<StoredDesignation> History,
    IReadOnlyDictionary<string, string> ProvinceNames,
    IReadOnlyDictionary<string, string> DealNames)
{
    /// <summary>The version a new act gets (the latest plus one).</summary>
    public int NextVersion => History.IsEmpty ? 1 : History.Max(h => h.Act.Version) + 1;
}

/// <summary>Reads the designation acts as Core records and answers the questions pages, API and CLI ask.</summary>
public static class LoadDesignations
{
    /// <summary>Every stored act (all provinces), oldest first.</summary>
    public static async Task<ImmutableArray<StoredDesignation>> AllAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var acts = await db.DesignationActs.AsNoTracking().OrderBy(a => a.ProvinceCode).ThenBy(a => a.Version).ToListAsync(ct).ConfigureAwait(false);
        if (acts.Count == 0)
        {
            return [];
        }

        var regions = (await db.DesignationRegions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(r => r.ActId);
        var assignments = (await db.DesignationAssignments.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(a => a.ActId);
        var names = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. acts.Select(a => new StoredDesignation(ToCore(a, regions[a.Id], assignments[a.Id]), names.GetValueOrDefault(a.ProvinceCode, a.ProvinceCode), a.RecordedAt, a.RecordedBy))];
    }

    /// <summary>The Core act of stored rows.</summary>
    internal static DesignationAct ToCore(DesignationActRow act, IEnumerable<DesignationRegionRow> regions, IEnumerable<DesignationAssignmentRow> assignments)
    {
        var regionList = regions.ToList();
        return new DesignationAct(
            new ProvinceCode(act.ProvinceCode),
            act.Version,
            act.InForceFrom,
            act.LegalReference,
            assignments.ToImmutableDictionary(x => new MunicipalityCode(x.MunicipalityCode), x => x.RegionId),
            regionList.ToImmutableDictionary(r => r.RegionId, r => r.Name, StringComparer.Ordinal))
        {
            Partners = regionList.Where(r => r.Partners.Length > 0).ToImmutableDictionary(
                r => r.RegionId,
                r => r.Partners.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new ProvinceCode(p)).ToImmutableArray(),
                StringComparer.Ordinal),
        };
    }

    /// <summary>Each province's status on <paramref name="date"/>, in province code order.</summary>
    public static async Task<ImmutableArray<ProvinceDesignation>> StatusAsync(RegiewijzerDb db, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await AllAsync(db, ct).ConfigureAwait(false);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
        return Status(date, stored, provinces.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal));
    }

    internal static ImmutableArray<ProvinceDesignation> Status(DateOnly date, ImmutableArray<StoredDesignation> stored, IReadOnlyDictionary<string, string> provinceNames)
    {
        var acts = stored.Select(s => s.Act).ToList();
        return [.. provinceNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var province = new ProvinceCode(p.Key);
            if (Designations.InForce(province, date, acts) is not { } act)
            {
                return new ProvinceDesignation(p.Key, p.Value, DesignationState.Indicative, null, []);
            }

            ImmutableArray<(string, string, ImmutableArray<string>)> waiting = [.. Designations.Waiting(province, date, acts).Select(w =>
                (w.Region, act.RegionNames.GetValueOrDefault(w.Region, w.Region), w.Missing.Select(q => provinceNames.GetValueOrDefault(q.Value, q.Value)).ToImmutableArray()))];
            return new ProvinceDesignation(
                p.Key, p.Value, waiting.IsEmpty ? DesignationState.Designated : DesignationState.Waiting, stored.First(s => s.Act == act), waiting);
        })];
    }

    /// <summary>The draft and history for <paramref name="provinceCode"/>, or null when there is no such province.</summary>
    public static async Task<DesignationWorkspace?> WorkspaceAsync(RegiewijzerDb db, string provinceCode, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = (provinceCode ?? string.Empty).Trim().ToUpperInvariant();
        var provinceNames = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        if (!provinceNames.TryGetValue(code, out var name))
        {
            return null;
        }

        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.ProvinceCode == code).ToDictionaryAsync(m => new MunicipalityCode(m.Code), m => m.Name, ct).ConfigureAwait(false);
        var deals = await LoadDeals.AllAsync(db, ct).ConfigureAwait(false);
        var all = await AllAsync(db, ct).ConfigureAwait(false);
        var history = all.Where(s => s.Act.Province.Value == code).ToImmutableArray();
        var latest = history.IsEmpty ? null : history.MaxBy(h => h.Act.Version)!.Act;
        return new DesignationWorkspace(
            code,
            name,
            DesignationDraft.For(new ProvinceCode(code), municipalities, deals, latest),
            history,
            provinceNames,
            deals.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal));
    }

    /// <summary>"Which region was GM0203 in on 1 March 2027?": the designated region in force then, or null (then the woondeal served as indicative region).</summary>
    public static async Task<DesignatedRegion?> RegionOfAsync(RegiewijzerDb db, string municipalityCode, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await AllAsync(db, ct).ConfigureAwait(false);
        return Designations.RegionOf(new MunicipalityCode(municipalityCode), date, [.. stored.Select(s => s.Act)]);
    }

    /// <summary>The deals a municipality is party to (for the indicative answer beside <see cref="RegionOfAsync"/>).</summary>
    public static IEnumerable<Deal> DealsOf(IEnumerable<Deal> deals, string municipalityCode) =>
        deals.Where(d => d.Parties.Any(p => p.Municipality.Value == municipalityCode));
}
