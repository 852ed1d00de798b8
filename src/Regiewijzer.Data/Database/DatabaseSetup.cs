using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Reference;

namespace Regiewijzer.Data.Database;

/// <summary>What first start did, with timings (reported by the CLI and recorded in docs/benchmarks.md).</summary>
public sealed record SetupReport(IReadOnlyList<string> AppliedMigrations, bool Seeded, TimeSpan MigrateTime, TimeSpan SeedTime);

/// <summary>Create, migrate and seed: run on every start; does nothing that is already done.</summary>
public static class DatabaseSetup
{
    public static async Task<SetupReport> MigrateAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        var watch = Stopwatch.StartNew();
        if (pending.Count > 0) // up to date: the migrator's lock, history and model checks cost every command about half a second
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }

        return new SetupReport(pending, false, watch.Elapsed, TimeSpan.Zero);
    }

    /// <summary>As <see cref="MigrateAndSeedAsync(RegiewijzerDb, string?, CancellationToken)"/>, with <paramref name="actor"/> (the operator at the command line) as the audit trail's "who" of the seed.</summary>
    public static Task<SetupReport> MigrateAndSeedAsync(RegiewijzerDb db, Actor actor, string? dataDirectory = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AuditActing.For(db, actor, null);
        return MigrateAndSeedAsync(db, dataDirectory, ct);
    }

    public static async Task<SetupReport> MigrateAndSeedAsync(RegiewijzerDb db, string? dataDirectory = null, CancellationToken ct = default)
    {
        var migrated = await MigrateAsync(db, ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var seeded = await ReferenceSeeder.SeedAsync(db, dataDirectory, ct: ct).ConfigureAwait(false);
        var seedTime = watch.Elapsed;
        // A designation whose date in force has come since the last start takes effect now (see ApplyDesignations).
        await Features.Regions.ApplyDesignations.RunAsync(db, DutchTime.Date(DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        return migrated with { Seeded = seeded, SeedTime = seedTime };
    }
}
