using Microsoft.EntityFrameworkCore;

namespace Regiewijzer.Data.Import;

/// <summary>Saves the tracked upserts in one explicit transaction: either every row is written or none.</summary>
internal static class ImportTransaction
{
    public static async Task SaveAsync(RegiewijzerDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public static async Task<HashSet<string>> MunicipalityCodesAsync(RegiewijzerDb db, CancellationToken ct) =>
        (await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
}
