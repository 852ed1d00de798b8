using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// Create an instruction (concept), change it while it is a concept, and move it through its lifecycle (give, mark
/// complied, withdraw). A province instructs its own municipalities (art. 2.33), the Rijk provinces and municipalities
/// (art. 2.34); only editors of the issuing organisation change it. Every change states the version the user read.
/// </summary>
public static class InstructionEdits
{
    public static async Task<Outcome<InstructionView>> CreateAsync(RegiewijzerDb db, Actor actor, InstructionForm form, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.IsAuthenticated)
        {
            return Outcome<InstructionView>.Forbidden("Meld u aan om een instructie op te stellen.");
        }

        var (addressee, problem) = await AddresseeAsync(db, form.Addressee, ct).ConfigureAwait(false);
        if (addressee is null)
        {
            return Outcome<InstructionView>.Invalid("addressee", problem!);
        }

        if (Permissions.InstructionIssuer(actor, InstructionRegister.Ref(addressee)) is not { } issuer)
        {
            return Outcome<InstructionView>.Forbidden(
                $"U mag geen instructie geven aan {addressee.Name}: een provincie geeft instructies aan haar eigen gemeenten (Omgevingswet art. 2.33), " +
                "het Rijk aan provincies en gemeenten (art. 2.34), en dat vraagt de rol bewerker bij die provincie of het Rijk.");
        }

        var errors = Check(issuer.Kind, addressee.Kind, form, InstructionDates.Today(clock), out var deadline);
        if (errors.Count > 0)
        {
            return Outcome<InstructionView>.Invalid(errors);
        }

        var row = new InstructionRow
        {
            IssuerId = issuer.Id,
            AddresseeId = addressee.Id,
            LegalBasis = InstructionRules.LegalBasis(issuer.Kind),
            Subject = form.Subject!.Trim(),
            Content = form.Content!.Trim(),
            Deadline = deadline,
            Status = InstructionStatus.Concept,
            WarningReference = Reference(form.WarningReference),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        db.Instructions.Add(row);
        AuditActing.For(db, actor, issuer.Id);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return await InstructionRegister.FindAsync(db, actor, row.Id, ct).ConfigureAwait(false);
    }

    /// <summary>Changes a concept (addressee, subject, content, deadline, warning): the issuer's editors, at the version they read.</summary>
    public static async Task<Outcome<InstructionView>> UpdateAsync(RegiewijzerDb db, Actor actor, int id, InstructionForm form, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (row, current, refusal) = await LoadForChangeAsync(db, actor, id, form.Version, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!InstructionLifecycle.IsEditable(row!.Status))
        {
            return Outcome<InstructionView>.IllegalTransition($"De instructie is {row.Status.Dutch()}; alleen een concept kan worden gewijzigd.");
        }

        var (addressee, problem) = await AddresseeAsync(db, form.Addressee, ct).ConfigureAwait(false);
        if (addressee is null)
        {
            return Outcome<InstructionView>.Invalid("addressee", problem!);
        }

        if (Permissions.InstructionIssuer(actor, InstructionRegister.Ref(addressee))?.Id != row.IssuerId)
        {
            return Outcome<InstructionView>.Invalid("addressee", $"{current!.Issuer.Name} kan geen instructie geven aan {addressee.Name}.");
        }

        var errors = Check(current!.Issuer.Kind, addressee.Kind, form, InstructionDates.Today(clock), out var deadline);
        if (errors.Count > 0)
        {
            return Outcome<InstructionView>.Invalid(errors);
        }

        (row.AddresseeId, row.Subject, row.Content, row.Deadline, row.WarningReference) =
            (addressee.Id, form.Subject!.Trim(), form.Content!.Trim(), deadline, Reference(form.WarningReference));
        db.Entry(row).State = EntityState.Modified;
        return await SaveAsync(db, actor, row, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives, marks complied or withdraws an instruction (<see cref="InstructionLifecycle"/>); giving sets IssuedAt. Giving
    /// is a decision with legal weight (issue 15): without <paramref name="confirmed"/> nothing is recorded.
    /// </summary>
    public static async Task<Outcome<InstructionView>> MoveAsync(RegiewijzerDb db, Actor actor, int id, InstructionStatus to, int? version, bool confirmed, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var (row, _, refusal) = await LoadForChangeAsync(db, actor, id, version, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (InstructionLifecycle.Refusal(row!.Status, to) is { } reason)
        {
            return Outcome<InstructionView>.IllegalTransition(reason);
        }

        var today = InstructionDates.Today(clock);
        if (to == InstructionStatus.Issued && row.Deadline <= today)
        {
            return Outcome<InstructionView>.Invalid("deadline",
                $"De termijn ({DutchTime.Dutch(row.Deadline)}) ligt niet meer na vandaag ({DutchTime.Dutch(today)}); pas het concept aan voordat u de instructie geeft.");
        }

        if (to == InstructionStatus.Issued && !confirmed)
        {
            return Outcome<InstructionView>.Invalid(AgreementChanges.ConfirmedField,
                "Een instructie geven is een openbaar besluit en vraagt een uitdrukkelijke bevestiging (confirmed) nadat u geadresseerde, termijn en grondslag hebt gezien. De instructie is niet gegeven.");
        }

        row.Status = to;
        if (to == InstructionStatus.Issued)
        {
            row.IssuedAt = clock.GetUtcNow();
        }

        var saved = await SaveAsync(db, actor, row, ct).ConfigureAwait(false);
        if (saved.Succeeded && to == InstructionStatus.Issued)
        {
            RegiewijzerMetrics.Decided("instructie");
        }

        return saved;
    }

    /// <summary>The tracked row when the actor may change it at <paramref name="version"/>; otherwise the refusal (not found, forbidden, conflict).</summary>
    private static async Task<(InstructionRow? Row, InstructionView? Current, Outcome<InstructionView>? Refusal)> LoadForChangeAsync(
        RegiewijzerDb db, Actor actor, int id, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await InstructionRegister.FindAsync(db, actor, id, ct).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return (null, null, actor.IsAuthenticated ? found : Outcome<InstructionView>.Forbidden("Meld u aan om een instructie te wijzigen."));
        }

        var current = found.Value!;
        if (!Permissions.CanManageInstruction(actor, current.Row.IssuerId))
        {
            return (null, current, Outcome<InstructionView>.Forbidden($"Alleen bewerkers van {current.Issuer.Name} (de uitvaardiger) kunnen deze instructie wijzigen."));
        }

        if (version != current.Row.Version)
        {
            return (null, current, Conflict(current, version));
        }

        var row = await db.Instructions.FirstAsync(i => i.Id == id, ct).ConfigureAwait(false);
        db.Entry(row).Property(i => i.Version).OriginalValue = version.GetValueOrDefault(); // the UPDATE checks it: a save in between is caught too
        return (row, current, null);
    }

    private static async Task<Outcome<InstructionView>> SaveAsync(RegiewijzerDb db, Actor actor, InstructionRow row, CancellationToken ct)
    {
        AuditActing.For(db, actor, row.IssuerId);
        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            var stored = await InstructionRegister.FindAsync(db, actor, row.Id, ct).ConfigureAwait(false);
            return Conflict(stored.Value, null);
        }

        db.ChangeTracker.Clear();
        return await InstructionRegister.FindAsync(db, actor, row.Id, ct).ConfigureAwait(false);
    }

    private static Outcome<InstructionView> Conflict(InstructionView? current, int? version) => Outcome<InstructionView>.Conflict(
        current is null
            ? "De instructie is intussen verwijderd."
            : $"Iemand anders heeft de instructie intussen gewijzigd: u las versie {(version is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(geen)")}, opgeslagen is versie {current.Row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({current.Row.Status.Dutch()}). Er is niets gewijzigd.",
        current);

    private static async Task<(OrganisationRow? Addressee, string? Problem)> AddresseeAsync(RegiewijzerDb db, string? text, CancellationToken ct)
    {
        var id = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id))
        {
            return (null, "De geadresseerde ontbreekt: geef de CBS-code van een gemeente (GM0228) of provincie (PV25).");
        }

        var row = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct).ConfigureAwait(false);
        return row is null ? (null, $"Er is geen gemeente of provincie met code '{text!.Trim()}'.") : (row, null);
    }

    /// <summary>Every problem of the fields, keyed by field: InstructionRules.Check plus the date and the warning reference.</summary>
    private static List<FieldError> Check(OrganisationKind issuer, OrganisationKind addressee, InstructionForm form, DateOnly today, out DateOnly deadline)
    {
        var errors = new List<FieldError>();
        var parsed = InstructionDates.Parse(form.Deadline);
        if (parsed is null)
        {
            errors.Add(new("deadline", string.IsNullOrWhiteSpace(form.Deadline)
                ? "De termijn ontbreekt (een datum, bijvoorbeeld 2027-07-01)."
                : $"'{form.Deadline!.Trim()}' is geen datum (schrijf 2027-07-01 of 1-7-2027)."));
        }

        deadline = parsed ?? today.AddDays(1);
        foreach (var problem in InstructionRules.Check(issuer, addressee, form.Subject, form.Content, deadline, today))
        {
            errors.Add(new(FieldOf(problem), problem));
        }

        var reference = form.WarningReference?.Trim();
        if (!string.IsNullOrEmpty(reference) && !IsReference(reference))
        {
            errors.Add(new("warningReference", $"'{reference}' is geen signalering: verwacht bijvoorbeeld voortgang/gemeente/GM0228 (hoogstens 200 tekens)."));
        }

        return errors;
    }

    private static string FieldOf(string problem) =>
        problem.StartsWith("Het onderwerp", StringComparison.Ordinal) ? "subject"
        : problem.StartsWith("De inhoud", StringComparison.Ordinal) ? "content"
        : problem.StartsWith("De termijn", StringComparison.Ordinal) ? "deadline"
        : "addressee";

    private static bool IsReference(string text) =>
        text.Length <= 200 && text.StartsWith("voortgang/", StringComparison.Ordinal) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-');

    private static string? Reference(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
