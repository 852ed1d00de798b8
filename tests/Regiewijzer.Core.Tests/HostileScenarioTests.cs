using System.Globalization;
using System.Text;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>
/// Issue 11, finding 1: a scenario written to exhaust the service. A share of "0." and a million digits
/// took minutes to parse (big-number parsing is quadratic in the length); now every number, name and list
/// has a maximum and is refused before it is parsed, with a short Dutch error naming the JSON path.
/// </summary>
public class HostileScenarioTests
{
    private const string OneMunicipality = """{ "code": "GM0001", "stock": 10, "socialStock": 1, "task": 10 }""";

    private static string WithNorm(string share) =>
        $$"""{ "formatVersion": 1, "norms": { "socialShare": "{{share}}" }, "municipalities": [ {{OneMunicipality}} ] }""";

    [Fact]
    public void Read_ShareWithAMillionDecimals_IsRefusedWithAShortError()
    {
        var share = "0." + new string('3', 1_000_000);

        var read = ScenarioReader.Read(WithNorm(share));

        var error = Assert.Single(read.Errors);
        Assert.Equal("$.norms.socialShare", error.Path);
        Assert.Contains($"hooguit {Fraction.MaxLength} tekens", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message.Length.ToString(CultureInfo.InvariantCulture)); // the value is not echoed in full
    }

    [Fact]
    public void Read_FractionWithLongNumeratorAndDenominator_IsRefused()
    {
        var digits = new string('7', 100_000);

        var read = ScenarioReader.Read(WithNorm($"{digits}/{digits}8"));

        Assert.Equal("$.norms.socialShare", Assert.Single(read.Errors).Path);
    }

    [Fact]
    public void Read_ShareAtTheMaximumLength_IsRead()
    {
        var share = "0." + new string('3', Fraction.MaxLength - 2);

        var read = ScenarioReader.Read(WithNorm(share));

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(Fraction.Parse(share), read.Scenario!.Norms.SocialShare.Value);
    }

    [Theory]
    [InlineData(Fraction.MaxLength, true)]
    [InlineData(Fraction.MaxLength + 1, false)]
    public void TryParse_LengthAroundTheMaximum_ReadsUpToIt(int length, bool parses)
    {
        var text = "0." + new string('1', length - 2);

        Assert.Equal(parses, Fraction.TryParse(text, out _));
    }

    [Fact]
    public void Read_CountWithAHundredThousandDigits_IsTooLargeWithAShortError()
    {
        var json = $$"""{ "formatVersion": 1, "municipalities": [ { "code": "GM0001", "stock": {{new string('9', 100_000)}}, "socialStock": 1, "task": 10 } ] }""";

        var read = ScenarioReader.Read(json);

        var error = Assert.Single(read.Errors);
        Assert.Equal("$.municipalities[0].stock", error.Path);
        Assert.Contains("te groot", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_MoreMunicipalitiesThanTheMaximum_IsOneErrorWithoutReadingThem()
    {
        var list = string.Join(", ", Enumerable.Range(1, ScenarioReader.MaxMunicipalities + 1).Select(i =>
            $$"""{ "code": "GM{{i.ToString("D4", CultureInfo.InvariantCulture)}}", "stock": 10, "socialStock": 1, "task": 10 }"""));

        var read = ScenarioReader.Read($$"""{ "formatVersion": 1, "municipalities": [ {{list}} ] }""");

        var error = Assert.Single(read.Errors);
        Assert.Equal("$.municipalities", error.Path);
        Assert.Contains($"hooguit {ScenarioReader.MaxMunicipalities} gemeenten", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheMaximumNumberOfMunicipalities_IsRead()
    {
        var list = string.Join(", ", Enumerable.Range(1, ScenarioReader.MaxMunicipalities).Select(i =>
            $$"""{ "code": "GM{{i.ToString("D4", CultureInfo.InvariantCulture)}}", "stock": 10, "socialStock": 1, "task": 10 }"""));

        var read = ScenarioReader.Read($$"""{ "formatVersion": 1, "municipalities": [ {{list}} ] }""");

        Assert.True(read.IsValid, string.Join("; ", read.Errors.Take(3)));
        Assert.Equal(ScenarioReader.MaxMunicipalities, read.Scenario!.Region.Municipalities.Length);
    }

    [Fact]
    public void Read_TensOfThousandsOfUnknownFields_ReportsAtMostTheMaximumAndACount()
    {
        var json = new StringBuilder("""{ "formatVersion": 1, "municipalities": [ """).Append(OneMunicipality).Append(" ]");
        for (var i = 0; i < 20_000; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $", \"x{i}\": 1");
        }

        var read = ScenarioReader.Read(json.Append(" }").ToString());

        Assert.Equal(ScenarioReader.MaxErrors + 1, read.Errors.Length);
        Assert.Equal("$", read.Errors[^1].Path);
        Assert.Contains($"nog {20_000 - ScenarioReader.MaxErrors} fouten", read.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorsBeyondTheMaximumInOneMunicipality_StillRefuseIt()
    {
        // The errors beyond the maximum are not kept but still count: a municipality with stock 0 is never distributed.
        var unknown = string.Join(", ", Enumerable.Range(0, ScenarioReader.MaxErrors + 5).Select(i => $"\"x{i}\": 1"));
        var json = $$"""{ "formatVersion": 1, "municipalities": [ { {{unknown}}, "code": "GM0001", "stock": 0, "socialStock": 0, "task": 10 } ] }""";

        var read = ScenarioReader.Read(json);

        Assert.False(read.IsValid);
        Assert.Equal(ScenarioReader.MaxErrors + 1, read.Errors.Length);
    }

    [Fact]
    public void Read_NameLongerThanTheMaximum_IsRefused()
    {
        var json = $$"""{ "formatVersion": 1, "name": "{{new string('a', ScenarioReader.MaxNameLength + 1)}}", "municipalities": [ {{OneMunicipality}} ] }""";

        var read = ScenarioReader.Read(json);

        var error = Assert.Single(read.Errors);
        Assert.Equal("$.name", error.Path);
        Assert.Contains($"hooguit {ScenarioReader.MaxNameLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryScenarioFileOfTheRepository_StaysValid()
    {
        var folder = Path.GetDirectoryName(DistributionTests.FoodvalleyPath)!; // data/scenarios, copied to the test output
        var files = Directory.GetFiles(folder, "*.json");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var read = ScenarioReader.Read(File.ReadAllText(file));
            Assert.True(read.IsValid, $"{file}: {string.Join("; ", read.Errors)}");
        }
    }

    [Fact]
    public void Distribute_CancelledToken_StopsTheWork()
    {
        var region = DistributionTests.Foodvalley();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => Distribution.DistributeCancellable(region, NormSets.Default, cancelled.Token));
    }

    [Fact]
    public void Distribute_TokenNotCancelled_GivesTheSameResultAsWithout()
    {
        var region = DistributionTests.Foodvalley();
        using var live = new CancellationTokenSource();

        var with = Distribution.DistributeCancellable(region, NormSets.Default, live.Token);
        var without = Distribution.Distribute(region, NormSets.Default);

        Assert.Equal(ScenarioWriter.WriteResult(without), ScenarioWriter.WriteResult(with));
    }
}
