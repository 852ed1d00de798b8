using System.Collections.Immutable;
using CsCheck;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Regions;
using Xunit;

namespace Regiewijzer.Core.Tests.Deals;

public sealed class DesignationTests
{
    private static readonly ProvinceCode Gelderland = new("PV25");
    private static readonly ProvinceCode Utrecht = new("PV26");
    private static readonly MunicipalityCode Barneveld = new("GM0203");
    private static readonly MunicipalityCode Nijkerk = new("GM0267");
    private static readonly MunicipalityCode Amersfoort = new("GM0307");

    private static readonly Dictionary<MunicipalityCode, ProvinceCode> ProvinceOf = new()
    {
        [Barneveld] = Gelderland,
        [Nijkerk] = Gelderland,
        [Amersfoort] = Utrecht,
    };

    private static readonly Dictionary<string, ImmutableArray<ProvinceCode>> CrossBorder = new(StringComparer.Ordinal)
    {
        ["WD18"] = [Gelderland, Utrecht],
        ["WD19"] = [Gelderland, Utrecht],
    };

    [Fact]
    public void Check_AMunicipalityCannotDesignate() =>
        Assert.Contains("Alleen een provincie", Assert.Single(Designations.Check(new Designator(false, null), Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19")), ProvinceOf, [])), StringComparison.Ordinal);

    [Fact]
    public void Check_AProvinceDesignatesOnlyItsOwnMunicipalities()
    {
        var errors = Designations.Check(new Designator(true, Gelderland), Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19"), (Amersfoort, "WD18")), ProvinceOf, []);

        Assert.Equal(["GM0307 ligt niet in deze provincie."], errors);
        Assert.NotEmpty(Designations.Check(new Designator(true, Utrecht), Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19")), ProvinceOf, []));
        Assert.Empty(Designations.Check(new Designator(true, Gelderland), Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19"), (Nijkerk, "WD18")), ProvinceOf, []));
    }

    [Fact]
    public void Check_NeedsALegalReferenceAndANewerVersion()
    {
        var first = Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19"));
        var again = first with { LegalReference = " " };

        var errors = Designations.Check(new Designator(true, Gelderland), again, ProvinceOf, [first]);

        Assert.Equal(2, errors.Length);
    }

    [Fact]
    public void RegionsInForce_ACrossProvinceRegionNeedsEveryProvince()
    {
        var gelderland = Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19"), (Nijkerk, "WD18"));
        var utrecht = Act(Utrecht, 1, 2027, 6, (Amersfoort, "WD18"));

        Assert.Empty(Designations.RegionsInForce(new DateOnly(2027, 3, 1), [gelderland, utrecht], CrossBorder));
        var later = Designations.RegionsInForce(new DateOnly(2027, 7, 1), [gelderland, utrecht], CrossBorder);
        var amersfoort = Assert.Single(later); // WD19 still lacks Utrecht's designation
        Assert.Equal("WD18", amersfoort.Id);
        Assert.Equal([Nijkerk, Amersfoort], amersfoort.Municipalities);
    }

    [Fact]
    public void RegionOf_AnswersForADateInThePast()
    {
        var v1 = Act(Gelderland, 1, 2027, 1, (Barneveld, "WD19"));
        var v2 = Act(Gelderland, 2, 2027, 4, (Barneveld, "WD18"));

        Assert.Equal("WD19", Designations.RegionOf(Barneveld, new DateOnly(2027, 3, 1), [v1, v2])?.Id);
        Assert.Equal("WD18", Designations.RegionOf(Barneveld, new DateOnly(2027, 4, 1), [v1, v2])?.Id);
        Assert.Null(Designations.RegionOf(Barneveld, new DateOnly(2026, 12, 31), [v1, v2]));
    }

    [Fact]
    public void RegionsInForce_AtEveryDate_EachMunicipalityIsInAtMostOneRegion()
    {
        MunicipalityCode[] gelderland = [.. Enumerable.Range(200, 6).Select(i => new MunicipalityCode($"GM0{i}"))];
        MunicipalityCode[] utrecht = [.. Enumerable.Range(300, 6).Select(i => new MunicipalityCode($"GM0{i}"))];
        var region = Gen.Int[1, 3].Select(i => "R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Gen<DesignationAct> ActFor(ProvinceCode province, MunicipalityCode[] own) =>
            Gen.Select(Gen.Int[1, 50], Gen.Int[0, 700], region.Array[own.Length], Gen.Bool.Array[own.Length])
                .Select((version, day, regions, include) => new DesignationAct(
                    province,
                    version,
                    new DateOnly(2027, 1, 1).AddDays(day),
                    "art. 1",
                    own.Select((m, i) => (m, i)).Where(x => include[x.i]).ToImmutableDictionary(x => x.m, x => regions[x.i]),
                    ImmutableDictionary<string, string>.Empty.Add("R1", "Een").Add("R2", "Twee").Add("R3", "Drie")));

        Gen.Select(ActFor(Gelderland, gelderland).Array[0, 5], ActFor(Utrecht, utrecht).Array[0, 5], Gen.Int[0, 800])
            .Sample((g, u, day) =>
            {
                DesignationAct[] acts = [.. g, .. u];
                var date = new DateOnly(2027, 1, 1).AddDays(day);
                var regions = Designations.RegionsInForce(date, acts);
                var all = regions.SelectMany(r => r.Municipalities).ToList();
                Assert.Equal(all.Count, all.Distinct().Count());
                foreach (var r in regions)
                {
                    foreach (var m in r.Municipalities)
                    {
                        var own = gelderland.Contains(m) ? Gelderland : Utrecht;
                        Assert.Equal(r.Id, Designations.InForce(own, date, acts)!.RegionOf[m]);
                    }
                }
            });
    }

    private static DesignationAct Act(ProvinceCode province, int version, int year, int month, params (MunicipalityCode Code, string Region)[] members) => new(
        province,
        version,
        new DateOnly(year, month, 1),
        "Omgevingsverordening art. 3.1",
        members.ToImmutableDictionary(m => m.Code, m => m.Region),
        members.Select(m => m.Region).Distinct().ToImmutableDictionary(r => r, r => "Regio " + r));
}
