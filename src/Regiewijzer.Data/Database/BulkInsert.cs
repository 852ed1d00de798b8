using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Writes new rows in bulk, past the change tracker: multi-row INSERT statements per table (principal tables first), with
/// parameters made by EF's own type mappings, inside the caller's transaction (or one of its own). Keys the database would
/// generate are reserved here (SQLite: after the table's highest key and its AUTOINCREMENT counter; PostgreSQL: from the
/// identity sequence) and the foreign keys of the dependents that reach them through a navigation follow. Audited rows get
/// the same audit entries as a save through the change tracker (<see cref="AuditTrail.Added"/>), and the rows' types are
/// announced as a save's are (<see cref="DataChangeSignal"/>, <see cref="DataVersions"/>) at the commit. First start writes
/// about 15.000 rows and an import of 20.000 plans 60.000; through the change tracker each row cost its tracking, change
/// detection, a statement EF prepared again per batch and its audit values read back from the tracker.
/// </summary>
internal static class BulkInsert
{
    /// <summary>At most this many parameters per statement (SQLite allows 32.766, PostgreSQL 65.535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>At most this many rows per statement.</summary>
    private const int MaxRows = 500;

    /// <summary>
    /// Inserts <paramref name="rows"/> and the new rows in their collection navigations (a plan's deliveries). A key the
    /// database would generate and that is still 0 is numbered here and set on the row; a foreign key follows its principal
    /// (reached through a navigation) in this call. A unique or foreign key violation throws a <see cref="DbUpdateException"/>
    /// as a save would.
    /// </summary>
    public static async Task InsertAsync(RegiewijzerDb db, IEnumerable<object> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var graph = new Graph(db.Model);
        foreach (var row in rows)
        {
            graph.Add(row, null);
        }

        if (graph.ByType.Count == 0)
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            var audit = new List<AuditEntryRow>();
            var (actor, at) = (db.Actor ?? AuditActor.System, db.Clock.GetUtcNow());
            foreach (var type in Order(graph.ByType.Keys))
            {
                var list = graph.ByType[type];
                graph.FollowPrincipals(type, list);
                await NumberAsync(db, type, list, ct).ConfigureAwait(false);
                var properties = type.GetProperties().Where(p => p.GetColumnName(Table(type)) is not null).ToArray();
                var getters = Array.ConvertAll(properties, p => p.GetGetter());
                var values = list.ConvertAll(r => Array.ConvertAll(getters, g => g.GetClrValueUsingContainingEntity(r)));
                await WriteAsync(db, type, properties, values, ct).ConfigureAwait(false);
                if (db.Auditing && AuditTrail.IsAudited(type.ClrType))
                {
                    audit.AddRange(list.Select(r => AuditTrail.Added(type, r, actor, at)));
                }
            }

            await AuditWriter.InsertAsync(db, audit, ct).ConfigureAwait(false);
            db.PendingChanges.UnionWith(graph.ByType.Keys.Select(t => t.ClrType)); // announced at the commit, as a save's changes are
            if (own is not null)
            {
                await own.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("Bulk insert failed.", e);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static StoreObjectIdentifier Table(IEntityType type) => StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());

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

    /// <summary>
    /// Gives the rows whose generated key is still 0 a key the database has not given and will not give: SQLite, after
    /// the highest key and the AUTOINCREMENT counter (an import holds the write lock); PostgreSQL, from the identity sequence.
    /// </summary>
    private static async Task NumberAsync(RegiewijzerDb db, IEntityType type, List<object> rows, CancellationToken ct)
    {
        if (type.FindPrimaryKey()!.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key] || key.ClrType != typeof(int))
        {
            return;
        }

        var getter = key.GetGetter();
        var unnumbered = rows.Where(r => (int)getter.GetClrValueUsingContainingEntity(r)! == 0).ToList();
        if (unnumbered.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        var column = key.GetColumnName(Table(type))!;
        var keys = new List<int>(unnumbered.Count);
        if (db.Database.IsNpgsql())
        {
            await using var command = Command(db, $"SELECT nextval(pg_get_serial_sequence('{table.Replace("'", "''", StringComparison.Ordinal)}', '{column}'))::int FROM generate_series(1, {unnumbered.Count.ToString(CultureInfo.InvariantCulture)})");
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                keys.Add(reader.GetInt32(0));
            }

            keys.Sort();
        }
        else
        {
            await using var command = Command(db, $"SELECT MAX(COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {table}), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{type.GetTableName()}'), 0))");
            var next = Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) + 1;
            keys.AddRange(Enumerable.Range(next, unnumbered.Count));
        }

        for (var i = 0; i < unnumbered.Count; i++)
        {
            key.PropertyInfo!.SetValue(unnumbered[i], keys[i]);
        }
    }

    /// <summary>The rows to insert per entity type, with the principal each dependent was reached from.</summary>
    private sealed class Graph(IModel model)
    {
        private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(object Dependent, IForeignKey Key), object> parents = [];

        public Dictionary<IEntityType, List<object>> ByType { get; } = [];

        public void Add(object row, (object Principal, IForeignKey Key)? parent)
        {
            if (parent is { } p)
            {
                parents[(row, p.Key)] = p.Principal;
            }

            if (!seen.Add(row))
            {
                return;
            }

            var type = model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not an entity type.");
            if (type.GetProperties().Any(p => p.IsShadowProperty()))
            {
                throw new InvalidOperationException($"{type.ClrType.Name} has shadow properties; the bulk writer reads values from the row.");
            }

            (ByType.TryGetValue(type, out var list) ? list : ByType[type] = []).Add(row);
            foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection))
            {
                if (navigation.PropertyInfo?.GetValue(row) is IEnumerable dependents)
                {
                    foreach (var dependent in dependents)
                    {
                        Add(dependent, (row, navigation.ForeignKey));
                    }
                }
            }
        }

        /// <summary>Sets each row's foreign keys to the keys of the principals it was reached from or points at (numbered by now).</summary>
        public void FollowPrincipals(IEntityType type, List<object> rows)
        {
            foreach (var fk in type.GetForeignKeys())
            {
                foreach (var row in rows)
                {
                    var principal = fk.DependentToPrincipal?.PropertyInfo?.GetValue(row) ?? parents.GetValueOrDefault((row, fk));
                    if (principal is null)
                    {
                        continue;
                    }

                    for (var i = 0; i < fk.Properties.Count; i++)
                    {
                        fk.Properties[i].PropertyInfo!.SetValue(row, fk.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(principal));
                    }
                }
            }
        }
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
        if (db.Database.IsSqlite() && SqliteRows.CanWrite(db, mappings))
        {
            SqliteRows.Write(db, Text(head, sql, [.. properties.Select((_, i) => "p" + i.ToString(CultureInfo.InvariantCulture))], 1, properties.Length), mappings, values, ct);
            return;
        }

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

    private static DbCommand Command(DbContext db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }
}
