using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

/// <summary>
/// The database. The provider (SQLite or PostgreSQL) is chosen by <see cref="Database.DatabaseOptions"/>. It is also the
/// ASP.NET Core Identity store of the accounts, and it writes the audit trail on every save (<see cref="AuditTrail"/>).
/// </summary>
public partial class RegiewijzerDb(DbContextOptions options) : IdentityUserContext<AccountRow>(options)
{
    public DbSet<ProvinceRow> Provinces => Set<ProvinceRow>();

    public DbSet<MunicipalityRow> Municipalities => Set<MunicipalityRow>();

    public DbSet<HousingRegionRow> Regions => Set<HousingRegionRow>();

    public DbSet<RegionMembershipRow> Memberships => Set<RegionMembershipRow>();

    public DbSet<StockRow> Stock => Set<StockRow>();

    public DbSet<TaskRow> Tasks => Set<TaskRow>();

    public DbSet<NormParameterRow> NormParameters => Set<NormParameterRow>();

    public DbSet<PriceLimitRow> PriceLimits => Set<PriceLimitRow>();

    public DbSet<PlanCapacityRow> PlanCapacity => Set<PlanCapacityRow>();

    public DbSet<DistributionRunRow> DistributionRuns => Set<DistributionRunRow>();

    public DbSet<DataSetRow> DataSets => Set<DataSetRow>();

    public DbSet<PlanRow> Plans => Set<PlanRow>();

    public DbSet<PlanDeliveryRow> PlanDeliveries => Set<PlanDeliveryRow>();

    public DbSet<RealisationRow> Realisations => Set<RealisationRow>();

    public DbSet<TrajectoryWeightRow> TrajectoryWeights => Set<TrajectoryWeightRow>();

    public DbSet<ForecastParameterRow> ForecastParameters => Set<ForecastParameterRow>();

    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();

    public DbSet<AccountRow> Accounts => Set<AccountRow>();

    public DbSet<AccountRoleRow> AccountRoles => Set<AccountRoleRow>();

    public DbSet<AgreementRow> Agreements => Set<AgreementRow>();

    public DbSet<AgreementShareRow> AgreementShares => Set<AgreementShareRow>();

    public DbSet<AgreementResponseRow> AgreementResponses => Set<AgreementResponseRow>();

    public DbSet<ExemptionRow> Exemptions => Set<ExemptionRow>();

    public DbSet<InstructionRow> Instructions => Set<InstructionRow>();

    public DbSet<HousingProgrammeRow> HousingProgrammes => Set<HousingProgrammeRow>();

    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder); // the Identity tables
        ConfigureGovernance(builder);
        OnHostingModelCreating(builder); // the Data Protection key ring (RegiewijzerDb.Hosting.cs)
        ConfigureDeals(builder);
        ConfigureDesignations(builder);
        ConfigureNotifications(builder);
        builder.Entity<ProvinceRow>(e =>
        {
            e.ToTable("provinces");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(4);
            e.Property(p => p.Name).HasMaxLength(100);
        });
        builder.Entity<MunicipalityRow>(e =>
        {
            e.ToTable("municipalities");
            e.HasKey(m => m.Code);
            e.Property(m => m.Code).HasMaxLength(6);
            e.Property(m => m.Name).HasMaxLength(100);
            e.Property(m => m.MapName).HasMaxLength(100);
            e.HasOne(m => m.Province).WithMany().HasForeignKey(m => m.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => m.Name);
        });
        builder.Entity<HousingRegionRow>(e =>
        {
            e.ToTable("regions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Key).HasMaxLength(20);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<RegionMembershipRow>(e =>
        {
            e.ToTable("region_memberships");
            e.HasKey(m => m.MunicipalityCode);
            e.HasOne(m => m.Municipality).WithOne(m => m.Membership).HasForeignKey<RegionMembershipRow>(m => m.MunicipalityCode);
            e.HasOne(m => m.Region).WithMany(r => r.Members).HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(m => m.DealRegionId).HasMaxLength(20);
            e.Property(m => m.DesignationProvince).HasMaxLength(4);
            e.Ignore(m => m.IndicativeNow);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        builder.Entity<StockRow>(e =>
        {
            e.ToTable("stock");
            e.HasIndex(s => new { s.MunicipalityCode, s.ReferenceYear }).IsUnique();
            e.Property(s => s.CorrectionSource).HasMaxLength(500);
            e.Property(s => s.CorrectedBy).HasMaxLength(10);
            e.Ignore(s => s.IsCorrected);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(s => s.MunicipalityCode);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks");
            e.HasIndex(t => new { t.MunicipalityCode, t.PeriodFrom, t.PeriodTo }).IsUnique();
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(t => t.MunicipalityCode);
            e.Property(t => t.Origin).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<NormParameterRow>(e =>
        {
            e.ToTable("norm_parameters");
            e.HasKey(p => new { p.NormSetId, p.Key });
        });
        builder.Entity<PriceLimitRow>(e =>
        {
            e.ToTable("price_limits");
            e.HasKey(p => p.Year);
            e.Property(p => p.Year).ValueGeneratedNever();
            e.Property(p => p.SocialRentLimit).HasPrecision(12, 2);
            e.Property(p => p.MiddleRentLimit).HasPrecision(12, 2);
            e.Property(p => p.AffordablePurchaseLimit).HasPrecision(12, 2);
        });
        builder.Entity<PlanCapacityRow>(e =>
        {
            e.ToTable("plan_capacity_2021");
            e.HasKey(p => p.MunicipalityCode);
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(p => p.MunicipalityCode);
        });
        builder.Entity<DistributionRunRow>(e =>
        {
            e.ToTable("distribution_runs");
            e.HasIndex(r => new { r.RegionId, r.CreatedAt });
        });
        builder.Entity<DataSetRow>(e =>
        {
            e.ToTable("data_sets");
            e.HasKey(d => d.File);
        });
        builder.Entity<PlanRow>(e =>
        {
            e.ToTable("plans", t => t.UseSqlReturningClause(false)); // SQLite: the change triggers (PlanChanges) rule out RETURNING
            e.HasIndex(p => new { p.MunicipalityCode, p.Code }).IsUnique();
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(p => p.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Code).HasMaxLength(100);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Status).HasMaxLength(2);
            e.Property(p => p.Source).HasMaxLength(500);
            e.Property(p => p.Assumption).HasMaxLength(1000);
            e.HasMany(p => p.Deliveries).WithOne().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<PlanDeliveryRow>(e =>
        {
            e.ToTable("plan_deliveries", t => t.UseSqlReturningClause(false));
            e.HasIndex(d => new { d.PlanId, d.Year }).IsUnique();
        });
        builder.Entity<RealisationRow>(e =>
        {
            e.ToTable("realisations");
            e.HasIndex(r => new { r.MunicipalityCode, r.Year }).IsUnique();
            e.HasOne<MunicipalityRow>().WithMany().HasForeignKey(r => r.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Source).HasMaxLength(500);
            e.Property(r => r.Note).HasMaxLength(1000);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<TrajectoryWeightRow>(e =>
        {
            e.ToTable("trajectory_weights");
            e.HasKey(t => new { t.RegionId, t.Year });
            e.HasOne<HousingRegionRow>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<ForecastParameterRow>(e =>
        {
            e.ToTable("forecast_parameters");
            e.HasKey(p => new { p.SetId, p.Key });
        });
    }
}

/// <summary>The SQLite variant: its own migrations (folder Migrations/Sqlite).</summary>
public sealed class SqliteRegiewijzerDb(DbContextOptions<SqliteRegiewijzerDb> options) : RegiewijzerDb(options);

/// <summary>The PostgreSQL variant: its own migrations (folder Migrations/Postgres).</summary>
public sealed class PostgresRegiewijzerDb(DbContextOptions<PostgresRegiewijzerDb> options) : RegiewijzerDb(options);
