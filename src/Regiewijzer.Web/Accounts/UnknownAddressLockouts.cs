using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Regiewijzer.Web.Accounts;

/// <summary>
/// Failed sign-ins of addresses that have no account, counted in memory so that such an address is "locked" after the
/// same number of failures and for the same time as a real account: the answer (401, then 423) does not tell whether an
/// address has an account. Bounded: at most <see cref="MaxAddresses"/> addresses are tracked; when full, expired
/// entries go first, then the oldest. Nothing is written to the database (anonymous visitors cannot grow a table).
/// </summary>
public sealed class UnknownAddressLockouts(IOptions<IdentityOptions> options, TimeProvider clock)
{
    /// <summary>The most addresses tracked at once (a few hundred kilobytes at most).</summary>
    public const int MaxAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    public int Count => entries.Count;

    /// <summary>Records a failed attempt for an unknown address; true when the address now counts as locked.</summary>
    public bool Fail(string address)
    {
        var lockout = options.Value.Lockout;
        var now = clock.GetUtcNow();
        if (!entries.ContainsKey(address) && entries.Count >= MaxAddresses)
        {
            Prune(now);
        }

        var entry = entries.AddOrUpdate(
            address,
            _ => new Entry(1, now, null),
            (_, e) => e.LockedUntil is { } until && until > now
                ? e
                : e.LockedUntil is not null
                    ? new Entry(1, now, null) // an earlier lockout has ended: count again from one
                    : e with { Failures = e.Failures + 1, Last = now });
        if (entry.LockedUntil is null && entry.Failures >= lockout.MaxFailedAccessAttempts)
        {
            entry = entries[address] = new Entry(entry.Failures, now, now + lockout.DefaultLockoutTimeSpan);
        }

        return entry.LockedUntil > now;
    }

    /// <summary>True while an unknown address counts as locked.</summary>
    public bool IsLocked(string address) =>
        entries.TryGetValue(address, out var e) && e.LockedUntil > clock.GetUtcNow();

    private void Prune(DateTimeOffset now)
    {
        var window = options.Value.Lockout.DefaultLockoutTimeSpan;
        foreach (var (key, e) in entries)
        {
            if ((e.LockedUntil ?? e.Last + window) <= now)
            {
                entries.TryRemove(key, out _);
            }
        }

        // Still full: drop the oldest tenth.
        if (entries.Count >= MaxAddresses)
        {
            foreach (var key in entries.OrderBy(e => e.Value.Last).Take(MaxAddresses / 10).Select(e => e.Key).ToList())
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset? LockedUntil);
}
