using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Monitoring;

/// <summary>Classification of plan homes by rent or price at each limit of each price level year (domain.md §3).</summary>
public class PlanClassificationTests
{
    private const decimal Cent = 0.01m;

    /// <summary>Year, limit, tenure, segment at the limit, segment one cent above.</summary>
    public static TheoryData<int, decimal, Tenure, Segment, Segment> Boundaries => new()
    {
        { 2023, 808.06m, Tenure.Rent, Segment.SocialRent, Segment.MiddleRent },
        { 2023, 1000m, Tenure.Rent, Segment.MiddleRent, Segment.FreeRent },
        { 2023, 355_000m, Tenure.Ownership, Segment.AffordableOwnership, Segment.FreeOwnership },
        { 2024, 879.66m, Tenure.Rent, Segment.SocialRent, Segment.MiddleRent },
        { 2024, 1158m, Tenure.Rent, Segment.MiddleRent, Segment.FreeRent },
        { 2024, 390_000m, Tenure.Ownership, Segment.AffordableOwnership, Segment.FreeOwnership },
        { 2025, 900.07m, Tenure.Rent, Segment.SocialRent, Segment.MiddleRent },
        { 2025, 1184.82m, Tenure.Rent, Segment.MiddleRent, Segment.FreeRent },
        { 2025, 405_000m, Tenure.Ownership, Segment.AffordableOwnership, Segment.FreeOwnership },
        { 2026, 932.93m, Tenure.Rent, Segment.SocialRent, Segment.MiddleRent },
        { 2026, 1228.07m, Tenure.Rent, Segment.MiddleRent, Segment.FreeRent },
        { 2026, 420_000m, Tenure.Ownership, Segment.AffordableOwnership, Segment.FreeOwnership },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Classify_AtTheLimit_IsTheLowerSegmentAndOneCentAboveTheHigher(int year, decimal limit, Tenure tenure, Segment atLimit, Segment above)
    {
        Assert.Equal(SegmentHomes.Of(atLimit, 3), Valid(PlanClassification.Classify(year, tenure, limit, 3)));
        Assert.Equal(SegmentHomes.Of(atLimit, 1), Valid(PlanClassification.Classify(year, tenure, limit - Cent)));
        Assert.Equal(SegmentHomes.Of(above, 2), Valid(PlanClassification.Classify(year, tenure, limit + Cent, 2)));
    }

    [Fact]
    public void Classify_SameRentInDifferentYears_UsesThatYearsLimits()
    {
        // € 900 is middle rent in 2023 and 2024 but social rent from 2025 on.
        Assert.Equal(Segment.MiddleRent, Single(PlanClassification.Classify(2024, Tenure.Rent, 900m)));
        Assert.Equal(Segment.SocialRent, Single(PlanClassification.Classify(2025, Tenure.Rent, 900m)));
    }

    [Fact]
    public void Classify_SeveralGroups_AddsUpPerSegment()
    {
        var result = PlanClassification.Classify(2026, [
            new(Tenure.Rent, 700m, 30),
            new(Tenure.Rent, 1100m, 20),
            new(Tenure.Rent, 1500m, 5),
            new(Tenure.Ownership, 350_000m, 25),
            new(Tenure.Ownership, 600_000m, 20),
            new(Tenure.Rent, 932.93m, 1),
        ]);

        Assert.Equal(new SegmentHomes(31, 20, 25, 5, 20), Valid(result));
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2027)]
    [InlineData(0)]
    public void Classify_UnknownYear_IsAnErrorValueNotAnException(int year)
    {
        var result = PlanClassification.Classify(year, Tenure.Rent, 700m, 10);

        Assert.False(result.IsValid);
        Assert.Equal(SegmentHomes.Zero, result.Homes);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"prijspeil {year}", error, StringComparison.Ordinal);
        Assert.Contains("2023-2026", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NegativeAmountOrCount_ReportsEveryLine()
    {
        var result = PlanClassification.Classify(2026, [new(Tenure.Rent, -1m, 1), new(Tenure.Ownership, 1m, 1), new(Tenure.Ownership, 300_000m, -2)]);

        Assert.Equal(["Regel 1: huur € -1,00 is negatief.", "Regel 3: aantal -2 is negatief."], result.Errors);
    }

    private static SegmentHomes Valid(ClassificationResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Homes;
    }

    private static Segment Single(ClassificationResult result) =>
        Enum.GetValues<Segment>().Single(s => Valid(result)[s] > 0);
}
