using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Regiewijzer.Data.Database;

/// <summary>
/// The SQLite side of <see cref="BulkInsert.WriteAsync"/>: one prepared single-row statement, its values bound by position
/// straight on the connection's handle and the statement stepped and reset per row. Through <see cref="SqliteCommand"/>
/// every execution looked each parameter up by name (the name converted to UTF-8 and searched for each of about 1,5
/// million values in a 20.000-plan import) and made a parameter object per value. The values are converted as EF's type
/// mappings convert them (their value converters) and written in the text and integer forms that
/// Microsoft.Data.Sqlite writes for them, so the rows are the same; a column of any other type keeps the command path
/// (<see cref="CanWrite"/>). Errors are raised as <see cref="SqliteException"/>, as the command would.
/// </summary>
internal static class SqliteRows
{
    private const int Busy = 5;

    private const int Locked = 6;

    private const int Done = 101;

    /// <summary>The stored types whose binding is written out here (as Microsoft.Data.Sqlite binds them); others keep the command path.</summary>
    private static readonly HashSet<Type> Supported =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset)];

    /// <summary>Whether the connection is open (inside the caller's transaction) and every column's stored type is bound here.</summary>
    public static bool CanWrite(DbContext db, RelationalTypeMapping[] mappings) =>
        db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: not null }
        && mappings.All(m => Stored(m) is var type && Supported.Contains(Nullable.GetUnderlyingType(type) ?? type));

    private static Type Stored(RelationalTypeMapping mapping) => mapping.Converter?.ProviderClrType ?? mapping.ClrType;

    public static void Write(DbContext db, string text, RelationalTypeMapping[] mappings, IReadOnlyList<object?[]> values, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, text, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            var timeout = TimeSpan.FromSeconds(db.Database.GetCommandTimeout() ?? 30);
            for (var r = 0; r < values.Count; r++)
            {
                ct.ThrowIfCancellationRequested();
                var row = values[r];
                for (var c = 0; c < mappings.Length; c++)
                {
                    var value = row[c];
                    if (value is not null && mappings[c].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    Bind(statement, c + 1, value);
                }

                Step(handle, statement, timeout);
            }
        }
    }

    /// <summary>Steps the bound row, waiting while another connection holds the database (as the command does), and resets it.</summary>
    private static void Step(sqlite3 handle, sqlite3_stmt statement, TimeSpan timeout)
    {
        var started = Environment.TickCount64;
        while (true)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == Done)
            {
                raw.sqlite3_reset(statement);
                return;
            }

            raw.sqlite3_reset(statement);
            if ((rc & 0xFF) is Busy or Locked && Environment.TickCount64 - started < timeout.TotalMilliseconds)
            {
                Thread.Sleep(150);
                continue;
            }

            SqliteException.ThrowExceptionForRC(rc, handle);
            return;
        }
    }

    /// <summary>As Microsoft.Data.Sqlite binds a parameter's value of these types (its default SQLite type for each).</summary>
    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, s),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            short s => raw.sqlite3_bind_int64(statement, index, s),
            byte b => raw.sqlite3_bind_int64(statement, index, b),
            decimal d => raw.sqlite3_bind_text(statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"Geen SQLite-binding voor {value.GetType().Name}."),
        };
        if (rc != 0)
        {
            throw new SqliteException($"Binding failed ({rc}).", rc);
        }
    }
}
