using System.CommandLine;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;

namespace Regiewijzer.Cli;

/// <summary>--db-provider and --db, falling back to REGIEWIJZER_DB_PROVIDER / REGIEWIJZER_DB, then SQLite in the user's data folder.</summary>
internal static class DatabaseArgs
{
    private const string ProviderName = "--db-provider";
    private const string ConnectionName = "--db";

    /// <summary>New option instances for each command tree, so parallel in-process runs share nothing.</summary>
    public static Option<string?> CreateProviderOption() => new(ProviderName)
    {
        Description = "Database: sqlite (standaard) of postgres. Ook via REGIEWIJZER_DB_PROVIDER.",
        Recursive = true,
    };

    public static Option<string?> CreateConnectionOption() => new(ConnectionName)
    {
        Description = "Verbindingsgegevens van de database. Standaard SQLite in ~/.local/share/regiewijzer/regiewijzer.db. Ook via REGIEWIJZER_DB.",
        Recursive = true,
    };

    public static DatabaseOptions Resolve(ParseResult parse) =>
        DatabaseOptions.From(
            parse.GetValue<string?>(ProviderName) ?? Environment.GetEnvironmentVariable("REGIEWIJZER_DB_PROVIDER"),
            parse.GetValue<string?>(ConnectionName) ?? Environment.GetEnvironmentVariable("REGIEWIJZER_DB"));

    /// <summary>
    /// Who acts at the command line: the operating-system user, as the operator. Every command that writes passes it to
    /// its feature, as the web passes the signed-in account; the audit trail takes its "who" from there.
    /// </summary>
    public static Actor Operator { get; } = Actor.CommandLine(Environment.UserName);

    /// <summary>Opens the database, migrating and seeding it on first use (the seed as <see cref="Operator"/>).</summary>
    public static async Task<RegiewijzerDb> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var db = Resolve(parse).CreateContext();
        try
        {
            await DatabaseSetup.MigrateAndSeedAsync(db, Operator, ct: ct).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
