using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>One field of a changed row: its value before and after as text (null: the row did not exist / no value).</summary>
public sealed record AuditField(string Name, string? Before, string? After);

/// <summary>One recorded change as people read it: who, for which organisation, when, what, and the fields that changed.</summary>
public sealed record AuditChange(
    long Id, DateTimeOffset At, string ActorId, string ActorName, string? OrganisationId, string? OrganisationName,
    string ObjectType, string ObjectId, string Entity, string EntityKey, string Action, IReadOnlyList<AuditField> Fields);

/// <summary>The filters of the trail page (issue 15): object type, organisation and person by id (chosen by name), a period of Dutch dates, the page (from 1).</summary>
public sealed record AuditQuery(string? Type = null, string? Organisation = null, string? Person = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>One page of changes, newest first, with the number of changes that match and the page shown.</summary>
public sealed record AuditPage(IReadOnlyList<AuditChange> Changes, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Reads the audit trail (issue 6): the changes of one object, or the latest changes site-wide. Read only: there is no
/// way to change or remove an entry (the database refuses it by trigger). Any signed-in account may read it; the trail
/// of accounts (e-mail addresses, roles) only administrators (<see cref="Permissions.CanReadAccountAudit"/>).
/// </summary>
public static class AuditLog
{
    /// <summary>The object types the trail records (see Data/Database/AuditTrail.cs), with their Dutch names.</summary>
    public static IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["plan"] = "plan",
        ["realisatie"] = "realisatie",
        ["traject"] = "traject van een regio",
        ["regio"] = "woningbouwregio",
        ["voorraad"] = "woningvoorraad",
        ["opgave"] = "opgave",
        ["afspraak"] = "regionale afspraak",
        ["ontheffing"] = "ontheffing",
        ["instructie"] = "instructie",
        ["vhp"] = "volkshuisvestingsprogramma",
        ["aanwijzing"] = "aanwijzing van woningbouwregio's",
        ["account"] = "account",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "naam", ["DisplayName"] = "naam", ["Code"] = "code", ["Status"] = "status", ["Source"] = "bron", ["Note"] = "toelichting",
        ["UpdatedAt"] = "gewijzigd op", ["CreatedAt"] = "aangemaakt op", ["Version"] = "versie", ["Year"] = "jaar", ["Weight"] = "gewicht",
        ["PriceLevelYear"] = "prijspeiljaar", ["Contracted"] = "gecontracteerd", ["ContractedOn"] = "contractdatum", ["IsEstimate"] = "schatting",
        ["SocialRent"] = "sociale huur", ["MiddleRent"] = "middenhuur", ["AffordableOwnership"] = "betaalbare koop", ["FreeRent"] = "vrije huur",
        ["FreeOwnership"] = "vrije koop", ["UnknownSegment"] = "segment onbekend", ["Middle"] = "middensegment", ["Free"] = "vrije sector",
        ["Task"] = "opgave", ["Role"] = "rol", ["OrganisationId"] = "organisatie", ["AccountId"] = "account", ["Email"] = "e-mailadres",
        ["LockoutEnd"] = "geblokkeerd tot", ["AccessFailedCount"] = "mislukte aanmeldingen", ["Comment"] = "opmerking", ["Reasoning"] = "motivering",
        ["Grounds"] = "gronden", ["Content"] = "inhoud", ["Subject"] = "onderwerp", ["Deadline"] = "termijn", ["LegalBasis"] = "grondslag",
        ["MunicipalityCode"] = "gemeente", ["Assumption"] = "aanname", ["RegionId"] = "regio", ["PlanId"] = "plan", ["Id"] = "id",
        ["ProvinceCode"] = "provincie", ["InForceFrom"] = "in werking vanaf", ["LegalReference"] = "juridische grondslag", ["RecordedAt"] = "vastgelegd op",
        ["RecordedBy"] = "vastgelegd door", ["DealRegionId"] = "woondealregio", ["DesignationProvince"] = "aangewezen door", ["DesignationVersion"] = "versie van de aanwijzing", ["Indicative"] = "indicatief", ["Homes"] = "woningen", ["PeriodFrom"] = "periode vanaf", ["PeriodTo"] = "periode tot en met",
        ["Origin"] = "herkomst", ["Method"] = "methode", ["ProposedBy"] = "voorgesteld door", ["ProposedAt"] = "voorgesteld op", ["DecidedAt"] = "besloten op",
    };

    /// <summary>The Dutch name of a stored field ("SocialRent" → "sociale huur"); the field's own name when there is none.</summary>
    public static string FieldLabel(string name) => Labels.GetValueOrDefault(name, name);

    /// <summary>Most entries on the recent-changes page.</summary>
    public const int RecentLimit = 200;

    private const string AccountType = "account";


    /// <summary>The changes of one object, oldest first.</summary>
    public static async Task<Outcome<IReadOnlyList<AuditChange>>> ForObjectAsync(RegiewijzerDb db, Actor actor, string type, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(actor, type) is { } refused)
        {
            return refused;
        }

        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.ObjectType == type && e.ObjectId == id)
            .OrderBy(e => e.Id).ToListAsync(ct).ConfigureAwait(false);
        return Outcome<IReadOnlyList<AuditChange>>.Ok(await ChangesAsync(db, rows, ct).ConfigureAwait(false));
    }

    /// <summary>The latest <see cref="RecentLimit"/> changes, newest first, optionally of one type and/or made for one organisation.</summary>
    public static async Task<Outcome<IReadOnlyList<AuditChange>>> RecentAsync(RegiewijzerDb db, Actor actor, string? type, string? organisationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
        organisationId = string.IsNullOrWhiteSpace(organisationId) ? null : organisationId.Trim().ToUpperInvariant();
        if (Refusal(actor, type ?? "plan") is { } refused)
        {
            return refused;
        }

        var query = db.AuditEntries.AsNoTracking();
        query = type is not null ? query.Where(e => e.ObjectType == type)
            : Permissions.CanReadAccountAudit(actor) ? query : query.Where(e => e.ObjectType != AccountType);
        if (organisationId is not null)
        {
            query = query.Where(e => e.OrganisationId == organisationId);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(RecentLimit).ToListAsync(ct).ConfigureAwait(false);
        return Outcome<IReadOnlyList<AuditChange>>.Ok(await ChangesAsync(db, rows, ct).ConfigureAwait(false));
    }

    /// <summary>Changes per page of <see cref="SearchAsync"/>.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// One page of the trail, newest first, filtered by object type, the organisation acted for (its id, chosen by name),
    /// the person (account id, chosen by name) and a period of Dutch dates (inclusive). Account changes only for
    /// administrators. A page beyond the last gives the last.
    /// </summary>
    public static async Task<Outcome<AuditPage>> SearchAsync(RegiewijzerDb db, Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var type = string.IsNullOrWhiteSpace(query.Type) ? null : query.Type.Trim();
        if (Refusal(actor, type ?? "plan") is { } refused)
        {
            return refused.As<AuditPage>();
        }

        var entries = db.AuditEntries.AsNoTracking();
        entries = type is not null ? entries.Where(e => e.ObjectType == type)
            : Permissions.CanReadAccountAudit(actor) ? entries : entries.Where(e => e.ObjectType != AccountType);
        if (!string.IsNullOrWhiteSpace(query.Organisation))
        {
            var organisation = query.Organisation.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.OrganisationId == organisation);
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim();
            entries = entries.Where(e => e.ActorId == person);
        }

        List<long> ids;
        int total;
        var page = Math.Max(1, query.Page);
        if (query.From is not null || query.To is not null)
        {
            // DateTimeOffset is not comparable in SQLite: the period is applied to (id, time) pairs, then the page is loaded by id.
            var from = query.From is { } f ? DutchTime.StartOf(f) : DateTimeOffset.MinValue;
            var to = query.To is { } t ? DutchTime.StartOf(t.AddDays(1)) : DateTimeOffset.MaxValue;
            var times = await entries.Select(e => new { e.Id, e.At }).ToListAsync(ct).ConfigureAwait(false);
            var inPeriod = times.Where(x => x.At >= from && x.At < to).OrderByDescending(x => x.Id).Select(x => x.Id).ToList();
            total = inPeriod.Count;
            page = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
            ids = [.. inPeriod.Skip((page - 1) * PageSize).Take(PageSize)];
        }
        else
        {
            total = await entries.CountAsync(ct).ConfigureAwait(false);
            page = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
            ids = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(e => e.Id).ToListAsync(ct).ConfigureAwait(false);
        }

        var rows = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.Id).ToListAsync(ct).ConfigureAwait(false);
        return Outcome<AuditPage>.Ok(new AuditPage(await ChangesAsync(db, rows, ct).ConfigureAwait(false), total, page, PageSize));
    }

    /// <summary>Everyone who appears in the trail the actor may read (account id and name), by name: the person filter.</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> PeopleAsync(RegiewijzerDb db, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Permissions.CanReadRestricted(actor))
        {
            return [];
        }

        var people = await db.AuditEntries.AsNoTracking().Select(e => new { e.ActorId, e.ActorName }).Distinct().ToListAsync(ct).ConfigureAwait(false);
        return [.. people.GroupBy(p => p.ActorId, StringComparer.Ordinal).Select(g => (g.Key, g.First().ActorName)).OrderBy(p => p.ActorName, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// A readable name of an audited object ("Kernhem (Ede)", "Regio Foodvalley versie 2", "Ede, sociale huur"), or null when
    /// it no longer exists or the id is not of its form. Call only after the actor was allowed to read the trail.
    /// </summary>
    public static async Task<string?> NameAsync(RegiewijzerDb db, string type, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        _ = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        switch (type)
        {
            case "plan":
                var plan = await db.Plans.AsNoTracking().Where(p => p.Id == number).Select(p => new { p.Name, p.MunicipalityCode }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                return plan is null ? null : $"{plan.Name} ({await MunicipalityAsync(db, plan.MunicipalityCode, ct).ConfigureAwait(false)})";
            case "realisatie" when id.Split('/') is [var code, var year]:
                return $"{await MunicipalityAsync(db, code, ct).ConfigureAwait(false)} {year}";
            case "traject" or "regio":
                return await db.Regions.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            case "voorraad" or "opgave" or "vhp":
                return await MunicipalityAsync(db, id, ct).ConfigureAwait(false);
            case "afspraak":
                var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == number)
                    .Join(db.Regions, a => a.RegionId, r => r.Id, (a, r) => new { r.Name, a.Number }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                return agreement is null ? null : $"{agreement.Name} versie {agreement.Number.ToString(CultureInfo.InvariantCulture)}";
            case "ontheffing":
                var exemption = await db.Exemptions.AsNoTracking().Where(e => e.Id == number).Select(e => new { e.MunicipalityCode, e.Floor }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                return exemption is null ? null : $"{await MunicipalityAsync(db, exemption.MunicipalityCode, ct).ConfigureAwait(false)}, {exemption.Floor.Dutch()}";
            case "aanwijzing":
                return await db.Provinces.AsNoTracking().Where(p => p.Code == id).Select(p => "provincie " + p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            case "instructie":
                return await db.Instructions.AsNoTracking().Where(i => i.Id == number).Select(i => i.Subject).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            case AccountType:
                return await db.Accounts.AsNoTracking().Where(a => a.Id == id).Select(a => a.DisplayName).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private static async Task<string> MunicipalityAsync(RegiewijzerDb db, string code, CancellationToken ct) =>
        await db.Municipalities.AsNoTracking().Where(m => m.Code == code).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? code;

    private static Outcome<IReadOnlyList<AuditChange>>? Refusal(Actor actor, string type)
    {
        if (!Permissions.CanReadRestricted(actor))
        {
            return Outcome<IReadOnlyList<AuditChange>>.Forbidden("Meld u aan om de wijzigingsgeschiedenis te lezen.");
        }

        if (!Types.ContainsKey(type))
        {
            return Outcome<IReadOnlyList<AuditChange>>.NotFound(
                $"'{type}' is geen soort object in de wijzigingsgeschiedenis; gebruik {string.Join(", ", Types.Keys)}.");
        }

        return type == AccountType && !Permissions.CanReadAccountAudit(actor)
            ? Outcome<IReadOnlyList<AuditChange>>.Forbidden("De geschiedenis van accounts (e-mailadressen, rollen) is alleen voor beheerders.")
            : null;
    }

    private static async Task<IReadOnlyList<AuditChange>> ChangesAsync(RegiewijzerDb db, List<AuditEntryRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!).Distinct().ToList();
        var names = ids.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditChange(
            r.Id, r.At, r.ActorId, r.ActorName, r.OrganisationId, r.OrganisationId is { } o ? names.GetValueOrDefault(o) : null,
            r.ObjectType, r.ObjectId, r.Entity, r.EntityKey, r.Action, Fields(r.Action, r.Before, r.After)))];
    }

    /// <summary>A change: only the fields whose value differs; a creation or removal: every field.</summary>
    internal static IReadOnlyList<AuditField> Fields(string action, string? before, string? after)
    {
        var b = Values(before);
        var a = Values(after);
        var names = b.Keys.Union(a.Keys).Order(StringComparer.Ordinal);
        return [.. names
            .Select(n => new AuditField(n, b.TryGetValue(n, out var x) ? x : null, a.TryGetValue(n, out var y) ? y : null))
            .Where(f => action != "gewijzigd" || (before is not null && !string.Equals(f.Before, f.After, StringComparison.Ordinal)))];
    }

    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => "ja",
                JsonValueKind.False => "nee",
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }
}
