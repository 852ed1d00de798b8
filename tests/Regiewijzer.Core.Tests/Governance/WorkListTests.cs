using System.Collections.Immutable;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class WorkListTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly OrganisationRef Ede = new("GM0228", OrganisationKind.Municipality, "PV25");
    private static readonly OrganisationRef Wageningen = new("GM0289", OrganisationKind.Municipality, "PV25");
    private static readonly OrganisationRef Gelderland = new("PV25", OrganisationKind.Province, "PV25");
    private static readonly OrganisationRef Utrecht = new("PV26", OrganisationKind.Province, "PV26");

    private static ProposedVersion Version(DateOnly proposed, params (string Code, ResponseKind Kind)[] responses) => new(
        7, "WD19", "Regio Foodvalley", 2, proposed,
        [new("GM0228", "Ede"), new("GM0289", "Wageningen"), new("GM0339", "Renswoude")],
        responses.ToImmutableDictionary(r => r.Code, r => r.Kind),
        ["PV25", "PV26"]);

    private static OpenWork Open(
        ImmutableArray<ProposedVersion> proposed = default, ImmutableArray<PendingExemption> exemptions = default,
        ImmutableArray<IssuedInstruction> instructions = default, ImmutableArray<ProgrammeState> programmes = default) =>
        new(proposed.IsDefault ? [] : proposed, exemptions.IsDefault ? [] : exemptions, instructions.IsDefault ? [] : instructions,
            programmes.IsDefault ? [] : programmes, [], []);

    [Fact]
    public void Municipality_WaitsToRespond_UntilItResponded_WithTheResponsePeriod()
    {
        var open = Open(proposed: [Version(new DateOnly(2026, 12, 1), ("GM0289", ResponseKind.Accepted))]);

        var ede = Assert.Single(WorkList.For(Ede, open, Today));
        Assert.Equal(WorkKind.Respond, ede.Kind);
        Assert.Equal("Reageren op versie 2 van de afspraak voor Regio Foodvalley", ede.Title);
        Assert.Contains("1 van de 3 gemeenten reageerde", ede.Detail, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 12), ede.Due); // 42 days
        Assert.Equal(DueState.Open, ede.State);
        Assert.Equal("/afspraak/7", ede.Link);
        Assert.Same(GovernanceDeadlines.ResponsePeriod, ede.Basis);
        Assert.Empty(WorkList.For(Wageningen, open, Today)); // responded
    }

    [Theory]
    [InlineData(2026, 10, 25, DueState.Overdue)] // due 6 December: yesterday
    [InlineData(2026, 10, 26, DueState.Soon)] // due today
    [InlineData(2026, 11, 2, DueState.Soon)] // due in 7 days
    [InlineData(2026, 11, 3, DueState.Open)] // due in 8 days
    public void ResponseDeadline_IsMarked(int year, int month, int day, DueState expected)
    {
        var item = WorkList.For(Ede, Open(proposed: [Version(new DateOnly(year, month, day))]), Today).Single();

        Assert.Equal(new DateOnly(year, month, day).AddDays(42), item.Due);
        Assert.Equal(expected, item.State);
    }

    [Fact]
    public void Province_SeesVersionsOfItsRegions_WithObjections_AndNeverOverdue()
    {
        var open = Open(proposed: [Version(new DateOnly(2026, 9, 1), ("GM0228", ResponseKind.Objected), ("GM0289", ResponseKind.Accepted))]);

        foreach (var province in new[] { Gelderland, Utrecht })
        {
            var item = Assert.Single(WorkList.For(province, open, Today));
            Assert.Equal(WorkKind.Adopt, item.Kind);
            Assert.Equal("Versie 2 van de afspraak voor Regio Foodvalley vaststellen", item.Title);
            Assert.Equal("2 van de 3 gemeenten reageerden, bezwaar van Ede.", item.Detail);
            Assert.Equal(DueState.Open, item.State); // the response period binds the municipalities, not the province
        }

        Assert.Empty(WorkList.For(new OrganisationRef("PV27", OrganisationKind.Province, "PV27"), open, Today));
    }

    [Fact]
    public void Province_DecidesExemptionsOfItsOwnMunicipalities_WithinEightWeeks()
    {
        var open = Open(exemptions: [new PendingExemption(3, new("GM0228", "Gemeente Ede"), "PV25", ExemptionFloor.Social, new DateOnly(2026, 10, 1))]);

        var item = Assert.Single(WorkList.For(Gelderland, open, Today));
        Assert.Equal(WorkKind.DecideExemption, item.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), item.Due);
        Assert.Equal(DueState.Overdue, item.State);
        Assert.Empty(WorkList.For(Utrecht, open, Today));
        Assert.Empty(WorkList.For(Ede, open, Today));
    }

    [Fact]
    public void Instruction_WaitsForTheAddressee_AndTheIssuerAfterItsDeadline()
    {
        var late = new IssuedInstruction(4, new("PV25", "Provincie Gelderland"), new("GM0228", "Gemeente Ede"), "Plancapaciteit sociale huur", new DateOnly(2026, 12, 1));
        var running = late with { Id = 5, Deadline = new DateOnly(2027, 3, 1) };
        var open = Open(instructions: [late, running]);

        var ede = WorkList.For(Ede, open, Today);
        Assert.Equal([4, 5], ede.Select(i => int.Parse(i.Link["/instructie/".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([DueState.Overdue, DueState.Open], ede.Select(i => i.State));
        var province = Assert.Single(WorkList.For(Gelderland, open, Today));
        Assert.Equal(WorkKind.CheckInstruction, province.Kind);
        Assert.Equal("Termijn verstreken: instructie aan Gemeente Ede", province.Title);
    }

    [Fact]
    public void Programme_NotDeclared_IsDueOnTheDatedParameter_DeclaredWithFindings_IsShown()
    {
        var open = Open(programmes: [new ProgrammeState(new("GM0228", "Gemeente Ede"), "PV25", false, 0), new ProgrammeState(new("GM0289", "Gemeente Wageningen"), "PV25", true, 2)]);

        var ede = Assert.Single(WorkList.For(Ede, open, Today));
        Assert.Equal(WorkKind.AdoptProgramme, ede.Kind);
        Assert.Equal(GovernanceDeadlines.HousingProgrammeDue.Date, ede.Due);
        Assert.Equal(Confidence.Secondary, ede.Basis!.Confidence);
        var wageningen = Assert.Single(WorkList.For(Wageningen, open, Today));
        Assert.Equal("Volkshuisvestingsprogramma: 2 bevindingen tegenover de afspraak", wageningen.Title);

        // After the date, the province sees which of its municipalities have none.
        var after = WorkList.For(Gelderland, open, new DateOnly(2027, 7, 2));
        var late = Assert.Single(after);
        Assert.Equal("1 gemeente heeft geen volkshuisvestingsprogramma ingevoerd", late.Title);
        Assert.Empty(WorkList.For(Gelderland, open, Today));
    }

    [Fact]
    public void Items_AreOrdered_OverdueFirst_ThenByDeadline()
    {
        var open = Open(
            proposed: [Version(new DateOnly(2026, 12, 1))],
            instructions: [new IssuedInstruction(4, new("PV25", "Provincie Gelderland"), new("GM0228", "Gemeente Ede"), "Iets", new DateOnly(2026, 12, 1))],
            programmes: [new ProgrammeState(new("GM0228", "Gemeente Ede"), "PV25", false, 0)]);

        Assert.Equal([WorkKind.FollowInstruction, WorkKind.Respond, WorkKind.AdoptProgramme], WorkList.For(Ede, open, Today).Select(i => i.Kind));
    }

    [Fact]
    public void DeadlineParameters_AreLabelled_AndNoneClaimsVerified()
    {
        Assert.All(GovernanceDeadlines.All, d => Assert.NotEqual(Confidence.Verified, d.Confidence));
        Assert.All(GovernanceDeadlines.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Note)));
        Assert.Throws<ArgumentException>(() => new DeadlineParameter("x", "x", 10, new DateOnly(2027, 1, 1), "bron", Confidence.Assumption, "n"));
        Assert.Throws<ArgumentException>(() => new DeadlineParameter("x", "x", 10, null, "bron", Confidence.Verified, "n"));
        Assert.Equal("6 weken", GovernanceDeadlines.ResponsePeriod.PeriodText);
    }
}
