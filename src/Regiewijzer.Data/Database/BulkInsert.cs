using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Writes the rows the seeders added to the change tracker in bulk, instead of <c>SaveChanges</c>: multi-row INSERT
/// statements per table (principal tables first), with parameters made by EF's own type mappings (as
/// <see cref="AuditWriter"/> does), inside the caller's transaction. Keys the database would generate are numbered
/// here (after the table's highest key) and the foreign keys that point at them follow; on PostgreSQL the identity
/// sequence is moved past them. First start seeds about 15.000 rows; one by one through the change tracker that took
/// seconds.
/// </summary>
/// <remarks>
/// Only for added rows (seeding). When the change tracker holds a modified or deleted row, it saves through EF as usual.
/// The change tracker is cleared afterwards.
/// </remarks>
internal static class BulkInsert
{
    /// <summary>At most this many parameters per statement (SQLite allows 32.766, PostgreSQL 65.535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>At most this many rows per statement.</summary>
    private const int MaxRows = 500;

    public static async Task SaveAddedAsync(RegiewijzerDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return;
        }

        var added = entries.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        if (added.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            await InsertAsync(db, sql, added, ct).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }

        db.ChangeTracker.Clear();
    }

    private static async Task InsertAsync(RegiewijzerDb db, ISqlGenerationHelper sql, Dictionary<IEntityType, List<EntityEntry>> added, CancellationToken ct)
    {

        // Temporary key value (EF's placeholder for a key the database would generate) -> the number given here, per key property.
        var numbered = new Dictionary<IProperty, Dictionary<object, object>>();
        foreach (var type in Order(added.Keys))
        {
            var rows = added[type];
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            var properties = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
            var generated = type.FindPrimaryKey()!.Properties is [{ } key] && key.ClrType == typeof(int) && rows.Any(r => r.Property(key.Name).IsTemporary) ? key : null;
            if (generated is not null)
            {
                numbered[generated] = await NumberAsync(db, sql, tableName, generated.GetColumnName(table)!, rows, generated, ct).ConfigureAwait(false);
            }

            var values = rows.Select(r => properties.Select(p => Value(r, p, numbered)).ToArray()).ToList();
            await WriteAsync(db, type, properties, values, ct).ConfigureAwait(false);
            if (generated is not null && db.Database.IsNpgsql())
            {
                var column = sql.DelimitIdentifier(generated.GetColumnName(table)!);
                await ExecuteAsync(db, $"SELECT setval(pg_get_serial_sequence('{tableName.Replace("'", "''", StringComparison.Ordinal)}', '{generated.GetColumnName(table)}'), (SELECT MAX({column}) FROM {tableName}))", ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Principal tables before the tables whose foreign keys point at them (a row's own table last when it points at itself).</summary>
    private static List<IEntityType> Order(IEnumerable<IEntityType> types)
    {
        var pending = types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var order = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("Kringverwijzing tussen tabellen bij het vullen van de database.");
            order.Add(next);
            pending.Remove(next);
        }

        return order;
    }

    private static async Task<Dictionary<object, object>> NumberAsync(RegiewijzerDb db, ISqlGenerationHelper sql, string table, string column, List<EntityEntry> rows, IProperty key, CancellationToken ct)
    {
        await using var command = Command(db, $"SELECT MAX({sql.DelimitIdentifier(column)}) FROM {table}");
        var max = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        var next = max is null or DBNull ? 1 : Convert.ToInt32(max, CultureInfo.InvariantCulture) + 1;
        var map = new Dictionary<object, object>();
        foreach (var row in rows)
        {
            var property = row.Property(key.Name);
            if (property.IsTemporary)
            {
                map[property.CurrentValue!] = next++;
            }
        }

        return map;
    }

    /// <summary>The row's value for a column: a generated key, or a foreign key to one, numbered here.</summary>
    private static object? Value(EntityEntry row, IProperty property, Dictionary<IProperty, Dictionary<object, object>> numbered)
    {
        var value = row.Property(property.Name).CurrentValue;
        if (value is null)
        {
            return null;
        }

        if (numbered.TryGetValue(property, out var own) && own.TryGetValue(value, out var key))
        {
            return key;
        }

        foreach (var fk in property.GetContainingForeignKeys())
        {
            var principal = fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(property)];
            if (numbered.TryGetValue(principal, out var map) && map.TryGetValue(value, out var target))
            {
                return target;
            }
        }

        return value;
    }

    /// <summary>
    /// Inserts <paramref name="values"/> (one array per row, in <paramref name="properties"/>' order) into the entity's table.
    /// PostgreSQL: multi-row statements. SQLite: one prepared single-row statement, executed per row; SQLite looks a named
    /// parameter up by a linear search, so a statement with thousands of parameters costs time quadratic in its rows
    /// (500 rows of 11 columns took seconds per 10.000 rows), while re-executing a prepared row costs microseconds.
    /// </summary>
    internal static async Task WriteAsync(DbContext db, IEntityType entity, IProperty[] properties, IReadOnlyList<object?[]> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRows, MaxParameters / properties.Length));
        var names = Enumerable.Range(0, perStatement * properties.Length).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        DbCommand? reused = null;
        try
        {
            for (var start = 0; start < values.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, values.Count - start);
                var command = count == perStatement && reused is not null ? reused : Command(db, Text(head, sql, names, count, properties.Length));
                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                {
                    var row = values[start + r];
                    for (var c = 0; c < properties.Length; c++)
                    {
                        command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(names[(r * properties.Length) + c]), row[c], properties[c].IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                if (count == perStatement && reused is null)
                {
                    reused = command; // the same text again: SQLite keeps it prepared
                }
                else if (command != reused)
                {
                    await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (reused is not null)
            {
                await reused.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Text(string head, ISqlGenerationHelper sql, string[] names, int rows, int columns)
    {
        var text = new StringBuilder(head, head.Length + (rows * columns * 8));
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(names[(r * columns) + c]));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static async Task ExecuteAsync(RegiewijzerDb db, string text, CancellationToken ct)
    {
        await using var command = Command(db, text);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static DbCommand Command(DbContext db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }
}
