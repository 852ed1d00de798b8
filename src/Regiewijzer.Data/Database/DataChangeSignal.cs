using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Regiewijzer.Data.Database;

/// <summary>
/// The one "these tables changed" signal: raised after a save is stored (after the commit when the save ran in a
/// transaction) with the entity types (row classes) that were added, changed or removed. A host with caches listens
/// once; no feature or page evicts a cache by hand.
/// </summary>
public sealed class DataChangeSignal
{
    private readonly Lock gate = new();
    private readonly List<Func<IReadOnlySet<Type>, ValueTask>> listeners = [];

    /// <summary>Calls <paramref name="listener"/> after every stored change with the changed row types.</summary>
    public void Listen(Func<IReadOnlySet<Type>, ValueTask> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (gate)
        {
            listeners.Add(listener);
        }
    }

    internal async ValueTask RaiseAsync(IReadOnlySet<Type> changed)
    {
        Func<IReadOnlySet<Type>, ValueTask>[] now;
        lock (gate)
        {
            now = [.. listeners];
        }

        foreach (var listener in now)
        {
            await listener(changed).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Collects the changed row types of every save of a <see cref="RegiewijzerDb"/> and raises its
/// <see cref="RegiewijzerDb.Changes"/> signal once they are stored: at once, or at the commit of the transaction they
/// ran in (forgotten at a rollback).
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
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            FlushAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await FlushAsync(eventData.Context).ConfigureAwait(false);
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

    void IDbTransactionInterceptor.TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) =>
        FlushAsync(eventData.Context).AsTask();

    void IDbTransactionInterceptor.TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is RegiewijzerDb { Changes: not null } db)
        {
            db.PendingChanges.UnionWith(db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Metadata.ClrType));
        }
    }

    private static async ValueTask FlushAsync(DbContext? context)
    {
        if (context is RegiewijzerDb { Changes: { } signal } db && db.PendingChanges.Count > 0)
        {
            var changed = db.PendingChanges.ToHashSet();
            db.PendingChanges.Clear();
            await signal.RaiseAsync(changed).ConfigureAwait(false);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is RegiewijzerDb db)
        {
            db.PendingChanges.Clear();
        }
    }
}
