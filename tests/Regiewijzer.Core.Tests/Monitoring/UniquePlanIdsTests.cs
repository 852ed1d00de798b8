using CsCheck;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>
/// The ids of a forecast's plans kept beside its run totals: checked once, then kept unique after each change without
/// reading every plan again, and handed on rather than shared.
/// </summary>
public sealed class UniquePlanIdsTests
{
    private static Plan Plan(string id) => new(id, ForecastGen.Code, id, PlanningStatus.Idea, 2026, [new PlanDelivery(2027, new SegmentHomes(1, 0, 0, 0, 0))]);

    [Fact]
    public void Of_AnIdTwice_IsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => UniquePlanIds.Of([Plan("a"), Plan("b"), Plan("a")]));
        Assert.Contains("'a' occurs twice", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, UniquePlanIds.Of([Plan("a"), Plan("b")]).Count);
    }

    [Fact]
    public void Replace_AnyChanges_GivesTheIdsOfThePlansAfterThem()
    {
        // Random plans, a random part of them removed and new ones added: the result knows exactly the ids that
        // UniquePlanIds.Of of the plans after the change would, and refuses an id it already holds.
        Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], Gen.Int[0, 10]).Sample(
            (count, removeEvery, addCount) =>
            {
                var before = Enumerable.Range(0, count).Select(i => Plan($"p{i}")).ToList();
                var removed = before.Where((_, i) => removeEvery > 0 && i % removeEvery == 0).ToList();
                var added = Enumerable.Range(0, addCount).Select(i => Plan($"nieuw{i}")).ToList();
                var after = before.Except(removed).Concat(added).ToList();

                var ids = UniquePlanIds.Of(before).Replace(removed, added);

                Assert.Equal(after.Count, ids.Count);
                Assert.All(after, p => Assert.True(ids.Contains(p.Id)));
                Assert.All(removed, p => Assert.False(ids.Contains(p.Id)));
                if (after.Count > 0)
                {
                    Assert.Throws<ArgumentException>(() => ids.Replace([], [after[^1]])); // an id it holds is not added twice
                }
            },
            iter: 200);
    }

    [Fact]
    public void Replace_ARemovedIdNotHeld_OrAnAddedIdHeld_IsRefused()
    {
        var notHeld = Assert.Throws<ArgumentException>(() => UniquePlanIds.Of([Plan("a")]).Replace([Plan("b")], []));
        Assert.Equal("removed", notHeld.ParamName);
        var twice = Assert.Throws<ArgumentException>(() => UniquePlanIds.Of([Plan("a"), Plan("b")]).Replace([Plan("a")], [Plan("b")]));
        Assert.Equal("added", twice.ParamName);
        Assert.Equal(2, UniquePlanIds.Of([Plan("a"), Plan("b")]).Replace([Plan("a")], [Plan("a")]).Count); // a changed plan keeps its id
    }

    [Fact]
    public void Replace_HandsTheIdsOn_TheOldObjectCannotBeUsedAgain()
    {
        var ids = UniquePlanIds.Of([Plan("a")]);
        var next = ids.Replace([], [Plan("b")]);

        Assert.Equal(2, next.Count);
        Assert.Throws<InvalidOperationException>(() => ids.Count);
        Assert.Throws<InvalidOperationException>(() => ids.Replace([], []));

        // Also a refused change uses the ids up: they may have been changed halfway.
        Assert.Throws<ArgumentException>(() => next.Replace([Plan("x")], []));
        Assert.Throws<InvalidOperationException>(() => next.Count);
    }
}
