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

    private static void OnHostingModelCreating(ModelBuilder builder) =>
        builder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
}
