using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class InstructionRulesTests
{
    private const string Subject = "Sociale huur Ede";
    private const string Content = "Neem binnen zes maanden 2.724 sociale huurwoningen op in het volkshuisvestingsprogramma.";
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void LegalBasis_ProvinceAndRijk_NameTheirArticle()
    {
        Assert.Equal("Omgevingswet art. 2.33 (instructiebesluit provincie)", InstructionRules.LegalBasis(OrganisationKind.Province));
        Assert.Equal("Omgevingswet art. 2.34 (instructiebesluit Rijk)", InstructionRules.LegalBasis(OrganisationKind.Rijk));
    }

    [Fact]
    public void LegalBasis_Municipality_Throws()
    {
        Assert.Throws<ArgumentException>(() => InstructionRules.LegalBasis(OrganisationKind.Municipality));
    }

    [Theory]
    [InlineData(OrganisationKind.Rijk, OrganisationKind.Rijk, false)]
    [InlineData(OrganisationKind.Rijk, OrganisationKind.Province, true)]
    [InlineData(OrganisationKind.Rijk, OrganisationKind.Municipality, true)]
    [InlineData(OrganisationKind.Province, OrganisationKind.Rijk, false)]
    [InlineData(OrganisationKind.Province, OrganisationKind.Province, false)]
    [InlineData(OrganisationKind.Province, OrganisationKind.Municipality, true)]
    [InlineData(OrganisationKind.Municipality, OrganisationKind.Rijk, false)]
    [InlineData(OrganisationKind.Municipality, OrganisationKind.Province, false)]
    [InlineData(OrganisationKind.Municipality, OrganisationKind.Municipality, false)]
    public void Check_IssuerAndAddressee_FollowTheOmgevingswet(OrganisationKind issuer, OrganisationKind addressee, bool valid)
    {
        var problems = InstructionRules.Check(issuer, addressee, Subject, Content, Today.AddDays(30), Today);

        Assert.Equal(valid, InstructionRules.MayInstruct(issuer, addressee));
        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void Check_ProvinceToProvince_SaysWhy()
    {
        var problem = Assert.Single(InstructionRules.Check(OrganisationKind.Province, OrganisationKind.Province, Subject, Content, Today.AddDays(1), Today));

        Assert.Equal("Een provincie geeft alleen instructies aan gemeenten (Omgevingswet art. 2.33), niet aan een provincie.", problem);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Check_SubjectLength_From5To200(int length, bool valid)
    {
        var problems = InstructionRules.Check(OrganisationKind.Province, OrganisationKind.Municipality, new string('o', length), Content, Today.AddDays(1), Today);

        Assert.Equal(valid, problems.Count == 0);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(8000, true)]
    [InlineData(8001, false)]
    public void Check_ContentLength_From20To8000(int length, bool valid)
    {
        var problems = InstructionRules.Check(OrganisationKind.Rijk, OrganisationKind.Province, Subject, new string('i', length), Today.AddDays(1), Today);

        Assert.Equal(valid, problems.Count == 0);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Check_Deadline_MustLieAfterToday(int days, bool valid)
    {
        var problems = InstructionRules.Check(OrganisationKind.Rijk, OrganisationKind.Municipality, Subject, Content, Today.AddDays(days), Today);

        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Contains("na vandaag (24-11-2026)", problems[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_EverythingWrong_ListsEveryProblem()
    {
        var problems = InstructionRules.Check(OrganisationKind.Municipality, OrganisationKind.Municipality, null, " ", Today, Today);

        Assert.Equal(4, problems.Count);
        Assert.Equal("Een gemeente kan geen instructie geven.", problems[0]);
    }
}
