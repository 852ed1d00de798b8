using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Data.Features.Work;

/// <summary>What waits for one organisation of the account and what happened that concerns it.</summary>
public sealed record OrganisationWork(OrganisationRef Organisation, string Name, AccountRole Role, ImmutableArray<WorkItem> Waiting, ImmutableArray<GovernanceEvent> Happened);

/// <summary>Mijn Regiewijzer: per organisation of the account, and the period "happened" covers.</summary>
/// <param name="Organisations">Per organisation in which the account has a role.</param>
/// <param name="Since">The start of "what happened": the previous sign-in, or <see cref="MyWork.FirstVisitDays"/> days back on a first visit.</param>
/// <param name="FirstVisit">True when there was no previous sign-in.</param>
/// <param name="Today">The date the deadlines were judged on (Dutch time).</param>
public sealed record MyWorkView(ImmutableArray<OrganisationWork> Organisations, DateTimeOffset Since, bool FirstVisit, DateOnly Today);

/// <summary>The start page after sign-in (issue 15, item 1) and its API twin.</summary>
public static class MyWork
{
    /// <summary>On a first visit, "what happened" covers this many days.</summary>
    public const int FirstVisitDays = 30;

    public static async Task<Outcome<MyWorkView>> LoadAsync(RegiewijzerDb db, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated)
        {
            return Outcome<MyWorkView>.Forbidden("Meld u aan om te zien wat er voor uw organisatie klaarstaat.");
        }

        var grants = actor.Grants.GroupBy(g => g.Organisation.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(x => x.Role)!).OrderBy(g => g.Organisation.Kind).ThenBy(g => g.Organisation.Id, StringComparer.Ordinal).ToList();
        var municipalities = grants.Where(g => g.Organisation.Kind == OrganisationKind.Municipality).Select(g => g.Organisation.Id).ToList();
        var provinces = grants.Where(g => g.Organisation.Kind == OrganisationKind.Province).Select(g => g.Organisation.Id).ToList();
        var open = await GovernanceFacts.OpenAsync(db, municipalities, provinces, ct).ConfigureAwait(false);

        var previous = await AccountVisits.PreviousAsync(db, actor.Id, ct).ConfigureAwait(false);
        var since = previous ?? now.AddDays(-FirstVisitDays);
        var events = await GovernanceFacts.EventsAsync(db, since, ct).ConfigureAwait(false);
        var ids = grants.Select(g => g.Organisation.Id).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var today = DutchTime.Date(now);
        return Outcome<MyWorkView>.Ok(new MyWorkView(
            [.. grants.Select(g => new OrganisationWork(
                g.Organisation,
                names.GetValueOrDefault(g.Organisation.Id, g.Organisation.Id),
                g.Role,
                WorkList.For(g.Organisation, open, today),
                GovernanceEvents.Concerning(events, g.Organisation.Id)))],
            since,
            previous is null,
            today));
    }
}
