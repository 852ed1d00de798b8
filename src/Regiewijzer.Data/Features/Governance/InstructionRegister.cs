using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>Which instructions to list: by addressee, issuer and status (each optional).</summary>
public sealed record InstructionFilter(string? Addressee = null, string? Issuer = null, InstructionStatus? Status = null);

/// <summary>
/// The register of instructions (read side). Signed-in accounts see every instruction; anonymous visitors only the
/// published ones: issued at some point (gegeven, opgevolgd, or ingetrokken after being given). A concept is not a decision.
/// </summary>
public static class InstructionRegister
{
    /// <summary>The instructions the actor may see, newest first.</summary>
    public static async Task<IReadOnlyList<InstructionView>> ListAsync(RegiewijzerDb db, Actor actor, InstructionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Visible(db, actor);
        if (Key(filter.Addressee) is { } addressee)
        {
            query = query.Where(i => i.AddresseeId == addressee);
        }

        if (Key(filter.Issuer) is { } issuer)
        {
            query = query.Where(i => i.IssuerId == issuer);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        var rows = await query.OrderByDescending(i => i.Id).ToListAsync(ct).ConfigureAwait(false);
        return await ViewsAsync(db, rows, ct).ConfigureAwait(false);
    }

    /// <summary>One instruction; not found when it does not exist or the actor may not see it (a concept for an anonymous visitor).</summary>
    public static async Task<Outcome<InstructionView>> FindAsync(RegiewijzerDb db, Actor actor, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await Visible(db, actor).FirstOrDefaultAsync(i => i.Id == id, ct).ConfigureAwait(false);
        return row is null
            ? Outcome<InstructionView>.NotFound($"Er is geen instructie met nummer {id}{(actor.IsAuthenticated ? "" : " die openbaar is (meld u aan om concepten te zien)")}.")
            : Outcome<InstructionView>.Ok((await ViewsAsync(db, [row], ct).ConfigureAwait(false))[0]);
    }

    /// <summary>Per addressee among <paramref name="addressees"/>: how many instructions the actor may see (for links from the warnings).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountByAddresseeAsync(RegiewijzerDb db, Actor actor, IReadOnlyCollection<string> addressees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(addressees);
        if (addressees.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var counts = await Visible(db, actor).Where(i => addressees.Contains(i.AddresseeId))
            .GroupBy(i => i.AddresseeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        return counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
    }

    /// <summary>The organisations the actor may instruct (provinces first, then municipalities, by name); empty for most accounts.</summary>
    public static async Task<IReadOnlyList<OrganisationRow>> AddresseesAsync(RegiewijzerDb db, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.OrganisationsWith(AccountRole.Editor).Any(o => o.Kind is OrganisationKind.Province or OrganisationKind.Rijk))
        {
            return [];
        }

        var all = await db.Organisations.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return [.. all.Where(o => Permissions.InstructionIssuer(actor, Ref(o)) is not null)
            .OrderBy(o => o.Kind == OrganisationKind.Province ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>The organisations with these ids, as permissions see them (one query).</summary>
    public static async Task<IReadOnlyDictionary<string, OrganisationRow>> OrganisationsAsync(RegiewijzerDb db, IEnumerable<string> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToListAsync(ct).ConfigureAwait(false);
        return rows.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    /// <summary>The organisation as <see cref="Permissions"/> sees it.</summary>
    public static OrganisationRef Ref(OrganisationRow organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new OrganisationRef(organisation.Id, organisation.Kind, organisation.ProvinceCode);
    }

    internal static async Task<IReadOnlyList<InstructionView>> ViewsAsync(RegiewijzerDb db, IReadOnlyList<InstructionRow> rows, CancellationToken ct)
    {
        var organisations = await OrganisationsAsync(db, rows.SelectMany(r => new[] { r.IssuerId, r.AddresseeId }), ct).ConfigureAwait(false);
        return [.. rows.Select(r => new InstructionView(r, organisations[r.IssuerId], organisations[r.AddresseeId]))];
    }

    private static IQueryable<InstructionRow> Visible(RegiewijzerDb db, Actor actor) =>
        Permissions.CanReadRestricted(actor) ? db.Instructions.AsNoTracking() : db.Instructions.AsNoTracking().Where(i => i.IssuedAt != null);

    private static string? Key(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().ToUpperInvariant();
}
