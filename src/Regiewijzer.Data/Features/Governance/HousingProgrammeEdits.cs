using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// A municipality's volkshuisvestingsprogramma (VHP) numbers per year and segment, and the VHP check against its agreed
/// targets (HousingProgrammeCheck). Read by any signed-in account; saved only by the municipality's own editors, all
/// years at once: every year states the version the user read, and when one is stale nothing is saved.
/// </summary>
public static class HousingProgrammeEdits
{
    private const int DefaultFirstYear = 2022;
    private const int DefaultLastYear = 2030;

    public static async Task<Outcome<HousingProgrammeState>> LoadAsync(RegiewijzerDb db, Actor actor, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Permissions.CanReadRestricted(actor))
        {
            return Outcome<HousingProgrammeState>.Forbidden("Meld u aan om het volkshuisvestingsprogramma te zien.");
        }

        var municipality = await EditRules.MunicipalityAsync(db, code ?? string.Empty, ct).ConfigureAwait(false);
        return municipality is null
            ? Outcome<HousingProgrammeState>.NotFound($"Er is geen gemeente met CBS-code '{code}'.")
            : Outcome<HousingProgrammeState>.Ok(await StateAsync(db, municipality, ct).ConfigureAwait(false));
    }

    /// <summary>Stores the given years (all or nothing) and returns the new state with its check.</summary>
    public static async Task<Outcome<HousingProgrammeState>> SaveAsync(RegiewijzerDb db, Actor actor, string code, HousingProgrammeForm form, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(clock);
        var municipality = await EditRules.MunicipalityAsync(db, code ?? string.Empty, ct).ConfigureAwait(false);
        if (municipality is null)
        {
            return Outcome<HousingProgrammeState>.NotFound($"Er is geen gemeente met CBS-code '{code}'.");
        }

        if (!Permissions.CanEditMunicipality(actor, municipality.Code))
        {
            return Outcome<HousingProgrammeState>.Forbidden($"Alleen bewerkers van de gemeente {municipality.Name} kunnen haar volkshuisvestingsprogramma wijzigen.");
        }

        var (first, last) = Period(municipality);
        var stored = await db.HousingProgrammes.Where(h => h.MunicipalityCode == municipality.Code).ToListAsync(ct).ConfigureAwait(false);
        var errors = new List<FieldError>();
        var parsed = Parse(form, first, last, stored, errors);
        if (errors.Count > 0)
        {
            return Outcome<HousingProgrammeState>.Invalid(errors);
        }

        var stale = parsed.Where(p => p.Row?.Version != p.Form.Version).Select(p => p.Year).ToList();
        if (stale.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Conflict(await StateAsync(db, municipality, ct).ConfigureAwait(false), stale);
        }

        var now = clock.GetUtcNow();
        foreach (var (year, yearForm, row, counts) in parsed)
        {
            var target = row ?? db.HousingProgrammes.Add(new HousingProgrammeRow { MunicipalityCode = municipality.Code, Year = year }).Entity;
            (target.SocialRent, target.MiddleRent, target.AffordableOwnership, target.FreeRent, target.FreeOwnership, target.UpdatedAt) =
                (counts[0], counts[1], counts[2], counts[3], counts[4], now);
            if (row is not null)
            {
                db.Entry(row).Property(h => h.Version).OriginalValue = yearForm.Version.GetValueOrDefault();
                db.Entry(row).State = EntityState.Modified; // an unchanged year still bumps its version: the user confirmed it
            }
        }

        AuditActing.For(db, actor, municipality.Code);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false); // one transaction: all years or none
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // Changed, or (unique index) inserted, by someone else between our read and write.
            db.ChangeTracker.Clear();
            return Conflict(await StateAsync(db, municipality, ct).ConfigureAwait(false), [.. parsed.Select(p => p.Year)]);
        }

        db.ChangeTracker.Clear();
        return Outcome<HousingProgrammeState>.Ok(await StateAsync(db, municipality, ct).ConfigureAwait(false));
    }

    private static List<(int Year, HousingProgrammeYearForm Form, HousingProgrammeRow? Row, int[] Counts)> Parse(
        HousingProgrammeForm form, int first, int last, List<HousingProgrammeRow> stored, List<FieldError> errors)
    {
        var result = new List<(int, HousingProgrammeYearForm, HousingProgrammeRow?, int[])>();
        var seen = new HashSet<int>();
        for (var i = 0; i < form.Years.Count; i++)
        {
            var y = form.Years[i];
            var prefix = $"years[{i.ToString(CultureInfo.InvariantCulture)}].";
            if (y.Year is not { } year || year < first || year > last)
            {
                errors.Add(new(prefix + "year", $"{(y.Year is { } v ? v.ToString(CultureInfo.InvariantCulture) : "(leeg)")} is geen jaar van de periode {first.ToString(CultureInfo.InvariantCulture)}-{last.ToString(CultureInfo.InvariantCulture)}"));
                continue;
            }

            if (!seen.Add(year))
            {
                errors.Add(new(prefix + "year", $"{year.ToString(CultureInfo.InvariantCulture)} komt meer dan eens voor"));
                continue;
            }

            var row = stored.FirstOrDefault(s => s.Year == year);
            if (y.IsEmpty && row is null && y.Version is null)
            {
                continue; // nothing typed for a year without numbers: it stays without numbers
            }

            var counts = y.Counts.Select((text, c) => EditRules.Homes(text, prefix + HousingProgrammeYearForm.Fields[c], errors)).ToList();
            if (counts.All(c => c is not null))
            {
                result.Add((year, y, row, [.. counts.Select(c => c!.Value)]));
            }
        }

        return result;
    }

    private static Outcome<HousingProgrammeState> Conflict(HousingProgrammeState current, IReadOnlyList<int> years) => Outcome<HousingProgrammeState>.Conflict(
        $"Iemand anders heeft het volkshuisvestingsprogramma intussen gewijzigd ({string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}). Er is niets opgeslagen; hieronder staat wat nu is opgeslagen.",
        current);

    private static (int First, int Last) Period(MunicipalityRow municipality) =>
        municipality.Membership?.Region is { } region ? (region.PeriodFrom, region.PeriodTo) : (DefaultFirstYear, DefaultLastYear);

    private static async Task<HousingProgrammeState> StateAsync(RegiewijzerDb db, MunicipalityRow municipality, CancellationToken ct)
    {
        var (first, last) = Period(municipality);
        var rows = await db.HousingProgrammes.AsNoTracking().Where(h => h.MunicipalityCode == municipality.Code).OrderBy(h => h.Year).ToListAsync(ct).ConfigureAwait(false);
        var region = municipality.Membership?.Region;
        var (target, reason) = region is null
            ? (null, $"{municipality.Name} ligt in geen woningbouwregio en heeft dus geen afgesproken doelen.")
            : await TargetAsync(db, municipality, region, ct).ConfigureAwait(false);
        var report = target is null ? null : HousingProgrammeCheck.Evaluate(target.Share, first, last, [.. rows.Select(ToYear)]);
        return new HousingProgrammeState(municipality.Code, municipality.Name, region?.Id, region?.Name, first, last, rows, target, report, reason);
    }

    private static async Task<(HousingProgrammeTarget?, string?)> TargetAsync(RegiewijzerDb db, MunicipalityRow municipality, HousingRegionRow region, CancellationToken ct)
    {
        var code = new MunicipalityCode(municipality.Code);
        var adopted = await db.Agreements.AsNoTracking().Include(a => a.Shares).InForce(region.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (adopted?.Shares.FirstOrDefault(s => s.MunicipalityCode == municipality.Code) is { } share)
        {
            return (new HousingProgrammeTarget(new AgreedShare(code, municipality.Name, share.Task, share.SocialRent, share.Middle, share.Free), adopted.Id, adopted.Number, adopted.AdoptedAt), null);
        }

        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false);
        var computed = outcome.Result?.Municipalities.FirstOrDefault(m => m.Code == code);
        return computed is null
            ? (null, outcome.NotDistributed ?? $"{municipality.Name} heeft geen opgave in de verdeling van {region.Name}.")
            : (new HousingProgrammeTarget(new AgreedShare(code, municipality.Name, computed.Task, computed.Social, computed.Middle, computed.Free), null, null, null), null);
    }

    private static HousingProgrammeYear ToYear(HousingProgrammeRow r) =>
        new(r.Year, r.SocialRent, r.MiddleRent, r.AffordableOwnership, r.FreeRent, r.FreeOwnership);
}
