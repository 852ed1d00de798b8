using System.Collections.Immutable;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;
using Xunit;

namespace Regiewijzer.Core.Tests.Deals;

/// <summary>Deal against the law from first principles: the deals' published splits (woondeal-segmenten.csv) and the law's 2/3 and 3/10.</summary>
public sealed class DealAgainstLawTests
{
    [Fact]
    public void Compare_RegioRotterdam_28000SocialIs2000ShortOf30000And57000AffordableIs9667ShortOf66667()
    {
        // "zo'n 100.000 woningen. Dat worden 57.000 betaalbare woningen, waarvan 28.000 sociaal" (rtvridderkerk.nl).
        var rotterdam = Deal("WD26", "Regio Rotterdam", 100_000, DealTotalPrecision.Rounded, new DealSplit(28_000, null, null, 57_000, "bron", "citaat"));

        var c = DealAgainstLaw.Compare(rotterdam, NormSets.Law2026);

        Assert.Equal(30_000, c.Social!.Required);    // 3/10 × 100.000 exactly
        Assert.Equal(66_667, c.Affordable!.Required); // ⌈2/3 × 100.000⌉ = ⌈66.666,67⌉
        Assert.Equal(2_000, c.Social.Shortfall);
        Assert.Equal(9_667, c.Affordable.Shortfall);
        Assert.False(c.MeetsLaw);
        Assert.Contains("Regio Rotterdam: 28.000 sociale huur afgesproken, de wet vraagt 30.000: 2.000 meer.", c.Sentences);
        Assert.Contains("Regio Rotterdam: 57.000 betaalbaar afgesproken, de wet vraagt 66.667: 9.667 meer.", c.Sentences);
        Assert.Contains(c.Notes, n => n.Contains("afgerond", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_Zeeland_PartsMeetTheLawAndTheAffordableSumIsSaid()
    {
        // 6.840 sociale huur, 1.070 middenhuur, 3.460 koop tot 355.000 of 16.500 (onbegrensdzeeuwsvlaanderen.nl).
        var zeeland = Deal("WD35", "Zeeland", 16_500, DealTotalPrecision.Exact, new DealSplit(6_840, 1_070, 3_460, null, "bron", "citaat"));

        var c = DealAgainstLaw.Compare(zeeland, NormSets.Law2026);

        Assert.Equal(4_950, c.Social!.Required);      // 3/10 × 16.500
        Assert.Equal(11_000, c.Affordable!.Required); // 2/3 × 16.500
        Assert.Equal(6_840, c.Social.Agreed);
        Assert.Equal(6_840 + 1_070 + 3_460, c.Affordable.Agreed);
        Assert.Equal(0, c.Social.Shortfall);
        Assert.Equal(0, c.Affordable.Shortfall);
        Assert.True(c.MeetsLaw);
        Assert.Contains("Zeeland: 11.370 betaalbaar afgesproken, de wet vraagt 11.000: voldoet (370 meer dan nodig).", c.Sentences);
        Assert.Contains(c.Notes, n => n.Contains("= 11.370 van 16.500", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OnlySocialAgreed_AffordableIsNotAssessable()
    {
        var deal = Deal("WD33", "Zuidoost-Brabant", 45_000, DealTotalPrecision.Minimum, new DealSplit(14_000, null, null, null, "bron", "citaat"));

        var c = DealAgainstLaw.Compare(deal, NormSets.Law2026);

        Assert.True(c.Social!.Meets);
        Assert.Null(c.Affordable!.Meets);
        Assert.Null(c.MeetsLaw);
        Assert.Contains(c.Sentences, s => s.Contains("niet te beoordelen", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_UnknownTotal_NoRequirementIsInvented()
    {
        var deal = Deal("WD28", "Midden-Holland", null, DealTotalPrecision.Unknown, null);

        var c = DealAgainstLaw.Compare(deal, NormSets.Law2026);

        Assert.Null(c.Social);
        Assert.Null(c.Affordable);
        Assert.Null(c.MeetsLaw);
        Assert.Contains("niet gevonden", Assert.Single(c.Sentences), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_StricterNormSet_RaisesTheRequirement()
    {
        var deal = Deal("WD35", "Zeeland", 16_500, DealTotalPrecision.Exact, new DealSplit(6_840, 1_070, 3_460, null, "bron", "citaat"));
        var stricter = NormSets.Law2026.With(new Dictionary<string, Fraction> { ["socialShare"] = new(1, 2) }, "test");

        var c = DealAgainstLaw.Compare(deal, stricter);

        Assert.Equal(8_250, c.Social!.Required);
        Assert.Equal(1_410, c.Social.Shortfall);
    }

    internal static Deal Deal(string id, string name, int? total, DealTotalPrecision precision, DealSplit? split, params (string Code, string Province)[] parties) => new(
        id,
        name,
        ["Testprovincie"],
        new DealTotal(total, precision, precision.ToString()),
        [.. parties.Select(p => new DealParty(new MunicipalityCode(p.Code), p.Code, new ProvinceCode(p.Province), PartyCertainty.Stated, "bron"))],
        ImmutableArray<PublishedNumber>.Empty,
        split,
        2022,
        2030,
        "bron",
        null);
}
