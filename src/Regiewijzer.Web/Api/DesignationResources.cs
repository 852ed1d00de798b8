using System.Collections.Immutable;
using System.ComponentModel;
using Regiewijzer.Core.Regions;
using Regiewijzer.Data.Features.Regions;

namespace Regiewijzer.Web.Api;

[Description("De aangewezen woningbouwregio's op een datum en de stand per provincie.")]
internal sealed record DesignationsResource(
    [property: Description("Peildatum.")] DateOnly Date,
    [property: Description("Per provincie: aangewezen, wachtend of indicatief.")] IReadOnlyList<ProvinceDesignationResource> Provinces,
    [property: Description("De aangewezen regio's die op de datum in werking zijn.")] IReadOnlyList<DesignatedRegionResource> Regions)
{
    public static DesignationsResource From(DateOnly date, ImmutableArray<ProvinceDesignation> provinces, ImmutableArray<DesignatedRegion> regions) => new(
        date,
        [.. provinces.Select(ProvinceDesignationResource.From)],
        [.. regions.Select(r => new DesignatedRegionResource(r.Id, r.Name, [.. r.Municipalities.Select(m => m.Value)], [.. r.Provinces.Select(p => p.Value)]))]);
}

[Description("De stand van de aanwijzing van één provincie.")]
internal sealed record ProvinceDesignationResource(
    ProvinceRef Province,
    [property: Description("aangewezen, wachtend (een regio wacht op een andere provincie) of indicatief (de woondeals).")] string State,
    [property: Description("De aanwijzing die in werking is; null als er geen is.")] DesignationActResource? Act,
    [property: Description("Regio's van die aanwijzing die nog niet in werking zijn, met de provincies die ze nog moeten aanwijzen.")] IReadOnlyList<WaitingRegionResource> Waiting)
{
    public static ProvinceDesignationResource From(ProvinceDesignation p) => new(
        ProvinceRef.Of(p.Code, p.Name),
        p.State switch { DesignationState.Designated => "aangewezen", DesignationState.Waiting => "wachtend", _ => "indicatief" },
        p.Act is null ? null : DesignationActResource.From(p.Act),
        [.. p.Waiting.Select(w => new WaitingRegionResource(w.RegionId, w.RegionName, w.Missing))]);
}

[Description("Een regio die wacht op de aanwijzing door een andere provincie.")]
internal sealed record WaitingRegionResource(string Id, string Name, [property: Description("Namen van de provincies die nog moeten aanwijzen.")] IReadOnlyList<string> WaitingFor);

[Description("Een aangewezen woningbouwregio in werking.")]
internal sealed record DesignatedRegionResource(string Id, string Name, [property: Description("CBS-codes van de gemeenten.")] IReadOnlyList<string> Municipalities, [property: Description("Provincies (PV-codes) die haar aanwezen.")] IReadOnlyList<string> Provinces);

[Description("Eén aanwijzing van een provincie.")]
internal sealed record DesignationActResource(
    ProvinceRef Province,
    [property: Description("Versie (1, 2, ...); een nieuwere vervangt de vorige vanaf haar eigen datum.")] int Version,
    [property: Description("In werking vanaf.")] DateOnly InForceFrom,
    [property: Description("Juridische grondslag: artikel van de omgevingsverordening of URL.")] string LegalReference,
    [property: Description("Vastgelegd op (ISO 8601).")] DateTimeOffset RecordedAt,
    [property: Description("Vastgelegd door.")] string RecordedBy,
    [property: Description("De regio's met hun gemeenten en partnerprovincies.")] IReadOnlyList<ActRegionResource> Regions)
{
    public static DesignationActResource From(StoredDesignation s) => new(
        ProvinceRef.Of(s.Act.Province.Value, s.ProvinceName),
        s.Act.Version,
        s.Act.InForceFrom,
        s.Act.LegalReference,
        s.RecordedAt,
        s.RecordedBy,
        [.. s.Act.RegionNames.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ActRegionResource(
            r.Key,
            r.Value,
            [.. s.Act.RegionOf.Where(x => x.Value == r.Key).Select(x => x.Key.Value).Order(StringComparer.Ordinal)],
            [.. s.Act.Partners.GetValueOrDefault(r.Key, []).Select(p => p.Value)]))]);
}

[Description("Een regio in een aanwijzing.")]
internal sealed record ActRegionResource(
    string Id,
    string Name,
    [property: Description("CBS-codes van de gemeenten van deze provincie in de regio.")] IReadOnlyList<string> Municipalities,
    [property: Description("Andere provincies (PV-codes) die de regio ook moeten aanwijzen.")] IReadOnlyList<string> Partners);

[Description("De aanwijzingen van een provincie en het concept voor een nieuwe.")]
internal sealed record ProvinceDesignationsResource(
    ProvinceRef Province,
    [property: Description("De versie die een nieuwe aanwijzing krijgt; stuur de vorige (deze min 1) mee als basedOnVersion.")] int NextVersion,
    [property: Description("Alle vastgelegde aanwijzingen, oudste eerst.")] IReadOnlyList<DesignationActResource> Acts,
    [property: Description("Het concept: regio's (de woondeals of de vorige aanwijzing).")] IReadOnlyList<DraftRegionResource> DraftRegions,
    [property: Description("Het concept: elke gemeente met haar woondeals en de voorgestelde regio (null bij een overlapping zonder keuze).")] IReadOnlyList<DraftMunicipalityResource> DraftMunicipalities)
{
    public static ProvinceDesignationsResource From(DesignationWorkspace w) => new(
        ProvinceRef.Of(w.ProvinceCode, w.ProvinceName),
        w.NextVersion,
        [.. w.History.Select(DesignationActResource.From)],
        [.. w.Draft.Regions.Select(r => new DraftRegionResource(r.Id, r.Name, [.. r.Partners.Select(p => p.Value)], [.. r.Candidates.Select(p => p.Value)], r.FromDeal))],
        [.. w.Draft.Municipalities.Select(m => new DraftMunicipalityResource(m.Code.Value, m.Name, [.. m.Deals], m.IsOverlap, m.Proposed))]);
}

[Description("Een regio in het concept.")]
internal sealed record DraftRegionResource(string Id, string Name, IReadOnlyList<string> Partners, [property: Description("Provincies die partner kunnen zijn (die van de partijen van de woondeal).")] IReadOnlyList<string> PartnerCandidates, [property: Description("True als de regio een woondeal is.")] bool FromDeal);

[Description("Een gemeente in het concept.")]
internal sealed record DraftMunicipalityResource(string Code, string Name, [property: Description("Woondeals (id) waarbij de gemeente partij is.")] IReadOnlyList<string> Deals, [property: Description("True bij meer dan één woondeal: de provincie kiest.")] bool Overlap, string? Proposed);

[Description("In welke woningbouwregio een gemeente op een datum lag.")]
internal sealed record MunicipalityRegionResource(
    string Code,
    string Name,
    [property: Description("Peildatum.")] DateOnly Date,
    [property: Description("aangewezen of indicatief.")] string Basis,
    [property: Description("De aangewezen regio in werking; null zonder aanwijzing.")] RegionRef? Region,
    [property: Description("De woondeals waarbij de gemeente partij is (de indicatieve regio's).")] IReadOnlyList<RegionRef> Deals);

[Description("Een nieuwe aanwijzing.")]
internal sealed record DesignationRequest(
    [property: Description("In werking vanaf, jjjj-mm-dd.")] string? InForceFrom,
    [property: Description("Juridische grondslag: artikel van de omgevingsverordening of URL (5 tot 500 tekens).")] string? LegalReference,
    [property: Description("De regio's: code, naam en de andere provincies die haar ook aanwijzen.")] IReadOnlyList<DesignationRegionRequest?>? Regions,
    [property: Description("Per gemeente (CBS-code) de regiocode; elke gemeente van de provincie.")] Dictionary<string, string?>? Municipalities,
    [property: Description("De laatste versie die u las; 0 als er nog geen aanwijzing was.")] int? BasedOnVersion,
    [property: Description("true: u bevestigt dat dit de vastgestelde aanwijzing is.")] bool? Confirmed);

[Description("Een regio in een nieuwe aanwijzing.")]
internal sealed record DesignationRegionRequest(
    [property: Description("Regiocode: de woondeal (WD19) of nieuw (PV25-R1).")] string? Id,
    [property: Description("Naam.")] string? Name,
    [property: Description("Andere provincies (PV-codes) die deze regio ook aanwijzen.")] IReadOnlyList<string>? Partners);

[Description("De opgave van een regio in een periode.")]
internal sealed record RegionTaskResource(
    RegionRef Region,
    [property: Description("De getoonde periode (jjjj-jjjj) met haar omschrijving.")] string Period,
    string PeriodLabel,
    [property: Description("De periode die de verdeling gebruikt.")] string PeriodInUse,
    [property: Description("Som van de bekende opgaven van de gemeenten.")] int Total,
    [property: Description("Aantal gemeenten zonder opgave in de periode; dan is total niet de hele regionale opgave.")] int Missing,
    IReadOnlyList<MemberTaskResource> Municipalities)
{
    public static RegionTaskResource From(RegionTaskView v) => new(
        RegionRef.Of(v.Region.Id, v.Region.Name),
        v.Period.Code,
        v.Period.Label,
        v.InUse.Code,
        v.Total,
        v.Missing,
        [.. v.Members.Select(m => new MemberTaskResource(
            m.Code,
            m.Name,
            m.Task?.Homes,
            m.Task is null ? null : m.Task.Origin == Regiewijzer.Data.Model.TaskOrigin.Derived ? TaskRules.Derived : TaskRules.Agreed,
            m.Task is null ? null : m.Task.Origin == Regiewijzer.Data.Model.TaskOrigin.Derived ? m.Task.Method : m.Task.Source,
            m.Task?.Version,
            m.Proposal is null ? null : TaskProposalResource.From(m.Proposal)))]);
}

[Description("De opgave van één gemeente.")]
internal sealed record MemberTaskResource(
    string Code,
    string Name,
    [property: Description("Woningen; null als er geen opgave is.")] int? Homes,
    [property: Description("afgesproken of afgeleid.")] string? Origin,
    [property: Description("Bron (afgesproken) of methode (afgeleid).")] string? Basis,
    int? Version,
    [property: Description("Het open voorstel van de gemeente, of null.")] TaskProposalResource? Proposal);

[Description("Een voorstel van een gemeente voor haar opgave.")]
internal sealed record TaskProposalResource(int Id, string Municipality, string Period, int Homes, string Reasoning, [property: Description("open, vastgesteld of afgewezen.")] string Status, string ProposedBy, DateTimeOffset ProposedAt, int Version)
{
    public static TaskProposalResource From(Regiewijzer.Data.Model.TaskProposalRow p) =>
        new(p.Id, p.MunicipalityCode, $"{p.PeriodFrom}-{p.PeriodTo}", p.Homes, p.Reasoning, p.Status, p.ProposedBy, p.ProposedAt, p.Version);
}

[Description("De periode die de verdeling van een regio gebruikt.")]
internal sealed record RegionPeriodResource(string Region, string Period);

[Description("Opgaven vaststellen.")]
internal sealed record RegionTaskRequest(
    [property: Description("Periode, jjjj-jjjj.")] string? Period,
    [property: Description("Per gemeente de opgave.")] IReadOnlyList<TaskEntryRequest?>? Tasks);

[Description("De opgave van één gemeente.")]
internal sealed record TaskEntryRequest(
    [property: Description("CBS-gemeentecode.")] string? Municipality,
    [property: Description("Woningen (0 tot 1.000.000).")] int? Homes,
    [property: Description("afgesproken of afgeleid.")] string? Origin,
    [property: Description("Bron (afgesproken) of methode (afgeleid), 5 tot 500 tekens.")] string? Basis,
    [property: Description("De gelezen version; 0 voor een nieuwe opgave.")] int? Version);

[Description("De periode die de verdeling gebruikt.")]
internal sealed record RegionPeriodRequest([property: Description("Periode, jjjj-jjjj.")] string? Period);

[Description("Een voorstel voor de eigen opgave.")]
internal sealed record TaskProposalRequest(
    [property: Description("Periode, jjjj-jjjj.")] string? Period,
    [property: Description("Woningen.")] int? Homes,
    [property: Description("Onderbouwing, 5 tot 500 tekens.")] string? Reasoning);

[Description("Besluit over een voorstel.")]
internal sealed record TaskProposalDecisionRequest(
    [property: Description("true = vaststellen, false = afwijzen.")] bool? Adopt,
    [property: Description("De gelezen version van het voorstel.")] int? Version);
