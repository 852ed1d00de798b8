using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// Changing a region's agreement (domain.md §8): a new concept version, a status transition (concept → voorgesteld →
/// vastgesteld, or back to concept), and a member municipality's response. Each checks the actor's permissions
/// itself; a transition or response states the version the user read (optimistic concurrency).
/// </summary>
public static class AgreementChanges
{
    /// <summary>Greatest length of a reason for a new version.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The field of the explicit confirmation of a decision (adopting, deciding, giving), as the API names it.</summary>
    public const string ConfirmedField = "confirmed";

    /// <summary>Greatest length of a response's comment.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>
    /// A new concept version: version 1 from the region's current distribution input, a later one from the latest
    /// version's scenario. Only editors of a member's province; only when no concept or proposed version is open.
    /// </summary>
    public static Task<Outcome<AgreementView>> CreateAsync(RegiewijzerDb db, Actor actor, string regionId, string? reason, TimeProvider? clock = null, CancellationToken ct = default) =>
        CreateFromAsync(db, actor, regionId, reason, whatIf: null, clock, ct);

    /// <summary>
    /// A new concept version from a what-if (issue 13): the what-if's scenario instead of the stored distribution or the
    /// latest version, once it is checked to be a scenario of this region and period (<see cref="AgreementLifecycle.WhatIfRefusal"/>).
    /// </summary>
    public static Task<Outcome<AgreementView>> CreateFromWhatIfAsync(RegiewijzerDb db, Actor actor, string regionId, string? reason, Scenario whatIf, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        return CreateFromAsync(db, actor, regionId, reason, whatIf, clock, ct);
    }

    private static async Task<Outcome<AgreementView>> CreateFromAsync(RegiewijzerDb db, Actor actor, string regionId, string? reason, Scenario? whatIf, TimeProvider? clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await AgreementRecords.RegionAsync(db, regionId, ct).ConfigureAwait(false);
        if (found is null)
        {
            return Outcome<AgreementView>.NotFound($"Er is geen woningbouwregio met code '{regionId}'.");
        }

        var (region, members) = found.Value;
        if (Permissions.RegionManager(actor, members.Select(m => m.ProvinceCode)) is not { } province)
        {
            return Outcome<AgreementView>.Forbidden($"Alleen een bewerker van een provincie waarin {region.Name} ligt, maakt een nieuwe versie van de afspraak.");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxReasonLength)
        {
            return Outcome<AgreementView>.Invalid("reason", text.Length == 0
                ? "Geef de reden van de nieuwe versie (bijvoorbeeld ‘eerste versie’ of ‘nieuwe opgave na herijking’)."
                : $"De reden is te lang: {text.Length} tekens, hoogstens {MaxReasonLength}.");
        }

        if (await db.Agreements.AsNoTracking().Open(region.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } open)
        {
            return Outcome<AgreementView>.Invalid("reason", $"Versie {open.Number} is nog {open.Status.Dutch()}: er is maar één open versie tegelijk. Stel die vast of werk die bij.");
        }

        var (scenario, latest) = await AgreementRecords.BaseScenarioAsync(db, region, ct).ConfigureAwait(false);
        if (whatIf is not null)
        {
            if (AgreementLifecycle.WhatIfRefusal(whatIf, [.. members.Select(m => m.Code)], region.PeriodFrom, region.PeriodTo, region.Name) is { } refusal)
            {
                return Outcome<AgreementView>.Invalid("scenario", refusal);
            }

            scenario = whatIf with { Name = scenario.Name, Period = scenario.Period };
        }

        if (scenario.Region.Municipalities.IsEmpty)
        {
            return Outcome<AgreementView>.Invalid("reason", $"{region.Name} heeft geen gemeente met een opgave: er valt niets te verdelen.");
        }

        var row = AgreementRecords.NewVersion(region.Id, (latest?.Number ?? 0) + 1, scenario, text, latest?.Id, null, actor, (clock ?? TimeProvider.System).GetUtcNow());
        db.Agreements.Add(row);
        AuditActing.For(db, actor, province);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // The unique (region, number): someone made a version at the same moment.
            db.ChangeTracker.Clear();
            return Outcome<AgreementView>.Conflict("Iemand anders heeft tegelijk een nieuwe versie gemaakt.", await LatestAsync(db, region.Id, ct).ConfigureAwait(false));
        }

        return Outcome<AgreementView>.Ok(AgreementRecords.View(row, region.Name));
    }

    /// <summary>
    /// Moves a version to <paramref name="to"/> (<see cref="AgreementLifecycle.Refusal"/>); adopting sets AdoptedAt and
    /// AdoptedBy. <paramref name="version"/> is the version the user read: when it moved on, a conflict with the stored one.
    /// Adopting is a decision with legal weight (issue 15): without <paramref name="confirmed"/> (the person saw
    /// <see cref="AgreementDetail.AdoptionFacts"/> and confirmed) nothing is recorded and the outcome is invalid on "confirmed".
    /// </summary>
    public static async Task<Outcome<AgreementView>> TransitionAsync(
        RegiewijzerDb db, Actor actor, int id, AgreementStatus to, int version, bool confirmed, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Outcome<AgreementView>.NotFound($"Er is geen afspraak met nummer {id}.");
        }

        var (region, members) = (await AgreementRecords.RegionAsync(db, row.RegionId, ct).ConfigureAwait(false))!.Value;
        if (Permissions.RegionManager(actor, members.Select(m => m.ProvinceCode)) is not { } province)
        {
            return Outcome<AgreementView>.Forbidden($"Alleen een bewerker van een provincie waarin {region.Name} ligt, verandert de status van de afspraak.");
        }

        if (row.Status == AgreementStatus.Adopted)
        {
            return Outcome<AgreementView>.IllegalTransition($"Versie {row.Number} is vastgesteld en daarmee onveranderlijk; maak een nieuwe versie.");
        }

        if (row.Version != version)
        {
            return await ConflictAsync(db, id, ct).ConfigureAwait(false);
        }

        if (AgreementLifecycle.Refusal(row.Status, to) is { } refusal)
        {
            return Outcome<AgreementView>.IllegalTransition(refusal);
        }

        if (to == AgreementStatus.Adopted && !confirmed)
        {
            return Outcome<AgreementView>.Invalid(ConfirmedField,
                $"Vaststellen is definitief en vraagt een uitdrukkelijke bevestiging (confirmed) nadat u de bezwaren, de gemeenten zonder reactie en de grondslag hebt gezien. Versie {row.Number} is niet vastgesteld.");
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        row.Status = to;
        (row.ProposedAt, row.AdoptedAt, row.AdoptedBy) = to switch
        {
            AgreementStatus.Proposed => (now, null, null),
            AgreementStatus.Adopted => (row.ProposedAt, now, actor.Name),
            _ => (row.ProposedAt, (DateTimeOffset?)null, (string?)null),
        };
        db.Entry(row).Property(a => a.Version).OriginalValue = version;
        AuditActing.For(db, actor, province);
        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            return await ConflictAsync(db, id, ct).ConfigureAwait(false);
        }

        if (to == AgreementStatus.Adopted)
        {
            RegiewijzerMetrics.Decided("afspraak");
        }

        return Outcome<AgreementView>.Ok((await AgreementRecords.ViewAsync(db, id, ct).ConfigureAwait(false))!);
    }

    /// <summary>
    /// A member municipality's akkoord or bezwaar on a proposed version; answering again replaces its answer when
    /// <paramref name="responseVersion"/> is the version of the answer the user read.
    /// </summary>
    public static async Task<Outcome<AgreementView>> RespondAsync(
        RegiewijzerDb db, Actor actor, int id, string municipality, ResponseKind kind, string? comment, int? responseVersion, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Outcome<AgreementView>.NotFound($"Er is geen afspraak met nummer {id}.");
        }

        var code = municipality.Trim().ToUpperInvariant();
        var (region, members) = (await AgreementRecords.RegionAsync(db, row.RegionId, ct).ConfigureAwait(false))!.Value;
        var name = members.FirstOrDefault(m => m.Code == code)?.Name ?? $"gemeente {code}";
        if (!Permissions.CanEditMunicipality(actor, code))
        {
            return Outcome<AgreementView>.Forbidden($"Alleen een bewerker van {name} reageert namens die gemeente.");
        }

        if (members.All(m => m.Code != code))
        {
            return Outcome<AgreementView>.NotFound($"Gemeente {code} hoort niet bij {region.Name}.");
        }

        if (!AgreementLifecycle.AcceptsResponses(row.Status))
        {
            return Outcome<AgreementView>.IllegalTransition($"Versie {row.Number} is {row.Status.Dutch()}: gemeenten reageren alleen op een voorgestelde versie.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text?.Length > MaxCommentLength)
        {
            return Outcome<AgreementView>.Invalid("comment", $"De toelichting is te lang: {text.Length} tekens, hoogstens {MaxCommentLength}.");
        }

        if (kind == ResponseKind.Objected && text is null)
        {
            return Outcome<AgreementView>.Invalid("comment", "Licht een bezwaar toe: wat moet er anders en waarom?");
        }

        var existing = await db.AgreementResponses.FirstOrDefaultAsync(r => r.AgreementId == id && r.MunicipalityCode == code, ct).ConfigureAwait(false);
        if (existing is not null && existing.Version != responseVersion)
        {
            return await ConflictAsync(db, id, ct, $"{name} heeft al gereageerd (versie {existing.Version} van de reactie); lees de huidige reactie en antwoord opnieuw.").ConfigureAwait(false);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var response = existing ?? db.AgreementResponses.Add(new AgreementResponseRow { AgreementId = id, MunicipalityCode = code, By = actor.Name }).Entity;
        (response.Kind, response.Comment, response.At, response.By) = (kind, text, now, actor.Name);
        if (existing is not null)
        {
            db.Entry(existing).Property(r => r.Version).OriginalValue = responseVersion!.Value;
            db.Entry(existing).State = EntityState.Modified;
        }

        AuditActing.For(db, actor, code);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // A concurrent change of the same answer, or a first answer saved at the same moment (unique index).
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, id, ct, $"Iemand anders heeft intussen namens {name} gereageerd.").ConfigureAwait(false);
        }

        return Outcome<AgreementView>.Ok((await AgreementRecords.ViewAsync(db, id, ct).ConfigureAwait(false))!);
    }

    private static async Task<Outcome<AgreementView>> ConflictAsync(RegiewijzerDb db, int id, CancellationToken ct, string? reason = null) =>
        Outcome<AgreementView>.Conflict(
            reason ?? "Iemand anders heeft deze versie intussen gewijzigd; hieronder staat de huidige stand. Er is niets opgeslagen.",
            await AgreementRecords.ViewAsync(db, id, ct).ConfigureAwait(false));

    private static async Task<AgreementView?> LatestAsync(RegiewijzerDb db, string regionId, CancellationToken ct)
    {
        var id = await db.Agreements.AsNoTracking().Where(a => a.RegionId == regionId).OrderByDescending(a => a.Number).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return id is null ? null : await AgreementRecords.ViewAsync(db, id.Value, ct).ConfigureAwait(false);
    }
}
