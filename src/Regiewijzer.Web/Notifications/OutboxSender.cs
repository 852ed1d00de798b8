using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Regiewijzer.Data;

namespace Regiewijzer.Web.Notifications;

/// <summary>
/// Sends the e-mails in the outbox through the operator's SMTP server (MailKit). A message is claimed first (its version
/// raised, its next attempt moved on), so two instances never send it both; a failure is stored in Dutch and retried
/// later, each time after twice as long (1 minute up to 6 hours), at most <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class OutboxSender(MailSettings settings, ILogger<OutboxSender> log)
{
    public const int MaxAttempts = 10;

    /// <summary>At most this many messages per round.</summary>
    public const int Batch = 50;

    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(RegiewijzerDb db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!settings.Enabled)
        {
            return 0;
        }

        // The outbox holds what is not yet sent: small. The time filter runs here (SQLite cannot compare offsets).
        var due = (await db.MailOutbox.Where(m => m.SentAt == null && m.Attempts < MaxAttempts).OrderBy(m => m.Id).Take(Batch * 4).ToListAsync(ct).ConfigureAwait(false))
            .Where(m => m.NextAttemptAt <= now).Take(Batch).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        foreach (var m in due)
        {
            m.Version++;
            m.NextAttemptAt = now + Claim;
        }

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return 0; // another instance claimed them
        }

        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct).ConfigureAwait(false);
            if (settings.UserName is not null)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct).ConfigureAwait(false);
            }

            foreach (var m in due)
            {
                try
                {
                    await client.SendAsync(Message(m), ct).ConfigureAwait(false);
                    m.SentAt = now;
                    m.LastError = null;
                    sent++;
                }
                catch (Exception e) when (e is SmtpCommandException or FormatException or ParseException)
                {
                    Failed(m, now, "De mailserver weigerde dit bericht: " + e.Message);
                }
            }

            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var m in due.Where(m => m.SentAt is null && m.LastError is null))
            {
                Failed(m, now, "De mailserver was niet bereikbaar: " + e.Message);
            }

            if (log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning(e, "E-mail: {Count} berichten niet verzonden; nieuwe poging later", due.Count - sent);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false); // what was sent is recorded even when stopping
        return sent;
    }

    private MimeMessage Message(Data.Model.MailOutboxRow m)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(m.ToName, m.To));
        message.Subject = m.Subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain") { Text = m.Body };
        return message;
    }

    private static void Failed(Data.Model.MailOutboxRow m, DateTimeOffset now, string reason)
    {
        m.Attempts++;
        m.LastError = reason.Length <= 500 ? reason : reason[..500];
        m.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, m.Attempts - 1)));
    }
}
