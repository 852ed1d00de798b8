using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>A region's trajectory profile as the form posts it: a weight per year as typed, and the stored profile the user loaded.</summary>
public sealed class TrajectoryForm
{
    /// <summary>The <see cref="TrajectoryState.Token"/> the user loaded.</summary>
    public string? Token { get; set; }

    /// <summary>Weight per year ("2022" → "1"); empty when the trajectory is linear.</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Form binding sets it.")]
    public Dictionary<string, string?> Weights { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The weight typed for a year.</summary>
    public string? WeightOf(int year) => Weights.GetValueOrDefault(year.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// A region's stored trajectory profile: the weights per year of its period, or null when it is linear (no rows).
/// <see cref="Token"/> identifies the stored profile (rows, their versions and last change) for the lost-update check.
/// </summary>
public sealed record TrajectoryState(HousingRegionRow Region, IReadOnlyList<int>? Weights, string Token, DateTimeOffset? UpdatedAt)
{
    public int FirstYear => Region.PeriodFrom;

    public int LastYear => Region.PeriodTo;

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    /// <summary>The profile as the form shows it: the stored weights, or 1 for every year when it is linear.</summary>
    public TrajectoryForm Form() => new()
    {
        Token = Token,
        Weights = Years.Select((y, i) => (y, Weights?[i] ?? 1))
            .ToDictionary(x => x.y.ToString(CultureInfo.InvariantCulture), x => (string?)Core.Format.Count(x.Item2), StringComparer.Ordinal),
    };
}

/// <summary>
/// Sets a region's trajectory profile (the weight of each year of its period; the target of the region and of each
/// member is spread in proportion) or resets it to linear by removing the rows. A save or reset states the profile the
/// user loaded (<see cref="TrajectoryForm.Token"/>); when it changed since, nothing is written and both are returned.
/// </summary>
public static class EditTrajectory
{
    /// <summary>A weight above this is a typing error (weights are proportions: 1, 2, 3 or percentages).</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>The region's stored profile, or null for an unknown region (id case-insensitive).</summary>
    public static async Task<TrajectoryState?> LoadAsync(RegiewijzerDb db, string regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = regionId.ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        var rows = await db.TrajectoryWeights.AsNoTracking().Where(w => w.RegionId == id).ToListAsync(ct).ConfigureAwait(false);
        return State(region, rows);
    }

    /// <summary>
    /// The weights of every year of the period, or null with the reasons added (field "Weights[2022]" per year,
    /// "Weights" for the sum): whole numbers 0 to <see cref="MaxWeight"/>, at least one above 0.
    /// </summary>
    public static int[]? Check(TrajectoryState state, TrajectoryForm form, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var weights = new List<int>();
        foreach (var year in state.Years)
        {
            var field = $"{nameof(TrajectoryForm.Weights)}[{year.ToString(CultureInfo.InvariantCulture)}]";
            var (value, error) = EditRules.Count(form.WeightOf(year));
            if (error is null && value > MaxWeight)
            {
                error = $"{Core.Format.Count(value.Value)} is te groot; een gewicht is een verhouding (1, 2, 3 of een percentage), hoogstens {Core.Format.Count(MaxWeight)}";
            }

            if (error is not null)
            {
                errors.Add(new(field, error));
            }

            weights.Add(value ?? 0);
        }

        if (errors.Count == before && weights.All(w => w == 0))
        {
            errors.Add(new(nameof(TrajectoryForm.Weights), "alle gewichten zijn 0; geef minstens één jaar een gewicht groter dan 0 (of zet het traject terug op lineair)"));
        }

        return errors.Count == before ? [.. weights] : null;
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may set the trajectory of region <paramref name="regionId"/>: an editor of a
    /// province of one of its members (<see cref="Permissions.CanManageRegion"/>; a region across a border has two).
    /// </summary>
    public static async Task<bool> MayManageAsync(RegiewijzerDb db, Actor actor, string regionId, CancellationToken ct = default) =>
        await ManagingProvinceAsync(db, actor, regionId, ct).ConfigureAwait(false) is not null;

    /// <summary>Stores the trajectory for <paramref name="actor"/>: only an editor of a province of the region (see <see cref="MayManageAsync"/>).</summary>
    public static async Task<Outcome<Edit<TrajectoryForm>>> SaveAsync(RegiewijzerDb db, Actor actor, string regionId, TrajectoryForm form, TimeProvider? clock = null, CancellationToken ct = default) =>
        await ManagingAsync(db, actor, regionId, ct).ConfigureAwait(false)
            ? await SaveAsync(db, regionId, form, clock, ct).ConfigureAwait(false)
            : Edits.Forbidden<TrajectoryForm>(ForbiddenReason);

    /// <summary>Resets the trajectory to linear for <paramref name="actor"/>: only an editor of a province of the region.</summary>
    public static async Task<Outcome<Edit<TrajectoryForm>>> ResetAsync(RegiewijzerDb db, Actor actor, string regionId, string? token, CancellationToken ct = default) =>
        await ManagingAsync(db, actor, regionId, ct).ConfigureAwait(false)
            ? await ResetAsync(db, regionId, token, ct).ConfigureAwait(false)
            : Edits.Forbidden<TrajectoryForm>(ForbiddenReason);

    private const string ForbiddenReason = "Alleen bewerkers van een provincie waarin de regio ligt, wijzigen haar traject.";

    /// <summary>False when the actor may not manage the region; otherwise the audit trail records the province it acts for.</summary>
    private static async Task<bool> ManagingAsync(RegiewijzerDb db, Actor actor, string regionId, CancellationToken ct)
    {
        if (await ManagingProvinceAsync(db, actor, regionId, ct).ConfigureAwait(false) is not { } province)
        {
            return false;
        }

        AuditActing.For(db, actor, province);
        return true;
    }

    private static async Task<string?> ManagingProvinceAsync(RegiewijzerDb db, Actor actor, string regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(regionId);
        var id = regionId.ToUpperInvariant();
        var provinces = await (
                from m in db.Memberships.AsNoTracking()
                join g in db.Municipalities.AsNoTracking() on m.MunicipalityCode equals g.Code
                where m.RegionId == id
                select g.ProvinceCode)
            .Distinct().ToListAsync(ct).ConfigureAwait(false);
        return Permissions.RegionManager(actor, provinces);
    }

    /// <summary>Stores the weights of every year of the region's period. Not found for an unknown region.</summary>
    public static async Task<Outcome<Edit<TrajectoryForm>>> SaveAsync(RegiewijzerDb db, string regionId, TrajectoryForm form, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        var (state, rows) = await LoadTrackedAsync(db, regionId, ct).ConfigureAwait(false);
        if (state is null)
        {
            return Edits.NotFound<TrajectoryForm>($"Er is geen woningbouwregio {regionId.ToUpperInvariant()}.");
        }

        var errors = new List<FieldError>();
        var weights = Check(state, form, errors);
        if (weights is null)
        {
            return Edits.Invalid<TrajectoryForm>(errors);
        }

        if (!string.Equals(form.Token, state.Token, StringComparison.Ordinal))
        {
            return Conflict(form, state);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var byYear = rows.ToDictionary(r => r.Year);
        foreach (var (year, weight) in state.Years.Zip(weights))
        {
            if (!byYear.Remove(year, out var row))
            {
                row = new TrajectoryWeightRow { RegionId = state.Region.Id, Year = year };
                db.TrajectoryWeights.Add(row);
            }
            else
            {
                // Every stored year is written with its loaded version in the UPDATE's WHERE clause (also an unchanged
                // one): the whole profile is checked, so a change to any year meanwhile is caught.
                db.Entry(row).State = EntityState.Modified;
            }

            (row.Weight, row.UpdatedAt) = (weight, now);
        }

        db.TrajectoryWeights.RemoveRange(byYear.Values); // years outside the period
        return await SaveChangesAsync(db, form, state.Region.Id, ct).ConfigureAwait(false) ?? Edits.Saved<TrajectoryForm>(0);
    }

    /// <summary>Back to linear: removes the region's weights if they are still the ones the user loaded.</summary>
    public static async Task<Outcome<Edit<TrajectoryForm>>> ResetAsync(RegiewijzerDb db, string regionId, string? token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (state, rows) = await LoadTrackedAsync(db, regionId, ct).ConfigureAwait(false);
        if (state is null)
        {
            return Edits.NotFound<TrajectoryForm>($"Er is geen woningbouwregio {regionId.ToUpperInvariant()}.");
        }

        if (!string.Equals(token, state.Token, StringComparison.Ordinal))
        {
            return Conflict(null, state);
        }

        db.TrajectoryWeights.RemoveRange(rows);
        return await SaveChangesAsync(db, null, state.Region.Id, ct).ConfigureAwait(false) ?? Edits.Deleted<TrajectoryForm>();
    }

    private static async Task<(TrajectoryState? State, List<TrajectoryWeightRow> Rows)> LoadTrackedAsync(RegiewijzerDb db, string regionId, CancellationToken ct)
    {
        var id = regionId.ToUpperInvariant();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (region is null)
        {
            return (null, []);
        }

        var rows = await db.TrajectoryWeights.Where(w => w.RegionId == id).ToListAsync(ct).ConfigureAwait(false);
        return (State(region, rows), rows);
    }

    /// <summary>Saves; null when saved, else the conflict (rows changed, removed or inserted by someone else meanwhile).</summary>
    private static async Task<Outcome<Edit<TrajectoryForm>>?> SaveChangesAsync(RegiewijzerDb db, TrajectoryForm? form, string regionId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return Conflict(form, (await LoadAsync(db, regionId, ct).ConfigureAwait(false))!);
        }
    }

    private static TrajectoryState State(HousingRegionRow region, List<TrajectoryWeightRow> rows)
    {
        var years = Enumerable.Range(region.PeriodFrom, region.PeriodTo - region.PeriodFrom + 1);
        var weights = rows.Count == 0 ? null : years.Select(y => rows.FirstOrDefault(r => r.Year == y)?.Weight ?? 0).ToList();
        var token = rows.Count == 0
            ? "lineair"
            : string.Create(CultureInfo.InvariantCulture, $"{rows.Count}-{rows.Max(r => r.UpdatedAt).UtcTicks}-{rows.Sum(r => (long)r.Version)}");
        return new TrajectoryState(region, weights is null || weights.All(w => w == 0) ? null : weights, token, rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt));
    }

    private static Outcome<Edit<TrajectoryForm>> Conflict(TrajectoryForm? submitted, TrajectoryState stored) =>
        Edits.Conflicted<TrajectoryForm>(submitted, stored.Form(), stored.Weights is null ? "lineair" : EditRules.EditedSource, stored.UpdatedAt);
}
