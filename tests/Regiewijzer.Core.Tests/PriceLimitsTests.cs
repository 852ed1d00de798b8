using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class PriceLimitsTests
{
    private const decimal Cent = 0.01m;

    /// <summary>domain.md section 3: year, social rent limit, middle rent limit, affordable purchase limit.</summary>
    private static readonly (int Year, decimal Social, decimal Middle, decimal Purchase)[] Table =
    [
        (2023, 808.06m, 1000m, 355_000m),
        (2024, 879.66m, 1158m, 390_000m),
        (2025, 900.07m, 1184.82m, 405_000m),
        (2026, 932.93m, 1228.07m, 420_000m),
    ];

    public static TheoryData<int, decimal, decimal, decimal> Limits
    {
        get
        {
            var data = new TheoryData<int, decimal, decimal, decimal>();
            foreach (var row in Table)
            {
                data.Add(row.Year, row.Social, row.Middle, row.Purchase);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void For_Year_HasTheLimitsOfTheDomainTable(int year, decimal social, decimal middle, decimal purchase)
    {
        var limits = PriceLimitTable.For(year);

        Assert.Equal(year, limits.Year);
        Assert.Equal(social, limits.SocialRentLimit);
        Assert.Equal(middle, limits.MiddleRentLimit);
        Assert.Equal(purchase, limits.AffordablePurchaseLimit);
    }

    public static TheoryData<int, decimal> SocialRentLimits => Column(l => l.Social);

    public static TheoryData<int, decimal> MiddleRentLimits => Column(l => l.Middle);

    public static TheoryData<int, decimal> PurchaseLimits => Column(l => l.Purchase);

    [Theory]
    [MemberData(nameof(SocialRentLimits))]
    public void ClassifyRent_AtSocialLimit_IsSocialAndOneCentAboveIsMiddle(int year, decimal social)
    {
        var limits = PriceLimitTable.For(year);

        Assert.Equal(Segment.SocialRent, limits.ClassifyRent(social - Cent));
        Assert.Equal(Segment.SocialRent, limits.ClassifyRent(social));
        Assert.Equal(Segment.MiddleRent, limits.ClassifyRent(social + Cent));
    }

    [Theory]
    [MemberData(nameof(MiddleRentLimits))]
    public void ClassifyRent_AtMiddleLimit_IsMiddleAndOneCentAboveIsFree(int year, decimal middle)
    {
        var limits = PriceLimitTable.For(year);

        Assert.Equal(Segment.MiddleRent, limits.ClassifyRent(middle - Cent));
        Assert.Equal(Segment.MiddleRent, limits.ClassifyRent(middle));
        Assert.Equal(Segment.FreeRent, limits.ClassifyRent(middle + Cent));
    }

    [Theory]
    [MemberData(nameof(PurchaseLimits))]
    public void ClassifyPurchase_AtLimit_IsAffordableAndOneCentAboveIsFree(int year, decimal purchase)
    {
        var limits = PriceLimitTable.For(year);

        Assert.Equal(Segment.AffordableOwnership, limits.ClassifyPurchase(purchase - Cent));
        Assert.Equal(Segment.AffordableOwnership, limits.ClassifyPurchase(purchase));
        Assert.Equal(Segment.FreeOwnership, limits.ClassifyPurchase(purchase + Cent));
    }

    [Fact]
    public void All_CoversEveryYearOfTheDomainTable()
    {
        Assert.Equal(Table.Select(r => r.Year), PriceLimitTable.All.Select(l => l.Year));
    }

    [Fact]
    public void ClassifyRent_Zero_IsSocial()
    {
        Assert.Equal(Segment.SocialRent, PriceLimitTable.For(2026).ClassifyRent(0m));
        Assert.Equal(Segment.AffordableOwnership, PriceLimitTable.For(2026).ClassifyPurchase(0m));
    }

    [Fact]
    public void Classify_Negative_Throws()
    {
        var limits = PriceLimitTable.For(2026);

        Assert.Throws<ArgumentOutOfRangeException>(() => limits.ClassifyRent(-Cent));
        Assert.Throws<ArgumentOutOfRangeException>(() => limits.ClassifyPurchase(-Cent));
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2027)]
    public void For_UnknownYear_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceLimitTable.For(year));
        Assert.False(PriceLimitTable.TryFor(year, out _));
    }

    [Fact]
    public void Segments_AffordableAndMiddle_GroupAsInTheDomain()
    {
        Assert.True(Segment.SocialRent.IsAffordable());
        Assert.True(Segment.MiddleRent.IsAffordable());
        Assert.True(Segment.AffordableOwnership.IsAffordable());
        Assert.False(Segment.FreeRent.IsAffordable());
        Assert.False(Segment.FreeOwnership.IsAffordable());
        Assert.False(Segment.SocialRent.IsMiddle());
        Assert.True(Segment.MiddleRent.IsMiddle());
        Assert.True(Segment.AffordableOwnership.IsMiddle());
    }

    private static TheoryData<int, decimal> Column(Func<(int Year, decimal Social, decimal Middle, decimal Purchase), decimal> select)
    {
        var data = new TheoryData<int, decimal>();
        foreach (var row in Table)
        {
            data.Add(row.Year, select(row));
        }

        return data;
    }
}
