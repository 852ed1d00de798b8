using System.Collections;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Writes audit entries in bulk through <see cref="BulkInsert.WriteAsync"/> (multi-row INSERT statements on PostgreSQL, a
/// prepared row statement on SQLite), with parameters made by EF's own type mappings (so values are stored exactly as EF
/// stores them, on SQLite and PostgreSQL), inside the save's transaction, without the change tracker. An import of 150.000 plans writes about a
/// million entries; tracking each one cost memory and time that grew with the file.
/// </summary>
internal static class AuditWriter
{
    /// <summary>Every column but the generated Id: the property and its value.</summary>
    private static readonly (string Property, Func<AuditEntryRow, object?> Value)[] Columns =
    [
        (nameof(AuditEntryRow.At), a => a.At), (nameof(AuditEntryRow.ActorId), a => a.ActorId), (nameof(AuditEntryRow.ActorName), a => a.ActorName),
        (nameof(AuditEntryRow.OrganisationId), a => a.OrganisationId), (nameof(AuditEntryRow.ObjectType), a => a.ObjectType),
        (nameof(AuditEntryRow.ObjectId), a => a.ObjectId), (nameof(AuditEntryRow.Entity), a => a.Entity), (nameof(AuditEntryRow.EntityKey), a => a.EntityKey),
        (nameof(AuditEntryRow.Action), a => a.Action), (nameof(AuditEntryRow.Before), a => a.Before), (nameof(AuditEntryRow.After), a => a.After),
    ];

    public static async Task InsertAsync(DbContext db, IReadOnlyList<AuditEntryRow> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(AuditEntryRow))!;
        var columns = Columns.Select(c => entity.FindProperty(c.Property)!).ToArray();
        await BulkInsert.WriteAsync(db, entity, columns, new Rows(entries), ct).ConfigureAwait(false);
    }

    /// <summary>The entries' values, made when a row is written (a million entries are not copied at once).</summary>
    private sealed class Rows(IReadOnlyList<AuditEntryRow> entries) : IReadOnlyList<object?[]>
    {
        public int Count => entries.Count;

        public object?[] this[int index] => [.. Columns.Select(c => c.Value(entries[index]))];

        public IEnumerator<object?[]> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
