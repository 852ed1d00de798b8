using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>One municipality the what-if can edit: its stock (fixed), its input (null when it has no task yet) and its province (null when the scenario has none).</summary>
public sealed record BaseRow(MunicipalityCode Code, string Name, int Stock, int SocialStock, MunicipalityInput? Input, ProvinceCode? Province = null);

/// <summary>
/// What a what-if edits: the stored region (members with a task, and members without a task whose stock is
/// known) or a loaded scenario file (its own municipalities, stock and norms). Json is the loaded file's JSON, null
/// for the stored region.
/// </summary>
public sealed record WhatIfBase(string Name, string RegionName, YearRange? Period, NormSet Norms, DistributionKey Key, ImmutableArray<BaseRow> Rows, string? Json)
{
    public bool IsLoaded => Json is not null;

    public static WhatIfBase Stored(WhatIfStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var scenario = start.Question.Scenario;
        var withProvinces = ProvinceRule.AddedNeedsProvince(scenario.Region.Municipalities);
        var rows = scenario.Region.Municipalities
            .Select(m => new BaseRow(m.Code, m.Name, m.Stock, m.SocialStock, m, m.Province))
            .Concat(start.Question.WithoutTask
                .Where(m => start.StockWithoutTask.ContainsKey(m.Code))
                .Select(m => new BaseRow(
                    new MunicipalityCode(m.Code), m.Name, start.StockWithoutTask[m.Code].TotalStock, start.StockWithoutTask[m.Code].SocialStock, null,
                    withProvinces ? new ProvinceCode(m.ProvinceCode) : null)))
            .OrderBy(r => r.Code)
            .ToImmutableArray();
        return new WhatIfBase(scenario.Name ?? start.Region.Name, scenario.Region.Name, scenario.Period, scenario.Norms, scenario.Region.Key, rows, null);
    }

    public static WhatIfBase Loaded(Scenario scenario, string json)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rows = scenario.Region.Municipalities
            .Select(m => new BaseRow(m.Code, m.Name, m.Stock, m.SocialStock, m, m.Province))
            .OrderBy(r => r.Code)
            .ToImmutableArray();
        return new WhatIfBase(scenario.Name ?? scenario.Region.Name, scenario.Region.Name, scenario.Period, scenario.Norms, scenario.Region.Key, rows, json);
    }
}
