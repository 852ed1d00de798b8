using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Norms;
using Xunit;
using static Regiewijzer.Core.Tests.Build;

namespace Regiewijzer.Core.Tests.Governance;

public class DecisionsTests
{
    private static readonly MemberAnswer[] Foodvalley =
    [
        new("GM0203", "Barneveld", ResponseKind.Accepted, By: "Bewerker Barneveld"),
        new("GM0228", "Ede", ResponseKind.Objected, "Het aandeel sociale huur is te hoog voor Ede.", "Bewerker Ede"),
        new("GM0267", "Nijkerk"),
        new("GM0339", "Renswoude"),
    ];

    [Fact]
    public void AdoptingAgreement_ObjectionAndSilence_ListsWhoObjectedWhyAndWhoDidNotAnswer()
    {
        var facts = Decisions.AdoptingAgreement("Regio Foodvalley", 2, Foodvalley);

        Assert.Equal("Versie 2 van de afspraak van Regio Foodvalley vaststellen. Let op: niet elke gemeente is akkoord.", facts.Decision);
        Assert.Equal(
            [
                ("Reacties", "1 van de 4 gemeenten akkoord, 1 bezwaar, 2 nog geen reactie.", false),
                ("Bezwaar van Ede", "Het aandeel sociale huur is te hoog voor Ede. — Bewerker Ede", true),
                ("Nog geen reactie", "Nijkerk en Renswoude: deze gemeenten hebben niet gereageerd.", true),
            ],
            facts.Facts.Select(f => (f.Label, f.Text, f.NeedsAttention)));
        Assert.Equal(2, facts.Warnings.Length);
        Assert.Equal("Ik stel versie 2 vast, ook met 1 bezwaar en 2 gemeenten zonder reactie.", facts.Confirmation);
        Assert.Contains("Wet versterking regie volkshuisvesting", facts.LegalBasis, StringComparison.Ordinal);
        Assert.Contains("verandert daarna niet meer", facts.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void AdoptingAgreement_EveryoneAgreed_HasNoWarnings()
    {
        MemberAnswer[] all = [new("GM0203", "Barneveld", ResponseKind.Accepted), new("GM0228", "Ede", ResponseKind.Accepted)];

        var facts = Decisions.AdoptingAgreement("Regio Foodvalley", 1, all);

        Assert.Empty(facts.Warnings);
        Assert.Equal("Versie 1 van de afspraak van Regio Foodvalley vaststellen.", facts.Decision);
        Assert.Equal("Ik stel versie 1 van de afspraak van Regio Foodvalley vast.", facts.Confirmation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AdoptingAgreement_NoVersionNumber_Throws(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Decisions.AdoptingAgreement("Regio", number, Foodvalley));

    /// <summary>The small region of <see cref="ExemptionImpactTests"/>: GM0002 to a social floor of 1/5; GM0001 (+69) and GM0003 (+27) absorb the 96.</summary>
    [Fact]
    public void DecidingExemption_Grant_SaysWhoAbsorbsWhatAndThatANewVersionFollows()
    {
        var region = Region(Municipality("GM0001", 1000, 10_000, 1_500), Municipality("GM0002", 600, 5_000, 1_000), Municipality("GM0003", 400, 4_000, 1_600));
        var whatIf = ExemptionImpact.Compute(region, NormSets.Default, new MunicipalityCode("GM0002"), ExemptionFloor.Social, new Fraction(1, 5));

        var facts = Decisions.DecidingExemption(true, "Tweede", "Testregio", ExemptionFloor.Social, new Fraction(1, 5), new Fraction(3, 10), whatIf, null);

        var absorbs = facts.Facts.Single(f => f.Label == "Wie vangt het op");
        Assert.Equal("GM0001: sociale huur 360 → 429 (+69), middensegment 287 → 287 (0); GM0003: sociale huur 24 → 51 (+27), middensegment 275 → 275 (0).", absorbs.Text);
        Assert.False(absorbs.NeedsAttention);
        Assert.Equal("sociale huur 216 → 120 (-96), middensegment 172 → 172 (0) woningen.", facts.Facts.Single(f => f.Label == "Tweede zelf").Text);
        Assert.Contains("haalt na verlening beide normen", facts.Facts.Single(f => f.Label == "Normen van de regio").Text, StringComparison.Ordinal);
        Assert.Empty(facts.Warnings);
        Assert.Contains("nieuwe conceptversie", facts.Consequence, StringComparison.Ordinal);
        Assert.Equal("Ik verleen de ontheffing van Tweede en aanvaard de herverdeling hierboven.", facts.Confirmation);
    }

    [Fact]
    public void DecidingExemption_GrantWithoutWhatIf_WarnsWhy()
    {
        var facts = Decisions.DecidingExemption(true, "Ede", "Regio Foodvalley", ExemptionFloor.Middle, new Fraction(1, 4), new Fraction(2, 5), null, "de regio heeft geen verdeling.");

        Assert.Equal("Aanvraag", facts.Facts[0].Label);
        Assert.Equal("Ede vraagt een ondergrens van 25% voor middensegment in plaats van 40%.", facts.Facts[0].Text);
        Assert.Equal("Niet te berekenen: de regio heeft geen verdeling.", Assert.Single(facts.Warnings).Text);
    }

    [Fact]
    public void DecidingExemption_Refuse_SaysTheFloorStays()
    {
        var facts = Decisions.DecidingExemption(false, "Ede", "Regio Foodvalley", ExemptionFloor.Social, new Fraction(1, 5), new Fraction(3, 10), null, null);

        Assert.Equal("De ontheffing van Ede weigeren.", facts.Decision);
        Assert.Single(facts.Facts);
        Assert.Contains("de ondergrens van 30% voor sociale huur blijft gelden", facts.Consequence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2027, 3, 1, "1-3-2027 (nog 90 dagen).", false)]
    [InlineData(2026, 12, 2, "2-12-2026 (nog 1 dag).", true)]
    [InlineData(2026, 12, 14, "14-12-2026 (nog 13 dagen).", true)]
    public void GivingInstruction_Deadline_SaysTheDaysLeftAndWarnsWhenShort(int year, int month, int day, string expected, bool short_)
    {
        var facts = Decisions.GivingInstruction("Provincie Gelderland", "Ede", "Woningbouw versnellen", new DateOnly(year, month, day), new DateOnly(2026, 12, 1), "Omgevingswet art. 2.33 (instructiebesluit provincie)");

        var deadline = facts.Facts.Single(f => f.Label == "Termijn");
        Assert.Equal((expected, short_), (deadline.Text, deadline.NeedsAttention));
        Assert.Equal("Omgevingswet art. 2.33 (instructiebesluit provincie)", facts.LegalBasis);
        Assert.Equal("Provincie Gelderland aan Ede.", facts.Facts[0].Text);
        Assert.Equal("Ik geef deze instructie namens Provincie Gelderland aan Ede.", facts.Confirmation);
    }
}
