using System.Text.Json;
using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The CLI on scenario files (no database): verdeel and toets with valid and invalid files.</summary>
public sealed class CliScenarioFileTests : IDisposable
{
    private const string Valid = """
        {
          "formatVersion": 1,
          "name": "Test",
          "norms": { "socialShare": "3/10" },
          "municipalities": [
            { "code": "GM0203", "name": "Barneveld", "stock": 24148, "socialStock": 4588, "task": 5380 },
            { "code": "GM0228", "name": "Ede", "stock": 52436, "socialStock": 11012, "task": 7000 }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("regiewijzer-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A case name, a change to the valid scenario (old text, new text) and the JSON path the error must name.</summary>
    public static TheoryData<string, string, string, string> InvalidScenarios => new()
    {
        { "formatVersion missing", "\"formatVersion\": 1,", "", "$.formatVersion" },
        { "formatVersion 3", "\"formatVersion\": 1", "\"formatVersion\": 3", "$.formatVersion" },
        { "municipalities missing", ",\n  \"municipalities\": [", ",\n  \"gemeenten\": [", "$.municipalities" },
        { "municipalities empty", "\"municipalities\": [", "\"municipalities\": [], \"x\": [", "$.municipalities" },
        { "code missing", "\"code\": \"GM0203\", ", "", "$.municipalities[0].code" },
        { "stock missing", "\"stock\": 24148, ", "", "$.municipalities[0].stock" },
        { "socialStock missing", "\"socialStock\": 4588, ", "", "$.municipalities[0].socialStock" },
        { "task missing", ", \"task\": 7000", "", "$.municipalities[1].task" },
        { "unknown top-level field", "\"name\": \"Test\",", "\"name\": \"Test\", \"colour\": \"red\",", "$.colour" },
        { "unknown municipality field", "\"task\": 7000", "\"task\": 7000, \"population\": 118000", "$.municipalities[1].population" },
        { "unknown norm", "\"socialShare\": \"3/10\"", "\"socialShare\": \"3/10\", \"greenShare\": \"1/2\"", "$.norms.greenShare" },
        { "duplicate field", "\"task\": 7000", "\"task\": 7000, \"task\": 7000", "$.municipalities[1].task" },
        { "code too short", "\"GM0203\"", "\"GM12\"", "$.municipalities[0].code" },
        { "code lower case", "\"GM0203\"", "\"gm0203\"", "$.municipalities[0].code" },
        { "code wrong prefix", "\"GM0203\"", "\"XX0203\"", "$.municipalities[0].code" },
        { "code as number", "\"GM0203\"", "203", "$.municipalities[0].code" },
        { "duplicate code", "\"GM0228\"", "\"GM0203\"", "$.municipalities[1].code" },
        { "negative stock", "\"stock\": 24148", "\"stock\": -24148", "$.municipalities[0].stock" },
        { "negative social stock", "\"socialStock\": 4588", "\"socialStock\": -1", "$.municipalities[0].socialStock" },
        { "negative task", "\"task\": 5380", "\"task\": -5380", "$.municipalities[0].task" },
        { "negative contracted", "\"task\": 5380", "\"task\": 5380, \"contracted\": { \"free\": -1 }", "$.municipalities[0].contracted.free" },
        { "negative commitment", "\"task\": 5380", "\"task\": 5380, \"commitment\": { \"social\": -1 }", "$.municipalities[0].commitment.social" },
        { "count as string", "\"task\": 5380", "\"task\": \"5380\"", "$.municipalities[0].task" },
        { "count as 5380.0", "\"task\": 5380", "\"task\": 5380.0", "$.municipalities[0].task" },
        { "count with exponent", "\"task\": 5380", "\"task\": 5.38e3", "$.municipalities[0].task" },
        { "count too large", "\"task\": 5380", "\"task\": 99999999999", "$.municipalities[0].task" },
        { "zero stock", "\"stock\": 24148, \"socialStock\": 4588", "\"stock\": 0, \"socialStock\": 0", "$.municipalities[0].stock" },
        { "social stock above stock", "\"socialStock\": 4588", "\"socialStock\": 24149", "$.municipalities[0].socialStock" },
        { "contracted above task", "\"task\": 5380", "\"task\": 5380, \"contracted\": { \"social\": 2000, \"middle\": 2000, \"free\": 1381 }", "$.municipalities[0].contracted" },
        { "social exemption above floor", "\"task\": 5380", "\"task\": 5380, \"exemption\": { \"socialFloor\": \"2/5\" }", "$.municipalities[0].exemption.socialFloor" },
        { "middle exemption above floor", "\"task\": 5380", "\"task\": 5380, \"exemption\": { \"middleFloor\": \"0.5\" }", "$.municipalities[0].exemption.middleFloor" },
        { "exemption with decimal comma", "\"task\": 5380", "\"task\": 5380, \"exemption\": { \"socialFloor\": \"0,2\" }", "$.municipalities[0].exemption.socialFloor" },
        { "share with decimal comma", "\"3/10\"", "\"0,3\"", "$.norms.socialShare" },
        { "share as number", "\"3/10\"", "0.3", "$.norms.socialShare" },
        { "share above one", "\"3/10\"", "\"3/2\"", "$.norms.socialShare" },
        { "share with zero denominator", "\"3/10\"", "\"1/0\"", "$.norms.socialShare" },
        { "floors above capacity", "\"task\": 5380", "\"task\": 5380, \"commitment\": { \"middle\": 3767 }", "$.municipalities[0]" },
        { "unknown key", "\"name\": \"Test\",", "\"name\": \"Test\", \"key\": \"random\",", "$.key" },
        { "period reversed", "\"name\": \"Test\",", "\"name\": \"Test\", \"period\": { \"from\": 2030, \"to\": 2022 },", "$.period" },
        { "period field missing", "\"name\": \"Test\",", "\"name\": \"Test\", \"period\": { \"from\": 2030 },", "$.period.to" },
        { "municipality not an object", "{ \"code\": \"GM0228\", \"name\": \"Ede\", \"stock\": 52436, \"socialStock\": 11012, \"task\": 7000 }", "42", "$.municipalities[1]" },
        { "lagging threshold of one", "\"socialShare\": \"3/10\"", "\"socialShare\": \"3/10\", \"laggingThreshold\": \"1\"", "$.norms.laggingThreshold" },
        { "contracted beyond the int range", "\"task\": 5380", "\"task\": 5380, \"contracted\": { \"social\": 2147483647, \"middle\": 2147483647 }", "$.municipalities[0].contracted" },
        { "malformed JSON", "\"task\": 7000 }", "\"task\": 7000 ", "$" },
        { "root not an object", Valid, "[]", "$" },
    };

    [Theory]
    [MemberData(nameof(InvalidScenarios))]
    public void Run_InvalidScenario_ExitsOneNamingTheJsonPath(string reason, string oldText, string newText, string path)
    {
        Assert.Contains(oldText, Valid, StringComparison.Ordinal);
        var file = Write(Valid.Replace(oldText, newText, StringComparison.Ordinal));

        var (exit, stdout, stderr) = Run("verdeel", "--scenario", file, "--format", "json");

        Assert.True(exit == 1, $"{reason}: exit {exit}, stderr: {stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"  {path}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ValidScenarioOfTheInvalidCases_ExitsZero()
    {
        var (exit, _, stderr) = Run("verdeel", "--scenario", Write(Valid), "--format", "json");

        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public void Run_SeveralErrors_NamesEveryPath()
    {
        var file = Write(Valid.Replace("\"GM0203\"", "\"GM12\"", StringComparison.Ordinal).Replace("\"task\": 7000", "\"task\": \"7000\"", StringComparison.Ordinal));

        var (exit, _, stderr) = Run("verdeel", "--scenario", file);

        Assert.Equal(1, exit);
        Assert.Contains("$.municipalities[0].code: ", stderr, StringComparison.Ordinal);
        Assert.Contains("$.municipalities[1].task: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TasksSummingBeyondTheIntRange_ExitsOne()
    {
        var file = Write(Valid.Replace("\"task\": 5380", "\"task\": 2000000000", StringComparison.Ordinal).Replace("\"task\": 7000", "\"task\": 2000000000", StringComparison.Ordinal));

        var (exit, stdout, stderr) = Run("verdeel", "--scenario", file, "--format", "json");

        Assert.True(exit == 1, stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("  $.municipalities: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsOneNamingTheFile()
    {
        var file = Path.Combine(_directory, "bestaat-niet.json");

        var (exit, stdout, stderr) = Run("verdeel", "--scenario", file);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DirectoryInsteadOfFile_ExitsOne()
    {
        var (exit, _, stderr) = Run("verdeel", "--scenario", _directory);

        Assert.Equal(1, exit);
        Assert.Contains(_directory, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verdeel")]
    [InlineData("verdeel", "--format", "json")]
    [InlineData("verdeel", "--scenario")]
    [InlineData("verdeel", "--regio")]
    [InlineData("verdeel", "--scenario", "x.json", "--regio", "Foodvalley")]
    [InlineData("verdeel", "--scenario", "x.json", "--colour", "red")]
    [InlineData("verdeel", "--scenario", "x.json", "--format", "xml")]
    [InlineData("verdeel", "--scenario", "x.json", "extra")]
    [InlineData("verdeel", "--scenario", "x.json", "--format", "json", "--format", "table")]
    [InlineData("toets", "--scenario", "x.json")]
    [InlineData("--scenario", "x.json")]
    [InlineData]
    public void Run_UsageError_ExitsTwo(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);

        Assert.True(exit == 2, $"exit {exit}, stdout: {stdout}, stderr: {stderr}");
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public void Run_FoodvalleyJson_EdeMatchesTheFormatSample()
    {
        var (exit, stdout, stderr) = Run("verdeel", "--scenario", ScenarioFiles.FoodvalleyPath, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        using var document = JsonDocument.Parse(stdout);
        var region = document.RootElement.GetProperty("region");
        Assert.Equal(25383, region.GetProperty("task").GetInt32());
        Assert.Equal(7615, region.GetProperty("required").GetProperty("social").GetInt32());
        Assert.Equal(16922, region.GetProperty("required").GetProperty("affordable").GetInt32());
        Assert.Equal(7615, region.GetProperty("social").GetInt32());
        Assert.Equal(9307, region.GetProperty("middle").GetInt32());
        Assert.Equal(16922, region.GetProperty("affordable").GetInt32());
        Assert.True(region.GetProperty("meetsNorms").GetBoolean());
        Assert.Equal(0, region.GetProperty("findings").GetArrayLength());

        var municipalities = document.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal(["GM0203", "GM0228", "GM0267", "GM0279", "GM0289", "GM0339", "GM0340", "GM0345"], municipalities.Select(m => m.GetProperty("code").GetString()));
        var ede = municipalities.Single(m => m.GetProperty("code").GetString() == "GM0228");
        Assert.Equal("Ede", ede.GetProperty("name").GetString());
        Assert.Equal("social", ede.GetProperty("laggingSegment").GetString());
        Assert.Equal("0.2100", ede.GetProperty("stockShare").GetRawText());
        Assert.Equal(0.21m, ede.GetProperty("stockShare").GetDecimal());
        Assert.Equal((2100, 0), Pair(ede.GetProperty("floor")));
        Assert.Equal((624, 1734), Pair(ede.GetProperty("regionalShare")));
        var targets = ede.GetProperty("targets");
        Assert.Equal((2724, 1734, 2542), (targets.GetProperty("social").GetInt32(), targets.GetProperty("middle").GetInt32(), targets.GetProperty("free").GetInt32()));
        Assert.Equal(6742, ede.GetProperty("catchUpNeed").GetInt32());
        Assert.Equal(8, ede.GetProperty("explanation").GetArrayLength());
        Assert.All(ede.GetProperty("explanation").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetString())));
        Assert.Subset(
            ede.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(["code", "name", "laggingSegment", "stockShare", "floor", "regionalShare", "targets", "catchUpNeed", "explanation"], StringComparer.Ordinal));
    }

    [Fact]
    public void Run_FoodvalleyTable_ShowsRegionTotalsInDutchNotation()
    {
        var (exit, stdout, stderr) = Run("verdeel", "--scenario", ScenarioFiles.FoodvalleyPath, "--format", "table");

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("7.615", stdout, StringComparison.Ordinal);
        Assert.Contains("16.922", stdout, StringComparison.Ordinal);
        Assert.Contains("25.383", stdout, StringComparison.Ordinal);
        Assert.Contains("Veenendaal", stdout, StringComparison.Ordinal);
        Assert.Contains("De regio haalt beide normen.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefaultFormat_IsTheTable()
    {
        var (exit, stdout, _) = Run("verdeel", "--scenario", ScenarioFiles.FoodvalleyPath);

        Assert.Equal(0, exit);
        Assert.Contains("16.922", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"municipalities\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShortfallScenario_ExitsZeroAndReportsTheFinding()
    {
        var file = Write("""
            { "formatVersion": 1,
              "municipalities": [ { "code": "GM0001", "stock": 100, "socialStock": 10, "task": 100, "contracted": { "free": 60 } } ] }
            """);

        var (exit, stdout, stderr) = Run("verdeel", "--scenario", file, "--format", "json");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var region = document.RootElement.GetProperty("region");
        Assert.False(region.GetProperty("meetsNorms").GetBoolean());
        var finding = Assert.Single(region.GetProperty("findings").EnumerateArray());
        Assert.Equal("REGION_AFFORDABLE_SHORTFALL", finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(27, finding.GetProperty("shortfall").GetInt32());
        Assert.False(finding.TryGetProperty("municipality", out _));
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));
    }

    private static (int Social, int Middle) Pair(JsonElement element) =>
        (element.GetProperty("social").GetInt32(), element.GetProperty("middle").GetInt32());

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string json)
    {
        var file = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        return file;
    }
}
