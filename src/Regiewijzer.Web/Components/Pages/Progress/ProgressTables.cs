using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Progress;

/// <summary>The tables of a voortgang page as downloads (CSV/XLSX): numbers as numbers, shares as decimals, empty where the page shows a dash.</summary>
public static class ProgressTables
{
    public static readonly IReadOnlyList<string> YearColumns =
        ["jaar", "groep", "traject", "traject_cumulatief", "gerealiseerd", "gerealiseerd_cumulatief", "gepland_nominaal", "gepland_hard"];

    public static readonly IReadOnlyList<string> GroupColumns =
    [
        "groep", "doel", "traject_tm_peiljaar", "gerealiseerd_tm_peiljaar", "verhouding", "signaal", "niet_beoordeeld", "achterstand", "gepland_nominaal", "gepland_hard",
        "kans_doel", "runs_doel_gehaald", "runs", "seed", "peiljaar",
    ];

    public static readonly IReadOnlyList<string> PipelineColumns =
        ["status", "omschrijving", "hard_zacht", "plannen", "achterstallig", "resterend_in_periode", "na_periode", "gecontracteerd_resterend"];

    public static readonly IReadOnlyList<string> ForecastColumns =
        ["jaar", "groep", "doel", "p10", "p50", "p90", "p10_cumulatief", "p50_cumulatief", "p90_cumulatief", "runs", "seed", "parameters"];

    public static readonly IReadOnlyList<string> WarningColumns =
        ["niveau", "code", "naam", "signaal", "groep", "verhouding", "achterstand", "voorgestelde_stap", "schatting", "cijfers"];

    public static readonly IReadOnlyList<string> SegmentColumns =
        ["sociale_huur", "middenhuur", "betaalbare_koop", "vrije_huur", "vrije_koop", "onbekend", "totaal"];

    public static TableData Years(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var has = view.Progress.HasTarget;
        var rows = view.ChartGroups.SelectMany(g => view.Report.Years.Select(y => Row(
            y.Year, g.Dutch(), has ? y.Due[g] : null, has ? y.CumulativeDue[g] : null,
            y.IsRealised ? y.Realised[g] : null, y.IsRealised ? y.CumulativeRealised[g] : null,
            y.IsRealised ? null : y.Planned[g], y.IsRealised ? null : y.PlannedHard[g])));
        return new TableData($"Voortgang per jaar {view.Subject.Name}", YearColumns, [.. rows]);
    }

    public static TableData Groups(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var f = view.Forecast;
        var rows = MonitoringSnapshot.AssessedGroups.Select(group =>
        {
            var g = view.Report[group];
            var s = f[group];
            // Homes of unknown segment count only in the total: a segment's count is then unknown (empty), as on the page.
            var realisedKnown = group == SegmentGroup.All || !view.RealisedSegmentUnknown;
            var plannedKnown = group == SegmentGroup.All || !view.PlansSegmentUnknown;
            return Row(
                group.Dutch(), view.Progress.HasTarget ? g.Target : null, view.Progress.HasTarget ? g.Due : null, realisedKnown ? g.Realised : null, g.Ratio?.ToDecimal(4), g.Tier?.Dutch(),
                g.IsAssessed ? null : view.Progress.WhyNotAssessed(g), g.IsAssessed ? g.Shortfall : null, plannedKnown ? g.Planned : null, plannedKnown ? g.PlannedHard : null,
                g.IsAssessed ? s.Probability.ToDecimal(4) : null, g.IsAssessed ? s.RunsMeetingTarget : null, f.Runs, ProgressText.Seed(f.Seed), view.AsOfYear);
        });
        return new TableData($"Per groep {view.Subject.Name}", GroupColumns, [.. rows]);
    }

    public static TableData Pipeline(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Report.Pipeline.Select(r => Row(
            r.Status.Code(), r.Status.Dutch(), r.IsHard ? "hard" : "zacht", r.Plans, r.Overdue.Total, r.Remaining.Total, r.AfterPeriod.Total, r.ContractedRemaining.Total));
        return new TableData($"Pijplijn {view.Subject.Name}", PipelineColumns, [.. rows]);
    }

    public static TableData Forecast(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var f = view.Forecast;
        var rows = view.ChartGroups.SelectMany(g => f[g].PerYear.Zip(f[g].Cumulative).Select(x => Row(
            x.First.Year, g.Dutch(), view.Progress.HasTarget ? f[g].Target : null, x.First.P10, x.First.P50, x.First.P90,
            x.Second.P10, x.Second.P50, x.Second.P90, f.Runs, ProgressText.Seed(f.Seed), f.ParametersId)));
        return new TableData($"Prognose {view.Subject.Name}", ForecastColumns, [.. rows]);
    }

    public static TableData Warnings(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Snapshot.Warnings(view.Subject.Id).Select(w => Row(
            ProgressText.Level(w.Subject.Level), w.Subject.Id, w.Subject.Name, w.Tier.Dutch(), w.Group.Dutch(), w.Progress.Ratio?.ToDecimal(4), w.Progress.Shortfall,
            w.Suggestion.Dutch(), w.UsesEstimates ? "ja" : "nee", w.Evidence.Dutch()));
        return new TableData($"Signaleringen {view.Subject.Name}", WarningColumns, [.. rows]);
    }

    public static TableData Plans(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string[] columns = ["gemeente", "code", "naam", "status", "hard_zacht", "eerste_jaar", "laatste_jaar", .. SegmentColumns, "gecontracteerd", "bron", "aanname"];
        IEnumerable<(Plan Plan, PlanFacts Facts)> plans = view.Subject.Level == MonitoringLevel.Municipality ? view.Snapshot.PlansOf(view.Subject.Id) : view.Progress.Plans;
        var rows = plans.Select(p => Row(
        [
            p.Plan.Municipality.Value, p.Facts.Code, p.Plan.Name, p.Plan.Status.Code(), p.Plan.IsHard ? "hard" : "zacht", p.Plan.FirstYear, p.Plan.LastYear,
            .. Segments(p.Plan.Homes), p.Plan.Contracted ? "ja" : "nee", p.Facts.Source, p.Facts.Assumption,
        ]));
        return new TableData($"Plannen {view.Subject.Name}", columns, [.. rows]);
    }

    public static TableData Realisations(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string[] columns = ["gemeente", "jaar", .. SegmentColumns, "telt_mee", "bron", "schatting", "toelichting"];
        IEnumerable<RealisationFacts> realisations = view.Subject.Level == MonitoringLevel.Municipality ? view.Snapshot.RealisationsOf(view.Subject.Id) : view.Progress.Realisations;
        var rows = realisations.Select(r => Row(
        [
            r.Realisation.Municipality.Value, r.Realisation.Year, .. Segments(r.Realisation.Homes),
            r.Realisation.Year >= view.Snapshot.FirstYear && r.Realisation.Year <= view.AsOfYear ? "ja" : "nee", r.Source, r.IsEstimate ? "ja" : "nee", r.Note,
        ]));
        return new TableData($"Realisaties {view.Subject.Name}", columns, [.. rows]);
    }

    private static object?[] Segments(SegmentHomes h) => [h.SocialRent, h.MiddleRent, h.AffordableOwnership, h.FreeRent, h.FreeOwnership, h.Unknown, h.Total];

    private static object?[] Row(params object?[] cells) => cells;
}
