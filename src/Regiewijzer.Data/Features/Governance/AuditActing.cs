using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// The audit trail's "who" comes from the feature's <see cref="Actor"/> parameter: a feature that saves for an actor
/// calls this with the organisation the actor acts for, before it saves.
/// </summary>
public static class AuditActing
{
    /// <summary>Records <paramref name="actor"/> (acting for <paramref name="organisationId"/>) as the author of the changes <paramref name="db"/> saves next; an anonymous actor leaves the trail's default ("systeem").</summary>
    public static void For(RegiewijzerDb db, Actor actor, string? organisationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAuthenticated || actor.IsOperator)
        {
            db.Actor = new AuditActor(actor.Id, actor.Name, organisationId);
        }
    }
}
