using System.Collections.Immutable;
using System.Globalization;

namespace Regiewijzer.Core.Governance;

/// <summary>One fact to weigh before a decision: a Dutch label and text; <paramref name="NeedsAttention"/> marks what speaks against it or is missing.</summary>
public sealed record DecisionFact(string Label, string Text, bool NeedsAttention = false);

/// <summary>
/// What a person must see before a decision with legal weight (issue 15): what is decided, the facts that matter
/// (objections, members that have not answered, who absorbs what), the legal basis, what happens after, and the
/// sentence the person confirms. Nothing is recorded without that explicit confirmation.
/// </summary>
public sealed record DecisionFacts(string Decision, ImmutableArray<DecisionFact> Facts, string LegalBasis, string Consequence, string Confirmation)
{
    /// <summary>The facts that speak against the decision or are missing (objections, no answer, not absorbed).</summary>
    public ImmutableArray<DecisionFact> Warnings => [.. Facts.Where(f => f.NeedsAttention)];
}

/// <summary>A member municipality of a region and its answer to a proposed agreement version (<paramref name="Kind"/> null: no answer yet).</summary>
public sealed record MemberAnswer(string Code, string Name, ResponseKind? Kind = null, string? Comment = null, string? By = null);

/// <summary>
/// The facts that matter before adopting an agreement version, deciding an exemption or giving an instruction: pure
/// functions over what the caller loaded; every text is Dutch. The API, the pages and the CLI show them and ask for the
/// same explicit confirmation.
/// </summary>
public static class Decisions
{
    /// <summary>
    /// The legal basis of a regional agreement as the software knows it (domain.md §1): the law is named; the article
    /// is not checked, so none is given.
    /// </summary>
    public const string AgreementLegalBasis =
        "Wet versterking regie volkshuisvesting: de regionale afspraak over de woningbouwopgave en de betaalbaarheid (het artikel is niet nagelopen).";

    /// <summary>
    /// The legal basis of an exemption as the software knows it (domain.md §1 and §9): who decides and within which
    /// period is an open legal point.
    /// </summary>
    public const string ExemptionLegalBasis =
        "Wet versterking regie volkshuisvesting: ontheffing van de ondergrens van het achterblijvende segment (het artikel is niet nagelopen; wie beslist en binnen welke termijn is nog een open punt).";

    /// <summary>
    /// Adopting version <paramref name="number"/> of <paramref name="regionName"/>'s agreement: every objection with who
    /// objected and why, every member without an answer, the number that agreed, the legal basis, and that an adopted
    /// version never changes. <paramref name="members"/> are all member municipalities, in the order to show.
    /// </summary>
    public static DecisionFacts AdoptingAgreement(string regionName, int number, IReadOnlyList<MemberAnswer> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var objections = members.Where(m => m.Kind == ResponseKind.Objected).ToList();
        var silent = members.Where(m => m.Kind is null).ToList();
        var agreed = members.Count(m => m.Kind == ResponseKind.Accepted);
        var facts = ImmutableArray.CreateBuilder<DecisionFact>();
        facts.Add(new("Reacties", $"{Format.Count(agreed)} van de {Format.Count(members.Count)} gemeenten akkoord, {Format.Count(objections.Count)} bezwaar, {Format.Count(silent.Count)} nog geen reactie."));
        foreach (var o in objections)
        {
            var by = string.IsNullOrWhiteSpace(o.By) ? "" : $" — {o.By}";
            facts.Add(new($"Bezwaar van {o.Name}", $"{o.Comment?.Trim() ?? "zonder toelichting"}{by}", NeedsAttention: true));
        }

        if (silent.Count > 0)
        {
            facts.Add(new("Nog geen reactie", $"{List(silent.Select(m => m.Name))}: {(silent.Count == 1 ? "deze gemeente heeft" : "deze gemeenten hebben")} niet gereageerd.", NeedsAttention: true));
        }

        var attention = objections.Count > 0 || silent.Count > 0
            ? " Let op: niet elke gemeente is akkoord."
            : "";
        return new(
            $"Versie {number} van de afspraak van {regionName} vaststellen.{attention}",
            facts.ToImmutable(),
            AgreementLegalBasis,
            $"Vastgesteld is definitief: versie {number} verandert daarna niet meer, wordt de geldende afspraak en haar vaststellingsdatum de peildatum voor gecontracteerde projecten. Een wijziging is een nieuwe versie.",
            objections.Count + silent.Count > 0
                ? $"Ik stel versie {number} vast, ook met {Count(objections.Count, "bezwaar", "bezwaren")} en {Count(silent.Count, "gemeente", "gemeenten")} zonder reactie."
                : $"Ik stel versie {number} van de afspraak van {regionName} vast.");
    }

    /// <summary>
    /// Deciding an exemption request of <paramref name="municipalityName"/>: granting lists who absorbs what (the
    /// municipalities whose social or middle target rises, by how much), what no one can absorb, and whether the region
    /// still meets both norms; refusing says the floor stays. <paramref name="whatIf"/> null: the what-if could not be
    /// computed (<paramref name="whatIfProblem"/> says why), which is itself a fact to weigh.
    /// </summary>
    public static DecisionFacts DecidingExemption(
        bool granted, string municipalityName, string regionName, ExemptionFloor floor, Fraction requestedFloor, Fraction normFloor,
        ExemptionWhatIf? whatIf, string? whatIfProblem)
    {
        var segment = floor.Dutch();
        var facts = ImmutableArray.CreateBuilder<DecisionFact>();
        facts.Add(new("Aanvraag", $"{municipalityName} vraagt een ondergrens van {Pct(requestedFloor)} voor {segment} in plaats van {Pct(normFloor)}."));
        if (!granted)
        {
            return new(
                $"De ontheffing van {municipalityName} weigeren.",
                facts.ToImmutable(),
                ExemptionLegalBasis,
                $"Weigeren is definitief: de ondergrens van {Pct(normFloor)} voor {segment} blijft gelden; de afspraak verandert niet. {municipalityName} kan een nieuwe aanvraag doen.",
                $"Ik weiger de ontheffing van {municipalityName}.");
        }

        if (whatIf is null)
        {
            facts.Add(new("Wie vangt het op", $"Niet te berekenen: {whatIfProblem ?? "de wat-als ontbreekt"}", NeedsAttention: true));
        }
        else if (!whatIf.HasEffect)
        {
            facts.Add(new("Effect", $"Geen: {segment} is niet het achterblijvende segment van {municipalityName}, dus de verdeling verandert niet.", NeedsAttention: true));
        }
        else
        {
            var requester = whatIf.Requester;
            facts.Add(new($"{municipalityName} zelf", $"sociale huur {Change(requester.Social)}, middensegment {Change(requester.Middle)} woningen."));
            var absorbers = whatIf.Absorbers.Where(a => !a.IsRequester).ToList();
            facts.Add(absorbers.Count == 0
                ? new("Wie vangt het op", "Geen andere gemeente.", NeedsAttention: true)
                : new("Wie vangt het op", string.Join("; ", absorbers.Select(a => $"{a.Name}: sociale huur {Change(a.Social)}, middensegment {Change(a.Middle)}")) + "."));
            if (!whatIf.NotAbsorbed.IsEmpty)
            {
                facts.Add(new("Niet op te vangen", string.Join(" ", whatIf.NotAbsorbed.Select(f => f.Message)), NeedsAttention: true));
            }

            facts.Add(whatIf.MeetsNormsAfter
                ? new("Normen van de regio", $"{regionName} haalt na verlening beide normen (2/3 betaalbaar, 30% sociale huur).")
                : new("Normen van de regio", $"{regionName} haalt na verlening niet beide normen: tekort sociale huur {Format.Count(whatIf.SocialShortfall.After)}, tekort betaalbaar {Format.Count(whatIf.AffordableShortfall.After)} woningen.", NeedsAttention: true));
        }

        return new(
            $"De ontheffing van {municipalityName} verlenen.",
            facts.ToImmutable(),
            ExemptionLegalBasis,
            $"Verlenen is definitief en maakt meteen een nieuwe conceptversie van de afspraak van {regionName} met deze herverdeling; die legt de provincie daarna voor aan de gemeenten.",
            $"Ik verleen de ontheffing van {municipalityName} en aanvaard de herverdeling hierboven.");
    }

    /// <summary>
    /// Giving an instruction (instructiebesluit): issuer, addressee, subject, deadline (with the days left after
    /// <paramref name="today"/>), the legal basis stored with it, and that a given instruction is public and binding.
    /// </summary>
    public static DecisionFacts GivingInstruction(string issuerName, string addresseeName, string subject, DateOnly deadline, DateOnly today, string legalBasis)
    {
        var days = deadline.DayNumber - today.DayNumber;
        ImmutableArray<DecisionFact> facts =
        [
            new("Van en aan", $"{issuerName} aan {addresseeName}."),
            new("Onderwerp", subject),
            new("Termijn", $"{deadline.ToString("d-M-yyyy", CultureInfo.InvariantCulture)} ({(days == 1 ? "nog 1 dag" : $"nog {Format.Count(days)} dagen")}).", NeedsAttention: days < 14),
        ];
        return new(
            $"De instructie aan {addresseeName} geven.",
            facts,
            legalBasis,
            "Een gegeven instructie is een openbaar besluit: de inhoud en de termijn veranderen daarna niet meer; u kunt de instructie alleen nog intrekken of als opgevolgd markeren.",
            $"Ik geef deze instructie namens {issuerName} aan {addresseeName}.");
    }

    private static string Pct(Fraction share) => Format.Percent(share, 2).Replace(",00%", "%", StringComparison.Ordinal);

    private static string Change(CountChange c) =>
        $"{Format.Count(c.Before)} → {Format.Count(c.After)} ({(c.Delta > 0 ? "+" : "")}{Format.Count(c.Delta)})";

    private static string Count(int n, string one, string many) => $"{Format.Count(n)} {(n == 1 ? one : many)}";

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} en {all[^1]}";
    }
}
