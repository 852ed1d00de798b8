using Microsoft.AspNetCore.OutputCaching;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web;

/// <summary>
/// What a stored change evicts, whether this instance stored it (the database's write signal,
/// <see cref="Data.Database.DataChangeSignal"/>) or another process did (<see cref="DataVersionWatch"/>): what depends on
/// the changed tables. Reference tables evict the country check and data quality (and so the
/// monitoring built on them); monitoring tables evict the monitoring; any change but accounts and the audit trail
/// evicts the cached pages. No feature, endpoint or page evicts by hand.
/// </summary>
public sealed class ReadModelEviction(CountryCache country, MonitoringCache monitoring, IOutputCacheStore pages)
{
    private static readonly HashSet<Type> CountryRows =
        [typeof(ProvinceRow), typeof(MunicipalityRow), typeof(HousingRegionRow), typeof(RegionMembershipRow), typeof(StockRow), typeof(TaskRow), typeof(DesignationActRow)];

    private static readonly HashSet<Type> PlanRows = [typeof(PlanRow), typeof(PlanDeliveryRow)];

    private static readonly HashSet<Type> MonitoringReferenceRows = [typeof(TrajectoryWeightRow), typeof(AgreementRow), typeof(AgreementShareRow)];

    private static readonly HashSet<Type> NotShown =
        [typeof(AuditEntryRow), typeof(AccountRow), typeof(AccountRoleRow), typeof(DistributionRunRow), typeof(DataProtectionKeyRow), typeof(DataVersionRow), typeof(PlanChangeRow),
         typeof(NotificationEventRow), typeof(NotificationRow), typeof(MailOutboxRow), typeof(NotificationPreferenceRow), typeof(AccountVisitRow)];

    /// <summary>What a change of these row types evicts.</summary>
    public async ValueTask OnChangedAsync(IReadOnlySet<Type> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var parts = MonitoringParts.None;
        if (changed.Overlaps(CountryRows))
        {
            country.Invalidate();
            parts |= MonitoringParts.Reference; // the targets come from the country check
        }

        parts |= changed.Overlaps(MonitoringReferenceRows) ? MonitoringParts.Reference : MonitoringParts.None;
        parts |= changed.Overlaps(PlanRows) ? MonitoringParts.Plans : MonitoringParts.None;
        parts |= changed.Contains(typeof(RealisationRow)) ? MonitoringParts.Realisations : MonitoringParts.None;
        if (parts != MonitoringParts.None)
        {
            monitoring.Invalidate(parts);
        }

        if (changed.Any(t => !NotShown.Contains(t) && t.Namespace == typeof(PlanRow).Namespace))
        {
            // Not cancelled with the request: the change is already stored.
            await pages.EvictByTagAsync(ReferencePages.Tag, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
