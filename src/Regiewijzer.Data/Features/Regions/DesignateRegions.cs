using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Regions;

/// <summary>A province designates the woningbouwregio's of its municipalities (issue 13): a new versioned act, applied to the partition in force.</summary>
public static class DesignateRegions
{
    public const int MaxRegions = DesignationInputRules.MaxRegions;
    public const int MaxMunicipalities = DesignationInputRules.MaxMunicipalities;
    public const int MinReferenceLength = DesignationInputRules.MinReferenceLength;
    public const int MaxReferenceLength = DesignationInputRules.MaxReferenceLength;
    public const int MaxNameLength = DesignationInputRules.MaxNameLength;

    public static async Task<Outcome<StoredDesignation>> RunAsync(RegiewijzerDb db, Actor actor, string provinceCode, DesignationInput input, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        if (!actor.IsAuthenticated)
        {
            return Outcome<StoredDesignation>.Forbidden("Meld u aan om woningbouwregio's aan te wijzen.");
        }

        var code = (provinceCode ?? string.Empty).Trim().ToUpperInvariant();
        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct).ConfigureAwait(false);
        if (province is null)
        {
            return Outcome<StoredDesignation>.NotFound($"Er is geen provincie met de code {provinceCode}.");
        }

        if (!Permissions.CanDesignate(actor, code))
        {
            return Outcome<StoredDesignation>.Forbidden(Permissions.DesignatingProvinces(actor).Count == 0
                ? "Alleen een provincie wijst woningbouwregio's aan; een gemeente kan een indeling voorstellen aan haar provincie."
                : $"Een provincie wijst alleen regio's aan voor haar eigen gemeenten; de gemeenten van {province.Name} worden aangewezen door de provincie {province.Name}.");
        }

        if (input.Regions.Count > MaxRegions || input.Municipalities.Count > MaxMunicipalities)
        {
            return Outcome<StoredDesignation>.Invalid("regions", $"Een aanwijzing noemt ten hoogste {MaxRegions} regio's en {MaxMunicipalities} gemeenten.");
        }

        var municipalities = await db.Municipalities.AsNoTracking().Select(m => new { m.Code, m.Name, m.ProvinceCode }).ToListAsync(ct).ConfigureAwait(false);
        var names = municipalities.ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);
        var provinceOf = municipalities.ToDictionary(m => new MunicipalityCode(m.Code), m => new ProvinceCode(m.ProvinceCode));
        var errors = DesignationInputRules.Validate(input, code, names, provinceOf, out var act).Select(e => new FieldError(e.Field, e.Reason)).ToList();
        if (errors.Count > 0)
        {
            return Outcome<StoredDesignation>.Invalid(errors);
        }

        var stored = await LoadDesignations.AllAsync(db, ct).ConfigureAwait(false);
        var latest = stored.Where(s => s.Act.Province.Value == code).Select(s => s.Act.Version).DefaultIfEmpty(0).Max();
        if (input.BasedOnVersion is { } seen && seen != latest)
        {
            return Outcome<StoredDesignation>.Conflict($"Intussen is versie {latest} van de aanwijzing vastgelegd; bekijk die en probeer het opnieuw. Er is niets opgeslagen.", stored.LastOrDefault(s => s.Act.Province.Value == code));
        }

        act = act! with { Version = latest + 1 };
        var reasons = Designations.Check(new Designator(true, new ProvinceCode(code)), act, provinceOf, stored.Select(s => s.Act));
        if (!reasons.IsEmpty)
        {
            return Outcome<StoredDesignation>.Invalid([.. reasons.Select(r => new FieldError("municipalities", r))]);
        }

        var now = clock.GetUtcNow();
        var row = new DesignationActRow
        {
            ProvinceCode = code,
            Version = act.Version,
            InForceFrom = act.InForceFrom,
            LegalReference = act.LegalReference,
            RecordedAt = now,
            RecordedBy = actor.Name,
        };
        row.Regions.AddRange(act.RegionNames.Select(r => new DesignationRegionRow
        {
            RegionId = r.Key,
            Name = r.Value,
            Partners = string.Join(';', act.Partners.GetValueOrDefault(r.Key, []).Select(p => p.Value)),
        }));
        row.Assignments.AddRange(act.RegionOf.Select(a => new DesignationAssignmentRow { MunicipalityCode = a.Key.Value, RegionId = a.Value }));
        db.DesignationActs.Add(row);
        await ApplyDesignations.StageAsync(db, ApplyDesignations.With(stored, act), DutchTime.Date(now), ct).ConfigureAwait(false);
        AuditActing.For(db, actor, code);
        if (!await db.TrySaveVersionedAsync(ct).ConfigureAwait(false))
        {
            return Outcome<StoredDesignation>.Conflict("Intussen is een andere aanwijzing of regio-indeling vastgelegd; er is niets opgeslagen. Laad de pagina opnieuw.", null);
        }

        return Outcome<StoredDesignation>.Ok(new StoredDesignation(act, province.Name, now, actor.Name));
    }
}
