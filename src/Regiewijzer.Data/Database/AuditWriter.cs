using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Writes audit entries in bulk: multi-row INSERT statements of up to <see cref="RowsPerStatement"/> rows, with
/// parameters made by EF's own type mappings (so values are stored exactly as EF stores them, on SQLite and
/// PostgreSQL), inside the save's transaction, without the change tracker. An import of 150.000 plans writes about a
/// million entries; tracking each one cost memory and time that grew with the file.
/// </summary>
internal static class AuditWriter
{
    /// <summary>Rows per statement: 11 columns each, far below SQLite's 32.766 and PostgreSQL's 65.535 parameters.</summary>
    public const int RowsPerStatement = 500;

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
        if (entries.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(AuditEntryRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = Columns.Select(c => entity.FindProperty(c.Property)!).ToArray();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, entries.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + (count * columns.Length * 8));
            for (var r = 0; r < count; r++)
            {
                var row = entries[start + r];
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "p" + ((r * columns.Length) + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(name), Columns[c].Value(row), columns[c].IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
