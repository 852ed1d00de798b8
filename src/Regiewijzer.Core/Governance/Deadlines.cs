using System.Collections.Immutable;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Governance;

/// <summary>
/// A period or a date that a governance step must meet, as data: either a number of days from the moment the step
/// starts, or a fixed date. Only a value that names an article of a law or decree may be labelled verified.
/// </summary>
/// <param name="Key">Stable identifier, e.g. "responsePeriod".</param>
/// <param name="Label">Dutch label for display.</param>
/// <param name="Days">Days from the start of the step (null when the deadline is a fixed date).</param>
/// <param name="Date">The fixed date (null when the deadline is a period).</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Confidence">[V], [S] or [A].</param>
/// <param name="Note">Dutch explanation: why this value, and what would change it.</param>
/// <param name="Article">The article that states the value; required for <see cref="Confidence.Verified"/>.</param>
public sealed record DeadlineParameter(string Key, string Label, int? Days, DateOnly? Date, string Source, Confidence Confidence, string Note, string? Article = null)
{
    private readonly bool _labelled = Confidences.CheckArticle(Confidence, Article, Key) && (Days is > 0) != (Date is not null)
        ? true
        : throw new ArgumentException($"'{Key}' needs either a positive number of days or a date.", nameof(Days));

    /// <summary>The due date of a step that started at <paramref name="start"/> (the fixed date when there is one).</summary>
    public DateOnly DueFrom(DateOnly start) => Date ?? start.AddDays(Days!.Value);

    /// <summary>"6 weken (aanname)" or "1 juli 2027 (secundaire bron)" without the date's formatting: the period part only.</summary>
    public string PeriodText => Days is { } d ? (d % 7 == 0 ? $"{d / 7} weken" : $"{d} dagen") : "vaste datum";
}

/// <summary>How close an item is to its deadline.</summary>
public enum DueState
{
    /// <summary>No deadline.</summary>
    None,

    /// <summary>More than <see cref="GovernanceDeadlines.SoonDays"/> days left.</summary>
    Open,

    /// <summary>Due within <see cref="GovernanceDeadlines.SoonDays"/> days (today included).</summary>
    Soon,

    /// <summary>The deadline has passed.</summary>
    Overdue,
}

/// <summary>
/// The deadlines of the governance steps (issue 15): the response period on a proposed agreement version, the decision
/// period on an exemption request, and the date by which each municipality's volkshuisvestingsprogramma must be adopted.
/// An instruction carries its own deadline (set by the issuer). The law fixes none of the periods yet, so each is
/// labelled: what a province or municipality sees as "te laat" is our reading until the decree sets it.
/// </summary>
public static class GovernanceDeadlines
{
    /// <summary>Items due within this many days are marked "binnenkort".</summary>
    public const int SoonDays = 7;

    /// <summary>Days a member municipality has to respond to a proposed agreement version.</summary>
    public static DeadlineParameter ResponsePeriod { get; } = new(
        "responsePeriod",
        "Reactietermijn van een gemeente op een voorgestelde versie van de afspraak",
        42,
        null,
        "Regiewijzer, naar analogie van de zienswijzetermijn van zes weken in de Algemene wet bestuursrecht (art. 3:16)",
        Confidence.Assumption,
        "Aanname: de wet en de woondeals noemen geen termijn voor de reactie van een gemeente; zes weken is de gebruikelijke termijn voor een zienswijze. "
        + "Na de termijn kan de provincie vaststellen; de reactie blijft mogelijk zolang de versie niet is vastgesteld.");

    /// <summary>Days the province (or the Rijk) has to decide on an exemption request.</summary>
    public static DeadlineParameter ExemptionDecisionPeriod { get; } = new(
        "exemptionDecisionPeriod",
        "Beslistermijn op een verzoek om ontheffing",
        56,
        null,
        "Regiewijzer, naar de termijn voor een beschikking op aanvraag in de Algemene wet bestuursrecht (art. 4:13, acht weken)",
        Confidence.Assumption,
        "Aanname: wie op een ontheffing beslist en binnen welke termijn is een open punt van de wet; zolang het besluit dat niet regelt, "
        + "houden we de termijn van acht weken aan die de Algemene wet bestuursrecht geeft als geen andere termijn geldt.");

    /// <summary>The date by which a municipality's volkshuisvestingsprogramma must be adopted.</summary>
    public static DeadlineParameter HousingProgrammeDue { get; } = new(
        "housingProgrammeDue",
        "Datum waarop het volkshuisvestingsprogramma van een gemeente vastgesteld moet zijn",
        null,
        new DateOnly(2027, 7, 1),
        "Derden noemen 1 juli 2027; de datum wordt bij koninklijk besluit vastgesteld",
        Confidence.Secondary,
        "Secundaire bron: de datum is nog niet bij koninklijk besluit vastgesteld. Tot dan geldt deze datum als verwachting; "
        + "zodra het besluit er is, wordt dit een nieuwe versie van de parameter met het artikel.");

    /// <summary>Every deadline parameter, for the sources page and the API.</summary>
    public static ImmutableArray<DeadlineParameter> All { get; } = [ResponsePeriod, ExemptionDecisionPeriod, HousingProgrammeDue];

    /// <summary>Where a due date stands on <paramref name="today"/>.</summary>
    public static DueState State(DateOnly? due, DateOnly today) => due switch
    {
        null => DueState.None,
        { } d when d < today => DueState.Overdue,
        { } d when d.DayNumber - today.DayNumber <= SoonDays => DueState.Soon,
        _ => DueState.Open,
    };

    /// <summary>"te laat", "binnenkort" or "" for display next to a due date.</summary>
    public static string Dutch(this DueState state) => state switch
    {
        DueState.Overdue => "termijn verstreken",
        DueState.Soon => "binnenkort",
        _ => string.Empty,
    };
}
