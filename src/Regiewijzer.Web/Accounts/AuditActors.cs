using System.Security.Claims;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Web.Accounts;

/// <summary>The audit trail's "who" of a request: the signed-in account (id and e-mail), or the system for anonymous requests.</summary>
public static class AuditActors
{
    public static AuditActor Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new AuditActor(id, user.FindFirstValue(ClaimTypes.Name) ?? id)
            : AuditActor.System;
}
