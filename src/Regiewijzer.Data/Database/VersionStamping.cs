using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Regiewijzer.Data.Database;

/// <summary>
/// Optimistic concurrency: every modified entity with an int "Version" property gets Version + 1,
/// and EF checks the original Version in the UPDATE's WHERE clause (IsConcurrencyToken).
/// </summary>
internal static class VersionStamping
{
    public static void Apply(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var version = entry.Metadata.FindProperty("Version");
            if (version?.ClrType == typeof(int))
            {
                var property = entry.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }
    }
}
