using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.IntegrationTests;

/// <summary>The worked example data/scenarios/foodvalley-2022-2030.json (copied next to the tests) and its result.</summary>
internal static class ScenarioFiles
{
    public static string FoodvalleyPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "foodvalley-2022-2030.json");

    public static Scenario Foodvalley()
    {
        var read = ScenarioReader.Read(File.ReadAllText(FoodvalleyPath));
        return read.IsValid ? read.Scenario! : throw new InvalidOperationException($"{FoodvalleyPath}: {string.Join("; ", read.Errors)}");
    }

    /// <summary>ScenarioWriter.WriteResult of the distribution of the scenario file (region-only: the file has no provinces).</summary>
    public static string FoodvalleyResultJson()
    {
        var scenario = Foodvalley();
        return ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms));
    }

    /// <summary>The scenario file with each municipality's real province (Gelderland, or Utrecht for Renswoude, Rhenen and Veenendaal): domain.md §5b.</summary>
    public static RegionInput FoodvalleyWithProvinces()
    {
        string[] utrecht = ["GM0339", "GM0340", "GM0345"];
        var region = Foodvalley().Region;
        return region with
        {
            Name = "Regio Foodvalley", // the region's name in the database: the explanation of a province part names it
            Municipalities = [.. region.Municipalities.Select(m => m with { Province = new Regiewijzer.Core.Geography.ProvinceCode(utrecht.Contains(m.Code.Value) ? "PV26" : "PV25") })],
        };
    }

    /// <summary>ScenarioWriter.WriteResult of the scenario file with the real provinces (the distribution the database makes).</summary>
    public static string FoodvalleyProvinceAwareResultJson() =>
        ScenarioWriter.WriteResult(Distribution.Distribute(FoodvalleyWithProvinces(), Foodvalley().Norms));
}
