using Microsoft.EntityFrameworkCore;

namespace Regiewijzer.Data.Import;

/// <summary>
/// Writes an import in one explicit transaction, either every row or none, in batches: each batch is saved (with its
/// audit entries, <see cref="RegiewijzerDb.SaveChangesAsync(bool, CancellationToken)"/>) and then forgotten by the change
/// tracker, so the memory a write needs does not grow with the file.
/// </summary>
internal static class ImportTransaction
{
    /// <summary>Rows (plans, realisations) written per batch.</summary>
    public const int BatchSize = 1_000;

    public static async Task SaveAsync(RegiewijzerDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> once per batch of <paramref name="items"/> inside one transaction: the batch's
    /// changes are saved and the tracker cleared after each; the transaction commits after the last batch only.
    /// </summary>
    public static async Task SaveInBatchesAsync<T>(RegiewijzerDb db, IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            for (var start = 0; start < items.Count; start += BatchSize)
            {
                var batch = new ArraySegment<T>([.. items.Skip(start).Take(BatchSize)]);
                await write(batch).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static async Task<HashSet<string>> MunicipalityCodesAsync(RegiewijzerDb db, CancellationToken ct) =>
        (await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
}
