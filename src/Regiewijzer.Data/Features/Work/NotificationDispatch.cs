using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Work;

/// <summary>
/// Tells each governance event once (issue 15): for every account with a role in an organisation the event concerns, a
/// notification in the application and, when mail is configured, an e-mail in the outbox, each as the account chose.
/// The events come from the stored records (<see cref="GovernanceFacts.EventsAsync"/>), so a step taken anywhere (this
/// instance, another, the command line) is told; the step itself never waits for this or fails because of it.
/// </summary>
/// <remarks>
/// Each told event is stored by its key in the same transaction as its notifications and mails; two instances that tell
/// the same event at once collide on that key, and the loser's transaction is rolled back (nothing is told twice).
/// Events from before the first run are not told (<see cref="StartKey"/>), and neither are events older than
/// <see cref="LookBack"/> that were missed while no instance ran.
/// </remarks>
public static class NotificationDispatch
{
    /// <summary>The row that records when telling began.</summary>
    public const string StartKey = "begin";

    /// <summary>How far back a run looks for events not yet told.</summary>
    public static TimeSpan LookBack { get; } = TimeSpan.FromDays(14);

    /// <summary>Tells the events not yet told; returns how many events were told.</summary>
    /// <param name="db">The database.</param>
    /// <param name="now">The time of this run.</param>
    /// <param name="siteAddress">The site's public address for the links in e-mails; null when mail is off (no outbox rows).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> RunAsync(RegiewijzerDb db, DateTimeOffset now, Uri? siteAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var start = await db.NotificationEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Key == StartKey, ct).ConfigureAwait(false);
        if (start is null)
        {
            db.NotificationEvents.Add(new NotificationEventRow { Key = StartKey, At = now, ToldAt = now });
            return await SaveOnceAsync(db, 0, ct).ConfigureAwait(false);
        }

        var since = start.At > now - LookBack ? start.At : now - LookBack;
        var events = await GovernanceFacts.EventsAsync(db, since, ct).ConfigureAwait(false);
        if (events.IsEmpty)
        {
            return 0;
        }

        var keys = events.Select(e => e.Key).ToList();
        var told = (await db.NotificationEvents.AsNoTracking().Where(e => keys.Contains(e.Key)).Select(e => e.Key).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = events.Where(e => !told.Contains(e.Key)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var organisations = fresh.SelectMany(e => e.Recipients).Distinct(StringComparer.Ordinal).ToList();
        var accounts = await (
                from r in db.AccountRoles.AsNoTracking()
                join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                where organisations.Contains(r.OrganisationId)
                select new { r.OrganisationId, a.Id, a.Email, a.DisplayName, a.LockoutEnd })
            .ToListAsync(ct).ConfigureAwait(false);
        var accountIds = accounts.Select(a => a.Id).Distinct().ToList();
        var choices = (await db.NotificationPreferences.AsNoTracking().Where(p => accountIds.Contains(p.AccountId)).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(p => (p.AccountId, p.Kind));

        foreach (var e in fresh)
        {
            db.NotificationEvents.Add(new NotificationEventRow { Key = e.Key, At = e.At, ToldAt = now });
            var recipients = accounts.Where(a => e.Recipients.Contains(a.OrganisationId) && (a.LockoutEnd is null || a.LockoutEnd <= now))
                .DistinctBy(a => a.Id)
                .Where(a => !string.Equals(Accounts.LoadActor.ActorName(a.DisplayName, a.Email), e.ByName, StringComparison.Ordinal)); // not told of one's own step
            foreach (var account in recipients)
            {
                var choice = choices.GetValueOrDefault((account.Id, e.Kind.ToString()));
                if (choice?.InApp ?? true)
                {
                    db.Notifications.Add(new NotificationRow { AccountId = account.Id, EventKey = e.Key, Kind = e.Kind.ToString(), Title = Limit(e.Title, 500), Link = e.Link, At = e.At });
                }

                if (siteAddress is not null && (choice?.Email ?? true) && !string.IsNullOrWhiteSpace(account.Email))
                {
                    db.MailOutbox.Add(new MailOutboxRow
                    {
                        To = account.Email,
                        ToName = account.DisplayName,
                        Subject = Limit("Regiewijzer: " + e.Kind.Dutch(), 300),
                        Body = Body(e, account.DisplayName, siteAddress),
                        EventKey = e.Key,
                        CreatedAt = now,
                        NextAttemptAt = now,
                    });
                }
            }
        }

        return await SaveOnceAsync(db, fresh.Count, ct).ConfigureAwait(false);
    }

    /// <summary>The e-mail's text: what happened, the link, why the account receives it and where to change that.</summary>
    public static string Body(GovernanceEvent e, string name, Uri site)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(site);
        var root = site.GetLeftPart(UriPartial.Authority) + site.AbsolutePath.TrimEnd('/');
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Beste {name},\n\n")
            .Append(CultureInfo.InvariantCulture, $"{e.Title}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Bekijk het in Regiewijzer: {root}{e.Link}\n")
            .Append(CultureInfo.InvariantCulture, $"Wat er voor uw organisatie klaarstaat: {root}/mijn\n\n")
            .Append(CultureInfo.InvariantCulture, $"U ontvangt dit bericht omdat u een rol hebt bij een organisatie die het aangaat ({e.Kind.Audience()}). ")
            .Append(CultureInfo.InvariantCulture, $"Welke berichten u ontvangt, kiest u op {root}/account/meldingen.\n");
        return Limit(text.ToString(), 4000);
    }

    private static async Task<int> SaveOnceAsync(RegiewijzerDb db, int count, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return count;
        }
        catch (DbUpdateException)
        {
            // Another instance told the same events first (their keys collide): nothing of this run is stored.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
