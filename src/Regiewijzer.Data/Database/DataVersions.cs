using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Regiewijzer.Data.Database;

/// <summary>
/// The stored count of changes per table (<see cref="Model.DataVersionRow"/>): raised inside the transaction that stores
/// the change (so a reader that sees the new count also sees the new data), by every process that writes, the command
/// line included. Instances of the web app compare it with what their caches were built from.
/// </summary>
public static class DataVersions
{
    public const string Table = "data_versions";

    /// <summary>The stored count per table (tables never changed are absent: count 0).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(RegiewijzerDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""SELECT "TableName", "Version" FROM {Table}""";
            return await ReadPairsAsync(command, ct).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The tables of these row types (as stored in <see cref="Table"/>).</summary>
    public static IReadOnlySet<string> TablesOf(DbContext db, IEnumerable<Type> rowTypes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rowTypes);
        return rowTypes.Select(t => db.Model.FindEntityType(t)?.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The row types stored in these tables (the inverse of <see cref="TablesOf"/>; unknown tables are skipped).</summary>
    public static IReadOnlySet<Type> TypesOf(DbContext db, IEnumerable<string> tables)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tables);
        var wanted = tables.ToHashSet(StringComparer.Ordinal);
        return db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } name && wanted.Contains(name)).Select(e => e.ClrType).ToHashSet();
    }

    /// <summary>
    /// Raises the count of each table by one, on <paramref name="connection"/> inside <paramref name="transaction"/> when
    /// given; returns the new counts. One statement (an upsert), so concurrent writers each get their own number.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<string, long>> RaiseAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        if (tables.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new StringBuilder();
        var i = 0;
        foreach (var table in tables.Order(StringComparer.Ordinal)) // one order for every writer: no deadlock between two upserts
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@t" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = table;
            command.Parameters.Add(parameter);
            values.Append(i == 0 ? string.Empty : ", ").Append('(').Append(parameter.ParameterName).Append(", 1)");
            i++;
        }

        command.CommandText = $"""
            INSERT INTO {Table} ("TableName", "Version") VALUES {values}
            ON CONFLICT ("TableName") DO UPDATE SET "Version" = {Table}."Version" + 1
            RETURNING "TableName", "Version"
            """;
        return await ReadPairsAsync(command, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<string, long>> ReadPairsAsync(DbCommand command, CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
