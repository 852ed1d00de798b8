using System.Security.Claims;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Work;

namespace Regiewijzer.Web.Notifications;

/// <summary>Mijn Regiewijzer's services: mail settings, the outbox sender, the pump, and the sign-in record for "sinds uw vorige bezoek".</summary>
internal static class NotificationSetup
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MailSettings>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddSingleton<NotificationPump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationPump>());
        builder.Services.ConfigureApplicationCookie(o =>
        {
            var before = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await before(context).ConfigureAwait(false);
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
                {
                    var db = context.HttpContext.RequestServices.GetRequiredService<RegiewijzerDb>();
                    var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    await AccountVisits.RecordSignInAsync(db, id, clock.GetUtcNow(), context.HttpContext.RequestAborted).ConfigureAwait(false);
                }
            };
        });
    }

    /// <summary>The pump listens to the one write signal.</summary>
    public static void UseNotifications(this WebApplication app) =>
        app.Services.GetRequiredService<DataChangeSignal>().Listen(app.Services.GetRequiredService<NotificationPump>().OnStoredAsync);
}
