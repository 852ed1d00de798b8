using System.Collections.Immutable;

namespace Regiewijzer.Core.Governance;

/// <summary>What happened in a governance step, as the people involved are told of it.</summary>
public enum EventKind
{
    /// <summary>A province proposed an agreement version to the region's municipalities.</summary>
    AgreementProposed,

    /// <summary>A municipality accepted or objected to a proposed version.</summary>
    ResponseGiven,

    /// <summary>A province adopted an agreement version.</summary>
    AgreementAdopted,

    /// <summary>A municipality asked for an exemption.</summary>
    ExemptionRequested,

    /// <summary>A province (or the Rijk) decided an exemption request.</summary>
    ExemptionDecided,

    /// <summary>A province or the Rijk issued an instruction.</summary>
    InstructionIssued,

    /// <summary>A municipality proposed its task.</summary>
    TaskProposed,
}

/// <summary>One agreement version's steps: proposed and adopted (each null until it happened), members and managing provinces.</summary>
public sealed record AgreementFact(
    int Id, string RegionName, int Number, DateTimeOffset? ProposedAt, DateTimeOffset? AdoptedAt, string? AdoptedBy,
    ImmutableArray<string> Members, ImmutableArray<string> ManagingProvinces);

/// <summary>One response to a version.</summary>
public sealed record ResponseFact(int Id, int AgreementId, string RegionName, int Number, OrganisationName Municipality, ResponseKind Kind, DateTimeOffset At, string By, ImmutableArray<string> ManagingProvinces);

/// <summary>One exemption request and, once decided, its decision.</summary>
public sealed record ExemptionFact(
    int Id, OrganisationName Municipality, string ProvinceCode, ExemptionFloor Floor, DateTimeOffset RequestedAt, string RequestedBy,
    ExemptionStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? DeciderName);

/// <summary>One issued instruction.</summary>
public sealed record InstructionFact(int Id, OrganisationName Issuer, OrganisationName Addressee, string Subject, DateTimeOffset IssuedAt, DateOnly Deadline);

/// <summary>One task proposal of a municipality.</summary>
public sealed record TaskProposalFact(int Id, OrganisationName Municipality, string ProvinceCode, string RegionId, string Period, DateTimeOffset At, string By);

/// <summary>
/// One event: a stable key (so each is told once), when, a Dutch title, the page, the organisations told of it, the
/// organisation that acted and the name of the person who acted (not told of their own step).
/// </summary>
public sealed record GovernanceEvent(
    string Key, EventKind Kind, DateTimeOffset At, string Title, string Link, ImmutableArray<string> Recipients, ImmutableArray<string> Actors, string ByName);

/// <summary>
/// The events of the governance steps (issue 15), from the stored records: the same list feeds "wat is er gebeurd sinds
/// uw vorige bezoek" on the start page and the notifications (in the application and by e-mail). Pure.
/// </summary>
public static class GovernanceEvents
{
    /// <summary>Every kind, in the order the preferences page lists them.</summary>
    public static ImmutableArray<EventKind> Kinds { get; } = [.. Enum.GetValues<EventKind>()];

    /// <summary>The Dutch name of a kind, for the preferences page and the e-mail subject.</summary>
    public static string Dutch(this EventKind kind) => kind switch
    {
        EventKind.AgreementProposed => "Een nieuwe versie van een afspraak is voorgesteld",
        EventKind.ResponseGiven => "Een gemeente reageerde op een voorgestelde versie",
        EventKind.AgreementAdopted => "Een versie van een afspraak is vastgesteld",
        EventKind.ExemptionRequested => "Een gemeente vroeg om ontheffing",
        EventKind.ExemptionDecided => "Op een verzoek om ontheffing is besloten",
        EventKind.InstructionIssued => "Een instructie is gegeven",
        EventKind.TaskProposed => "Een gemeente stelde haar opgave voor",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind's stable Dutch code in the API.</summary>
    public static string Code(this EventKind kind) => kind switch
    {
        EventKind.AgreementProposed => "afspraakVoorgesteld",
        EventKind.ResponseGiven => "reactieGegeven",
        EventKind.AgreementAdopted => "afspraakVastgesteld",
        EventKind.ExemptionRequested => "ontheffingGevraagd",
        EventKind.ExemptionDecided => "ontheffingBesloten",
        EventKind.InstructionIssued => "instructieGegeven",
        EventKind.TaskProposed => "opgaveVoorgesteld",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Who is told of a kind, for the preferences page.</summary>
    public static string Audience(this EventKind kind) => kind switch
    {
        EventKind.AgreementProposed or EventKind.AgreementAdopted => "de gemeenten van de regio",
        EventKind.ResponseGiven or EventKind.ExemptionRequested or EventKind.TaskProposed => "de provincie",
        EventKind.ExemptionDecided => "de gemeente die het verzoek deed",
        EventKind.InstructionIssued => "de geadresseerde",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The events of the given records that happened at or after <paramref name="since"/>, oldest first.</summary>
    public static ImmutableArray<GovernanceEvent> From(
        IEnumerable<AgreementFact> agreements,
        IEnumerable<ResponseFact> responses,
        IEnumerable<ExemptionFact> exemptions,
        IEnumerable<InstructionFact> instructions,
        IEnumerable<TaskProposalFact> proposals,
        DateTimeOffset since)
    {
        var events = new List<GovernanceEvent>();
        foreach (var a in agreements)
        {
            if (a.ProposedAt is { } proposed && proposed >= since)
            {
                events.Add(new($"afspraak-{a.Id}-voorgesteld", EventKind.AgreementProposed, proposed,
                    $"Versie {a.Number} van de afspraak voor {a.RegionName} is voorgesteld aan de gemeenten",
                    $"/afspraak/{a.Id}", a.Members, a.ManagingProvinces, string.Empty));
            }

            if (a.AdoptedAt is { } adopted && adopted >= since)
            {
                events.Add(new($"afspraak-{a.Id}-vastgesteld", EventKind.AgreementAdopted, adopted,
                    $"Versie {a.Number} van de afspraak voor {a.RegionName} is vastgesteld",
                    $"/afspraak/{a.Id}", a.Members, a.ManagingProvinces, a.AdoptedBy ?? string.Empty));
            }
        }

        foreach (var r in responses.Where(r => r.At >= since))
        {
            var what = r.Kind == ResponseKind.Accepted ? "aanvaardde" : "maakte bezwaar tegen";
            events.Add(new($"reactie-{r.Id}-{r.At.ToUnixTimeMilliseconds()}", EventKind.ResponseGiven, r.At,
                $"{r.Municipality.Name} {what} versie {r.Number} van de afspraak voor {r.RegionName}",
                $"/afspraak/{r.AgreementId}", r.ManagingProvinces, [r.Municipality.Id], r.By));
        }

        foreach (var e in exemptions)
        {
            if (e.RequestedAt >= since)
            {
                events.Add(new($"ontheffing-{e.Id}-verzocht", EventKind.ExemptionRequested, e.RequestedAt,
                    $"{e.Municipality.Name} vraagt ontheffing van de ondergrens voor {ExemptionLifecycle.Dutch(e.Floor)}",
                    $"/ontheffing/{e.Id}", [e.ProvinceCode], [e.Municipality.Id], e.RequestedBy));
            }

            if (e.DecidedAt is { } decided && decided >= since && e.Status is ExemptionStatus.Granted or ExemptionStatus.Refused)
            {
                events.Add(new($"ontheffing-{e.Id}-besloten", EventKind.ExemptionDecided, decided,
                    $"{e.DeciderName ?? "De provincie"} heeft het verzoek om ontheffing van {e.Municipality.Name} {(e.Status == ExemptionStatus.Granted ? "verleend" : "geweigerd")}",
                    $"/ontheffing/{e.Id}", [e.Municipality.Id], [e.ProvinceCode], e.DecidedBy ?? string.Empty));
            }
        }

        foreach (var i in instructions.Where(i => i.IssuedAt >= since))
        {
            events.Add(new($"instructie-{i.Id}-gegeven", EventKind.InstructionIssued, i.IssuedAt,
                $"{i.Issuer.Name} gaf {i.Addressee.Name} een instructie: {i.Subject}",
                $"/instructie/{i.Id}", [i.Addressee.Id], [i.Issuer.Id], string.Empty));
        }

        foreach (var t in proposals.Where(t => t.At >= since))
        {
            events.Add(new($"opgavevoorstel-{t.Id}", EventKind.TaskProposed, t.At,
                $"{t.Municipality.Name} stelt een opgave voor over {t.Period}",
                $"/regio/{t.RegionId}/opgave?periode={t.Period}", [t.ProvinceCode], [t.Municipality.Id], t.By));
        }

        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>The events an organisation was told of or took part in, newest first.</summary>
    public static ImmutableArray<GovernanceEvent> Concerning(IEnumerable<GovernanceEvent> events, string organisationId) =>
        [.. events.Where(e => e.Recipients.Contains(organisationId) || e.Actors.Contains(organisationId)).OrderByDescending(e => e.At)];
}
