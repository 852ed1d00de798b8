using Regiewijzer.Data;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Web;

/// <summary>
/// Keeps this instance's caches true to the database when other processes write: another instance of the web app on
/// the same database, or the command line. Before a cache answers, the stored change counts (<see cref="DataVersions"/>)
/// are read (one small query, once per request) and compared with the counts this instance last saw; what changed is
/// evicted through the same <see cref="ReadModelEviction"/> that this instance's own writes go through. So a change
/// stored anywhere is seen on the next request everywhere (issue 17), and nothing expires on a timer (issue 19).
/// </summary>
/// <remarks>
/// This instance's own writes arrive through the write signal (<see cref="OnStoredAsync"/>) with the counts they raised,
/// so they are not evicted twice. The counts are raised inside the transaction that stores the change, so a count read
/// here is never ahead of the data.
/// </remarks>
public sealed class DataVersionWatch(IServiceScopeFactory scopes, IServiceProvider services, IHttpContextAccessor requests)
{
    private static readonly object CheckedKey = new();

    // Resolved when first needed: the caches it evicts ask this watch before they answer.
    private ReadModelEviction Eviction => services.GetRequiredService<ReadModelEviction>();
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);

    /// <summary>The counts the caches are built from, from the database (at start, before anything is cached).</summary>
    public async Task StartAsync(RegiewijzerDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = await DataVersions.ReadAsync(db, ct).ConfigureAwait(false);
        lock (gate)
        {
            seen.Clear();
            foreach (var (table, version) in now)
            {
                seen[table] = version;
            }
        }
    }

    /// <summary>
    /// Evicts what other processes changed since the last look. Once per request (later calls in the same request
    /// return at once); outside a request on every call.
    /// </summary>
    public async ValueTask CatchUpAsync(CancellationToken ct)
    {
        var request = requests.HttpContext;
        if (request is not null && !request.Items.TryAdd(CheckedKey, true))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
        var now = await DataVersions.ReadAsync(db, ct).ConfigureAwait(false);
        var changed = new List<string>();
        lock (gate)
        {
            foreach (var (table, version) in now)
            {
                if (version != seen.GetValueOrDefault(table))
                {
                    seen[table] = version;
                    changed.Add(table);
                }
            }
        }

        if (changed.Count > 0)
        {
            await Eviction.OnChangedAsync(DataVersions.TypesOf(db, changed)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// This instance stored a change (the write signal): evicts it, and takes note of the counts it raised, unless another
    /// process raised one in between (then the next <see cref="CatchUpAsync"/> evicts that one as well).
    /// </summary>
    public async ValueTask OnStoredAsync(StoredChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            foreach (var (table, version) in change.Versions)
            {
                if (seen.GetValueOrDefault(table) == version - 1)
                {
                    seen[table] = version;
                }
            }
        }

        await Eviction.OnChangedAsync(change.Types).ConfigureAwait(false);
    }
}
