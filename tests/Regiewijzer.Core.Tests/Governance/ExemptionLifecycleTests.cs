using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class ExemptionLifecycleTests
{
    [Theory]
    [InlineData(ExemptionStatus.Requested, ExemptionStatus.Requested, "al aangevraagd")]
    [InlineData(ExemptionStatus.Requested, ExemptionStatus.Granted, null)]
    [InlineData(ExemptionStatus.Requested, ExemptionStatus.Refused, null)]
    [InlineData(ExemptionStatus.Requested, ExemptionStatus.Withdrawn, null)]
    [InlineData(ExemptionStatus.Granted, ExemptionStatus.Requested, "is verleend en verandert niet meer")]
    [InlineData(ExemptionStatus.Granted, ExemptionStatus.Granted, "al verleend")]
    [InlineData(ExemptionStatus.Granted, ExemptionStatus.Refused, "is verleend en verandert niet meer")]
    [InlineData(ExemptionStatus.Granted, ExemptionStatus.Withdrawn, "is verleend en verandert niet meer")]
    [InlineData(ExemptionStatus.Refused, ExemptionStatus.Requested, "is geweigerd en verandert niet meer")]
    [InlineData(ExemptionStatus.Refused, ExemptionStatus.Granted, "is geweigerd en verandert niet meer")]
    [InlineData(ExemptionStatus.Refused, ExemptionStatus.Refused, "al geweigerd")]
    [InlineData(ExemptionStatus.Refused, ExemptionStatus.Withdrawn, "is geweigerd en verandert niet meer")]
    [InlineData(ExemptionStatus.Withdrawn, ExemptionStatus.Requested, "is ingetrokken en verandert niet meer")]
    [InlineData(ExemptionStatus.Withdrawn, ExemptionStatus.Granted, "is ingetrokken en verandert niet meer")]
    [InlineData(ExemptionStatus.Withdrawn, ExemptionStatus.Refused, "is ingetrokken en verandert niet meer")]
    [InlineData(ExemptionStatus.Withdrawn, ExemptionStatus.Withdrawn, "al ingetrokken")]
    public void Refusal_EveryTransition_IsAllowedOrRefusedWithAReason(ExemptionStatus from, ExemptionStatus to, string? refusal)
    {
        var actual = ExemptionLifecycle.Refusal(from, to);

        if (refusal is null)
        {
            Assert.Null(actual);
            Assert.True(ExemptionLifecycle.CanMove(from, to));
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(refusal, actual, StringComparison.Ordinal);
            Assert.False(ExemptionLifecycle.CanMove(from, to));
        }
    }

    [Fact]
    public void Refusal_UndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExemptionLifecycle.Refusal((ExemptionStatus)9, ExemptionStatus.Granted));
    }

    [Theory]
    [InlineData(ExemptionStatus.Requested, "aangevraagd", true)]
    [InlineData(ExemptionStatus.Granted, "verleend", false)]
    [InlineData(ExemptionStatus.Refused, "geweigerd", false)]
    [InlineData(ExemptionStatus.Withdrawn, "ingetrokken", false)]
    public void Dutch_EachStatus_RoundTripsAndOnlyRequestedIsOpen(ExemptionStatus status, string dutch, bool open)
    {
        Assert.Equal(dutch, status.Dutch());
        Assert.Equal(open, ExemptionLifecycle.IsOpen(status));
        Assert.True(ExemptionLifecycle.TryParse(dutch.ToUpperInvariant(), out ExemptionStatus parsed));
        Assert.Equal(status, parsed);
        Assert.True(ExemptionLifecycle.TryParse(status.ToString().ToLowerInvariant(), out ExemptionStatus english));
        Assert.Equal(status, english);
    }

    [Theory]
    [InlineData(ExemptionFloor.Social, "sociale huur", "3/10", LaggingSegment.Social)]
    [InlineData(ExemptionFloor.Middle, "middensegment", "2/5", LaggingSegment.Middle)]
    public void Dutch_EachFloor_HasItsLabelNormFloorAndSegment(ExemptionFloor floor, string dutch, string normFloor, LaggingSegment segment)
    {
        Assert.Equal(dutch, floor.Dutch());
        Assert.Equal(Fraction.Parse(normFloor), floor.NormFloor(NormSets.Default));
        Assert.Equal(segment, floor.Segment());
        Assert.True(ExemptionLifecycle.TryParse($" {dutch} ", out ExemptionFloor parsed));
        Assert.Equal(floor, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sociaal")]
    [InlineData("0")]
    public void TryParse_Other_ReturnsFalse(string text)
    {
        Assert.False(ExemptionLifecycle.TryParse(text, out ExemptionStatus _));
        Assert.False(ExemptionLifecycle.TryParse(text, out ExemptionFloor _));
    }
}
