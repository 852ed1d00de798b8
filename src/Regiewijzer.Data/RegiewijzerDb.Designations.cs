using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

/// <summary>The provinces' designation acts (woningbouwregio's), apart from the deals and from the partition in force.</summary>
public partial class RegiewijzerDb
{
    public DbSet<DesignationActRow> DesignationActs => Set<DesignationActRow>();

    public DbSet<DesignationRegionRow> DesignationRegions => Set<DesignationRegionRow>();

    public DbSet<DesignationAssignmentRow> DesignationAssignments => Set<DesignationAssignmentRow>();

    public DbSet<TaskProposalRow> TaskProposals => Set<TaskProposalRow>();

    private static void ConfigureDesignations(ModelBuilder builder)
    {
        builder.Entity<DesignationActRow>(e =>
        {
            e.ToTable("designation_acts");
            e.HasIndex(a => new { a.ProvinceCode, a.Version }).IsUnique();
            e.Property(a => a.ProvinceCode).HasMaxLength(4);
            e.Property(a => a.LegalReference).HasMaxLength(500);
            e.Property(a => a.RecordedBy).HasMaxLength(200);
            e.HasOne<ProvinceRow>().WithMany().HasForeignKey(a => a.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<DesignationRegionRow>(e =>
        {
            e.ToTable("designation_regions");
            e.HasIndex(r => new { r.ActId, r.RegionId }).IsUnique();
            e.Property(r => r.RegionId).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Partners).HasMaxLength(100);
            e.HasOne<DesignationActRow>().WithMany(a => a.Regions).HasForeignKey(r => r.ActId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DesignationAssignmentRow>(e =>
        {
            e.ToTable("designation_assignments");
            e.HasIndex(a => new { a.ActId, a.MunicipalityCode }).IsUnique();
            e.Property(a => a.RegionId).HasMaxLength(20);
            e.HasOne<DesignationActRow>().WithMany(a => a.Assignments).HasForeignKey(a => a.ActId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(a => a.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TaskProposalRow>(e =>
        {
            e.ToTable("task_proposals");
            e.HasIndex(p => new { p.MunicipalityCode, p.PeriodFrom, p.PeriodTo, p.Status });
            e.Property(p => p.Reasoning).HasMaxLength(500);
            e.Property(p => p.ProposedBy).HasMaxLength(200);
            e.Property(p => p.DecidedBy).HasMaxLength(200);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(p => p.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
