using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

/// <summary>
/// The key ring of ASP.NET Core Data Protection (it protects session cookies and API tokens) stored in the database, so
/// every instance on one database shares it: a cookie issued by one instance is accepted by the others (issue 17).
/// </summary>
public partial class RegiewijzerDb
{
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    /// <summary>How often each table changed (<see cref="Database.DataVersions"/>): how instances see each other's writes.</summary>
    public DbSet<DataVersionRow> DataVersions => Set<DataVersionRow>();

    /// <summary>The last change of each plan (<see cref="Database.PlanChanges"/>): what monitoring reads again after a write.</summary>
    public DbSet<PlanChangeRow> PlanChanges => Set<PlanChangeRow>();

    private static void OnHostingModelCreating(ModelBuilder builder)
    {
        builder.Entity<PlanChangeRow>(e =>
        {
            e.ToTable(Regiewijzer.Data.Database.PlanChanges.Table);
            e.HasKey(c => c.PlanId);
            e.Property(c => c.PlanId).ValueGeneratedNever();
            e.HasIndex(c => c.Seq);
        });
        builder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
        builder.Entity<DataVersionRow>(e =>
        {
            e.ToTable(Regiewijzer.Data.Database.DataVersions.Table);
            e.HasKey(v => v.TableName);
            e.Property(v => v.TableName).HasMaxLength(100);
        });
    }
}
