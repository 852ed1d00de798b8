using Microsoft.AspNetCore.Http.HttpResults;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Web.Api;

// The problems of the installation itself: the database cannot be reached (issue 17).
internal static partial class Problems
{
    public static readonly ProblemType UnavailableType = new(
        "database-onbereikbaar", 503, "Database niet bereikbaar", "De database is op dit moment niet bereikbaar; er is niets opgeslagen. Probeer het opnieuw na het aantal seconden van de header Retry-After.");

    public static ProblemHttpResult Unavailable(HttpContext context) => Create(context, UnavailableType, DatabaseErrors.UnavailableMessage);
}
