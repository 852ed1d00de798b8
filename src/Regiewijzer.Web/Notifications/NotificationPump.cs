using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Work;
using Regiewijzer.Web.Hosting;

namespace Regiewijzer.Web.Notifications;

/// <summary>
/// Tells the governance events (<see cref="NotificationDispatch"/>) and sends the outbox (<see cref="OutboxSender"/>):
/// at once after this instance stored a governance step (the write signal), and every
/// <c>Notifications:IntervalSeconds</c> (15) for steps stored by another instance or the command line. The step itself
/// never waits for this: it is already stored when the signal is raised.
/// </summary>
public sealed class NotificationPump(
    IServiceScopeFactory scopes, MailSettings mail, OutboxSender sender, PublicAddress address, IServer server, TimeProvider clock, IConfiguration configuration, ILogger<NotificationPump> log)
    : BackgroundService
{
    private static readonly HashSet<Type> Steps =
    [
        typeof(Data.Model.AgreementRow), typeof(Data.Model.AgreementResponseRow), typeof(Data.Model.ExemptionRow),
        typeof(Data.Model.InstructionRow), typeof(Data.Model.TaskProposalRow),
    ];

    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>The write signal's listener: a governance step was stored here, tell it now.</summary>
    public ValueTask OnStoredAsync(StoredChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Types.Overlaps(Steps) && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already woken
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>One round: tell new events, send due mail.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
        var now = clock.GetUtcNow();
        await NotificationDispatch.RunAsync(db, now, mail.Enabled ? SiteAddress() : null, ct).ConfigureAwait(false);
        await sender.SendDueAsync(db, now, ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Notifications:IntervalSeconds", 15), 1, 3600));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (log.IsEnabled(LogLevel.Warning))
                {
                    log.LogWarning(e, "Meldingen: deze ronde mislukte; volgende poging over {Seconds} s", every.TotalSeconds);
                }
            }

            try
            {
                await wake.WaitAsync(every, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The site's address for links in e-mails: App:PublicBaseUrl, else the first address this server listens on.</summary>
    private Uri? SiteAddress() =>
        address.Base ?? (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } first && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri : null);

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
