using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class HousingProgrammeCheckTests
{
    /// <summary>Ede in the worked example of domain.md §5: 7.000 homes, 2.724 social, 1.734 middle, 2.542 free.</summary>
    private static readonly AgreedShare Ede = new(new MunicipalityCode("GM0228"), "Ede", 7000, 2724, 1734, 2542);

    private static HousingProgrammeYear[] EveryYear(int social, int middleRent, int ownership, int free) =>
        [.. Enumerable.Range(2022, 9).Select(y => new HousingProgrammeYear(y, social, middleRent, ownership, free, 0))];

    [Fact]
    public void Check_EnoughInEveryGroup_HasNoFindings()
    {
        var years = EveryYear(303, 100, 93, 283); // 2.727 social, 1.737 middle, 2.547 free: 7.011 in total

        var report = HousingProgrammeCheck.Evaluate(Ede, 2022, 2030, years);

        Assert.Empty(report.Findings);
        Assert.True(report.Meets);
        Assert.Equal(
            [(HousingProgrammeGroup.SocialRent, 2727, 2724), (HousingProgrammeGroup.Middle, 1737, 1734), (HousingProgrammeGroup.Affordable, 4464, 4458), (HousingProgrammeGroup.Total, 7011, 7000)],
            report.Groups.Select(g => (g.Group, g.Declared, g.Agreed)));
        Assert.Empty(report.MissingYears);
    }

    [Fact]
    public void Check_SocialBelowButMiddleAbove_ReportsSocialAndOnlyWhatReallyFallsShort()
    {
        var years = EveryYear(250, 150, 50, 300); // social 2.250, middle 1.800, affordable 4.050, total 6.750

        var findings = HousingProgrammeCheck.Check(Ede, 2022, 2030, years);

        Assert.Equal([474, 408, 250], findings.Select(f => f.Shortfall!.Value));
        Assert.All(findings, f =>
        {
            Assert.Equal(FindingCode.VhpBelowAgreement, f.Code);
            Assert.Equal("VHP_BELOW_AGREEMENT", f.CodeText);
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal(Ede.Code, f.Municipality);
            Assert.Contains("volkshuisvestingsprogramma", f.LegalBasis, StringComparison.Ordinal);
        });
        Assert.Equal(
            "Het volkshuisvestingsprogramma van Ede noemt voor 2022-2030 2.250 sociale huurwoningen, afgesproken zijn 2.724: 474 te weinig.",
            findings[0].Message);
        Assert.Contains("2.250", findings[0].Rule + findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("sociale huur", findings[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingYears_WarnsWithTheYears()
    {
        var years = EveryYear(400, 200, 100, 300).Where(y => y.Year is not (2029 or 2030)).ToArray();

        var report = HousingProgrammeCheck.Evaluate(Ede, 2022, 2030, years);

        Assert.Equal([2029, 2030], report.MissingYears);
        var warning = Assert.Single(report.Findings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Null(warning.Shortfall);
        Assert.Contains("jaren zonder cijfers: 2029, 2030", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoNumbersAtAll_ReportsEveryGroupAndEveryYear()
    {
        var findings = HousingProgrammeCheck.Check(Ede, 2027, 2028, []);

        Assert.Equal([Severity.Error, Severity.Error, Severity.Error, Severity.Error, Severity.Warning], findings.Select(f => f.Severity));
        Assert.Equal([2724, 1734, 4458, 7000], findings.Take(4).Select(f => f.Shortfall!.Value));
        Assert.EndsWith("jaren zonder cijfers: 2027, 2028.", findings[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_YearsOutsideThePeriod_AreIgnored()
    {
        HousingProgrammeYear[] years = [new(2021, 10_000, 10_000, 0, 10_000, 0), new(2022, 2724, 1734, 0, 2542, 0), new(2031, 0, 0, 0, 0, 0)];

        Assert.Empty(HousingProgrammeCheck.Check(Ede, 2022, 2022, years));
    }

    [Fact]
    public void Check_DeclaringMoreEverywhere_IsNeverAFinding()
    {
        var years = EveryYear(10_000, 10_000, 10_000, 10_000);

        Assert.Empty(HousingProgrammeCheck.Check(Ede, 2022, 2030, years));
    }

    [Fact]
    public void Check_DuplicateYearOrReversedPeriod_Throws()
    {
        HousingProgrammeYear[] twice = [new(2022, 1, 1, 1, 1, 1), new(2022, 1, 1, 1, 1, 1)];

        Assert.Throws<ArgumentException>(() => HousingProgrammeCheck.Check(Ede, 2022, 2030, twice));
        Assert.Throws<ArgumentOutOfRangeException>(() => HousingProgrammeCheck.Check(Ede, 2030, 2022, []));
    }

    [Fact]
    public void HousingProgrammeYear_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HousingProgrammeYear(2022, 0, -1, 0, 0, 0));
    }

    [Theory]
    [InlineData(HousingProgrammeGroup.SocialRent, "sociale huur")]
    [InlineData(HousingProgrammeGroup.Middle, "middensegment")]
    [InlineData(HousingProgrammeGroup.Affordable, "betaalbaar")]
    [InlineData(HousingProgrammeGroup.Total, "totaal")]
    public void Dutch_EachGroup_HasItsLabel(HousingProgrammeGroup group, string dutch)
    {
        Assert.Equal(dutch, group.Dutch());
    }

    [Fact]
    public void ToCodeText_EveryFindingCode_IsUniqueAndVhpIsLast()
    {
        var codes = Enum.GetValues<FindingCode>();

        Assert.Equal(codes.Length, codes.Select(c => c.ToCodeText()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FindingCode.VhpBelowAgreement, codes[^1]);
        Assert.Equal("VHP_BELOW_AGREEMENT", FindingCode.VhpBelowAgreement.ToCodeText());
    }
}
