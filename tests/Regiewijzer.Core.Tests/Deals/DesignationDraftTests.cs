using System.Collections.Immutable;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Regions;
using Xunit;

namespace Regiewijzer.Core.Tests.Deals;

/// <summary>Where a province starts (issue 13): the deals as regions, each overlap to resolve, partners of a region across a border.</summary>
public sealed class DesignationDraftTests
{
    private static readonly ProvinceCode Gelderland = new("PV25");
    private static readonly ProvinceCode Utrecht = new("PV26");
    private static readonly MunicipalityCode Barneveld = new("GM0203");
    private static readonly MunicipalityCode Ede = new("GM0228");
    private static readonly MunicipalityCode Nijkerk = new("GM0267");
    private static readonly MunicipalityCode Apeldoorn = new("GM0200");
    private static readonly MunicipalityCode Amersfoort = new("GM0307");
    private static readonly MunicipalityCode Veenendaal = new("GM0345");

    private static readonly Deal[] Deals =
    [
        Deal("WD18", "Regio Amersfoort", (Amersfoort, Utrecht), (Barneveld, Gelderland), (Nijkerk, Gelderland)),
        Deal("WD19", "Regio Foodvalley", (Barneveld, Gelderland), (Ede, Gelderland), (Nijkerk, Gelderland), (Veenendaal, Utrecht)),
        Deal("WD21", "Stedendriehoek", (Apeldoorn, Gelderland)),
    ];

    private static readonly Dictionary<MunicipalityCode, string> GelderlandMunicipalities = new()
    {
        [Apeldoorn] = "Apeldoorn", [Barneveld] = "Barneveld", [Ede] = "Ede", [Nijkerk] = "Nijkerk",
    };

    [Fact]
    public void For_TheDealsAreTheRegions_AndAMunicipalityInTwoDealsIsAnOverlapWithoutProposal()
    {
        var draft = DesignationDraft.For(Gelderland, GelderlandMunicipalities, Deals, current: null);

        Assert.Equal(["WD18", "WD19", "WD21"], draft.Regions.Select(r => r.Id));
        Assert.Equal([Barneveld, Nijkerk], draft.Overlaps.Select(m => m.Code));
        Assert.All(draft.Overlaps, m => Assert.Null(m.Proposed));
        Assert.Equal("WD19", draft.Municipalities.Single(m => m.Code == Ede).Proposed);
        Assert.Equal("WD21", draft.Municipalities.Single(m => m.Code == Apeldoorn).Proposed);
        Assert.Equal([Utrecht], draft.Regions.Single(r => r.Id == "WD19").Partners); // a region across the border
        Assert.Empty(draft.Regions.Single(r => r.Id == "WD21").Partners);
    }

    [Fact]
    public void For_TheCurrentActWins_AndItsPartnerChoiceStaysChangeable()
    {
        var current = new DesignationAct(
            Gelderland, 1, new DateOnly(2027, 1, 1), "art. 1",
            ImmutableDictionary<MunicipalityCode, string>.Empty.Add(Barneveld, "WD19").Add(Nijkerk, "WD19").Add(Ede, "WD19").Add(Apeldoorn, "PV25-R1"),
            ImmutableDictionary<string, string>.Empty.Add("WD19", "Foodvalley").Add("PV25-R1", "Veluwe"));

        var draft = DesignationDraft.For(Gelderland, GelderlandMunicipalities, Deals, current);

        Assert.Equal("WD19", draft.Municipalities.Single(m => m.Code == Barneveld).Proposed);
        Assert.Equal("PV25-R1", draft.Municipalities.Single(m => m.Code == Apeldoorn).Proposed);
        var foodvalley = draft.Regions.Single(r => r.Id == "WD19");
        Assert.Equal(("Foodvalley", true), (foodvalley.Name, foodvalley.FromDeal));
        Assert.Empty(foodvalley.Partners); // the act chose no partner
        Assert.Equal([Utrecht], foodvalley.Candidates); // but Utrecht can be chosen again
        Assert.False(draft.Regions.Single(r => r.Id == "PV25-R1").FromDeal);
    }

    [Fact]
    public void RequiredProvinces_ThePartnersOfTheActsInForce()
    {
        var gelderland = new DesignationAct(
            Gelderland, 1, new DateOnly(2027, 1, 1), "art. 1",
            ImmutableDictionary<MunicipalityCode, string>.Empty.Add(Barneveld, "WD19"),
            ImmutableDictionary<string, string>.Empty.Add("WD19", "Foodvalley"))
        {
            Partners = ImmutableDictionary<string, ImmutableArray<ProvinceCode>>.Empty.Add("WD19", [Utrecht]),
        };

        Assert.Empty(Designations.RegionsInForce(new DateOnly(2027, 2, 1), [gelderland]));
        Assert.Equal([Gelderland, Utrecht], Designations.RequiredProvinces(new DateOnly(2027, 2, 1), [gelderland])["WD19"]);
        Assert.Empty(Designations.RequiredProvinces(new DateOnly(2026, 12, 31), [gelderland])); // not in force yet
        var alone = gelderland with { Version = 2, Partners = ImmutableDictionary<string, ImmutableArray<ProvinceCode>>.Empty };
        Assert.Equal("WD19", Assert.Single(Designations.RegionsInForce(new DateOnly(2027, 2, 1), [gelderland, alone])).Id);
    }

    [Fact]
    public void Waiting_ARegionAcrossTheBorder_NamesTheProvinceStillToDesignate()
    {
        var gelderland = new DesignationAct(
            Gelderland, 1, new DateOnly(2027, 1, 1), "art. 1",
            ImmutableDictionary<MunicipalityCode, string>.Empty.Add(Barneveld, "WD19").Add(Apeldoorn, "WD21"),
            ImmutableDictionary<string, string>.Empty.Add("WD19", "Foodvalley").Add("WD21", "Stedendriehoek"))
        {
            Partners = ImmutableDictionary<string, ImmutableArray<ProvinceCode>>.Empty.Add("WD19", [Utrecht]),
        };
        var utrecht = new DesignationAct(
            Utrecht, 1, new DateOnly(2027, 3, 1), "art. 2",
            ImmutableDictionary<MunicipalityCode, string>.Empty.Add(Veenendaal, "WD19"),
            ImmutableDictionary<string, string>.Empty.Add("WD19", "Foodvalley"));

        var (region, missing) = Assert.Single(Designations.Waiting(Gelderland, new DateOnly(2027, 2, 1), [gelderland, utrecht]));
        Assert.Equal(("WD19", Utrecht), (region, Assert.Single(missing)));
        Assert.Empty(Designations.Waiting(Gelderland, new DateOnly(2027, 3, 1), [gelderland, utrecht]));
        Assert.Empty(Designations.Waiting(Gelderland, new DateOnly(2026, 12, 31), [gelderland, utrecht])); // no act in force yet
    }

    [Fact]
    public void Check_RegionCodesAndPartners_Unassigned()
    {
        var act = new DesignationAct(
            Gelderland, 1, new DateOnly(2027, 1, 1), "art. 1",
            ImmutableDictionary<MunicipalityCode, string>.Empty.Add(Barneveld, "wd 19"),
            ImmutableDictionary<string, string>.Empty.Add("wd 19", "Foodvalley"))
        {
            Partners = ImmutableDictionary<string, ImmutableArray<ProvinceCode>>.Empty.Add("wd 19", [Gelderland]),
        };
        var provinceOf = GelderlandMunicipalities.Keys.ToDictionary(m => m, _ => Gelderland);

        var errors = Designations.Check(new Designator(true, Gelderland), act, provinceOf, []);

        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.Contains("geen geldige regiocode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("eigen provincie is geen partner", StringComparison.Ordinal));
        Assert.Equal([Apeldoorn, Ede, Nijkerk], Designations.Unassigned(act, provinceOf));
        Assert.True(Designations.IsRegionId("PV25-R1"));
        Assert.False(Designations.IsRegionId("-R1"));
        Assert.False(Designations.IsRegionId("W"));
    }

    private static Deal Deal(string id, string name, params (MunicipalityCode Code, ProvinceCode Province)[] parties) => new(
        id,
        name,
        [.. parties.Select(p => p.Province.Value).Distinct()],
        new DealTotal(1000, DealTotalPrecision.Exact, "exact"),
        [.. parties.Select(p => new DealParty(p.Code, p.Code.Value, p.Province, PartyCertainty.Stated, "test"))],
        [],
        null,
        2022,
        2030,
        null,
        null);
}
