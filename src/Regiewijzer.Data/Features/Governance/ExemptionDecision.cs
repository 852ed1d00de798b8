using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// The decision on an exemption request by the province of the municipality or the Rijk
/// (<see cref="Permissions.ExemptionDecider"/>), with reasoning: loads, asks Core (permission, version, lifecycle, then
/// <see cref="ExemptionDecisionRules.Check"/> for every problem of the input), saves. Granting makes a new concept version of the region's
/// agreement whose scenario carries the lowered floor and whose shares are the recomputed distribution, in the same
/// transaction as the decision. The decision needs an explicit confirmation (issue 15): without it nothing is recorded.
/// </summary>
public static class ExemptionDecision
{
    public static async Task<Outcome<ExemptionView>> DecideAsync(
        RegiewijzerDb db, Actor actor, int id, bool granted, string? reasoning, int version, bool confirmed, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var view = await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false);
        if (view is null)
        {
            return Outcome<ExemptionView>.NotFound($"Er is geen ontheffing met nummer {id}.");
        }

        if (Permissions.ExemptionDecider(actor, view.ProvinceCode) is not { } decider)
        {
            var province = await db.Organisations.AsNoTracking().Where(o => o.Id == view.ProvinceCode).Select(o => o.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return Outcome<ExemptionView>.Forbidden($"Over een ontheffing van {view.MunicipalityName} beslist {province ?? "de provincie"} of het Rijk.");
        }

        if (view.Version != version)
        {
            return Conflict(view);
        }

        var to = granted ? ExemptionStatus.Granted : ExemptionStatus.Refused;
        if (ExemptionLifecycle.Refusal(view.Status, to) is { } refusal)
        {
            return Outcome<ExemptionView>.IllegalTransition(refusal);
        }

        var open = granted ? await db.Agreements.AsNoTracking().Open(view.RegionId).FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
        var problems = ExemptionDecisionRules.Check(granted, reasoning, open is null ? null : new OpenAgreementVersion(open.Number, open.Status), view.RegionName);
        if (problems.Count > 0)
        {
            return Outcome<ExemptionView>.Invalid([.. problems.Select(p => new FieldError(p.Field, p.Reason))]);
        }

        if (!confirmed)
        {
            return Outcome<ExemptionView>.Invalid(AgreementChanges.ConfirmedField,
                $"Een besluit op een ontheffing is definitief en vraagt een uitdrukkelijke bevestiging (confirmed) nadat u hebt gezien wie het verschil opvangt en op welke grondslag. Er is niet besloten over de aanvraag van {view.MunicipalityName}.");
        }

        var text = reasoning!.Trim();
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        AgreementRow? agreement = null;
        if (granted)
        {
            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == view.RegionId, ct).ConfigureAwait(false);
            var (scenario, baseRow) = await AgreementRecords.BaseScenarioAsync(db, region, ct).ConfigureAwait(false);
            var (whatIf, problem) = ExemptionQueries.Compute(scenario, view);
            if (whatIf is null)
            {
                return Outcome<ExemptionView>.Invalid("granted", problem!);
            }

            agreement = AgreementRecords.NewVersion(
                region.Id, (baseRow?.Number ?? 0) + 1, scenario with { Region = whatIf.InputAfter },
                $"ontheffing {view.Id} verleend aan {view.MunicipalityName}", baseRow?.Id, view.Id, actor, now);
        }

        var row = await db.Exemptions.FirstAsync(x => x.Id == id, ct).ConfigureAwait(false);
        (row.Status, row.DecidedAt, row.DecidedBy, row.DecidedByOrganisation, row.Reasoning) = (to, now, actor.Name, decider.Id, text);
        db.Entry(row).Property(x => x.Version).OriginalValue = version;
        AuditActing.For(db, actor, decider.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            if (agreement is not null)
            {
                db.Agreements.Add(agreement);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            if (agreement is not null)
            {
                row.ResultingAgreementId = agreement.Id;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // Decided meanwhile (version), or a version of the agreement made at the same moment (unique number).
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return Conflict((await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false))!);
        }

        RegiewijzerMetrics.Decided("ontheffing");
        return Outcome<ExemptionView>.Ok((await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false))!);
    }

    private static Outcome<ExemptionView> Conflict(ExemptionView current) =>
        Outcome<ExemptionView>.Conflict("Iemand anders heeft intussen over deze aanvraag beslist of de afspraak gewijzigd; hieronder staat de huidige stand. Er is niets opgeslagen.", current);
}
