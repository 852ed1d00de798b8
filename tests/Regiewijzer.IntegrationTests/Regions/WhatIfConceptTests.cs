using System.Collections.Immutable;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Xunit;

namespace Regiewijzer.IntegrationTests.Regions;

/// <summary>From what-if to agreement (issue 13): the concept is the what-if's scenario, not the stored distribution; only a scenario of the region's own members and period.</summary>
public sealed class WhatIfConceptTests(TestDatabases databases)
{
    private static readonly Actor Gelderland = new("t-pv25", "Bewerker Gelderland", [new Grant(new OrganisationRef("PV25", OrganisationKind.Province, "PV25"), AccountRole.Editor)]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateFromWhatIf_TheConceptIsTheWhatIf_AndAStrangerIsRefused()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var start = await LoadWhatIf.RunAsync(db, "WD19", Ct);
        var stored = start!.Question.Scenario;
        var whatIf = stored with { Region = stored.Region with { Key = DistributionKey.LaggingFirst } };
        Assert.NotEqual(stored.Region.Key, whatIf.Region.Key);

        var stranger = whatIf with { Region = whatIf.Region with { Municipalities = whatIf.Region.Municipalities.Add(whatIf.Region.Municipalities[0] with { Code = new MunicipalityCode("GM0363"), Name = "Amsterdam" }) } };
        var refused = await AgreementChanges.CreateFromWhatIfAsync(db, Gelderland, "WD19", "wat-als", stranger, ct: Ct);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Contains("GM0363 is geen gemeente van de regio", refused.Reason, StringComparison.Ordinal);
        var otherPeriod = await AgreementChanges.CreateFromWhatIfAsync(db, Gelderland, "WD19", "wat-als", whatIf with { Period = new YearRange(2026, 2035) }, ct: Ct);
        Assert.Contains("2026-2035", otherPeriod.Reason, StringComparison.Ordinal);

        var created = await AgreementChanges.CreateFromWhatIfAsync(db, Gelderland, "WD19", "wat-als: achterstand eerst", whatIf, ct: Ct);
        Assert.True(created.Succeeded, created.Reason);
        await using var check = database.Context();
        var row = check.Agreements.Single(a => a.Id == created.Value!.Id);
        var concept = ScenarioReader.Read(row.Scenario).Scenario!;
        Assert.Equal(DistributionKey.LaggingFirst, concept.Region.Key); // not the stored distribution's key
        Assert.Equal(ImmutableArray.CreateRange(whatIf.Region.Municipalities.Select(m => m.Code)), concept.Region.Municipalities.Select(m => m.Code).ToImmutableArray());
    }
}

/// <summary>The same through the API: POST /regios/{id}/afspraken with a scenario (as the what-if page downloads it).</summary>
public sealed class WhatIfConceptApiTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_WithAScenario_MakesTheConceptFromIt_AndAnInvalidScenarioIs422()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var gelderland = await Web.TestAccounts.CreateAsync(database, "PV25", AccountRole.Editor);
        await using var app = await Web.RunningApp.StartAsync(database.Options, Ct);
        using var client = await Web.TestAccounts.ApiClientAsync(app, gelderland);
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/regios/WD19/scenario", UriKind.Relative), Ct))!.AsObject();
        scenario["key"] = "lagging-first";

        var invalid = await Governance.AgreementApi.ExpectAsync(
            await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/regios/WD19/afspraken", new { reason = "wat-als", scenario = new { key = "onbekend" } }, Ct), (System.Net.HttpStatusCode)422);
        Assert.Contains(invalid.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("scenario", StringComparison.Ordinal));
        var created = await Governance.AgreementApi.ExpectAsync(
            await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/regios/WD19/afspraken", new { reason = "wat-als: achterstand eerst", scenario }, Ct), System.Net.HttpStatusCode.Created);

        await using var check = database.Context();
        var row = check.Agreements.Single(a => a.Id == created.GetProperty("id").GetInt32());
        Assert.Equal(DistributionKey.LaggingFirst, ScenarioReader.Read(row.Scenario).Scenario!.Region.Key);
    }
}

/// <summary>A designation dated in the future changes the partition in force only from its date (ApplyDesignations, run hourly by the web app).</summary>
public sealed class DesignationDateTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FutureAct_TakesEffectOnItsDate()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();
        var actor = new Actor("t-pv25", "Bewerker Gelderland", [new Grant(new OrganisationRef("PV25", OrganisationKind.Province, "PV25"), AccountRole.Editor)]);
        var work = await Regiewijzer.Data.Features.Regions.LoadDesignations.WorkspaceAsync(db, "PV25", new DateOnly(2026, 12, 7), Ct);
        var municipalities = work!.Draft.Municipalities.ToDictionary(m => m.Code.Value, m => m.Proposed ?? "WD19");
        var regions = work.Draft.Regions.Select(r => new Regiewijzer.Core.Regions.DesignationRegionInput(r.Id, r.Name, [])).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var future = today.AddDays(30);
        var outcome = await Regiewijzer.Data.Features.Regions.DesignateRegions.RunAsync(db, actor, "PV25", new(future, "Omgevingsverordening Gelderland, art. 8.1", regions, municipalities!, 0), TimeProvider.System, Ct);
        Assert.True(outcome.Succeeded, outcome.Reason);

        Assert.Null(await DesignatedBy(database, "GM0200")); // not yet in force
        Assert.Equal(0, await Regiewijzer.Data.Features.Regions.ApplyDesignations.RunAsync(db, future.AddDays(-1), Ct));
        Assert.Equal(51, await Regiewijzer.Data.Features.Regions.ApplyDesignations.RunAsync(db, future, Ct));
        Assert.Equal("PV25", await DesignatedBy(database, "GM0200"));
        Assert.Equal(0, await Regiewijzer.Data.Features.Regions.ApplyDesignations.RunAsync(db, future.AddDays(1), Ct)); // nothing left to change
    }

    private static async Task<string?> DesignatedBy(TestDatabase database, string code)
    {
        await using var check = database.Context();
        return check.Memberships.Single(m => m.MunicipalityCode == code).DesignationProvince;
    }
}
