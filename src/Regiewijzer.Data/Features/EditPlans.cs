using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Reference;

namespace Regiewijzer.Data.Features;

/// <summary>
/// Create, change and remove a plan with its homes per year, as done in the web app. Every field is checked (Dutch
/// reasons per field); a change or removal states the <see cref="PlanRow.Version"/> the user loaded, and when the
/// stored plan has moved on since, nothing is written and both versions are returned (optimistic concurrency).
/// The overloads with an <see cref="Actor"/> check permissions first (issue 6: only the municipality's editors); the
/// ones without are the local operator's (tests, command line).
/// </summary>
public static class EditPlans
{
    /// <summary>The plans of a municipality with their deliveries, by code (read-only).</summary>
    public static async Task<IReadOnlyList<PlanRow>> ListAsync(RegiewijzerDb db, string municipality, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = municipality.ToUpperInvariant();
        var rows = await db.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.MunicipalityCode == code).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>One plan with its deliveries (read-only), or null.</summary>
    public static Task<PlanRow?> FindAsync(RegiewijzerDb db, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Plans.AsNoTracking().Include(p => p.Deliveries).FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>True for a plan from the shipped plan capacity ~2021 (also after it was edited here).</summary>
    public static bool IsShipped(PlanRow plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return IsShippedSource(plan.Source);
    }

    /// <summary>True for a plan source of the shipped plan capacity ~2021 (also after it was edited here).</summary>
    public static bool IsShippedSource(string source) =>
        EditRules.OriginalSource(source)?.StartsWith(MonitoringSeeder.PlanSource, StringComparison.Ordinal) == true;

    /// <summary>Adds a plan to a municipality. Not found when the municipality does not exist.</summary>
    public static async Task<Outcome<Edit<PlanForm>>> CreateAsync(RegiewijzerDb db, string municipality, PlanForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        var wanted = municipality.ToUpperInvariant();
        var code = await db.Municipalities.Where(m => m.Code == wanted).Select(m => m.Code).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (code is null)
        {
            return Edits.NotFound<PlanForm>($"Er is geen gemeente {wanted}.");
        }

        var (plan, errors) = await CheckAsync(db, code, null, form, ct).ConfigureAwait(false);
        if (plan is null)
        {
            return Edits.Invalid<PlanForm>(errors);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var row = new PlanRow { MunicipalityCode = code, Code = plan.Code, Name = plan.Name, Status = plan.Status, Source = EditRules.EditedOn(now) };
        Apply(db, row, plan, now);
        db.Plans.Add(row);
        return await SaveAsync(db, row, form, code, null, ct).ConfigureAwait(false) ?? Edits.Saved<PlanForm>(row.Id);
    }

    /// <summary>
    /// Changes a plan. <see cref="PlanForm.Version"/> must be the version the user loaded: when the plan changed or was
    /// removed since, nothing is written and the result is a conflict with both versions.
    /// </summary>
    public static async Task<Outcome<Edit<PlanForm>>> UpdateAsync(RegiewijzerDb db, int id, PlanForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        var row = await db.Plans.Include(p => p.Deliveries).FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Edits.Conflicted<PlanForm>(form, null, null, null);
        }

        var (plan, errors) = await CheckAsync(db, row.MunicipalityCode, id, form, ct).ConfigureAwait(false);
        if (plan is null)
        {
            return Edits.Invalid<PlanForm>(errors);
        }

        if (form.Version != row.Version)
        {
            return Edits.Conflicted<PlanForm>(form, PlanForm.From(row), row.Source, row.UpdatedAt);
        }

        // The UPDATE checks this version in its WHERE clause: a change saved between our read and write is caught too.
        db.Entry(row).Property(p => p.Version).OriginalValue = form.Version.Value;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        (row.Code, row.Name, row.Status) = (plan.Code, plan.Name, plan.Status);
        row.Source = EditRules.SourceAfterEdit(row.Source, now);
        Apply(db, row, plan, now);
        db.Entry(row).State = EntityState.Modified; // even an unchanged save bumps the version: the user saw and confirmed it
        return await SaveAsync(db, row, form, row.MunicipalityCode, id, ct).ConfigureAwait(false) ?? Edits.Saved<PlanForm>(row.Id);
    }

    /// <summary>
    /// Removes a plan and its deliveries if it is still at <paramref name="version"/>; otherwise a conflict carrying the
    /// stored plan (the submitted side is null: the user asked to remove the version they saw). Not found when it is gone.
    /// </summary>
    public static async Task<Outcome<Edit<PlanForm>>> DeleteAsync(RegiewijzerDb db, int id, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Plans.Include(p => p.Deliveries).FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Edits.NotFound<PlanForm>(NotFoundReason(id));
        }

        if (row.Version != version)
        {
            return Edits.Conflicted<PlanForm>(null, PlanForm.From(row), row.Source, row.UpdatedAt);
        }

        db.Entry(row).Property(p => p.Version).OriginalValue = version;
        db.Plans.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return Edits.Deleted<PlanForm>();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await FindAsync(db, id, ct).ConfigureAwait(false);
            return stored is null ? Edits.NotFound<PlanForm>(NotFoundReason(id)) : Edits.Conflicted<PlanForm>(null, PlanForm.From(stored), stored.Source, stored.UpdatedAt);
        }
    }

    /// <summary>Adds a plan for <paramref name="actor"/>: only an editor of the municipality may (<see cref="Permissions.CanEditMunicipality"/>).</summary>
    public static async Task<Outcome<Edit<PlanForm>>> CreateAsync(RegiewijzerDb db, Actor actor, string municipality, PlanForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(municipality);
        var code = municipality.ToUpperInvariant();
        return Edits.Acting(db, actor, code)
            ? await CreateAsync(db, municipality, form, clock, ct).ConfigureAwait(false)
            : await Edits.ForbiddenAsync<PlanForm>(db, code, "plannen", ct).ConfigureAwait(false);
    }

    /// <summary>Changes a plan for <paramref name="actor"/>: only an editor of the plan's municipality may.</summary>
    public static async Task<Outcome<Edit<PlanForm>>> UpdateAsync(RegiewijzerDb db, Actor actor, int id, PlanForm form, TimeProvider? clock = null, CancellationToken ct = default) =>
        await RefusalAsync(db, actor, id, ct).ConfigureAwait(false) is { } refused
            ? refused
            : await UpdateAsync(db, id, form, clock, ct).ConfigureAwait(false);

    /// <summary>Removes a plan for <paramref name="actor"/>: only an editor of the plan's municipality may.</summary>
    public static async Task<Outcome<Edit<PlanForm>>> DeleteAsync(RegiewijzerDb db, Actor actor, int id, int version, CancellationToken ct = default) =>
        await RefusalAsync(db, actor, id, ct).ConfigureAwait(false) is { } refused
            ? refused
            : await DeleteAsync(db, id, version, ct).ConfigureAwait(false);

    /// <summary>
    /// Whether <paramref name="actor"/> may change plan <paramref name="id"/>: an editor of its municipality. True for a
    /// plan that no longer exists (the edit then reports it removed; nothing of another municipality is revealed).
    /// </summary>
    public static async Task<bool> MayEditAsync(RegiewijzerDb db, Actor actor, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var municipality = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => p.MunicipalityCode).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return municipality is null ? actor.IsAuthenticated : Permissions.CanEditMunicipality(actor, municipality);
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may change plan <paramref name="id"/> (see <see cref="MayEditAsync"/>; the audit
    /// trail then records the actor acting for the plan's municipality); otherwise the refusal.
    /// </summary>
    private static async Task<Outcome<Edit<PlanForm>>?> RefusalAsync(RegiewijzerDb db, Actor actor, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var municipality = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => p.MunicipalityCode).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (municipality is null)
        {
            return actor.IsAuthenticated ? null : Edits.Forbidden<PlanForm>("Meld u aan om een plan te wijzigen.");
        }

        return Edits.Acting(db, actor, municipality) ? null : await Edits.ForbiddenAsync<PlanForm>(db, municipality, "plannen", ct).ConfigureAwait(false);
    }

    private static string NotFoundReason(int id) => $"Er is geen plan met id {id.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>Saves; on a concurrent change a conflict, on a code taken concurrently the code's error; null when saved.</summary>
    private static async Task<Outcome<Edit<PlanForm>>?> SaveAsync(RegiewijzerDb db, PlanRow row, PlanForm form, string municipality, int? id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = id is null ? null : await FindAsync(db, id.Value, ct).ConfigureAwait(false);
            return Edits.Conflicted<PlanForm>(form, stored is null ? null : PlanForm.From(stored), stored?.Source, stored?.UpdatedAt);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // The unique index (municipality, code): another plan got this code between the check and the write.
            db.ChangeTracker.Clear();
            var taken = await TakenAsync(db, municipality, row.Code, id, ct).ConfigureAwait(false);
            if (taken is null)
            {
                throw;
            }

            return Edits.Invalid<PlanForm>([new FieldError(nameof(PlanForm.Code), CodeTaken(row.Code, taken))]);
        }
    }

    private static void Apply(RegiewijzerDb db, PlanRow row, CheckedPlan plan, DateTimeOffset now)
    {
        (row.PriceLevelYear, row.Contracted, row.ContractedOn, row.UpdatedAt) = (plan.PriceLevelYear, plan.Contracted, plan.ContractedOn, now);
        var byYear = row.Deliveries.ToDictionary(d => d.Year);
        foreach (var (year, counts) in plan.Deliveries)
        {
            if (!byYear.Remove(year, out var delivery))
            {
                delivery = new PlanDeliveryRow { Year = year };
                row.Deliveries.Add(delivery);
            }

            EditRules.Apply(delivery, counts);
        }

        foreach (var gone in byYear.Values)
        {
            row.Deliveries.Remove(gone);
            db.PlanDeliveries.Remove(gone);
        }
    }

    private sealed record CheckedPlan(string Code, string Name, string Status, int PriceLevelYear, bool Contracted, DateOnly? ContractedOn, IReadOnlyList<(int Year, int[] Counts)> Deliveries);

    /// <summary>Every field checked; the plan when all are valid, else the errors.</summary>
    private static async Task<(CheckedPlan? Plan, List<FieldError> Errors)> CheckAsync(RegiewijzerDb db, string municipality, int? id, PlanForm form, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var code = EditRules.Text(form.Code);
        if (code is null)
        {
            errors.Add(new(nameof(PlanForm.Code), "leeg; vul de code van het project in (bijvoorbeeld het projectnummer in de planmonitor)"));
        }
        else if (code.Length > 100)
        {
            errors.Add(new(nameof(PlanForm.Code), $"te lang ({code.Length} tekens); hoogstens 100"));
        }
        else if (await TakenAsync(db, municipality, code, id, ct).ConfigureAwait(false) is { } other)
        {
            errors.Add(new(nameof(PlanForm.Code), CodeTaken(code, other)));
        }

        var name = EditRules.Text(form.Name);
        if (name is null || name.Length > 200)
        {
            errors.Add(new(nameof(PlanForm.Name), name is null ? "leeg; vul de naam van het plan in" : $"te lang ({name.Length} tekens); hoogstens 200"));
        }

        if (!PlanningStatuses.TryParse(form.Status, out var status))
        {
            errors.Add(new(nameof(PlanForm.Status), string.IsNullOrWhiteSpace(form.Status)
                ? "kies een planstatus"
                : $"'{form.Status.Trim()}' is geen planstatus; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b"));
        }

        var priceLevelYear = EditRules.Year(form.PriceLevelYear, nameof(PlanForm.PriceLevelYear), errors);
        var contractedOn = ContractDate(form, errors);
        var deliveries = Deliveries(form.Deliveries, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new CheckedPlan(code!, name!, status.Code(), priceLevelYear!.Value, form.Contracted, contractedOn, deliveries), errors);
    }

    private static DateOnly? ContractDate(PlanForm form, List<FieldError> errors)
    {
        var text = EditRules.Text(form.ContractedOn);
        if (text is null)
        {
            return null;
        }

        if (!Plan.ContractDateAllowed(form.Contracted, hasContractDate: true))
        {
            errors.Add(new(nameof(PlanForm.ContractedOn), "vul alleen een contractdatum in als het plan gecontracteerd is (vink 'gecontracteerd' aan of maak de datum leeg)"));
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2100)
        {
            return date;
        }

        errors.Add(new(nameof(PlanForm.ContractedOn), $"'{text}' is geen datum; schrijf dag-maand-jaar, zoals 31-3-2026"));
        return null;
    }

    /// <summary>The rows with homes, each year once; empty rows and rows with only zeros are left out.</summary>
    private static List<(int Year, int[] Counts)> Deliveries(List<DeliveryForm>? rows, List<FieldError> errors)
    {
        var result = new List<(int Year, int[] Counts)>();
        var seen = new Dictionary<int, int>();
        var before = errors.Count;
        for (var i = 0; i < (rows?.Count ?? 0); i++)
        {
            var row = rows![i];
            if (row.IsEmpty)
            {
                continue;
            }

            var prefix = $"{nameof(PlanForm.Deliveries)}[{i.ToString(CultureInfo.InvariantCulture)}].";
            var counts = EditRules.Segments(row.Counts, prefix, errors);
            if (counts is not null && counts.All(c => c == 0) && string.IsNullOrWhiteSpace(row.Year))
            {
                continue;
            }

            var year = EditRules.Year(row.Year, prefix + nameof(DeliveryForm.Year), errors);
            if (year is { } y && !seen.TryAdd(y, i))
            {
                errors.Add(new(prefix + nameof(DeliveryForm.Year), $"{y.ToString(CultureInfo.InvariantCulture)} staat twee keer in de tabel; tel de woningen van dat jaar op in één rij"));
            }
            else if (year is { } valid && counts is not null && counts.Any(c => c > 0))
            {
                result.Add((valid, counts));
            }
        }

        if (errors.Count == before && result.Count == 0)
        {
            errors.Add(new(nameof(PlanForm.Deliveries), "het plan heeft geen woningen; vul voor minstens één jaar een aantal woningen in"));
        }

        return result;
    }

    private static Task<string?> TakenAsync(RegiewijzerDb db, string municipality, string code, int? id, CancellationToken ct) =>
        db.Plans.Where(p => p.MunicipalityCode == municipality && p.Code == code && p.Id != (id ?? 0)).Select(p => p.Name).FirstOrDefaultAsync(ct);

    private static string CodeTaken(string code, string otherName) =>
        $"de code '{code}' heeft al een ander plan van deze gemeente ('{otherName}'); kies een andere code";
}
