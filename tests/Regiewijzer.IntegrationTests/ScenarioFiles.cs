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

    /// <summary>ScenarioWriter.WriteResult of the distribution of the scenario file.</summary>
    public static string FoodvalleyResultJson()
    {
        var scenario = Foodvalley();
        return ScenarioWriter.WriteResult(Distribution.Distribute(scenario.Region, scenario.Norms));
    }
}
