using System.ComponentModel;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Api;

[Description("Het 10e, 50e en 90e percentiel van de woningen over de runs (zonder interpolatie: de waarde op rang ⌈q·n/100⌉ van de gesorteerde runs).")]
internal sealed record PercentileBandResource(
    [property: Description("Kalenderjaar.")] int Year,
    [property: Description("Hooguit 10% van de runs levert minder.")] int P10,
    [property: Description("Mediaan.")] int P50,
    [property: Description("Hooguit 10% van de runs levert meer.")] int P90)
{
    public static PercentileBandResource From(PercentileBand b) => new(b.Year, b.P10, b.P50, b.P90);
}

[Description("De prognose van één segment of groep.")]
internal sealed record ForecastSeriesResource(
    [property: Description("Segment of groep.")] CodeLabel Group,
    [property: Description("Doel van de periode (voor een groep de som van haar segmenten).")] int Target,
    [property: Description("Waarom voor deze groep geen kans gegeven wordt; null als de groep beoordeeld wordt.")] CodeLabel? NotAssessed,
    [property: Description("Runs die aan het eind van de periode minstens het doel halen; null als de groep niet beoordeeld wordt.")] int? RunsMeetingTarget,
    [property: Description("Kans om het doel te halen = runsMeetingTarget / runs, exact; null als de groep niet beoordeeld wordt.")] ExactNumber? Probability,
    [property: Description("Gemiddeld aantal woningen aan het eind van de periode over de runs, exact.")] ExactNumber Mean,
    [property: Description("Percentielen van de woningen per jaar.")] IReadOnlyList<PercentileBandResource> PerYear,
    [property: Description("Percentielen van de woningen vanaf het eerste jaar tot en met elk jaar (inclusief wat al gerealiseerd is).")] IReadOnlyList<PercentileBandResource> Cumulative)
{
    public static ForecastSeriesResource From(ForecastSeries s, GroupProgressResource progress)
    {
        var assessed = progress.NotAssessed is null;
        return new(
            progress.Group,
            s.Target,
            progress.NotAssessed,
            assessed ? s.RunsMeetingTarget : null,
            assessed ? ExactNumber.From(s.Probability) : null,
            ExactNumber.From(s.Mean),
            [.. s.PerYear.Select(PercentileBandResource.From)],
            [.. s.Cumulative.Select(PercentileBandResource.From)]);
    }
}

[Description("Wat er met een plan van één planstatus (of een gecontracteerd plan) gebeurt in de prognose.")]
internal sealed record ForecastParameterResource(
    [property: Description("1a … 4b, of contracted.")] string Key,
    [property: Description("Omschrijving.")] string Label,
    [property: Description("Kans dat het hele plan gerealiseerd wordt (anders valt het helemaal uit).")] ExactNumber RealisationProbability,
    [property: Description("Kans op 0, 1, 2, … jaar vertraging als het plan gerealiseerd wordt.")] IReadOnlyList<ExactNumber> Delay,
    [property: Description("Verwachte vertraging in jaren, als het plan gerealiseerd wordt.")] ExactNumber MeanDelay,
    [property: Description("Bron.")] string Source,
    [property: Description("verified (geverifieerd), secondary (secundaire bron) of assumption (aanname).")] string Confidence,
    [property: Description("Toelichting.")] string? Note)
{
    public static ForecastParameterResource From(ForecastParameter p) => new(
        p.Key,
        p.Label,
        ExactNumber.From(p.RealisationProbability),
        [.. p.Delay.Select(ExactNumber.From)],
        ExactNumber.From(p.MeanDelay),
        p.Source,
        NormValue.ConfidenceCode(p.Confidence),
        p.Note);
}

[Description("De set parameters van de prognose.")]
internal sealed record ForecastParametersResource(
    [property: Description("Versie, bijvoorbeeld prognose-2026-aanname.")] string Id,
    [property: Description("Naam.")] string Name,
    [property: Description("Per planstatus (1a … 4b) en voor gecontracteerde plannen.")] IReadOnlyList<ForecastParameterResource> Parameters)
{
    public static ForecastParametersResource From(ForecastParameters p) => new(p.Id, p.Name, [.. p.All.Select(ForecastParameterResource.From)]);
}

[Description("Monte Carlo-prognose van de opleveringen: P10/P50/P90 per jaar en de kans om elk doel te halen.")]
internal sealed record ForecastResource(
    SubjectResource Subject,
    [property: Description("Periode van de afspraken.")] PeriodResource Period,
    [property: Description("Peiljaar: gerealiseerd tot en met dit jaar telt in elke run mee; plannen leveren vanaf het jaar erna.")] int AsOfYear,
    [property: Description("Aantal runs.")] int Runs,
    [property: Description("De seed: dezelfde seed, runs en gegevens geven op elke computer dezelfde uitkomst.")] ulong Seed,
    [property: Description("Aantal plannen in de prognose.")] int Plans,
    [property: Description("False als geen gemeente van het onderwerp een afgesproken doel heeft: dan geen kansen.")] bool HasTarget,
    [property: Description("De gebruikte parameters, elk met bron en zekerheid.")] ForecastParametersResource Parameters,
    [property: Description("De vijf segmenten, middensegment, vrije sector, betaalbaar en totaal.")] IReadOnlyList<ForecastSeriesResource> Series,
    [property: Description("De beperking van het model: lees de band en de kansen daarmee.")] string Limitation,
    [property: Description("Wat je verder moet weten, in het Nederlands.")] IReadOnlyList<string> Notes,
    [property: Description("De voortgang van dit onderwerp.")] string ProgressHref)
{
    public static ForecastResource From(MonitoringSnapshot snapshot, SubjectProgress p, ForecastResult f)
    {
        var groups = p.Report.Groups.Select(g => GroupProgressResource.From(g, p.HasTarget)).ToList();
        var notes = new List<string>
        {
            $"Gerealiseerd tot en met {p.Report.AsOfYear} telt in elke run mee zoals het is; een plan dat eerder verwacht werd, levert op zijn vroegst in {p.Report.AsOfYear + 1}.",
            "Een plan wordt in een run helemaal gerealiseerd (met vertraging in hele jaren) of valt helemaal uit; woningen na het laatste jaar tellen niet mee.",
        };
        if (p.UsesEstimates)
        {
            notes.Add("Een deel van het gerealiseerde is een benadering (aanname); zie de voortgang (provenance.realisations).");
        }

        if (!p.HasTarget)
        {
            notes.Add(MonitoringNotes.NoTargetReason(snapshot, p));
        }

        return new ForecastResource(
            SubjectResource.From(p.Subject),
            new PeriodResource(f.FirstYear, f.LastYear),
            p.Report.AsOfYear,
            f.Runs,
            f.Seed,
            f.Plans,
            p.HasTarget,
            ForecastParametersResource.From(snapshot.Parameters),
            [.. f.Series.Select((s, i) => ForecastSeriesResource.From(s, groups[i]))],
            MonitoringNotes.ForecastLimitation,
            notes,
            MonitoringCodes.Href(p.Subject, "voortgang"));
    }
}
