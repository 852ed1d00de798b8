using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>Scenario format version 2 (docs/scenario-format.md): province per municipality, levels, region.parts.</summary>
public class ScenarioVersion2Tests
{
    private static string File(int version, string extraTop, string provinceA, string provinceB) => $$"""
        {
          "formatVersion": {{version}},
          "name": "Grensregio"{{extraTop}},
          "municipalities": [
            { "code": "GM0001", "stock": 1000, "socialStock": 500, "task": 1000{{provinceA}} },
            { "code": "GM0002", "stock": 1000, "socialStock": 100, "task": 1000{{provinceB}} }
          ]
        }
        """;

    private static readonly string CrossBorder = File(2, string.Empty, ", \"province\": \"PV27\"", ", \"province\": \"PV24\"");

    [Fact]
    public void Read_Version2WithProvinces_DistributesPerProvincePart()
    {
        var read = ScenarioReader.Read(CrossBorder);

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var scenario = read.Scenario!;
        Assert.Equal(2, scenario.Version);
        Assert.Equal(new ProvinceCode("PV27"), scenario.Region.Municipalities[0].Province);
        Assert.Equal(DistributionLevels.ProvinceAndRegion, scenario.Region.Levels);
        var result = Distribution.Distribute(scenario.Region, scenario.Norms);
        Assert.True(result.PlacedPerPart);
        Assert.Equal(300, result.Municipalities.Single(m => m.Code.Value == "GM0001").Social);
    }

    [Fact]
    public void Read_Version2_RoundTripsThroughTheWriter()
    {
        foreach (var json in new[] { CrossBorder, File(2, ",\n  \"levels\": \"region\"", ", \"province\": \"PV27\"", ", \"province\": \"PV24\""), File(2, string.Empty, string.Empty, string.Empty) })
        {
            var first = ScenarioReader.Read(json).Scenario!;
            var written = ScenarioWriter.WriteInput(first);
            var second = ScenarioReader.Read(written);
            Assert.True(second.IsValid, string.Join("; ", second.Errors));
            Assert.Equal(written, ScenarioWriter.WriteInput(second.Scenario!));
            Assert.Equal(first.Region.Levels, second.Scenario!.Region.Levels);
            Assert.Equal(first.Region.Municipalities.Select(m => m.Province), second.Scenario.Region.Municipalities.Select(m => m.Province));
            Assert.Contains("\"formatVersion\": 2", written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_Version1_StaysVersion1WithoutParts()
    {
        var scenario = ScenarioReader.Read(File(1, string.Empty, string.Empty, string.Empty)).Scenario!;
        var result = Distribution.Distribute(scenario.Region, scenario.Norms);

        Assert.Equal(1, scenario.Version);
        Assert.Contains("\"formatVersion\": 1", ScenarioWriter.WriteInput(scenario), StringComparison.Ordinal);
        Assert.DoesNotContain("\"parts\"", ScenarioWriter.WriteResult(result), StringComparison.Ordinal);
        Assert.Equal(150, result.Municipalities[0].Social);
    }

    [Fact]
    public void WriteResult_Version2_ListsThePartsPerProvince()
    {
        var scenario = ScenarioReader.Read(CrossBorder).Scenario!;
        var json = ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms));

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var parts = document.RootElement.GetProperty("region").GetProperty("parts");
        Assert.Equal(2, parts.GetArrayLength());
        var nh = parts.EnumerateArray().Single(p => p.GetProperty("province").GetString() == "PV27");
        Assert.Equal(1000, nh.GetProperty("task").GetInt32());
        Assert.Equal(300, nh.GetProperty("required").GetProperty("social").GetInt32());
        Assert.Equal(667, nh.GetProperty("required").GetProperty("affordable").GetInt32());
        Assert.Equal(300, nh.GetProperty("social").GetInt32());
        Assert.Equal(700, nh.GetProperty("affordable").GetInt32());
        Assert.True(nh.GetProperty("meetsNorms").GetBoolean());
    }

    [Theory]
    [InlineData(1, ",\n  \"levels\": \"region\"", "", "", "$.levels", "formatVersion 1")]
    [InlineData(1, "", ", \"province\": \"PV27\"", ", \"province\": \"PV24\"", "$.municipalities[0].province", "formatVersion 1")]
    [InlineData(2, ",\n  \"levels\": \"provincie\"", "", "", "$.levels", "onbekende waarde")]
    [InlineData(2, "", ", \"province\": \"PV32\"", ", \"province\": \"PV24\"", "$.municipalities[0].province", "geen CBS-provinciecode")]
    [InlineData(2, "", ", \"province\": 27", ", \"province\": \"PV24\"", "$.municipalities[0].province", "verwacht tekst")]
    [InlineData(2, "", ", \"province\": \"PV27\"", "", "$.municipalities", "bij elke gemeente of bij geen enkele")]
    [InlineData(3, "", "", "", "$.formatVersion", "alleen 1 en 2")]
    public void Read_InvalidVersion2Field_NamesThePathInDutch(int version, string top, string a, string b, string path, string message)
    {
        var read = ScenarioReader.Read(File(version, top, a, b));

        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
