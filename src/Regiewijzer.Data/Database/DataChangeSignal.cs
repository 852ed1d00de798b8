using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Regiewijzer.Data.Database;

/// <summary>A stored change: the row types (classes) added, changed or removed, and the tables' new change counts.</summary>
/// <param name="Types">The changed row types.</param>
/// <param name="Versions">Each changed table's count after this change (<see cref="DataVersions"/>).</param>
public sealed record StoredChange(IReadOnlySet<Type> Types, IReadOnlyDictionary<string, long> Versions);

/// <summary>
/// The one "these tables changed" signal: raised after a save is stored (after the commit when the save ran in a
/// transaction) with the entity types (row classes) that were added, changed or removed. A host with caches listens
/// once; no feature or page evicts a cache by hand. Other processes learn of the change from <see cref="DataVersions"/>,
/// raised in the same transaction.
/// </summary>
public sealed class DataChangeSignal
{
    private readonly Lock gate = new();
    private readonly List<Func<StoredChange, ValueTask>> listeners = [];

    /// <summary>Calls <paramref name="listener"/> after every stored change.</summary>
    public void Listen(Func<StoredChange, ValueTask> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (gate)
        {
            listeners.Add(listener);
        }
    }

    internal async ValueTask RaiseAsync(StoredChange change)
    {
        Func<StoredChange, ValueTask>[] now;
        lock (gate)
        {
            now = [.. listeners];
        }

        foreach (var listener in now)
        {
            await listener(change).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Collects the changed row types of every save of a <see cref="RegiewijzerDb"/>, raises their tables' change counts
/// (<see cref="DataVersions"/>) inside the transaction that stores them (or right after a save that ran without one),
/// and raises the context's <see cref="RegiewijzerDb.Changes"/> signal once they are stored: at once, or at the commit
/// of the transaction they ran in (forgotten at a rollback).
/// </summary>
internal sealed class DataChangeInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static DataChangeInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedChangesAsync(eventData, result, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegiewijzerDb db && db.Database.CurrentTransaction is null)
        {
            // Stored without a transaction (one statement): count it now; the change itself is already committed. EF may
            // have closed the connection it opened for the save.
            var connection = db.Database.GetDbConnection();
            var open = connection.State != System.Data.ConnectionState.Open;
            if (open && db.PendingChanges.Count > 0)
            {
                await db.Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            }

            try
            {
                await RaiseVersionsAsync(db, connection, null, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                if (open && connection.State == System.Data.ConnectionState.Open)
                {
                    await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                }
            }

            await FlushAsync(db).ConfigureAwait(false);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Forget(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is RegiewijzerDb db)
        {
            RaiseVersionsAsync(db, transaction.Connection, transaction, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        if (eventData.Context is RegiewijzerDb db)
        {
            await RaiseVersionsAsync(db, transaction.Connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) =>
        FlushAsync(eventData.Context).AsTask();

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is RegiewijzerDb db)
        {
            db.PendingChanges.UnionWith(db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Metadata.ClrType));
        }
    }

    /// <summary>Raises the change counts of the tables changed since the last count (once per transaction).</summary>
    private static async Task RaiseVersionsAsync(RegiewijzerDb db, DbConnection? connection, DbTransaction? transaction, CancellationToken ct)
    {
        var tables = DataVersions.TablesOf(db, db.PendingChanges).Except(db.PendingVersions.Keys, StringComparer.Ordinal).ToArray();
        if (tables.Length == 0 || connection is null)
        {
            return;
        }

        foreach (var (table, version) in await DataVersions.RaiseAsync(connection, transaction, tables, ct).ConfigureAwait(false))
        {
            db.PendingVersions[table] = version;
        }
    }

    private static async ValueTask FlushAsync(DbContext? context)
    {
        if (context is RegiewijzerDb db && db.PendingChanges.Count > 0)
        {
            var change = new StoredChange(db.PendingChanges.ToHashSet(), new Dictionary<string, long>(db.PendingVersions, StringComparer.Ordinal));
            db.PendingChanges.Clear();
            db.PendingVersions.Clear();
            if (db.Changes is { } signal)
            {
                await signal.RaiseAsync(change).ConfigureAwait(false);
            }
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is RegiewijzerDb db)
        {
            db.PendingChanges.Clear();
            db.PendingVersions.Clear();
        }
    }
}
