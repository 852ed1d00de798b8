using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// A municipality requests an exemption (ontheffing: a lowered floor for its lagging segment, with grounds) or withdraws
/// its open request. Only the municipality's own editors (<see cref="Permissions.CanEditMunicipality"/>).
/// </summary>
public static class ExemptionRequests
{
    /// <summary>
    /// Submits a request. <paramref name="percent"/> is the requested floor as a Dutch percentage ("20" or "20,5");
    /// checked with <see cref="ExemptionRequestRules"/>. One open request per municipality and segment.
    /// </summary>
    public static async Task<Outcome<ExemptionView>> RequestAsync(
        RegiewijzerDb db, Actor actor, string municipality, ExemptionFloor? floor, string? percent, string? grounds, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var code = municipality.Trim().ToUpperInvariant();
        var m = await EditRules.MunicipalityAsync(db, code, ct).ConfigureAwait(false);
        if (m is null)
        {
            return Outcome<ExemptionView>.NotFound($"Er is geen gemeente met CBS-code '{municipality}'.");
        }

        if (!Permissions.CanEditMunicipality(actor, code))
        {
            return Outcome<ExemptionView>.Forbidden($"Alleen een bewerker van {m.Name} vraagt namens die gemeente een ontheffing aan.");
        }

        var region = m.Membership?.Region;
        var errors = new List<FieldError>();
        if (region is null)
        {
            errors.Add(new FieldError("municipality", $"{m.Name} hoort bij geen woningbouwregio: er is geen verdeling om een ondergrens in te verlagen."));
        }

        if (floor is null)
        {
            errors.Add(new FieldError("floor", "Kies de ondergrens die u wilt verlagen: sociale huur of middensegment."));
        }

        var (requested, percentError) = ExemptionPercent.Parse(percent);
        if (percentError is not null)
        {
            errors.Add(new FieldError("requestedFloor", percentError));
        }

        if (floor is { } f)
        {
            var norms = Core.Norms.NormSets.Default;
            foreach (var problem in ExemptionRequestRules.Check(requested ?? Core.Fraction.Zero, f, norms, grounds))
            {
                var field = problem.StartsWith("De onderbouwing", StringComparison.Ordinal) ? "grounds" : "requestedFloor";
                if (field == "grounds" || percentError is null)
                {
                    errors.Add(new FieldError(field, problem));
                }
            }

            if (await db.Exemptions.AnyAsync(x => x.MunicipalityCode == code && x.Floor == f && x.Status == ExemptionStatus.Requested, ct).ConfigureAwait(false))
            {
                errors.Add(new FieldError("floor", $"{m.Name} heeft al een openstaande aanvraag voor {f.Dutch()}; trek die eerst in of wacht het besluit af."));
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<ExemptionView>.Invalid(errors);
        }

        var row = new ExemptionRow
        {
            MunicipalityCode = code,
            RegionId = region!.Id,
            Floor = floor!.Value,
            RequestedFloor = ExemptionPercent.ToStored(requested!.Value),
            Grounds = grounds!.Trim(),
            RequestedAt = (clock ?? TimeProvider.System).GetUtcNow(),
            RequestedBy = actor.Name,
            Status = ExemptionStatus.Requested,
        };
        db.Exemptions.Add(row);
        AuditActing.For(db, actor, code);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return Outcome<ExemptionView>.Ok(ExemptionView.From(row, m, region.Name));
    }

    /// <summary>Withdraws an open request of the actor's municipality (version-checked).</summary>
    public static async Task<Outcome<ExemptionView>> WithdrawAsync(RegiewijzerDb db, Actor actor, int id, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Exemptions.FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Outcome<ExemptionView>.NotFound($"Er is geen ontheffing met nummer {id}.");
        }

        if (!Permissions.CanEditMunicipality(actor, row.MunicipalityCode))
        {
            return Outcome<ExemptionView>.Forbidden($"Alleen een bewerker van gemeente {row.MunicipalityCode} trekt deze aanvraag in.");
        }

        if (row.Version != version)
        {
            return Outcome<ExemptionView>.Conflict("Iemand anders heeft de aanvraag intussen gewijzigd; er is niets opgeslagen.", await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false));
        }

        if (ExemptionLifecycle.Refusal(row.Status, ExemptionStatus.Withdrawn) is { } refusal)
        {
            return Outcome<ExemptionView>.IllegalTransition(refusal);
        }

        row.Status = ExemptionStatus.Withdrawn;
        db.Entry(row).Property(x => x.Version).OriginalValue = version;
        AuditActing.For(db, actor, row.MunicipalityCode);
        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            return Outcome<ExemptionView>.Conflict("Iemand anders heeft de aanvraag intussen gewijzigd; er is niets opgeslagen.", await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false));
        }

        return Outcome<ExemptionView>.Ok((await ExemptionQueries.ViewAsync(db, id, ct).ConfigureAwait(false))!);
    }
}
