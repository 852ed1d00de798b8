using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Monitoring;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>The one parser of key names (scenario file, stored region, what-if form, API parameter) and the plan's contract-date rule.</summary>
public class DistributionKeysTests
{
    [Theory]
    [InlineData("proportional", false, DistributionKey.Proportional)]
    [InlineData("lagging-first", false, DistributionKey.LaggingFirst)]
    [InlineData("gap-weighted", false, DistributionKey.GapWeighted)]
    [InlineData(" Lagging-First ", true, DistributionKey.LaggingFirst)]
    [InlineData("achterblijvers-eerst", true, DistributionKey.LaggingFirst)]
    [InlineData("NAAR-ACHTERSTAND", true, DistributionKey.GapWeighted)]
    [InlineData("proportioneel", true, DistributionKey.Proportional)]
    public void TryParse_KnownName(string text, bool lenient, DistributionKey expected)
    {
        Assert.True(DistributionKeys.TryParse(text, out var key, lenient));
        Assert.Equal(expected, key);
        Assert.True(DistributionKeys.TryParse(DistributionKeys.Name(key), out var again));
        Assert.Equal(key, again);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("Proportional", false)]
    [InlineData("proportioneel", false)]
    [InlineData("achterblijvers eerst", true)]
    public void TryParse_Unknown(string? text, bool lenient) => Assert.False(DistributionKeys.TryParse(text, out _, lenient));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    public void Plan_ContractDateAllowed(bool contracted, bool hasDate, bool allowed) => Assert.Equal(allowed, Plan.ContractDateAllowed(contracted, hasDate));
}
