using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Regions;

/// <summary>A region as the province names it in its act.</summary>
/// <param name="Id">Region code: the woondeal's (WD19) or a new one (PV25-R1).</param>
/// <param name="Name">Its name.</param>
/// <param name="Partners">The other provinces (PV codes) that must designate it too; empty for a region within the province.</param>
public sealed record DesignationRegionInput(string? Id, string? Name, IReadOnlyList<string>? Partners);

/// <summary>What a province submits: its regions, the region of each of its municipalities, the date in force and the legal reference.</summary>
/// <param name="InForceFrom">From when the act is in force.</param>
/// <param name="LegalReference">The article of the omgevingsverordening or its URL.</param>
/// <param name="Regions">The regions named.</param>
/// <param name="Municipalities">GM code to region code, for every municipality of the province.</param>
/// <param name="BasedOnVersion">The latest version the user read (0 when there was none): a newer act meanwhile is a conflict.</param>
public sealed record DesignationInput(
    DateOnly? InForceFrom,
    string? LegalReference,
    IReadOnlyList<DesignationRegionInput> Regions,
    IReadOnlyDictionary<string, string?> Municipalities,
    int? BasedOnVersion);

/// <summary>A province designates the woningbouwregio's of its municipalities (issue 13): a new versioned act, applied to the partition in force.</summary>
public static class DesignateRegions
{
    public const int MaxRegions = 60;
    public const int MaxMunicipalities = 400;
    public const int MinReferenceLength = 5;
    public const int MaxReferenceLength = 500;
    public const int MaxNameLength = 200;

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
        var errors = Validate(input, code, names, provinceOf, out var act);
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

    /// <summary>Every wrong field with its Dutch reason; <paramref name="act"/> is the act (version 0) when there is none.</summary>
    internal static List<FieldError> Validate(
        DesignationInput input, string province, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf, out DesignationAct? act)
    {
        act = null;
        var errors = new List<FieldError>();
        if (input.InForceFrom is not { } from || from.Year < 2022 || from.Year > 2100)
        {
            errors.Add(new("inForceFrom", "Vul de datum in waarop de aanwijzing in werking treedt (dag-maand-jaar, vanaf 2022)."));
        }

        var reference = input.LegalReference?.Trim() ?? string.Empty;
        if (reference.Length < MinReferenceLength || reference.Length > MaxReferenceLength)
        {
            errors.Add(new("legalReference", $"Vermeld de juridische grondslag: het artikel van de omgevingsverordening of de URL ({MinReferenceLength} tot {MaxReferenceLength} tekens)."));
        }

        var regionNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var partners = new Dictionary<string, ImmutableArray<ProvinceCode>>(StringComparer.Ordinal);
        foreach (var r in input.Regions)
        {
            var id = r.Id?.Trim().ToUpperInvariant() ?? string.Empty;
            var name = r.Name?.Trim() ?? string.Empty;
            if (!Designations.IsRegionId(id))
            {
                errors.Add(new("regions", $"\"{Shorten(r.Id)}\" is geen geldige regiocode: 2 tot 20 hoofdletters, cijfers of streepjes, bijvoorbeeld WD19 of {province}-R1."));
                continue;
            }

            if (name.Length is < 2 or > MaxNameLength)
            {
                errors.Add(new($"regions.{id}.name", $"Geef regio {id} een naam (2 tot {MaxNameLength} tekens)."));
            }

            if (!regionNames.TryAdd(id, name))
            {
                errors.Add(new("regions", $"Regio {id} staat twee keer in de aanwijzing."));
                continue;
            }

            var partnerCodes = (r.Partners ?? []).Select(p => p?.Trim().ToUpperInvariant() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
            foreach (var p in partnerCodes.Where(p => !ProvinceCode.IsValid(p) || provinceOf.Values.All(v => v.Value != p)))
            {
                errors.Add(new($"regions.{id}.partners", $"Regio {id}: \"{Shorten(p)}\" is geen provincie."));
            }

            if (partnerCodes.Contains(province, StringComparer.Ordinal))
            {
                errors.Add(new($"regions.{id}.partners", $"Regio {id}: de eigen provincie is geen partner; noem alleen de andere provincies die deze regio ook aanwijzen."));
            }

            var valid = partnerCodes.Where(p => ProvinceCode.IsValid(p) && p != province).Select(p => new ProvinceCode(p)).ToImmutableArray();
            if (!valid.IsEmpty)
            {
                partners[id] = valid;
            }
        }

        var regionOf = new Dictionary<MunicipalityCode, string>();
        foreach (var (code, region) in input.Municipalities.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var m = code?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!MunicipalityCode.IsValid(m) || !provinceOf.TryGetValue(new MunicipalityCode(m), out var p))
            {
                errors.Add(new("municipalities", $"\"{Shorten(code)}\" is geen gemeente."));
                continue;
            }

            if (p.Value != province)
            {
                errors.Add(new($"municipalities.{m}", $"{names[m]} ligt niet in deze provincie; een provincie wijst alleen regio's aan voor haar eigen gemeenten."));
                continue;
            }

            var r = region?.Trim().ToUpperInvariant() ?? string.Empty;
            if (r.Length == 0)
            {
                continue; // reported below as not placed
            }

            if (!regionNames.ContainsKey(r))
            {
                errors.Add(new($"municipalities.{m}", $"{names[m]}: regio {Shorten(r)} staat niet bij de regio's van deze aanwijzing."));
                continue;
            }

            regionOf[new MunicipalityCode(m)] = r;
        }

        foreach (var m in provinceOf.Where(kv => kv.Value.Value == province && !regionOf.ContainsKey(kv.Key)).Select(kv => kv.Key).Order())
        {
            if (!errors.Any(e => e.Field == $"municipalities.{m.Value}"))
            {
                errors.Add(new($"municipalities.{m.Value}", $"Kies de regio van {names[m.Value]}: elke gemeente van de provincie hoort bij één woningbouwregio."));
            }
        }

        foreach (var unused in regionNames.Keys.Where(id => !regionOf.ContainsValue(id)).ToList())
        {
            regionNames.Remove(unused); // a region without municipalities is simply not designated
            partners.Remove(unused);
        }

        if (errors.Count == 0)
        {
            act = new DesignationAct(new ProvinceCode(province), 0, input.InForceFrom!.Value, reference, regionOf.ToImmutableDictionary(), regionNames.ToImmutableDictionary(StringComparer.Ordinal))
            {
                Partners = partners.ToImmutableDictionary(StringComparer.Ordinal),
            };
        }

        return errors;
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length > 30 ? text[..30] + "…" : text;
}
