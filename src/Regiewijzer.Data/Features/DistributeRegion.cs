using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Model;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Data.Features;

/// <summary>The outcome of distributing one stored region.</summary>
public sealed record RegionOutcome(RegionQuestion Question, RegionDistribution? Result)
{
    /// <summary>Dutch reason when nothing could be distributed.</summary>
    public string? NotDistributed => Result is null
        ? $"{Question.Region.Name}: geen gemeente met een opgave voor {Question.Region.PeriodFrom}-{Question.Region.PeriodTo}; voer een regiototaal of gemeentelijke opgaven in."
        : null;
}

/// <summary>Load -> distribute (pure Core) -> store the run.</summary>
public static class DistributeRegion
{
    public static async Task<RegionOutcome> RunAsync(RegiewijzerDb db, HousingRegionRow region, bool store, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var question = await LoadRegionInput.RunAsync(db, region, ct).ConfigureAwait(false);
        var outcome = Decide(question);
        if (outcome.Result is not null)
        {
            RegiewijzerMetrics.Distributed("database");
        }

        if (outcome.Result is { } result && store)
        {
            db.DistributionRuns.Add(new DistributionRunRow
            {
                Id = Guid.NewGuid(),
                RegionId = region.Id,
                CreatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
                Key = ScenarioWriter.KeyText(result.Key),
                NormSetId = result.Norms.Id,
                InputJson = ScenarioWriter.WriteInput(question.Scenario),
                ResultJson = ScenarioWriter.WriteResult(result),
                MeetsNorms = result.MeetsNorms,
            });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>The pure decision: nothing to distribute without a member with a task.</summary>
    internal static RegionOutcome Decide(RegionQuestion question) =>
        new(question, question.Scenario.Region.Municipalities.IsEmpty ? null : Distribution.Distribute(question.Scenario.Region, question.Scenario.Norms));
}
