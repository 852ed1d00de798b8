using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>One field of a change as a person reads it: Dutch label, and the value before and after ("—" when empty).</summary>
public sealed record AuditLine(string Label, string Before, string After);

/// <summary>A change as a person reads it (issue 15): Dutch names of the part changed, organisations and people by name, values in Dutch.</summary>
public sealed record ReadableChange(AuditChange Change, string Part, string Organisation, string? ObjectName, IReadOnlyList<AuditLine> Lines);

/// <summary>
/// Turns stored audit entries into readable diffs: every stored field gets a Dutch label (<see cref="Labels"/>),
/// technical fields (row ids, concurrency versions, identity columns) are left out, codes and ids of organisations,
/// regions, accounts and agreement versions become names, statuses and kinds become Dutch, times Dutch time.
/// </summary>
public static class AuditReading
{
    /// <summary>Stored fields a person has no use for: keys, concurrency counters, identity bookkeeping, the scenario JSON.</summary>
    public static IReadOnlySet<string> Hidden { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "Version", "PlanId", "AgreementId", "UserName", "NormalizedEmail", "NormalizedUserName", "EmailConfirmed", "PhoneNumber",
        "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "Scenario", "Key",
    };

    /// <summary>The Dutch label of every stored field that is shown.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Name"] = "naam", ["DisplayName"] = "naam", ["Code"] = "code", ["Status"] = "status", ["Source"] = "bron", ["Note"] = "toelichting",
        ["Notes"] = "toelichting", ["UpdatedAt"] = "gewijzigd op", ["CreatedAt"] = "aangemaakt op", ["CreatedBy"] = "aangemaakt door", ["Year"] = "jaar",
        ["Weight"] = "gewicht", ["PriceLevelYear"] = "prijspeiljaar", ["Contracted"] = "gecontracteerd", ["ContractedOn"] = "contractdatum",
        ["IsEstimate"] = "schatting", ["SocialRent"] = "sociale huur", ["MiddleRent"] = "middenhuur", ["AffordableOwnership"] = "betaalbare koop",
        ["FreeRent"] = "vrije huur", ["FreeOwnership"] = "vrije koop", ["UnknownSegment"] = "segment onbekend", ["Middle"] = "middensegment",
        ["Free"] = "vrije sector", ["Task"] = "opgave", ["Role"] = "rol", ["OrganisationId"] = "organisatie", ["AccountId"] = "account",
        ["Email"] = "e-mailadres", ["LockoutEnd"] = "geblokkeerd tot", ["AccessFailedCount"] = "mislukte aanmeldingen", ["Comment"] = "toelichting",
        ["Reasoning"] = "motivering", ["Grounds"] = "onderbouwing", ["Content"] = "inhoud", ["Subject"] = "onderwerp", ["Deadline"] = "termijn",
        ["LegalBasis"] = "grondslag", ["MunicipalityCode"] = "gemeente", ["Assumption"] = "aanname", ["RegionId"] = "regio",
        ["ProvinceCode"] = "provincie", ["InForceFrom"] = "in werking vanaf", ["LegalReference"] = "juridische grondslag", ["RecordedAt"] = "vastgelegd op",
        ["RecordedBy"] = "vastgelegd door", ["DealRegionId"] = "woondealregio", ["DesignationProvince"] = "aangewezen door",
        ["DesignationVersion"] = "versie van de aanwijzing", ["Indicative"] = "indicatief", ["Homes"] = "woningen", ["PeriodFrom"] = "periode vanaf",
        ["PeriodTo"] = "periode tot en met", ["Origin"] = "herkomst", ["Method"] = "methode", ["ProposedBy"] = "voorgesteld door",
        ["ProposedAt"] = "voorgelegd op", ["DecidedAt"] = "besloten op", ["DecidedBy"] = "besloten door", ["DecidedByOrganisation"] = "besloten namens",
        ["AdoptedAt"] = "vastgesteld op", ["AdoptedBy"] = "vastgesteld door", ["Number"] = "versienummer", ["Reason"] = "reden",
        ["ExemptionId"] = "ontheffing", ["PreviousId"] = "vorige versie", ["ResultingAgreementId"] = "nieuwe versie van de afspraak",
        ["Kind"] = "reactie", ["At"] = "op", ["By"] = "door", ["Floor"] = "ondergrens voor", ["RequestedFloor"] = "gevraagde ondergrens",
        ["RequestedAt"] = "aangevraagd op", ["RequestedBy"] = "aangevraagd door", ["IssuerId"] = "uitvaardiger", ["AddresseeId"] = "geadresseerde",
        ["IssuedAt"] = "gegeven op", ["WarningReference"] = "signalering", ["Provinces"] = "provincies", ["DealTotal"] = "totaal van de woondeal",
        ["DealPrecision"] = "precisie van het woondealtotaal", ["DealSource"] = "bron van het woondealtotaal", ["ReferenceYear"] = "peiljaar",
        ["TotalStock"] = "woningvoorraad", ["SocialStock"] = "corporatiewoningen", ["SocialMetric"] = "maat voor corporatiewoningen",
        ["SocialShareYear"] = "jaar van het corporatieaandeel", ["ReferenceSocialStock"] = "corporatiewoningen volgens de bron",
        ["CorrectionSource"] = "bron van de correctie", ["CorrectedBy"] = "gecorrigeerd door", ["CorrectedAt"] = "gecorrigeerd op",
    };

    private static readonly HashSet<string> Organisations = new(StringComparer.Ordinal)
    {
        "MunicipalityCode", "ProvinceCode", "OrganisationId", "IssuerId", "AddresseeId", "DecidedByOrganisation", "DesignationProvince",
    };

    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["plans"] = "plan", ["plan_deliveries"] = "woningen per jaar", ["realisations"] = "realisatie", ["trajectory_weights"] = "traject (gewicht per jaar)",
        ["regions"] = "regio", ["region_memberships"] = "gemeente in de regio", ["stock"] = "woningvoorraad", ["tasks"] = "opgave",
        ["agreements"] = "afspraakversie", ["agreement_shares"] = "aantallen van een gemeente", ["agreement_responses"] = "reactie van een gemeente",
        ["exemptions"] = "ontheffing", ["instructions"] = "instructie", ["housing_programmes"] = "volkshuisvestingsprogramma", ["task_proposals"] = "opgavevoorstel",
        ["designation_acts"] = "aanwijzing", ["accounts"] = "account", ["account_roles"] = "rol van een account",
    };

    /// <summary>The Dutch label of a stored field; null when it is hidden or has no label (then it is not shown).</summary>
    public static string? Label(string field) => Hidden.Contains(field) ? null : Labels.GetValueOrDefault(field);

    /// <summary>The Dutch name of the stored part (table) a change touched.</summary>
    public static string Part(string entity) => Parts.GetValueOrDefault(entity, "gegevens");

    /// <summary>The changes as people read them, with every name looked up once.</summary>
    public static async Task<IReadOnlyList<ReadableChange>> ReadAsync(RegiewijzerDb db, IReadOnlyList<AuditChange> changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var names = await NamesAsync(db, changes, ct).ConfigureAwait(false);
        return [.. changes.Select(c => new ReadableChange(
            c,
            Part(c.Entity),
            c.OrganisationName ?? (c.OrganisationId is { } o ? names.Organisation(o) : "geen organisatie"),
            null,
            [.. c.Fields.Select(f => Line(c.Entity, f, names)).OfType<AuditLine>()]))];
    }

    private static AuditLine? Line(string entity, AuditField field, Names names)
    {
        if (Label(field.Name) is not { } label)
        {
            return null;
        }

        return new AuditLine(label, Value(entity, field.Name, field.Before, names), Value(entity, field.Name, field.After, names));
    }

    /// <summary>A stored value as a person reads it.</summary>
    internal static string Value(string entity, string field, string? value, Names names)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        return field switch
        {
            _ when Organisations.Contains(field) => names.Organisation(value),
            "RegionId" or "DealRegionId" => names.Regions.GetValueOrDefault(value, value),
            "AccountId" => names.Accounts.GetValueOrDefault(value, "een account"),
            "ResultingAgreementId" or "PreviousId" => names.Agreements.GetValueOrDefault(value, $"versie (nummer {value})"),
            "ExemptionId" => $"ontheffing {value}",
            "RequestedFloor" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var share) =>
                (share * 100).ToString("0.##", Core.Format.Dutch) + "%",
            "Status" => Status(entity, value),
            "Kind" when AgreementLifecycle.TryParse(value, out ResponseKind kind) => kind.Dutch(),
            "Floor" when ExemptionLifecycle.TryParse(value, out ExemptionFloor floor) => floor.Dutch(),
            "Role" when RoleNames.TryParse(value, out var role) => RoleNames.Dutch(role),
            "Origin" => value switch { "Agreed" => "afgesproken", "Derived" => "afgeleid", _ => value },
            _ when DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => DutchTime.WhenToTheSecond(at),
            _ when value.Length > 19 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) => DutchTime.WhenToTheSecond(time),
            _ when value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => DutchTime.Dutch(date),
            _ => value,
        };
    }

    private static string Status(string entity, string value) => entity switch
    {
        "agreements" when AgreementLifecycle.TryParse(value, out AgreementStatus s) => s.Dutch(),
        "exemptions" when ExemptionLifecycle.TryParse(value, out ExemptionStatus s) => s.Dutch(),
        "instructions" when InstructionLifecycle.TryParse(value, out InstructionStatus s) => s.Dutch(),
        _ => value,
    };

    private static async Task<Names> NamesAsync(RegiewijzerDb db, IReadOnlyList<AuditChange> changes, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var accountIds = changes.SelectMany(c => c.Fields).Where(f => f.Name == "AccountId").SelectMany(f => new[] { f.Before, f.After })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var accounts = accountIds.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var agreementIds = changes.SelectMany(c => c.Fields).Where(f => f.Name is "ResultingAgreementId" or "PreviousId").SelectMany(f => new[] { f.Before, f.After })
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
        var agreements = agreementIds.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : (await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).Select(a => new { a.Id, a.RegionId, a.Number }).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(a => a.Id.ToString(CultureInfo.InvariantCulture), a => $"{regions.GetValueOrDefault(a.RegionId, a.RegionId)} versie {a.Number.ToString(CultureInfo.InvariantCulture)}", StringComparer.Ordinal);
        return new Names(organisations, regions, accounts, agreements);
    }

    /// <summary>The names the values of a page of changes refer to.</summary>
    internal sealed record Names(
        IReadOnlyDictionary<string, string> Organisations,
        IReadOnlyDictionary<string, string> Regions,
        IReadOnlyDictionary<string, string> Accounts,
        IReadOnlyDictionary<string, string> Agreements)
    {
        public string Organisation(string id) => Organisations.GetValueOrDefault(id, id);
    }
}
