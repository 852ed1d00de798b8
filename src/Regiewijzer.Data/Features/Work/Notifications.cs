using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Work;

/// <summary>One notification as the account sees it.</summary>
public sealed record NotificationView(long Id, EventKind Kind, string Title, string Link, DateTimeOffset At, bool Read);

/// <summary>An account's choice for one kind: in the application, by e-mail.</summary>
public sealed record NotificationChoice(EventKind Kind, bool InApp, bool Email);

/// <summary>The notifications of one account (issue 15): read, mark as read, and the account's choices per kind.</summary>
public static class NotificationInbox
{
    public const int PageSize = 50;

    /// <summary>The newest notifications of the account, unread first within the page.</summary>
    public static async Task<IReadOnlyList<NotificationView>> ListAsync(RegiewijzerDb db, string accountId, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId)
            .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, PageSize)).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(View)];
    }

    public static Task<int> UnreadAsync(RegiewijzerDb db, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Notifications.AsNoTracking().CountAsync(n => n.AccountId == accountId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one notification (or, with null, all) of the account as read; another account's is never touched.</summary>
    public static async Task<int> MarkReadAsync(RegiewijzerDb db, string accountId, long? id, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Notifications.Where(n => n.AccountId == accountId && n.ReadAt == null && (id == null || n.Id == id))
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.ReadAt = now;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Opens one notification of the account: marks it read and returns its link; null when the account has no such notification.</summary>
    public static async Task<string?> OpenAsync(RegiewijzerDb db, string accountId, long id, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.AccountId == accountId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        if (row.ReadAt is null)
        {
            row.ReadAt = now;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return row.Link;
    }

    /// <summary>The account's choice for every kind (both on where it has not chosen).</summary>
    public static async Task<ImmutableArray<NotificationChoice>> ChoicesAsync(RegiewijzerDb db, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.AccountId == accountId)
            .ToDictionaryAsync(p => p.Kind, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. GovernanceEvents.Kinds.Select(k => stored.TryGetValue(k.ToString(), out var p) ? new NotificationChoice(k, p.InApp, p.Email) : new NotificationChoice(k, true, true))];
    }

    /// <summary>Stores the account's choices (kinds not given keep theirs).</summary>
    public static async Task SaveChoicesAsync(RegiewijzerDb db, string accountId, IEnumerable<NotificationChoice> choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(choices);
        var stored = await db.NotificationPreferences.Where(p => p.AccountId == accountId)
            .ToDictionaryAsync(p => p.Kind, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var choice in choices)
        {
            var key = choice.Kind.ToString();
            if (!stored.TryGetValue(key, out var row))
            {
                row = db.NotificationPreferences.Add(new NotificationPreferenceRow { AccountId = accountId, Kind = key }).Entity;
                stored[key] = row;
            }

            row.InApp = choice.InApp;
            row.Email = choice.Email;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static NotificationView View(NotificationRow n) =>
        new(n.Id, Enum.TryParse<EventKind>(n.Kind, out var k) ? k : EventKind.AgreementProposed, n.Title, n.Link, n.At, n.ReadAt is not null);
}

/// <summary>An account's sign-ins: the start page shows what happened since the one before the current one.</summary>
public static class AccountVisits
{
    /// <summary>Records a sign-in: the last becomes the previous.</summary>
    public static async Task RecordSignInAsync(RegiewijzerDb db, string accountId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.AccountVisits.FirstOrDefaultAsync(v => v.AccountId == accountId, ct).ConfigureAwait(false);
        if (row is null)
        {
            db.AccountVisits.Add(new AccountVisitRow { AccountId = accountId, LastAt = now });
        }
        else
        {
            row.PreviousAt = row.LastAt;
            row.LastAt = now;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The sign-in before the current one, or null for a first visit.</summary>
    public static async Task<DateTimeOffset?> PreviousAsync(RegiewijzerDb db, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AccountVisits.AsNoTracking().Where(v => v.AccountId == accountId).Select(v => v.PreviousAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }
}
