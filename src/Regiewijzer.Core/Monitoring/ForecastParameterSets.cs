using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// The catalogue of forecast parameters (law as data: every number with its source and
/// confidence). Nothing else in the code base states these numbers.
/// </summary>
public static class ForecastParameterSets
{
    private const string RuleOfThumb =
        "Vuistregel 130% plancapaciteit voor 100% realisatie (Kamerbrief voortgang woningbouw, BZK januari 2024, op basis van ABF Research)";

    private const string SplitNote =
        "Aanname. De vuistregel 130% betekent dat van alle plancapaciteit ongeveer 100/130 = 77% wordt gerealiseerd. "
        + "De verdeling over planstatussen is gekozen zodat een portefeuille met de landelijke mix van rond 2021 "
        + "(31% hard, 69% zacht, zacht gelijk verdeeld over 2a-4b) ongeveer 77% realiseert: hard gemiddeld 94%, zacht 70%. "
        + "Vertraging: harde plannen kort, zachte plannen langer. Te vervangen door kalibratie op realisaties.";

    private const string ContractedNote =
        "Aanname: een gecontracteerd plan wordt altijd gerealiseerd, maar kan vertraging oplopen zoals een onherroepelijk plan (1a).";

    /// <summary>The documented defaults, derived from the national 130% rule of thumb; the split over statuses is an assumption.</summary>
    public static ForecastParameters Assumed2026 { get; } = new(
        "prognose-2026-aanname",
        "Standaardaannames prognose (afgeleid van de vuistregel 130%)",
        [
            Status(PlanningStatus.Irrevocable, 97, [70, 20, 10]),
            Status(PlanningStatus.Adopted, 94, [60, 25, 10, 5]),
            Status(PlanningStatus.Draft, 90, [50, 30, 15, 5]),
            Status(PlanningStatus.PreliminaryDraft, 85, [40, 30, 20, 10]),
            Status(PlanningStatus.InPreparation, 80, [35, 30, 20, 10, 5]),
            Status(PlanningStatus.Intention, 70, [25, 30, 25, 15, 5]),
            Status(PlanningStatus.Vision, 60, [20, 25, 25, 15, 10, 5]),
            Status(PlanningStatus.Idea, 55, [15, 25, 25, 20, 10, 5]),
        ],
        new ForecastParameter(
            ForecastParameters.ContractedKey,
            "gecontracteerd plan",
            Fraction.One,
            Percents([70, 20, 10]),
            "Regiewijzer, aanname",
            Confidence.Assumption,
            ContractedNote));

    public static ForecastParameters Default => Assumed2026;

    /// <summary>
    /// Every plan realised without delay (probability 1, delay 0): the forecast then equals the
    /// plans. For tests and for a "nominal" comparison.
    /// </summary>
    public static ForecastParameters Certain { get; } = new(
        "zeker",
        "Alle plannen zeker en zonder vertraging",
        [.. PlanningStatuses.All.Select(s => new ForecastParameter(s.Code(), s.Dutch(), Fraction.One, [Fraction.One], "Regiewijzer, nominaal", Confidence.Assumption))],
        new ForecastParameter(ForecastParameters.ContractedKey, "gecontracteerd plan", Fraction.One, [Fraction.One], "Regiewijzer, nominaal", Confidence.Assumption));

    private static ForecastParameter Status(PlanningStatus status, int percent, int[] delayPercents) =>
        new(status.Code(), status.Dutch(), new Fraction(percent, 100), Percents(delayPercents), RuleOfThumb, Confidence.Assumption, SplitNote);

    private static ImmutableArray<Fraction> Percents(int[] percents) => [.. percents.Select(p => new Fraction(p, 100))];
}
