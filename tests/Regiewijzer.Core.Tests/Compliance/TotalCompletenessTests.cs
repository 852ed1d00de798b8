using System.Collections.Immutable;
using Regiewijzer.Core.Compliance;
using Xunit;

namespace Regiewijzer.Core.Tests.Compliance;

/// <summary>A partial sum is never judged as a whole: the one rule of pages, downloads and the CLI.</summary>
public class TotalCompletenessTests
{
    private static AggregateCheck Total(AggregateLevel level, string code, int requiredSocial, int social) =>
        new(level, code, code, Municipalities: 10, Regions: 2, Task: 1000, RequiredSocial: requiredSocial, RequiredAffordable: 667, Social: social, Middle: 400,
            Findings: ImmutableArray<Finding>.Empty);

    [Fact]
    public void MissingCounts_PerProvinceAndForTheNation()
    {
        var missing = TotalCompleteness.MissingCounts(["PV21", "PV21", "PV27", "PV21"]);

        Assert.Equal(3, missing["PV21"]);
        Assert.Equal(1, missing["PV27"]);
        Assert.Equal(4, missing[TotalCompleteness.Nation]);
        Assert.False(missing.ContainsKey("PV25"));
        Assert.Equal(0, TotalCompleteness.MissingCounts([])[TotalCompleteness.Nation]);
    }

    [Fact]
    public void MissingFrom_ReadsTheNationUnderNL_AndAProvinceUnderItsCode()
    {
        var missing = TotalCompleteness.MissingCounts(["PV21", "PV21"]);

        Assert.Equal(2, TotalCompleteness.MissingFrom(missing, Total(AggregateLevel.Nation, "NL", 300, 300)));
        Assert.Equal(2, TotalCompleteness.MissingFrom(missing, Total(AggregateLevel.Province, "PV21", 300, 300)));
        Assert.Equal(0, TotalCompleteness.MissingFrom(missing, Total(AggregateLevel.Province, "PV25", 300, 300)));
    }

    [Theory]
    [InlineData(300, 300, 0, "voldoet", "ja")]
    [InlineData(300, 299, 0, "tekort", "nee")]
    [InlineData(300, 300, 1, "niet te beoordelen", "niet te beoordelen (1 gemeente zonder bekende opgave tellen niet mee)")]
    [InlineData(300, 299, 21, "niet te beoordelen", "niet te beoordelen (21 gemeenten zonder bekende opgave tellen niet mee)")]
    [InlineData(300, 300, 1234, "niet te beoordelen", "niet te beoordelen (1.234 gemeenten zonder bekende opgave tellen niet mee)")]
    public void Verdict_OfAPartialSum_IsNeverVoldoet(int requiredSocial, int social, int missing, string verdict, string yesNo)
    {
        var total = Total(AggregateLevel.Province, "PV21", requiredSocial, social);

        Assert.Equal(verdict, TotalCompleteness.Verdict(total, missing));
        Assert.Equal(yesNo, TotalCompleteness.YesNo(total, missing));
    }

    [Fact]
    public void MissingText_IsNullForAWholeTotal()
    {
        Assert.Null(TotalCompleteness.MissingText(0));
        Assert.Equal("21 gemeenten zonder bekende opgave tellen niet mee", TotalCompleteness.MissingText(21));
    }
}
