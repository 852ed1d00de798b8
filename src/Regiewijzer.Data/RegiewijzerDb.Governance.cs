using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

public partial class RegiewijzerDb
{
    /// <summary>Who the changes of this context are made by (the audit trail's "who"); the system when null.</summary>
    public AuditActor? Actor { get; set; }

    /// <summary>Off only while seeding reference data: that is not a change by anyone, and it is 1,000s of rows.</summary>
    public bool Auditing { get; set; } = true;

    /// <summary>Where a stored change is announced (the web app's caches listen); null for none (the CLI).</summary>
    public Database.DataChangeSignal? Changes { get; set; }

    /// <summary>Row types changed by saves not yet announced (waiting for their transaction's commit).</summary>
    internal HashSet<Type> PendingChanges { get; } = [];

    /// <summary>The change counts raised for those saves in their transaction (<see cref="Database.DataVersions"/>).</summary>
    internal Dictionary<string, long> PendingVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The clock of the audit trail's "when" (tests may set their own).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once: the version stamps, the audit trail, the change signal and EF's own save each read the
        // tracked rows, and each read detected the changes of every tracked row again (5 passes per save).
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        VersionStamping.Apply(ChangeTracker);
        AuditTrail.RefuseChanges(ChangeTracker);
        var pending = Auditing ? AuditTrail.Capture(ChangeTracker) : [];
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        // The change and its audit entries are one transaction: no change without its record.
        var own = Database.CurrentTransaction is null ? await BeginAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            var count = await base.SaveChangesAsync(true, cancellationToken).ConfigureAwait(false);
            // In bulk, past the change tracker (AuditWriter): an import's million entries cost neither tracking nor memory.
            await AuditWriter.InsertAsync(this, [.. AuditTrail.Complete(pending, Actor ?? AuditActor.System, Clock.GetUtcNow())], cancellationToken).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                var inner = own.GetDbTransaction();
                await own.DisposeAsync().ConfigureAwait(false);
                await inner.DisposeAsync().ConfigureAwait(false); // a transaction given to EF (SQLite, deferred) is not disposed by EF: roll back if not committed
            }
        }
    }

    /// <summary>
    /// Saves, or returns false when a row changed since it was read (its <c>Version</c> no longer matches: optimistic
    /// concurrency) or a unique index refused a row someone else created at the same moment (<see cref="DatabaseErrors.IsConflict"/>).
    /// Nothing is stored then, and the change tracker is cleared so the caller can read the stored state. Other database
    /// errors (a busy database, a real fault) propagate: they are not conflicts.
    /// </summary>
    public async Task<bool> TrySaveVersionedAsync(CancellationToken ct = default)
    {
        try
        {
            await SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// SQLite: a deferred transaction (no lock until the first write), like the one SaveChanges opens by itself, so
    /// readers and other writers are not blocked before the change is written.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        if (Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            await Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("SQLite transaction not accepted.");
        }

        return await Database.BeginTransactionAsync(ct).ConfigureAwait(false);
    }

    private static void ConfigureGovernance(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccountRow>(e =>
        {
            e.ToTable("accounts");
            e.Property(a => a.DisplayName).HasMaxLength(200);
        });
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("account_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("account_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("account_tokens");
        modelBuilder.Entity<OrganisationRow>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(6);
            e.Property(o => o.Name).HasMaxLength(100);
            e.Property(o => o.ProvinceCode).HasMaxLength(4);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<AccountRoleRow>(e =>
        {
            e.ToTable("account_roles");
            e.HasIndex(r => new { r.AccountId, r.OrganisationId }).IsUnique();
            e.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AgreementRow>(e =>
        {
            e.ToTable("agreements");
            e.HasIndex(a => new { a.RegionId, a.Number }).IsUnique();
            e.HasOne<HousingRegionRow>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Reason).HasMaxLength(500);
            e.Property(a => a.CreatedBy).HasMaxLength(200);
            e.Property(a => a.AdoptedBy).HasMaxLength(200);
            e.HasMany(a => a.Shares).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AgreementShareRow>(e =>
        {
            e.ToTable("agreement_shares");
            e.HasIndex(s => new { s.AgreementId, s.MunicipalityCode }).IsUnique();
            e.Property(s => s.MunicipalityCode).HasMaxLength(6);
            e.Property(s => s.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<AgreementResponseRow>(e =>
        {
            e.ToTable("agreement_responses");
            e.HasIndex(r => new { r.AgreementId, r.MunicipalityCode }).IsUnique();
            e.HasOne<AgreementRow>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(r => r.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Comment).HasMaxLength(4000);
            e.Property(r => r.By).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ExemptionRow>(e =>
        {
            e.ToTable("exemptions");
            e.HasIndex(x => new { x.RegionId, x.Status });
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<HousingRegionRow>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Floor).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.RequestedFloor).HasPrecision(6, 4);
            e.Property(x => x.Grounds).HasMaxLength(4000);
            e.Property(x => x.Reasoning).HasMaxLength(4000);
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.DecidedByOrganisation).HasMaxLength(6);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<InstructionRow>(e =>
        {
            e.ToTable("instructions");
            e.HasIndex(i => i.AddresseeId);
            e.HasIndex(i => i.IssuerId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(i => i.IssuerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(i => i.AddresseeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.LegalBasis).HasMaxLength(200);
            e.Property(i => i.Subject).HasMaxLength(200);
            e.Property(i => i.Content).HasMaxLength(8000);
            e.Property(i => i.WarningReference).HasMaxLength(200);
            e.Property(i => i.CreatedBy).HasMaxLength(200);
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<HousingProgrammeRow>(e =>
        {
            e.ToTable("housing_programmes");
            e.HasIndex(h => new { h.MunicipalityCode, h.Year }).IsUnique();
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(h => h.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(h => h.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => new { a.ObjectType, a.ObjectId });
            e.HasIndex(a => a.At);
            e.Property(a => a.ActorId).HasMaxLength(100);
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.OrganisationId).HasMaxLength(6);
            e.Property(a => a.ObjectType).HasMaxLength(40);
            e.Property(a => a.ObjectId).HasMaxLength(100);
            e.Property(a => a.Entity).HasMaxLength(60);
            e.Property(a => a.EntityKey).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(20);
        });
    }
}
