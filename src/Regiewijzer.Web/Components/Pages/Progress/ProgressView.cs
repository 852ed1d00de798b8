using Microsoft.AspNetCore.Components;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Web.Components.Pages.Regions;

namespace Regiewijzer.Web.Components.Pages.Progress;

/// <summary>
/// What a voortgang page (and its downloads) shows of one subject: its progress at the end of the as-of year and its
/// forecast with <see cref="ForecastRequest.DefaultRuns"/> runs and <see cref="ForecastRequest.DefaultSeed"/>, both from
/// the cached snapshot.
/// </summary>
public sealed record ProgressView(MonitoringSnapshot Snapshot, SubjectProgress Progress, ForecastResult Forecast)
{
    /// <summary>The groups with a chart of their own when segments are known: the agreement's social, middle and free.</summary>
    public static readonly IReadOnlyList<SegmentGroup> SegmentCharts = [SegmentGroup.SocialRent, SegmentGroup.Middle, SegmentGroup.Free];

    public MonitoringSubject Subject => Progress.Subject;

    public ProgressReport Report => Progress.Report;

    public int AsOfYear => Report.AsOfYear;

    /// <summary>
    /// The realised homes counted have no segment (CBS counts, the net growth proxy): homes of unknown segment, or a
    /// report that judged the segments unknown (e.g. an estimated row of zero homes).
    /// </summary>
    public bool RealisedSegmentUnknown =>
        Report.Years.Any(y => y.Realised.Unknown > 0) || Report.Groups.Any(g => g.NotAssessed == NotAssessedReason.UnknownSegment);

    /// <summary>Plan homes of unknown segment are counted (plan capacity ~2021).</summary>
    public bool PlansSegmentUnknown => Progress.PlanSummary.Homes.Unknown > 0;

    /// <summary>Social, middle and free can be followed on their own: a target, and realisations and plans with known segments.</summary>
    public bool SegmentsKnown => Progress.HasTarget && !RealisedSegmentUnknown && !PlansSegmentUnknown;

    /// <summary>The groups of the per-year and forecast downloads: the total, and social, middle and free when their segments are known.</summary>
    public IReadOnlyList<SegmentGroup> ChartGroups => SegmentsKnown ? [SegmentGroup.All, .. SegmentCharts] : [SegmentGroup.All];

    /// <summary>The page of this subject.</summary>
    public string Href => ProgressPaths.Page(Subject);

    /// <summary>The path the page was asked for (a province may be asked by name); fragment links need it because of &lt;base href="/"&gt;.</summary>
    public string? RequestPath { get; init; }

    /// <summary>A link to an element on this page, e.g. Anchor("prognose-titel").</summary>
    public string Anchor(string id) => $"{RequestPath ?? Href}#{id}";

    /// <summary>
    /// Loads the view of a subject; null when the id is unknown. Ids are CBS codes or region ids in any case; a
    /// province may also be given by its name (gelderland, fryslan, noord-holland), as on /provincie/{code}.
    /// </summary>
    public static async Task<ProgressView?> LoadAsync(MonitoringCache cache, RegiewijzerDb db, MonitoringLevel level, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(id);
        var snapshot = await cache.GetAsync(ct).ConfigureAwait(false);
        var subject = level == MonitoringLevel.Province
            ? await FindProvinceAsync(snapshot, db, id, ct).ConfigureAwait(false)
            : snapshot.Find(level, id.Trim().ToUpperInvariant());
        if (subject is null)
        {
            return null;
        }

        var progress = snapshot.Progress(subject);
        return new ProgressView(snapshot, progress, cache.Forecast(snapshot, progress));
    }

    /// <summary>The view for a page: 404 (with the page's own message) when the id is unknown; fragment links keep the asked path.</summary>
    public static async Task<ProgressView?> ForPageAsync(MonitoringCache cache, RegiewijzerDb db, NavigationManager navigation, HttpContext? context, MonitoringLevel level, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var view = await LoadAsync(cache, db, level, id, context?.RequestAborted ?? default).ConfigureAwait(false);
        if (view is null)
        {
            PageStatus.NotFound(context);
            return null;
        }

        return view with { RequestPath = new Uri(navigation.Uri).AbsolutePath };
    }

    /// <summary>The provinces (code and name), by name: the nation page lists them all, with or without a target.</summary>
    public static async Task<IReadOnlyList<MonitoringSubject>> ProvincesAsync(MonitoringSnapshot snapshot, RegiewijzerDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(db);
        var provinces = await ReferenceQueries.ProvincesAsync(db, ct).ConfigureAwait(false);
        return [.. provinces.Select(p => snapshot.Find(MonitoringLevel.Province, p.Code)).OfType<MonitoringSubject>().OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static async Task<MonitoringSubject?> FindProvinceAsync(MonitoringSnapshot snapshot, RegiewijzerDb db, string query, CancellationToken ct)
    {
        if (snapshot.Find(MonitoringLevel.Province, query.Trim().ToUpperInvariant()) is { } byCode)
        {
            return byCode;
        }

        var provinces = await ReferenceQueries.ProvincesAsync(db, ct).ConfigureAwait(false);
        var match = provinces.FirstOrDefault(p => FindProvince.Matches(p.Code, p.Name, query));
        return match is null ? null : snapshot.Find(MonitoringLevel.Province, match.Code);
    }
}

/// <summary>Addresses of the voortgang pages, their downloads and the reference pages of the same subject.</summary>
public static class ProgressPaths
{
    public static string Page(MonitoringSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Level switch
        {
            MonitoringLevel.Nation => "/voortgang",
            MonitoringLevel.Province => $"/voortgang/provincie/{subject.Id}",
            MonitoringLevel.Region => $"/voortgang/regio/{subject.Id}",
            _ => $"/voortgang/gemeente/{subject.Id}",
        };
    }

    /// <summary>A download without extension, e.g. /download/voortgang/regio/WD19/jaren.</summary>
    public static string Download(MonitoringSubject subject, string table) => $"/download{Page(subject)}/{table}";

    /// <summary>The distribution page of the subject (/, /provincie/PV25, /regio/WD19, /gemeente/GM0228).</summary>
    public static string Reference(MonitoringSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Level switch
        {
            MonitoringLevel.Nation => "/",
            MonitoringLevel.Province => $"/provincie/{subject.Id}",
            MonitoringLevel.Region => $"/regio/{subject.Id}",
            _ => $"/gemeente/{subject.Id}",
        };
    }
}
