using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Regiewijzer.Data.Database;

/// <summary>What a database error means for the person who made the change.</summary>
public enum DatabaseErrorKind
{
    /// <summary>Not a database error we recognise: a real fault (HTTP 500, logged).</summary>
    Other,

    /// <summary>A row changed or disappeared since it was read (its version no longer matches): someone else was first.</summary>
    Conflict,

    /// <summary>
    /// A unique index refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE 2067 / PRIMARYKEY 1555): someone
    /// else created the same record at the same moment. Reported like <see cref="Conflict"/>.
    /// </summary>
    UniqueViolation,

    /// <summary>
    /// The database is busy with another change and the wait (<see cref="DatabaseOptions.SqliteBusyTimeoutSeconds"/> on
    /// SQLite, a lock timeout, deadlock or serialization failure on PostgreSQL) ran out. Nobody changed the record: try again.
    /// </summary>
    Busy,

    /// <summary>
    /// The database cannot be reached (server down or restarting, connection refused or broken). Nothing was saved; the
    /// web app answers 503 with Retry-After and recovers by itself when the database is back.
    /// </summary>
    Unavailable,
}

/// <summary>
/// One classification of database exceptions for every save (edits, governance, imports; web pages, API and CLI), so a
/// unique-constraint race is answered as a conflict and a busy database is never called a conflict. Features catch
/// with <c>catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))</c> and let the rest propagate; the web app
/// (API: 409/503/500 problem+json; pages: the error page) and the CLI map what propagates with <see cref="Classify"/>.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>What the person is told when the database stays busy (pages, API detail, CLI).</summary>
    public const string BusyMessage = "De database is bezig met een andere wijziging; probeer het over een ogenblik opnieuw. Er is niets opgeslagen.";

    /// <summary>What the person is told about a change that lost a race to someone else's (pages, API detail, CLI).</summary>
    public const string ConflictMessage = "Iemand anders heeft tegelijk dezelfde gegevens gewijzigd of aangemaakt; er is niets opgeslagen. Lees de gegevens opnieuw en probeer het nog eens.";

    /// <summary>What the person is told while the database cannot be reached (pages, API detail, CLI).</summary>
    public const string UnavailableMessage = "De database is op dit moment niet bereikbaar. Er is niets opgeslagen; probeer het over een halve minuut opnieuw.";

    /// <summary>Seconds the Retry-After header asks a client to wait while the database cannot be reached.</summary>
    public const int UnavailableRetryAfterSeconds = 30;

    /// <summary>Seconds the API's Retry-After header asks a client to wait after a busy database.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCannotOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The kind of a database exception, looking through wrapping exceptions (DbUpdateException and the provider's own).</summary>
    public static DatabaseErrorKind Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                    return DatabaseErrorKind.Conflict;
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return DatabaseErrorKind.Busy;
                case SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }:
                    return DatabaseErrorKind.UniqueViolation;
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return DatabaseErrorKind.UniqueViolation;
                case PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.QueryCanceled }:
                    return DatabaseErrorKind.Busy;
                case NpgsqlException { InnerException: TimeoutException }:
                    return DatabaseErrorKind.Busy;
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    // Connection exceptions (08xxx) and operator intervention (57P01 admin shutdown, 57P02 crash, 57P03 cannot connect now).
                    return DatabaseErrorKind.Unavailable;
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or EndOfStreamException }:
                    return DatabaseErrorKind.Unavailable;
                case NpgsqlException n when n is not PostgresException && n.IsTransient:
                    return DatabaseErrorKind.Unavailable;
                case SqliteException { SqliteErrorCode: SqliteCannotOpen }:
                    return DatabaseErrorKind.Unavailable;
                default:
                    break;
            }
        }

        return DatabaseErrorKind.Other;
    }

    /// <summary>True when the change lost a race (<see cref="DatabaseErrorKind.Conflict"/> or <see cref="DatabaseErrorKind.UniqueViolation"/>).</summary>
    public static bool IsConflict(Exception? exception) => Classify(exception) is DatabaseErrorKind.Conflict or DatabaseErrorKind.UniqueViolation;

    /// <summary>True when the database was busy (<see cref="DatabaseErrorKind.Busy"/>).</summary>
    public static bool IsBusy(Exception? exception) => Classify(exception) == DatabaseErrorKind.Busy;

    /// <summary>True when the database could not be reached (<see cref="DatabaseErrorKind.Unavailable"/>).</summary>
    public static bool IsUnavailable(Exception? exception) => Classify(exception) == DatabaseErrorKind.Unavailable;
}
