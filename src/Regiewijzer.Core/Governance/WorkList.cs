using System.Collections.Immutable;

namespace Regiewijzer.Core.Governance;

/// <summary>An organisation by code and name ("GM0228", "Ede").</summary>
public sealed record OrganisationName(string Id, string Name);

/// <summary>A proposed agreement version: who must respond, who did, and the provinces that manage the region.</summary>
public sealed record ProposedVersion(
    int Id,
    string RegionId,
    string RegionName,
    int Number,
    DateOnly ProposedOn,
    ImmutableArray<OrganisationName> Members,
    ImmutableDictionary<string, ResponseKind> Responses,
    ImmutableArray<string> ManagingProvinces);

/// <summary>An exemption request that awaits a decision (decided by the municipality's province, <see cref="Permissions.ExemptionDecider"/>).</summary>
public sealed record PendingExemption(int Id, OrganisationName Municipality, string ProvinceCode, ExemptionFloor Floor, DateOnly RequestedOn);

/// <summary>An issued instruction that has not been complied with or withdrawn.</summary>
public sealed record IssuedInstruction(int Id, OrganisationName Issuer, OrganisationName Addressee, string Subject, DateOnly Deadline);

/// <summary>A municipality's volkshuisvestingsprogramma as the work list sees it: declared at all, and its findings against the agreement.</summary>
public sealed record ProgrammeState(OrganisationName Municipality, string ProvinceCode, bool Declared, int Findings);

/// <summary>A municipality's data-quality findings (reference data and imports).</summary>
public sealed record QualityState(OrganisationName Municipality, string ProvinceCode, int Findings);

/// <summary>A municipality's proposed task that its province has not yet adopted or rejected.</summary>
public sealed record PendingTaskProposal(int Id, OrganisationName Municipality, string ProvinceCode, string RegionId, string Period, DateOnly ProposedOn);

/// <summary>Everything open in the country that can wait for someone, as loaded once.</summary>
public sealed record OpenWork(
    ImmutableArray<ProposedVersion> Proposed,
    ImmutableArray<PendingExemption> Exemptions,
    ImmutableArray<IssuedInstruction> Instructions,
    ImmutableArray<ProgrammeState> Programmes,
    ImmutableArray<QualityState> Quality,
    ImmutableArray<PendingTaskProposal> TaskProposals);

/// <summary>What kind of task waits.</summary>
public enum WorkKind
{
    /// <summary>A municipality responds to a proposed agreement version.</summary>
    Respond,

    /// <summary>A province follows the responses to a version it proposed and adopts it.</summary>
    Adopt,

    /// <summary>A province decides an exemption request.</summary>
    DecideExemption,

    /// <summary>An addressee carries out an instruction before its deadline.</summary>
    FollowInstruction,

    /// <summary>The issuer of an instruction whose deadline passed checks whether it was complied with.</summary>
    CheckInstruction,

    /// <summary>A municipality adopts its volkshuisvestingsprogramma.</summary>
    AdoptProgramme,

    /// <summary>A municipality's programme differs from its agreed share.</summary>
    ProgrammeFindings,

    /// <summary>Data-quality findings in a municipality's data.</summary>
    DataQuality,

    /// <summary>A province adopts or rejects a municipality's proposed task.</summary>
    AssessTaskProposal,
}

/// <summary>One thing that waits for an organisation, with the place where it is done and its deadline.</summary>
/// <param name="Kind">What kind of task.</param>
/// <param name="Title">Dutch, e.g. "Reageren op versie 2 van de afspraak voor Regio Foodvalley".</param>
/// <param name="Detail">Dutch, the facts that matter (responses so far, findings).</param>
/// <param name="Link">The page where it is done.</param>
/// <param name="Due">The deadline, if any.</param>
/// <param name="State">Where the deadline stands today.</param>
/// <param name="Basis">The parameter the deadline comes from (null for an instruction's own deadline).</param>
public sealed record WorkItem(WorkKind Kind, string Title, string Detail, string Link, DateOnly? Due, DueState State, DeadlineParameter? Basis);

/// <summary>
/// Mijn Regiewijzer (issue 15): what waits for one organisation, derived from what is open in the country. Overdue first,
/// then by deadline, then the items without one. Pure.
/// </summary>
public static class WorkList
{
    /// <summary>The kind's stable Dutch code in the API ("reageren", "ontheffingBesluiten").</summary>
    public static string Code(this WorkKind kind) => kind switch
    {
        WorkKind.Respond => "reageren",
        WorkKind.Adopt => "vaststellen",
        WorkKind.DecideExemption => "ontheffingBesluiten",
        WorkKind.FollowInstruction => "instructieUitvoeren",
        WorkKind.CheckInstruction => "instructieNagaan",
        WorkKind.AdoptProgramme => "programmaVaststellen",
        WorkKind.ProgrammeFindings => "programmaBevindingen",
        WorkKind.DataQuality => "gegevenskwaliteit",
        WorkKind.AssessTaskProposal => "opgavevoorstelBeoordelen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ImmutableArray<WorkItem> For(OrganisationRef organisation, OpenWork open, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(open);
        var items = organisation.Kind switch
        {
            OrganisationKind.Municipality => ForMunicipality(organisation.Id, open, today),
            OrganisationKind.Province => ForProvince(organisation.Id, open, today),
            _ => ForRijk(open, today),
        };
        return [.. items.OrderBy(i => i.State switch { DueState.Overdue => 0, DueState.Soon => 1, DueState.Open => 2, _ => 3 })
            .ThenBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.Ordinal)];
    }

    private static IEnumerable<WorkItem> ForMunicipality(string code, OpenWork open, DateOnly today)
    {
        foreach (var v in open.Proposed.Where(v => v.Members.Any(m => m.Id == code) && !v.Responses.ContainsKey(code)))
        {
            var due = GovernanceDeadlines.ResponsePeriod.DueFrom(v.ProposedOn);
            yield return new WorkItem(
                WorkKind.Respond,
                $"Reageren op versie {v.Number} van de afspraak voor {v.RegionName}",
                $"Voorgesteld door de provincie; {Responded(v)}. Aanvaard de verdeling of maak bezwaar, met een toelichting.",
                $"/afspraak/{v.Id}",
                due,
                GovernanceDeadlines.State(due, today),
                GovernanceDeadlines.ResponsePeriod);
        }

        foreach (var i in open.Instructions.Where(i => i.Addressee.Id == code))
        {
            yield return FollowInstruction(i, today);
        }

        foreach (var p in open.Programmes.Where(p => p.Municipality.Id == code))
        {
            foreach (var item in Programme(p, today))
            {
                yield return item;
            }
        }

        foreach (var q in open.Quality.Where(q => q.Municipality.Id == code && q.Findings > 0))
        {
            yield return new WorkItem(
                WorkKind.DataQuality,
                $"Gegevenskwaliteit: {Findings(q.Findings)} in de gegevens van {q.Municipality.Name}",
                "Controleer de voorraad, de opgave en de ingelezen plannen; een fout in de gegevens werkt door in de verdeling en de voortgang.",
                $"/gemeente/{code}#gegevenskwaliteit",
                null,
                DueState.None,
                null);
        }
    }

    private static IEnumerable<WorkItem> ForProvince(string code, OpenWork open, DateOnly today)
    {
        foreach (var v in open.Proposed.Where(v => v.ManagingProvinces.Contains(code)))
        {
            var due = GovernanceDeadlines.ResponsePeriod.DueFrom(v.ProposedOn);
            var allIn = v.Members.All(m => v.Responses.ContainsKey(m.Id));
            yield return new WorkItem(
                WorkKind.Adopt,
                $"Versie {v.Number} van de afspraak voor {v.RegionName} vaststellen",
                (allIn ? "Alle gemeenten reageerden" : Responded(v)) + Objections(v) + ".",
                $"/afspraak/{v.Id}",
                due,
                // The response period runs for the municipalities; for the province it is the moment it may adopt, never "te laat".
                DueState.Open,
                GovernanceDeadlines.ResponsePeriod);
        }

        foreach (var e in open.Exemptions.Where(e => e.ProvinceCode == code))
        {
            var due = GovernanceDeadlines.ExemptionDecisionPeriod.DueFrom(e.RequestedOn);
            yield return new WorkItem(
                WorkKind.DecideExemption,
                $"Besluiten op het verzoek om ontheffing van {e.Municipality.Name}",
                $"Verzoek om een lagere ondergrens voor {ExemptionLifecycle.Dutch(e.Floor)}; bekijk eerst wie het verschil opvangt.",
                $"/ontheffing/{e.Id}",
                due,
                GovernanceDeadlines.State(due, today),
                GovernanceDeadlines.ExemptionDecisionPeriod);
        }

        foreach (var t in open.TaskProposals.Where(t => t.ProvinceCode == code))
        {
            yield return new WorkItem(
                WorkKind.AssessTaskProposal,
                $"Opgavevoorstel van {t.Municipality.Name} beoordelen",
                $"Voorstel voor de periode {t.Period}: neem het over of wijs het af.",
                $"/regio/{t.RegionId}/opgave?periode={t.Period}",
                null,
                DueState.None,
                null);
        }

        foreach (var i in open.Instructions.Where(i => i.Addressee.Id == code))
        {
            yield return FollowInstruction(i, today);
        }

        foreach (var i in open.Instructions.Where(i => i.Issuer.Id == code && i.Deadline < today))
        {
            yield return CheckInstruction(i);
        }

        var late = open.Programmes.Where(p => p.ProvinceCode == code && !p.Declared).ToList();
        var programmeDue = GovernanceDeadlines.HousingProgrammeDue.DueFrom(today);
        if (late.Count > 0 && GovernanceDeadlines.State(programmeDue, today) == DueState.Overdue)
        {
            yield return new WorkItem(
                WorkKind.AdoptProgramme,
                $"{late.Count} {(late.Count == 1 ? "gemeente heeft" : "gemeenten hebben")} geen volkshuisvestingsprogramma ingevoerd",
                string.Join(", ", late.Take(8).Select(p => p.Municipality.Name)) + (late.Count > 8 ? $" en {late.Count - 8} andere" : string.Empty) + ".",
                $"/provincie/{code}",
                programmeDue,
                DueState.Overdue,
                GovernanceDeadlines.HousingProgrammeDue);
        }
    }

    private static IEnumerable<WorkItem> ForRijk(OpenWork open, DateOnly today) =>
        open.Instructions.Where(i => i.Addressee.Id == "RIJK").Select(i => FollowInstruction(i, today))
            .Concat(open.Instructions.Where(i => i.Issuer.Id == "RIJK" && i.Deadline < today).Select(CheckInstruction));

    private static IEnumerable<WorkItem> Programme(ProgrammeState p, DateOnly today)
    {
        if (!p.Declared)
        {
            var due = GovernanceDeadlines.HousingProgrammeDue.DueFrom(today);
            yield return new WorkItem(
                WorkKind.AdoptProgramme,
                "Volkshuisvestingsprogramma vaststellen en invoeren",
                "Voer per jaar de aantallen per segment in; Regiewijzer toetst ze aan de vastgestelde afspraak.",
                $"/gemeente/{p.Municipality.Id}/vhp",
                due,
                GovernanceDeadlines.State(due, today),
                GovernanceDeadlines.HousingProgrammeDue);
        }
        else if (p.Findings > 0)
        {
            yield return new WorkItem(
                WorkKind.ProgrammeFindings,
                $"Volkshuisvestingsprogramma: {Findings(p.Findings)} tegenover de afspraak",
                "De aantallen in het programma blijven achter bij het afgesproken aandeel; bekijk de toets per segment.",
                $"/gemeente/{p.Municipality.Id}/vhp",
                null,
                DueState.None,
                null);
        }
    }

    private static WorkItem FollowInstruction(IssuedInstruction i, DateOnly today) => new(
        WorkKind.FollowInstruction,
        $"Instructie van {i.Issuer.Name}: {i.Subject}",
        "Voer de instructie uit vóór de termijn; de uitvaardiger legt vast wanneer eraan is voldaan.",
        $"/instructie/{i.Id}",
        i.Deadline,
        GovernanceDeadlines.State(i.Deadline, today),
        null);

    private static WorkItem CheckInstruction(IssuedInstruction i) => new(
        WorkKind.CheckInstruction,
        $"Termijn verstreken: instructie aan {i.Addressee.Name}",
        $"{i.Subject}. Leg vast of eraan is voldaan, of trek de instructie in.",
        $"/instructie/{i.Id}",
        i.Deadline,
        DueState.Overdue,
        null);

    private static string Responded(ProposedVersion v)
    {
        var count = v.Members.Count(m => v.Responses.ContainsKey(m.Id));
        return $"{count} van de {v.Members.Length} gemeenten {(count == 1 ? "reageerde" : "reageerden")}";
    }

    private static string Objections(ProposedVersion v)
    {
        var objecting = v.Members.Where(m => v.Responses.TryGetValue(m.Id, out var kind) && kind == ResponseKind.Objected).Select(m => m.Name).ToList();
        return objecting.Count == 0 ? ", zonder bezwaar" : $", bezwaar van {string.Join(", ", objecting)}";
    }

    private static string Findings(int count) => count == 1 ? "1 bevinding" : $"{count} bevindingen";
}
