using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

/// <summary>The woondeals as published (parties may overlap), apart from the regions.</summary>
public partial class RegiewijzerDb
{
    public DbSet<DealRow> Deals => Set<DealRow>();

    public DbSet<DealPartyRow> DealParties => Set<DealPartyRow>();

    public DbSet<DealNumberRow> DealNumbers => Set<DealNumberRow>();

    public DbSet<ProvinceDealFigureRow> ProvinceDealFigures => Set<ProvinceDealFigureRow>();

    private static void ConfigureDeals(ModelBuilder builder)
    {
        builder.Entity<DealRow>(e =>
        {
            e.ToTable("deals");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(20);
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Provinces).HasMaxLength(200);
            e.Property(d => d.Precision).HasMaxLength(20);
            e.Property(d => d.PrecisionWording).HasMaxLength(500);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        builder.Entity<DealPartyRow>(e =>
        {
            e.ToTable("deal_parties");
            e.HasIndex(p => new { p.DealId, p.MunicipalityCode }).IsUnique();
            e.HasOne<DealRow>().WithMany().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(p => p.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Certainty).HasMaxLength(20);
        });
        builder.Entity<DealNumberRow>(e =>
        {
            e.ToTable("deal_numbers");
            e.HasIndex(n => new { n.DealId, n.MunicipalityCode }).IsUnique();
            e.HasOne<DealRow>().WithMany().HasForeignKey(n => n.DealId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(n => n.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ProvinceDealFigureRow>(e =>
        {
            e.ToTable("province_deal_figures");
            e.HasKey(f => f.ProvinceCode);
            e.HasOne<ProvinceRow>().WithMany().HasForeignKey(f => f.ProvinceCode).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
