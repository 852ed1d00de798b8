using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// A municipality's completed homes in one year as the edit form posts it (text as typed). <see cref="RowId"/> and
/// <see cref="Version"/> are the stored row the user loaded; both null when there was none.
/// </summary>
public sealed class RealisationForm
{
    public int? RowId { get; set; }

    public int? Version { get; set; }

    public string? SocialRent { get; set; }

    public string? MiddleRent { get; set; }

    public string? AffordableOwnership { get; set; }

    public string? FreeRent { get; set; }

    public string? FreeOwnership { get; set; }

    /// <summary>Homes whose segment is not known.</summary>
    public string? UnknownSegment { get; set; }

    /// <summary>Where the figures come from (the stored source is "bewerkt in Regiewijzer op {date}; bron: {this}").</summary>
    public string? Source { get; set; }

    /// <summary>The figures are an estimate or a proxy.</summary>
    public bool IsEstimate { get; set; }

    public string? Note { get; set; }

    /// <summary>The six counts in column order (social rent … unknown).</summary>
    public IEnumerable<string?> Counts => [SocialRent, MiddleRent, AffordableOwnership, FreeRent, FreeOwnership, UnknownSegment];

    /// <summary>The stored row as the form shows it (counts in Dutch notation, 0 as empty).</summary>
    public static RealisationForm From(RealisationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RealisationForm
        {
            RowId = row.Id,
            Version = row.Version,
            SocialRent = EditRules.CountText(row.SocialRent),
            MiddleRent = EditRules.CountText(row.MiddleRent),
            AffordableOwnership = EditRules.CountText(row.AffordableOwnership),
            FreeRent = EditRules.CountText(row.FreeRent),
            FreeOwnership = EditRules.CountText(row.FreeOwnership),
            UnknownSegment = EditRules.CountText(row.UnknownSegment),
            Source = EditRules.OriginalSource(row.Source),
            IsEstimate = row.IsEstimate,
            Note = row.Note,
        };
    }
}

/// <summary>
/// Store or remove the realisation of one municipality and year, as done in the web app. The form states the row the
/// user loaded (id and version, or none): when the stored row differs, nothing is written and both are returned.
/// </summary>
public static class EditRealisations
{
    /// <summary>The years that can be edited: the realisations before the period are the calibration basis, after it nothing is due.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2100;

    /// <summary>All realisation rows of a municipality, by year (read-only).</summary>
    public static async Task<IReadOnlyList<RealisationRow>> ListAsync(RegiewijzerDb db, string municipality, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = municipality.ToUpperInvariant();
        return await db.Realisations.AsNoTracking().Where(r => r.MunicipalityCode == code).OrderBy(r => r.Year).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The row of one municipality and year (read-only), or null.</summary>
    public static Task<RealisationRow?> FindAsync(RegiewijzerDb db, string municipality, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = municipality.ToUpperInvariant();
        return db.Realisations.AsNoTracking().FirstOrDefaultAsync(r => r.MunicipalityCode == code && r.Year == year, ct);
    }

    /// <summary>
    /// Inserts or updates the row of <paramref name="municipality"/> and <paramref name="year"/>. Not found for an unknown
    /// municipality or a year outside 1900-2100.
    /// </summary>
    public static async Task<Outcome<Edit<RealisationForm>>> SaveAsync(RegiewijzerDb db, string municipality, int year, RealisationForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        var code = municipality.ToUpperInvariant();
        if (year is < FirstYear or > LastYear || !await db.Municipalities.AnyAsync(m => m.Code == code, ct).ConfigureAwait(false))
        {
            return Edits.NotFound<RealisationForm>($"Er is geen gemeente {code}, of {year.ToString(CultureInfo.InvariantCulture)} ligt buiten {FirstYear.ToString(CultureInfo.InvariantCulture)}-{LastYear.ToString(CultureInfo.InvariantCulture)}.");
        }

        var errors = new List<FieldError>();
        var counts = EditRules.Segments(form.Counts, string.Empty, errors);
        var source = EditRules.Text(form.Source);
        if (source?.Length > 400)
        {
            errors.Add(new(nameof(RealisationForm.Source), $"te lang ({source.Length.ToString(CultureInfo.InvariantCulture)} tekens); hoogstens 400"));
        }

        var note = EditRules.Text(form.Note);
        if (note?.Length > 1000)
        {
            errors.Add(new(nameof(RealisationForm.Note), $"te lang ({note.Length.ToString(CultureInfo.InvariantCulture)} tekens); hoogstens 1000"));
        }

        if (errors.Count > 0)
        {
            return Edits.Invalid<RealisationForm>(errors);
        }

        var row = await db.Realisations.FirstOrDefaultAsync(r => r.MunicipalityCode == code && r.Year == year, ct).ConfigureAwait(false);
        if (row?.Id != form.RowId || row?.Version != form.Version)
        {
            return Conflict(form, row);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        if (row is null)
        {
            row = new RealisationRow { MunicipalityCode = code, Year = year, Source = string.Empty };
            db.Realisations.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = form.Version!.Value;
        }

        EditRules.Apply(row, counts!);
        (row.Source, row.IsEstimate, row.Note, row.UpdatedAt) = (EditRules.SourceWith(source, now), form.IsEstimate, note, now);
        if (db.Entry(row).State == EntityState.Unchanged)
        {
            db.Entry(row).State = EntityState.Modified; // an unchanged save still bumps the version
        }
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return Edits.Saved<RealisationForm>(row.Id);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // Changed, removed or (unique index) inserted by someone else between our read and write.
            db.ChangeTracker.Clear();
            return Conflict(form, await FindAsync(db, code, year, ct).ConfigureAwait(false));
        }
    }

    /// <summary>Removes the row if it is still the one the user loaded (id and version); not found when there is none.</summary>
    public static async Task<Outcome<Edit<RealisationForm>>> DeleteAsync(RegiewijzerDb db, string municipality, int year, int rowId, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = municipality.ToUpperInvariant();
        var row = await db.Realisations.FirstOrDefaultAsync(r => r.MunicipalityCode == code && r.Year == year, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Edits.NotFound<RealisationForm>(NotFoundReason(code, year));
        }

        if (row.Id != rowId || row.Version != version)
        {
            return Conflict(null, row);
        }

        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        db.Realisations.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return Edits.Deleted<RealisationForm>();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await FindAsync(db, code, year, ct).ConfigureAwait(false);
            return stored is null ? Edits.NotFound<RealisationForm>(NotFoundReason(code, year)) : Conflict(null, stored);
        }
    }

    /// <summary>Stores a year's realisation for <paramref name="actor"/>: only an editor of the municipality may (<see cref="Permissions.CanEditMunicipality"/>).</summary>
    public static async Task<Outcome<Edit<RealisationForm>>> SaveAsync(RegiewijzerDb db, Actor actor, string municipality, int year, RealisationForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(municipality);
        var code = municipality.ToUpperInvariant();
        return Edits.Acting(db, actor, code)
            ? await SaveAsync(db, municipality, year, form, clock, ct).ConfigureAwait(false)
            : await Edits.ForbiddenAsync<RealisationForm>(db, code, "realisaties", ct).ConfigureAwait(false);
    }

    /// <summary>Removes a year's realisation for <paramref name="actor"/>: only an editor of the municipality may.</summary>
    public static async Task<Outcome<Edit<RealisationForm>>> DeleteAsync(RegiewijzerDb db, Actor actor, string municipality, int year, int rowId, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(municipality);
        var code = municipality.ToUpperInvariant();
        return Edits.Acting(db, actor, code)
            ? await DeleteAsync(db, municipality, year, rowId, version, ct).ConfigureAwait(false)
            : await Edits.ForbiddenAsync<RealisationForm>(db, code, "realisaties", ct).ConfigureAwait(false);
    }

    private static string NotFoundReason(string code, int year) =>
        $"Er is geen realisatie van gemeente {code} in {year.ToString(CultureInfo.InvariantCulture)}.";

    private static Outcome<Edit<RealisationForm>> Conflict(RealisationForm? submitted, RealisationRow? stored) =>
        Edits.Conflicted<RealisationForm>(submitted, stored is null ? null : RealisationForm.From(stored), stored?.Source, stored?.UpdatedAt);
}
