using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class InstructionLifecycleTests
{
    [Theory]
    [InlineData(InstructionStatus.Concept, InstructionStatus.Concept, "al concept")]
    [InlineData(InstructionStatus.Concept, InstructionStatus.Issued, null)]
    [InlineData(InstructionStatus.Concept, InstructionStatus.Complied, "eerst geven")]
    [InlineData(InstructionStatus.Concept, InstructionStatus.Withdrawn, null)]
    [InlineData(InstructionStatus.Issued, InstructionStatus.Concept, "niet terug naar concept")]
    [InlineData(InstructionStatus.Issued, InstructionStatus.Issued, "al gegeven")]
    [InlineData(InstructionStatus.Issued, InstructionStatus.Complied, null)]
    [InlineData(InstructionStatus.Issued, InstructionStatus.Withdrawn, null)]
    [InlineData(InstructionStatus.Complied, InstructionStatus.Concept, "opgevolgd en daarmee afgesloten")]
    [InlineData(InstructionStatus.Complied, InstructionStatus.Issued, "opgevolgd en daarmee afgesloten")]
    [InlineData(InstructionStatus.Complied, InstructionStatus.Complied, "al opgevolgd")]
    [InlineData(InstructionStatus.Complied, InstructionStatus.Withdrawn, "opgevolgd en daarmee afgesloten")]
    [InlineData(InstructionStatus.Withdrawn, InstructionStatus.Concept, "ingetrokken en daarmee afgesloten")]
    [InlineData(InstructionStatus.Withdrawn, InstructionStatus.Issued, "ingetrokken en daarmee afgesloten")]
    [InlineData(InstructionStatus.Withdrawn, InstructionStatus.Complied, "ingetrokken en daarmee afgesloten")]
    [InlineData(InstructionStatus.Withdrawn, InstructionStatus.Withdrawn, "al ingetrokken")]
    public void Refusal_EveryTransition_IsAllowedOrRefusedWithAReason(InstructionStatus from, InstructionStatus to, string? refusal)
    {
        var actual = InstructionLifecycle.Refusal(from, to);

        if (refusal is null)
        {
            Assert.Null(actual);
            Assert.True(InstructionLifecycle.CanMove(from, to));
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(refusal, actual, StringComparison.Ordinal);
            Assert.False(InstructionLifecycle.CanMove(from, to));
        }
    }

    [Theory]
    [InlineData(InstructionStatus.Concept, "concept", true)]
    [InlineData(InstructionStatus.Issued, "gegeven", false)]
    [InlineData(InstructionStatus.Complied, "opgevolgd", false)]
    [InlineData(InstructionStatus.Withdrawn, "ingetrokken", false)]
    public void Dutch_EachStatus_RoundTripsAndOnlyConceptIsEditable(InstructionStatus status, string dutch, bool editable)
    {
        Assert.Equal(dutch, status.Dutch());
        Assert.Equal(editable, InstructionLifecycle.IsEditable(status));
        Assert.True(InstructionLifecycle.TryParse(dutch, out InstructionStatus parsed));
        Assert.Equal(status, parsed);
        Assert.True(InstructionLifecycle.TryParse(status.ToString().ToUpperInvariant(), out InstructionStatus english));
        Assert.Equal(status, english);
    }

    [Theory]
    [InlineData(OrganisationKind.Rijk, "Rijk")]
    [InlineData(OrganisationKind.Province, "provincie")]
    [InlineData(OrganisationKind.Municipality, "gemeente")]
    public void Dutch_EachOrganisationKind_RoundTrips(OrganisationKind kind, string dutch)
    {
        Assert.Equal(dutch, kind.Dutch());
        Assert.True(InstructionLifecycle.TryParse(dutch.ToLowerInvariant(), out OrganisationKind parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void Refusal_UndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InstructionLifecycle.Refusal(InstructionStatus.Issued, (InstructionStatus)(-1)));
    }
}
