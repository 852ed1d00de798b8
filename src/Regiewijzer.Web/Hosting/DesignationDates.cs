using Regiewijzer.Data;
using Regiewijzer.Data.Features.Regions;

namespace Regiewijzer.Web.Hosting;

/// <summary>
/// A designation dated in the future takes effect on its date without a restart: once an hour the partition in force is
/// brought in line with the acts in force today (<see cref="ApplyDesignations"/>; nothing is written when nothing
/// changed, and the save raises the change counts, so every instance's caches follow).
/// </summary>
internal sealed class DesignationDates(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DesignationDates> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
                var changed = await ApplyDesignations.RunAsync(db, DutchTime.Date(clock.GetUtcNow()), stoppingToken).ConfigureAwait(false);
                if (changed > 0 && log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Aanwijzing in werking getreden: {Count} gemeenten naar hun aangewezen regio", changed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "De aanwijzingen konden niet worden bijgewerkt; volgende poging over een uur");
            }
        }
    }
}
