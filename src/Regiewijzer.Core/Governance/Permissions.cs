using System.Collections.Immutable;

namespace Regiewijzer.Core.Governance;

/// <summary>What an account may do in one organisation. Each role includes the ones before it.</summary>
public enum AccountRole
{
    /// <summary>Reads everything that is not public.</summary>
    Viewer,

    /// <summary>Changes its organisation's data and takes its organisation's decisions.</summary>
    Editor,

    /// <summary>Editor, and manages the accounts of its organisation (of every organisation for the Rijk).</summary>
    Administrator,
}

/// <summary>An organisation as permissions see it.</summary>
/// <param name="Id">"RIJK", a province code ("PV26") or a municipality code ("GM0228").</param>
/// <param name="Kind">Rijk, province or municipality.</param>
/// <param name="ProvinceCode">A municipality's province, a province's own code; null for the Rijk.</param>
public readonly record struct OrganisationRef(string Id, OrganisationKind Kind, string? ProvinceCode);

/// <summary>One role in one organisation.</summary>
public sealed record Grant(OrganisationRef Organisation, AccountRole Role);

/// <summary>Who is acting: an account with its grants, or an anonymous visitor (no grants).</summary>
public sealed record Actor(string Id, string Name, ImmutableArray<Grant> Grants)
{
    /// <summary>A visitor who has not signed in: public pages only.</summary>
    public static Actor Anonymous { get; } = new("anoniem", "anonieme bezoeker", []);

    public bool IsAuthenticated => !Grants.IsDefaultOrEmpty;

    /// <summary>
    /// True for the operator at the command line (<see cref="CommandLine"/>), who works on the database itself: no grants,
    /// so every permission question answers no, but the audit trail names it and its imports are not restricted.
    /// </summary>
    public bool IsOperator { get; init; }

    /// <summary>The command line, as the operating-system user who runs it: "cli:{user}", "opdrachtregel ({user})".</summary>
    public static Actor CommandLine(string user) => new("cli:" + user, "opdrachtregel (" + user + ")", []) { IsOperator = true };

    /// <summary>The organisations in which the actor has at least <paramref name="role"/>.</summary>
    public IEnumerable<OrganisationRef> OrganisationsWith(AccountRole role) =>
        Grants.IsDefaultOrEmpty ? [] : Grants.Where(g => g.Role >= role).Select(g => g.Organisation).Distinct();
}

/// <summary>
/// The authorisation rules of issue 6 in one place, pure: the web pages, the API and the CLI ask these and
/// enforce the answer on the server. Roles are per organisation; a higher role includes the lower ones.
/// </summary>
public static class Permissions
{
    /// <summary>Non-public pages and data (concept agreements, requests, instructions, audit): any signed-in account.</summary>
    public static bool CanReadRestricted(Actor actor) => actor.IsAuthenticated;

    /// <summary>Plans, realisations, VHP numbers, responses and exemption requests of one municipality: its own editors only.</summary>
    public static bool CanEditMunicipality(Actor actor, string municipalityCode) =>
        actor.OrganisationsWith(AccountRole.Editor).Any(o => o.Kind == OrganisationKind.Municipality && o.Id == municipalityCode);

    /// <summary>The municipalities (GM codes) whose plans and realisations the actor may edit (<see cref="CanEditMunicipality"/>).</summary>
    public static IReadOnlyList<string> EditableMunicipalities(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. actor.OrganisationsWith(AccountRole.Editor).Where(o => o.Kind == OrganisationKind.Municipality).Select(o => o.Id)];
    }

    /// <summary>True when the actor may issue some instruction at all: an editor of a province or of the Rijk (see <see cref="InstructionIssuer"/>).</summary>
    public static bool CanIssueInstructions(Actor actor) => IssuingOrganisations(actor).Count > 0;

    /// <summary>The organisations (ids) the actor may issue instructions for: the provinces and the Rijk it edits.</summary>
    public static IReadOnlyList<string> IssuingOrganisations(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. actor.OrganisationsWith(AccountRole.Editor).Where(o => o.Kind is OrganisationKind.Province or OrganisationKind.Rijk).Select(o => o.Id)];
    }

    /// <summary>The organisations (ids) whose accounts the actor administers directly (the Rijk's administrators also manage others: <see cref="CanManageAccounts"/>).</summary>
    public static IReadOnlyList<string> AdministeredOrganisations(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. actor.OrganisationsWith(AccountRole.Administrator).Select(o => o.Id)];
    }

    /// <summary>
    /// A region's agreement (versions, transitions) and trajectory: editors of a province whose territory the region
    /// lies in, i.e. the province of at least one member (a region across a border has two).
    /// </summary>
    public static bool CanManageRegion(Actor actor, IEnumerable<string> memberProvinceCodes) => RegionManager(actor, memberProvinceCodes) is not null;

    /// <summary>The province the actor manages a region for (<see cref="CanManageRegion"/>; the first in code order when it edits both sides of a border), or null.</summary>
    public static string? RegionManager(Actor actor, IEnumerable<string> memberProvinceCodes)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var provinces = memberProvinceCodes.ToHashSet(StringComparer.Ordinal);
        return actor.OrganisationsWith(AccountRole.Editor)
            .Where(o => o.Kind == OrganisationKind.Province && provinces.Contains(o.Id))
            .Select(o => o.Id).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>A correction of a municipality's reference data (its corporation homes): editors of its province.</summary>
    public static bool CanCorrectReferenceData(Actor actor, string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganisationsWith(AccountRole.Editor).Any(o => o.Kind == OrganisationKind.Province && o.Id == provinceCode);
    }

    /// <summary>The organisation that decides an exemption of a municipality in <paramref name="provinceCode"/>, or null if the actor may not.</summary>
    public static OrganisationRef? ExemptionDecider(Actor actor, string provinceCode)
    {
        var editors = actor.OrganisationsWith(AccountRole.Editor).ToList();
        return editors.FirstOrDefault(o => o.Kind == OrganisationKind.Province && o.Id == provinceCode) is { Id: not null } province
            ? province
            : editors.FirstOrDefault(o => o.Kind == OrganisationKind.Rijk) is { Id: not null } rijk ? rijk : null;
    }

    /// <summary>
    /// The organisation that may issue an instruction to <paramref name="addressee"/>, or null: a province to its own
    /// municipalities (Omgevingswet art. 2.33), the Rijk to any province or municipality (art. 2.34).
    /// </summary>
    public static OrganisationRef? InstructionIssuer(Actor actor, OrganisationRef addressee)
    {
        var editors = actor.OrganisationsWith(AccountRole.Editor).ToList();
        if (addressee.Kind == OrganisationKind.Municipality &&
            editors.FirstOrDefault(o => o.Kind == OrganisationKind.Province && o.Id == addressee.ProvinceCode) is { Id: not null } province)
        {
            return province;
        }

        return addressee.Kind != OrganisationKind.Rijk && editors.FirstOrDefault(o => o.Kind == OrganisationKind.Rijk) is { Id: not null } rijk
            ? rijk
            : null;
    }

    /// <summary>Changing an instruction (issue, withdraw, mark complied): editors of the organisation that issued it.</summary>
    public static bool CanManageInstruction(Actor actor, string issuerId) =>
        actor.OrganisationsWith(AccountRole.Editor).Any(o => o.Id == issuerId);

    /// <summary>Accounts of an organisation: its administrators, and the Rijk's administrators for every organisation.</summary>
    public static bool CanManageAccounts(Actor actor, string organisationId) =>
        actor.OrganisationsWith(AccountRole.Administrator).Any(o => o.Id == organisationId || o.Kind == OrganisationKind.Rijk);

    /// <summary>
    /// Designating the woningbouwregio's of a province (and setting its regions' tasks): editors of that province only. A
    /// municipality proposes; the province decides.
    /// </summary>
    public static bool CanDesignate(Actor actor, string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganisationsWith(AccountRole.Editor).Any(o => o.Kind == OrganisationKind.Province && o.Id == provinceCode);
    }

    /// <summary>The provinces (PV codes) whose regions the actor may designate (<see cref="CanDesignate"/>).</summary>
    public static IReadOnlyList<string> DesignatingProvinces(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. actor.OrganisationsWith(AccountRole.Editor).Where(o => o.Kind == OrganisationKind.Province).Select(o => o.Id).Order(StringComparer.Ordinal)];
    }

    /// <summary>The audit trail of accounts (e-mail addresses, roles): administrators only.</summary>
    public static bool CanReadAccountAudit(Actor actor) => actor.OrganisationsWith(AccountRole.Administrator).Any();
}
