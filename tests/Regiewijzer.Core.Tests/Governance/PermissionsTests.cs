using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

/// <summary>Who manages a region: an editor of a province of one of its members (Foodvalley lies in Gelderland PV25 and Utrecht PV26).</summary>
public class PermissionsTests
{
    private static readonly string[] Foodvalley = ["PV25", "PV25", "PV26"];

    private static Actor With(params (string Id, OrganisationKind Kind, AccountRole Role)[] grants) =>
        new("a", "Test", [.. grants.Select(g => new Grant(new OrganisationRef(g.Id, g.Kind, g.Kind == OrganisationKind.Province ? g.Id : null), g.Role))]);

    [Fact]
    public void RegionManager_IsTheFirstMemberProvinceTheActorEdits()
    {
        Assert.Equal("PV26", Permissions.RegionManager(With(("PV26", OrganisationKind.Province, AccountRole.Editor)), Foodvalley));
        Assert.Equal("PV25", Permissions.RegionManager(With(("PV26", OrganisationKind.Province, AccountRole.Administrator), ("PV25", OrganisationKind.Province, AccountRole.Editor)), Foodvalley));
        Assert.True(Permissions.CanManageRegion(With(("PV25", OrganisationKind.Province, AccountRole.Editor)), Foodvalley));
    }

    [Fact]
    public void RegionManager_NoneForViewersOtherProvincesMunicipalitiesTheRijkOrAnonymous()
    {
        foreach (var actor in new[]
        {
            With(("PV25", OrganisationKind.Province, AccountRole.Viewer)),
            With(("PV27", OrganisationKind.Province, AccountRole.Editor)),
            With(("GM0228", OrganisationKind.Municipality, AccountRole.Administrator)),
            With(("RIJK", OrganisationKind.Rijk, AccountRole.Editor)),
            Actor.Anonymous,
        })
        {
            Assert.Null(Permissions.RegionManager(actor, Foodvalley));
            Assert.False(Permissions.CanManageRegion(actor, Foodvalley));
        }
    }

    [Fact]
    public void PageQuestions_EditableMunicipalitiesIssuingAndAdministeredOrganisations()
    {
        var municipality = With(("GM0228", OrganisationKind.Municipality, AccountRole.Editor), ("GM0203", OrganisationKind.Municipality, AccountRole.Viewer));
        var province = With(("PV25", OrganisationKind.Province, AccountRole.Editor));
        var rijk = With(("RIJK", OrganisationKind.Rijk, AccountRole.Administrator));

        Assert.Equal(["GM0228"], Permissions.EditableMunicipalities(municipality));
        Assert.Empty(Permissions.EditableMunicipalities(province));
        Assert.False(Permissions.CanIssueInstructions(municipality));
        Assert.True(Permissions.CanIssueInstructions(province));
        Assert.True(Permissions.CanIssueInstructions(rijk)); // an administrator is also an editor
        Assert.False(Permissions.CanIssueInstructions(Actor.Anonymous));
        Assert.Equal(["RIJK"], Permissions.AdministeredOrganisations(rijk));
        Assert.Empty(Permissions.AdministeredOrganisations(province));
    }

    [Fact]
    public void CommandLine_IsNamedButMayNothing()
    {
        var cli = Actor.CommandLine("beheer");
        Assert.Equal(("cli:beheer", "opdrachtregel (beheer)"), (cli.Id, cli.Name));
        Assert.True(cli.IsOperator);
        Assert.False(cli.IsAuthenticated);
        Assert.False(Actor.Anonymous.IsOperator);
        Assert.False(Permissions.CanReadRestricted(cli));
        Assert.False(Permissions.CanEditMunicipality(cli, "GM0228"));
        Assert.Empty(Permissions.EditableMunicipalities(cli));
        Assert.False(Permissions.CanIssueInstructions(cli));
        Assert.False(Permissions.CanCorrectReferenceData(cli, "PV25"));
    }
}
