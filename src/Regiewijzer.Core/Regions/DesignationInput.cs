using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Regions;

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

/// <summary>The rules for a designation as submitted (page, API, CLI): every wrong field with its Dutch reason (pure).</summary>
public static class DesignationInputRules
{
    public const int MaxRegions = 60;
    public const int MaxMunicipalities = 400;
    public const int MinReferenceLength = 5;
    public const int MaxReferenceLength = 500;
    public const int MaxNameLength = 200;

    /// <summary>Every wrong field with its Dutch reason; <paramref name="act"/> is the act (version 0) when there is none.</summary>
    public static ImmutableArray<(string Field, string Reason)> Validate(
        DesignationInput input, string province, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<MunicipalityCode, ProvinceCode> provinceOf, out DesignationAct? act)
    {
        act = null;
        var errors = ImmutableArray.CreateBuilder<(string Field, string Reason)>();
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

        return errors.ToImmutable();
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length > 30 ? text[..30] + "…" : text;
}
