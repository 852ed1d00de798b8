using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class AgreementLifecycleTests
{
    [Theory]
    [InlineData(AgreementStatus.Concept, AgreementStatus.Concept, "al concept")]
    [InlineData(AgreementStatus.Concept, AgreementStatus.Proposed, null)]
    [InlineData(AgreementStatus.Concept, AgreementStatus.Adopted, "eerst voorleggen")]
    [InlineData(AgreementStatus.Proposed, AgreementStatus.Concept, null)]
    [InlineData(AgreementStatus.Proposed, AgreementStatus.Proposed, "al voorgesteld")]
    [InlineData(AgreementStatus.Proposed, AgreementStatus.Adopted, null)]
    [InlineData(AgreementStatus.Adopted, AgreementStatus.Concept, "onveranderlijk; maak een nieuwe versie")]
    [InlineData(AgreementStatus.Adopted, AgreementStatus.Proposed, "onveranderlijk; maak een nieuwe versie")]
    [InlineData(AgreementStatus.Adopted, AgreementStatus.Adopted, "onveranderlijk; maak een nieuwe versie")]
    public void Refusal_EveryTransition_IsAllowedOrRefusedWithAReason(AgreementStatus from, AgreementStatus to, string? refusal)
    {
        var actual = AgreementLifecycle.Refusal(from, to);

        if (refusal is null)
        {
            Assert.Null(actual);
            Assert.True(AgreementLifecycle.CanMove(from, to));
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(refusal, actual, StringComparison.Ordinal);
            Assert.False(AgreementLifecycle.CanMove(from, to));
        }
    }

    [Fact]
    public void Refusal_TableAbove_CoversEveryPair()
    {
        var pairs = Enum.GetValues<AgreementStatus>().SelectMany(f => Enum.GetValues<AgreementStatus>().Select(t => (f, t)));
        Assert.Equal(3, pairs.Count(p => AgreementLifecycle.CanMove(p.f, p.t)));
    }

    [Fact]
    public void Refusal_UndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgreementLifecycle.Refusal((AgreementStatus)7, AgreementStatus.Concept));
        Assert.Throws<ArgumentOutOfRangeException>(() => AgreementLifecycle.Refusal(AgreementStatus.Concept, (AgreementStatus)7));
    }

    [Theory]
    [InlineData(AgreementStatus.Concept, true, false, "concept")]
    [InlineData(AgreementStatus.Proposed, false, true, "voorgesteld")]
    [InlineData(AgreementStatus.Adopted, false, false, "vastgesteld")]
    public void IsEditable_EachStatus_OnlyConceptEditsOnlyProposedTakesResponses(AgreementStatus status, bool editable, bool responses, string dutch)
    {
        Assert.Equal(editable, AgreementLifecycle.IsEditable(status));
        Assert.Equal(responses, AgreementLifecycle.AcceptsResponses(status));
        Assert.Equal(dutch, status.Dutch());
    }

    [Theory]
    [InlineData("concept", AgreementStatus.Concept)]
    [InlineData("Voorgesteld", AgreementStatus.Proposed)]
    [InlineData(" VASTGESTELD ", AgreementStatus.Adopted)]
    [InlineData("Concept", AgreementStatus.Concept)]
    [InlineData("proposed", AgreementStatus.Proposed)]
    [InlineData("ADOPTED", AgreementStatus.Adopted)]
    public void TryParse_DutchOrEnglishAnyCase_Parses(string text, AgreementStatus expected)
    {
        Assert.True(AgreementLifecycle.TryParse(text, out AgreementStatus status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("vastgesteld!")]
    [InlineData("akkoord")]
    public void TryParse_Other_ReturnsFalse(string? text)
    {
        Assert.False(AgreementLifecycle.TryParse(text, out AgreementStatus _));
    }

    [Theory]
    [InlineData(ResponseKind.Accepted, "akkoord")]
    [InlineData(ResponseKind.Objected, "bezwaar")]
    public void Dutch_ResponseKind_RoundTrips(ResponseKind kind, string dutch)
    {
        Assert.Equal(dutch, kind.Dutch());
        Assert.True(AgreementLifecycle.TryParse(dutch.ToUpperInvariant(), out ResponseKind parsed));
        Assert.Equal(kind, parsed);
        Assert.True(AgreementLifecycle.TryParse(kind.ToString(), out ResponseKind english));
        Assert.Equal(kind, english);
    }
}
