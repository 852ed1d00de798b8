using System.Security.Claims;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Web.Accounts;

/// <summary>
/// The actor of this request (scoped): the signed-in account with its grants, loaded once per request from the
/// database, or <see cref="Actor.Anonymous"/>. Pages, API endpoints and features ask <see cref="Permissions"/> with it.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, RegiewijzerDb db, TimeProvider clock)
{
    private Actor? actor;

    /// <summary>The actor once <see cref="GetAsync"/> has loaded it; null before.</summary>
    public Actor? Loaded => actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is null)
        {
            var user = http.HttpContext?.User;
            var id = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            actor = await LoadActor.RunAsync(db, id, clock.GetUtcNow(), ct).ConfigureAwait(false);
        }

        return actor;
    }
}
