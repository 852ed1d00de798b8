using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Regiewijzer.Data;

namespace Regiewijzer.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (200, nothing checked; a load balancer restarts an instance that does not).
/// <c>/health/ready</c>: the database is reachable and every migration is applied (200), else 503 with the reason in
/// Dutch; a load balancer sends no visitors to an instance that is not ready. Both are small JSON documents, never
/// cached, outside the API's conventions and rate limits.
/// </summary>
internal static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "gereed";

    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [ReadyTag]);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "gezond" : "niet gereed",
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status == HealthStatus.Healthy ? "gezond" : "niet gereed", detail = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    /// <summary>The database answers and has no pending migrations.</summary>
    private sealed class DatabaseReady(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                if (!await db.Database.CanConnectAsync(timeout.Token).ConfigureAwait(false))
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    return HealthCheckResult.Unhealthy("De database is niet bereikbaar.");
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token).ConfigureAwait(false)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("De database is bereikbaar en bijgewerkt.")
                    : HealthCheckResult.Unhealthy($"De database mist {pending.Count} migratie(s); de app past ze toe bij de start.");
            }
            catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                return HealthCheckResult.Unhealthy("De database is niet bereikbaar.");
            }
        }
    }
}
