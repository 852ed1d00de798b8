using Microsoft.EntityFrameworkCore;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data;

/// <summary>Notifications, the mail outbox, the accounts' choices and visits (issue 15).</summary>
public partial class RegiewijzerDb
{
    public DbSet<NotificationEventRow> NotificationEvents => Set<NotificationEventRow>();

    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();

    public DbSet<MailOutboxRow> MailOutbox => Set<MailOutboxRow>();

    public DbSet<NotificationPreferenceRow> NotificationPreferences => Set<NotificationPreferenceRow>();

    public DbSet<AccountVisitRow> AccountVisits => Set<AccountVisitRow>();

    private static void ConfigureNotifications(ModelBuilder builder)
    {
        builder.Entity<NotificationEventRow>(e =>
        {
            e.ToTable("notification_events");
            e.HasKey(n => n.Key);
            e.Property(n => n.Key).HasMaxLength(100);
            e.HasIndex(n => n.At);
        });
        builder.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(n => new { n.AccountId, n.EventKey }).IsUnique();
            e.HasIndex(n => new { n.AccountId, n.ReadAt });
            e.Property(n => n.EventKey).HasMaxLength(100);
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(500);
            e.Property(n => n.Link).HasMaxLength(300);
            e.HasOne<AccountRow>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MailOutboxRow>(e =>
        {
            e.ToTable("mail_outbox");
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.ToName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(4000);
            e.Property(m => m.EventKey).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        builder.Entity<NotificationPreferenceRow>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasIndex(p => new { p.AccountId, p.Kind }).IsUnique();
            e.Property(p => p.Kind).HasMaxLength(40);
            e.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AccountVisitRow>(e =>
        {
            e.ToTable("account_visits");
            e.HasKey(v => v.AccountId);
            e.HasOne<AccountRow>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
