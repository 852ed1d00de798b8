using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>The input rules of a distribution, without a database or a file: every problem with its field and Dutch reason.</summary>
public class InputRulesTests
{
    private static readonly NormSet Law = NormSets.Default;

    /// <summary>Stock 1.000 of which 100 social (10%: lagging in social rent), task 100, nothing contracted.</summary>
    private static MunicipalityInput Ede(
        int task = 100, int stock = 1000, int social = 100, SegmentCounts contracted = default, Exemption? exemption = null, Commitment? commitment = null) =>
        new(new MunicipalityCode("GM0228"), "Ede", task, stock, social, contracted, exemption, commitment);

    [Fact]
    public void Municipality_ValidInput_HasNoProblems()
    {
        Assert.Empty(InputRules.Municipality(Ede(), Law));
        Assert.Empty(InputRules.Municipality(Ede(task: 0), Law));
    }

    [Theory]
    [InlineData(1000, 100, "")]
    [InlineData(1000, 1000, "")]
    [InlineData(0, 0, "stock")]
    [InlineData(-5, 0, "stock socialStock")]
    [InlineData(100, 101, "socialStock")]
    [InlineData(0, 5, "stock socialStock")]
    [InlineData(null, 5, "")]
    [InlineData(100, null, "")]
    public void Stock_RuleTable(int? stock, int? social, string fields)
    {
        Assert.Equal(fields, string.Join(' ', InputRules.Stock(stock, social).Select(p => p.Field)));
    }

    [Fact]
    public void Stock_SocialAboveStock_SaysBoth()
    {
        var problem = Assert.Single(InputRules.Stock(100, 101));
        Assert.Equal("101 is groter dan de voorraad (100)", problem.Reason);
    }

    [Theory]
    [InlineData(100, 40, 40, 20, false)]
    [InlineData(100, 40, 40, 21, true)]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(0, 0, 0, 1, true)]
    public void Contracted_RuleTable(int task, int social, int middle, int free, bool problem)
    {
        Assert.Equal(problem, InputRules.Contracted(task, new SegmentCounts(social, middle, free)) is not null);
    }

    [Fact]
    public void Contracted_AboveTask_CountsAllSegments()
    {
        var problem = InputRules.Contracted(100, new SegmentCounts(40, 40, 21));
        Assert.Equal(new FieldProblem("contracted", "gecontracteerd (101) is meer dan de opgave (100)"), problem);
        Assert.Null(InputRules.Contracted(null, new SegmentCounts(40, 40, 21)));
    }

    [Theory]
    [InlineData("1/5", true)]
    [InlineData("3/10", true)]
    [InlineData("0", true)]
    [InlineData("31/100", false)]
    [InlineData("1", false)]
    public void LowersFloor_AtMostTheLaw(string exempted, bool allowed)
    {
        Assert.Equal(allowed, InputRules.LowersFloor(Fraction.Parse(exempted), Law.SocialFloor.Value));
    }

    [Fact]
    public void ExemptedFloors_BothAboveTheLaw_TwoProblems()
    {
        var problems = InputRules.ExemptedFloors(new Exemption(new Fraction(1, 2), new Fraction(1, 2)), Law);
        Assert.Equal(["exemption.socialFloor", "exemption.middleFloor"], problems.Select(p => p.Field));
        Assert.Equal($"1/2 is hoger dan de ondergrens {Law.SocialFloor.Value}: een ontheffing verlaagt de ondergrens", problems[0].Reason);
        Assert.Empty(InputRules.ExemptedFloors(new Exemption(Law.SocialFloor.Value, null), Law));
        Assert.Empty(InputRules.ExemptedFloors(null, Law));
    }

    [Fact]
    public void Floors_CommitmentAboveCapacity_IsAProblemOfTheWholeMunicipality()
    {
        // Social floor 30% of 100 = 30, plus a middle commitment of 80: 110 in a capacity of 100.
        var problem = InputRules.Floors(Ede(commitment: new Commitment(null, 80)), Law);
        Assert.NotNull(problem);
        Assert.Equal(string.Empty, problem.Field);
        Assert.Equal(
            "ondergrens sociaal (30) + ondergrens midden (80) is meer dan de opgave min gecontracteerde vrije sector (100); verlaag de toezegging of het gecontracteerde aantal",
            problem.Reason);
        Assert.Null(InputRules.Floors(Ede(commitment: new Commitment(null, 70)), Law));
    }

    [Fact]
    public void Municipality_SeveralProblems_AllAtOnce_FloorsOnlyWhenTheRestHolds()
    {
        var input = Ede(task: 10, stock: 100, social: 101, contracted: new SegmentCounts(0, 0, 11), exemption: new Exemption(Fraction.One, null), commitment: new Commitment(500, null));
        var problems = InputRules.Municipality(input, Law);
        Assert.Equal(["socialStock", "contracted", "exemption.socialFloor"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Region_ProvincesOfSomeOnly_IsAProblem()
    {
        MunicipalityInput[] some = [Ede() with { Province = new ProvinceCode("PV25") }, Ede() with { Code = new MunicipalityCode("GM0203") }];
        var problem = Assert.Single(InputRules.Region(some));
        Assert.Equal(new FieldProblem("municipalities", "1 van de 2 gemeenten hebben een 'province': geef die bij elke gemeente of bij geen enkele"), problem);
        Assert.Empty(InputRules.Region([.. some.Select(m => m with { Province = null })]));
        Assert.Empty(InputRules.Region([.. some.Select(m => m with { Province = new ProvinceCode("PV25") })]));
    }

    [Fact]
    public void Region_TasksAboveIntMax_IsAProblem()
    {
        MunicipalityInput[] large = [Ede(task: int.MaxValue, stock: int.MaxValue), Ede(task: 1) with { Code = new MunicipalityCode("GM0203") }];
        Assert.Equal(["municipalities"], InputRules.Region(large).Select(p => p.Field));
    }

    /// <summary>The scenario reader reports the same problems at their JSON path: one rule, two inputs.</summary>
    [Fact]
    public void ScenarioReader_ReportsTheSameProblems_AtTheirPath()
    {
        const string json = """
            {"formatVersion": 1, "municipalities": [
              {"code": "GM0228", "name": "Ede", "stock": 100, "socialStock": 101, "task": 10, "contracted": {"free": 11}, "exemption": {"socialFloor": "1"}}
            ]}
            """;
        var read = ScenarioReader.Read(json);
        var input = Ede(task: 10, stock: 100, social: 101, contracted: new SegmentCounts(0, 0, 11), exemption: new Exemption(Fraction.One, null));
        Assert.Equal(
            InputRules.Municipality(input, Law).Select(p => new ScenarioError("$.municipalities[0]." + p.Field, p.Reason)),
            read.Errors);
    }
}
