using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

/// <summary>The Dutch statements that go with monitoring figures: what is an assumption, what is not assessed and why.</summary>
internal static class MonitoringNotes
{
    /// <summary>Stated with every forecast.</summary>
    public const string ForecastLimitation = ForecastRequest.Limitation;

    /// <summary>The data set of a source: the part before the first ';' (the shipped plans name their municipality after it).</summary>
    public static string DataSet(string source) => PlanSummary.DataSetOf(source);

    /// <summary>Why a subject without any target has none.</summary>
    public static string NoTargetReason(MonitoringSnapshot snapshot, SubjectProgress p) => p.Subject.Level == MonitoringLevel.Municipality
        ? $"{p.Subject.Name}: {snapshot.WhyNoTarget(p.Subject.Id)}. Gerealiseerd en plannen staan er wel; een signaleringsfase niet."
        : $"Geen van de {p.WithoutTarget.Length} gemeenten heeft een afgesproken doel. Gerealiseerd en plannen staan er wel; een signaleringsfase niet.";

    /// <summary>What to know to read a progress report.</summary>
    public static IReadOnlyList<string> Progress(MonitoringSnapshot snapshot, SubjectProgress p)
    {
        var report = p.Report;
        var notes = new List<string>
        {
            p.HasRealisations
                ? $"Peiljaar {report.AsOfYear}: gerealiseerd tot en met {report.AsOfYear} telt als feit; plannen tellen vanaf {report.AsOfYear + 1}."
                : $"Er zijn nog geen gerealiseerde woningen in de periode; het peiljaar {report.AsOfYear} is het jaar vóór de periode.",
        };
        if (p.UsesEstimates)
        {
            var estimates = p.Realisations.Where(r => r.IsEstimate).Select(r => r.Realisation.Year).ToList();
            notes.Add($"Gerealiseerd in {Years(estimates.Min(), estimates.Max())} is een benadering (aanname), geen telling van opgeleverde nieuwbouw; zie provenance.realisations voor bron en toelichting.");
        }

        var realisedUnknown = report[SegmentGroup.All].Realised - report[SegmentGroup.Affordable].Realised - report[SegmentGroup.Free].Realised;
        if (realisedUnknown > 0)
        {
            notes.Add($"Van {Format.Count(realisedUnknown)} gerealiseerde woningen is het segment onbekend: alleen het totaal wordt beoordeeld, de segmenten en groepen niet.");
        }

        var planHomes = p.PlanSummary.Homes;
        if (planHomes.Unknown > 0)
        {
            notes.Add($"{Format.Count(planHomes.Unknown)} van de {Format.Count(planHomes.Total)} woningen in plannen hebben geen segment (segment onbekend): ze tellen alleen mee in het totaal.");
        }

        var assumed = p.PlanSummary.WithAssumption;
        if (assumed > 0)
        {
            notes.Add($"{Format.Count(assumed)} van de {Format.Count(p.Plans.Length)} plannen zijn opgeslagen met een aanname (zoals planstatus en fasering); zie provenance.plans.");
        }

        notes.Add("Plannen tellen hier nominaal, zonder planuitval; de prognose rekent met een realisatiekans en vertraging per planstatus.");
        if (p.HasTarget && p.WithoutTarget.Length > 0)
        {
            notes.Add($"{Format.Count(p.WithoutTarget.Length)} gemeente(n) zonder afgesproken doel tellen niet mee; zie withoutTarget.");
        }

        if (snapshot.Thresholds.OnTrack.Note is { } thresholdNote)
        {
            notes.Add(thresholdNote);
        }

        return notes;
    }

    private static string Years(int from, int to) => from == to ? $"{from}" : $"{from}-{to}";
}
