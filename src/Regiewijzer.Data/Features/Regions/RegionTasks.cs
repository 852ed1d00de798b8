using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Regions;

/// <summary>One member's task in the period shown, with the open proposal of its municipality if any.</summary>
public sealed record MemberTask(string Code, string Name, string ProvinceCode, TaskRow? Task, TaskProposalRow? Proposal, bool MayEdit);

/// <summary>A region's task in one period: the regional total (sum of the municipal tasks), each member's task and proposals.</summary>
/// <param name="Region">The region.</param>
/// <param name="Period">The period shown.</param>
/// <param name="InUse">The period the distribution uses (the region's own period).</param>
/// <param name="Periods">The periods offered.</param>
/// <param name="Members">The members in name order.</param>
public sealed record RegionTaskView(HousingRegionRow Region, TaskPeriod Period, TaskPeriod InUse, ImmutableArray<TaskPeriod> Periods, ImmutableArray<MemberTask> Members)
{
    /// <summary>The regional task: the sum of the municipal tasks known in the period.</summary>
    public int Total => Members.Sum(m => m.Task?.Homes ?? 0);

    /// <summary>Members without a task in the period.</summary>
    public int Missing => Members.Count(m => m.Task is null);

    /// <summary>True when the actor may set at least one member's task (a province editor).</summary>
    public bool MayEdit => Members.Any(m => m.MayEdit);
}

/// <summary>
/// The task per region and period (issue 13): the province sets its municipalities' tasks (afgesproken with a source, or
/// afgeleid with a method) and which period the distribution uses; a municipality proposes its own task; the province
/// adopts or rejects. Every change is in the audit trail; each task row carries a version.
/// </summary>
public static class RegionTasks
{
    public const string Open = "open";
    public const string Adopted = "vastgesteld";
    public const string Rejected = "afgewezen";

    /// <summary>The region's task in <paramref name="period"/> (null: the period in use), or null when there is no such region.</summary>
    public static async Task<RegionTaskView?> LoadAsync(RegiewijzerDb db, Actor actor, string regionId, TaskPeriod? period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var id = (regionId ?? string.Empty).Trim().ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        var inUse = new TaskPeriod(region.PeriodFrom, region.PeriodTo);
        var shown = period ?? inUse;
        var members = await db.Memberships.AsNoTracking().Where(m => m.RegionId == id)
            .Join(db.Municipalities.AsNoTracking(), m => m.MunicipalityCode, g => g.Code, (m, g) => new { g.Code, g.Name, g.ProvinceCode }).ToListAsync(ct).ConfigureAwait(false);
        var codes = members.Select(m => m.Code).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => codes.Contains(t.MunicipalityCode)).ToListAsync(ct).ConfigureAwait(false);
        var proposals = await db.TaskProposals.AsNoTracking()
            .Where(p => codes.Contains(p.MunicipalityCode) && p.PeriodFrom == shown.From && p.PeriodTo == shown.To && p.Status == Open).ToListAsync(ct).ConfigureAwait(false);
        var names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
        return new RegionTaskView(
            region,
            shown,
            inUse,
            TaskPeriods.Offered(tasks.Select(t => new TaskPeriod(t.PeriodFrom, t.PeriodTo)).Append(inUse)),
            [.. members.OrderBy(m => m.Name, names).Select(m => new MemberTask(
                m.Code,
                m.Name,
                m.ProvinceCode,
                tasks.FirstOrDefault(t => t.MunicipalityCode == m.Code && t.PeriodFrom == shown.From && t.PeriodTo == shown.To),
                proposals.Where(p => p.MunicipalityCode == m.Code).MaxBy(p => p.ProposedAt),
                Permissions.CanDesignate(actor, m.ProvinceCode)))]);
    }

    /// <summary>
    /// The province sets the tasks of its municipalities in the region for <paramref name="period"/>: each entry with its
    /// homes, origin and source or method, and the version read (0 for a new task). An open proposal for that
    /// municipality and period is adopted when the number equals it.
    /// </summary>
    public static async Task<Outcome<RegionTaskView>> SetAsync(
        RegiewijzerDb db, Actor actor, string regionId, TaskPeriod period, IReadOnlyList<(TaskEntry Entry, int? Version)> entries, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(clock);
        var view = await LoadAsync(db, actor, regionId, period, ct).ConfigureAwait(false);
        if (view is null)
        {
            return Outcome<RegionTaskView>.NotFound($"Er is geen woningbouwregio met code {regionId}.");
        }

        if (!actor.IsAuthenticated || !view.MayEdit)
        {
            return Outcome<RegionTaskView>.Forbidden("Alleen bewerkers van de provincie stellen de opgave vast; een gemeente kan een opgave voorstellen.");
        }

        if (entries.Count > 400)
        {
            return Outcome<RegionTaskView>.Invalid("tasks", "Stuur ten hoogste 400 opgaven tegelijk.");
        }

        var errors = new List<FieldError>();
        var byCode = view.Members.ToDictionary(m => m.Code, StringComparer.Ordinal);
        foreach (var (entry, _) in entries)
        {
            var code = entry.Municipality?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!byCode.TryGetValue(code, out var member))
            {
                errors.Add(new($"tasks.{code}", $"{code} is geen gemeente van {view.Region.Name}."));
                continue;
            }

            if (!member.MayEdit)
            {
                errors.Add(new($"tasks.{code}", $"{member.Name} ligt in een andere provincie; die provincie stelt haar opgave vast."));
                continue;
            }

            errors.AddRange(TaskRules.Check(entry, member.Name, $"tasks.{code}.").Select(e => new FieldError(e.Field, e.Reason)));
        }

        if (errors.Count > 0)
        {
            return Outcome<RegionTaskView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var codes = entries.Select(e => e.Entry.Municipality.Trim().ToUpperInvariant()).ToList();
        var stored = await db.Tasks.Where(t => codes.Contains(t.MunicipalityCode) && t.PeriodFrom == period.From && t.PeriodTo == period.To).ToListAsync(ct).ConfigureAwait(false);
        var open = await db.TaskProposals.Where(p => codes.Contains(p.MunicipalityCode) && p.PeriodFrom == period.From && p.PeriodTo == period.To && p.Status == Open).ToListAsync(ct).ConfigureAwait(false);
        string? province = null;
        foreach (var (entry, version) in entries)
        {
            var code = entry.Municipality.Trim().ToUpperInvariant();
            province ??= byCode[code].ProvinceCode;
            var derived = entry.Origin!.Trim().Equals(TaskRules.Derived, StringComparison.OrdinalIgnoreCase);
            var basis = entry.Basis!.Trim();
            var row = stored.FirstOrDefault(t => t.MunicipalityCode == code);
            if (row is null)
            {
                if (version is not (null or 0))
                {
                    return Outcome<RegionTaskView>.Conflict(DatabaseErrors.ConflictMessage, null);
                }

                row = new TaskRow { MunicipalityCode = code, PeriodFrom = period.From, PeriodTo = period.To, Source = basis, Version = 1 }; // 0 means "none read"
                db.Tasks.Add(row);
            }
            else if (version is { } v && v != row.Version)
            {
                return Outcome<RegionTaskView>.Conflict(DatabaseErrors.ConflictMessage, null);
            }

            if (row.Homes == entry.Homes && row.Origin == (derived ? TaskOrigin.Derived : TaskOrigin.Agreed) && (derived ? row.Method : row.Source) == basis && db.Entry(row).State != EntityState.Added)
            {
                continue; // unchanged
            }

            row.Homes = entry.Homes!.Value;
            row.Origin = derived ? TaskOrigin.Derived : TaskOrigin.Agreed;
            row.Method = derived ? basis : null;
            row.Source = derived ? $"afgeleid door de provincie ({DutchTime.Dutch(now)})" : basis;
            foreach (var p in open.Where(p => p.MunicipalityCode == code && p.Homes == row.Homes))
            {
                (p.Status, p.DecidedBy, p.DecidedAt) = (Adopted, actor.Name, now);
            }
        }

        AuditActing.For(db, actor, province);
        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            return Outcome<RegionTaskView>.Conflict(DatabaseErrors.ConflictMessage, null);
        }

        return Outcome<RegionTaskView>.Ok((await LoadAsync(db, actor, regionId, period, ct).ConfigureAwait(false))!);
    }

    /// <summary>A municipality proposes its own task for <paramref name="period"/>, with its reasoning; one open proposal per period (a new one replaces it).</summary>
    public static async Task<Outcome<TaskProposalRow>> ProposeAsync(
        RegiewijzerDb db, Actor actor, string municipality, TaskPeriod period, int? homes, string? reasoning, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        var code = (municipality ?? string.Empty).Trim().ToUpperInvariant();
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct).ConfigureAwait(false);
        if (m is null)
        {
            return Outcome<TaskProposalRow>.NotFound($"Er is geen gemeente met code {municipality}.");
        }

        if (!Permissions.CanEditMunicipality(actor, code))
        {
            return Outcome<TaskProposalRow>.Forbidden($"Alleen bewerkers van {m.Name} stellen een opgave voor {m.Name} voor.");
        }

        var errors = TaskRules.Check(new TaskEntry(code, homes, TaskRules.Agreed, reasoning), m.Name)
            .Select(e => new FieldError(e.Field == "basis" ? "reasoning" : e.Field, e.Field == "basis" ? $"{m.Name}: onderbouw het voorstel ({TaskRules.MinBasisLength} tot {TaskRules.MaxBasisLength} tekens)." : e.Reason))
            .Where(e => e.Field != "origin").ToList();
        if (errors.Count > 0)
        {
            return Outcome<TaskProposalRow>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        foreach (var old in await db.TaskProposals.Where(p => p.MunicipalityCode == code && p.PeriodFrom == period.From && p.PeriodTo == period.To && p.Status == Open).ToListAsync(ct).ConfigureAwait(false))
        {
            (old.Status, old.DecidedBy, old.DecidedAt) = (Rejected, $"{actor.Name} (vervangen door een nieuw voorstel)", now);
        }

        var row = new TaskProposalRow
        {
            MunicipalityCode = code,
            PeriodFrom = period.From,
            PeriodTo = period.To,
            Homes = homes!.Value,
            Reasoning = reasoning!.Trim(),
            ProposedBy = actor.Name,
            ProposedAt = now,
            Status = Open,
        };
        db.TaskProposals.Add(row);
        AuditActing.For(db, actor, code);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return Outcome<TaskProposalRow>.Ok(row);
    }

    /// <summary>The province adopts (the task becomes the proposal, afgesproken, with the proposal as source) or rejects an open proposal.</summary>
    public static async Task<Outcome<TaskProposalRow>> DecideAsync(RegiewijzerDb db, Actor actor, int proposalId, bool adopt, int? version, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        var p = await db.TaskProposals.FirstOrDefaultAsync(x => x.Id == proposalId, ct).ConfigureAwait(false);
        if (p is null)
        {
            return Outcome<TaskProposalRow>.NotFound($"Er is geen voorstel {proposalId}.");
        }

        var m = await db.Municipalities.AsNoTracking().FirstAsync(x => x.Code == p.MunicipalityCode, ct).ConfigureAwait(false);
        if (!Permissions.CanDesignate(actor, m.ProvinceCode))
        {
            return Outcome<TaskProposalRow>.Forbidden($"Alleen bewerkers van de provincie van {m.Name} besluiten over dit voorstel.");
        }

        if (p.Status != Open)
        {
            return Outcome<TaskProposalRow>.IllegalTransition($"Over dit voorstel is al besloten ({p.Status}).");
        }

        if (version is { } v && v != p.Version)
        {
            return Outcome<TaskProposalRow>.Conflict(DatabaseErrors.ConflictMessage, p);
        }

        var now = clock.GetUtcNow();
        (p.Status, p.DecidedBy, p.DecidedAt) = (adopt ? Adopted : Rejected, actor.Name, now);
        if (adopt)
        {
            var task = await db.Tasks.FirstOrDefaultAsync(t => t.MunicipalityCode == p.MunicipalityCode && t.PeriodFrom == p.PeriodFrom && t.PeriodTo == p.PeriodTo, ct).ConfigureAwait(false);
            if (task is null)
            {
                task = new TaskRow { MunicipalityCode = p.MunicipalityCode, PeriodFrom = p.PeriodFrom, PeriodTo = p.PeriodTo, Source = string.Empty, Version = 1 };
                db.Tasks.Add(task);
            }

            (task.Homes, task.Origin, task.Method) = (p.Homes, TaskOrigin.Agreed, null);
            task.Source = $"voorstel van {m.Name} ({DutchTime.Dutch(p.ProposedAt)}), vastgesteld door de provincie op {DutchTime.Dutch(now)}: {p.Reasoning}";
            if (task.Source.Length > 1000)
            {
                task.Source = task.Source[..1000];
            }
        }

        AuditActing.For(db, actor, m.ProvinceCode);
        return await db.TrySaveVersionedAsync(ct).ConfigureAwait(false)
            ? Outcome<TaskProposalRow>.Ok(p)
            : Outcome<TaskProposalRow>.Conflict(DatabaseErrors.ConflictMessage, null);
    }

    /// <summary>The province chooses which period the region's distribution, checks and monitoring use.</summary>
    public static async Task<Outcome<HousingRegionRow>> UsePeriodAsync(RegiewijzerDb db, Actor actor, string regionId, TaskPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var view = await LoadAsync(db, actor, regionId, period, ct).ConfigureAwait(false);
        if (view is null)
        {
            return Outcome<HousingRegionRow>.NotFound($"Er is geen woningbouwregio met code {regionId}.");
        }

        if (!view.MayEdit)
        {
            return Outcome<HousingRegionRow>.Forbidden("Alleen bewerkers van de provincie kiezen de periode van de opgave.");
        }

        var region = await db.Regions.FirstAsync(r => r.Id == view.Region.Id, ct).ConfigureAwait(false);
        (region.PeriodFrom, region.PeriodTo) = (period.From, period.To);
        AuditActing.For(db, actor, view.Members.First(m => m.MayEdit).ProvinceCode);
        return await db.TrySaveVersionedAsync(ct).ConfigureAwait(false)
            ? Outcome<HousingRegionRow>.Ok(region)
            : Outcome<HousingRegionRow>.Conflict(DatabaseErrors.ConflictMessage, null);
    }
}
