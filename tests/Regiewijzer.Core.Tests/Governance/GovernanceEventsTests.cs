using Regiewijzer.Core.Governance;
using Xunit;

namespace Regiewijzer.Core.Tests.Governance;

public class GovernanceEventsTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_SinceADate_WithRecipientsActorsAndStableKeys()
    {
        var before = Since.AddDays(-3);
        var after = Since.AddHours(5);
        var events = GovernanceEvents.From(
            [
                new AgreementFact(1, "Regio Foodvalley", 1, before, after, "Bewerker Gelderland (g@x.nl)", ["GM0228", "GM0289"], ["PV25", "PV26"]),
                new AgreementFact(2, "Regio Foodvalley", 2, after.AddHours(1), null, null, ["GM0228", "GM0289"], ["PV25", "PV26"]),
            ],
            [new ResponseFact(9, 2, "Regio Foodvalley", 2, new("GM0228", "Gemeente Ede"), ResponseKind.Objected, after.AddHours(2), "Bewerker Ede (e@x.nl)", ["PV25", "PV26"])],
            [new ExemptionFact(3, new("GM0228", "Gemeente Ede"), "PV25", ExemptionFloor.Social, before, "Bewerker Ede (e@x.nl)", ExemptionStatus.Granted, after.AddHours(3), "Bewerker Gelderland (g@x.nl)", "Provincie Gelderland")],
            [new InstructionFact(4, new("PV25", "Provincie Gelderland"), new("GM0228", "Gemeente Ede"), "Plancapaciteit", before, new DateOnly(2027, 3, 1))],
            [],
            Since);

        Assert.Equal(["afspraak-1-vastgesteld", "afspraak-2-voorgesteld", $"reactie-9-{after.AddHours(2).ToUnixTimeMilliseconds()}", "ontheffing-3-besloten"], events.Select(e => e.Key));
        Assert.Equal([EventKind.AgreementAdopted, EventKind.AgreementProposed, EventKind.ResponseGiven, EventKind.ExemptionDecided], events.Select(e => e.Kind));
        Assert.Equal(["GM0228", "GM0289"], events[1].Recipients);
        Assert.Equal(["PV25", "PV26"], events[2].Recipients);
        Assert.Equal("Gemeente Ede maakte bezwaar tegen versie 2 van de afspraak voor Regio Foodvalley", events[2].Title);
        Assert.Equal("Provincie Gelderland heeft het verzoek om ontheffing van Gemeente Ede verleend", events[3].Title);
        Assert.Equal(["GM0228"], events[3].Recipients);

        // What concerns Ede, newest first: it was told of three and took part in the response.
        Assert.Equal([EventKind.ExemptionDecided, EventKind.ResponseGiven, EventKind.AgreementProposed, EventKind.AgreementAdopted], GovernanceEvents.Concerning(events, "GM0228").Select(e => e.Kind));
        Assert.Empty(GovernanceEvents.Concerning(events, "PV27"));
    }

    [Fact]
    public void EveryKind_HasADutchNameAudienceAndCode()
    {
        Assert.All(GovernanceEvents.Kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.Dutch())));
        Assert.All(GovernanceEvents.Kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.Audience())));
        Assert.Equal(GovernanceEvents.Kinds.Length, GovernanceEvents.Kinds.Select(k => k.Code()).Distinct().Count());
        Assert.Equal(Enum.GetValues<WorkKind>().Length, Enum.GetValues<WorkKind>().Select(k => k.Code()).Distinct().Count());
    }
}
