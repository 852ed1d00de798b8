using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;
using Xunit;
using static Regiewijzer.Core.Tests.Deals.DealAgainstLawTests;

namespace Regiewijzer.Core.Tests.Deals;

public sealed class ReconciliationTests
{
    private static readonly PublishedFigure National = new(100, "test", "bron");

    [Fact]
    public void Reconcile_AnUnknownTotal_IsNotAssessableAndNamesTheDeal()
    {
        var deals = new[]
        {
            Deal("WD01", "Een", 60, DealTotalPrecision.Exact, null, ("GM0001", "PV20")),
            Deal("WD02", "Twee", null, DealTotalPrecision.Unknown, null, ("GM0002", "PV20")),
        };

        var r = Reconciliation.Reconcile(deals, National, []);

        Assert.Equal(60, r.Nation.Sum.Known);
        Assert.Equal(ReconciliationVerdict.NotAssessable, r.Nation.Verdict);
        Assert.Contains("Twee (WD02)", Assert.Single(r.Nation.Missing), StringComparison.Ordinal);
        Assert.StartsWith("niet te beoordelen", DealText.Verdict(r.Nation), StringComparison.Ordinal);
        Assert.DoesNotContain(DealText.National(r.Nation), l => l.Contains("voldoet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(40, ReconciliationVerdict.Matches)]
    [InlineData(41, ReconciliationVerdict.Differs)]
    public void Reconcile_AllKnown_ComparesTheSumWithThePublishedFigure(int second, ReconciliationVerdict expected)
    {
        var deals = new[]
        {
            Deal("WD01", "Een", 60, DealTotalPrecision.Exact, null, ("GM0001", "PV20")),
            Deal("WD02", "Twee", second, DealTotalPrecision.Minimum, null, ("GM0002", "PV20")),
        };

        var r = Reconciliation.Reconcile(deals, National, []);

        Assert.Equal(expected, r.Nation.Verdict);
        Assert.Equal(100 - 60 - second, r.Nation.Gap);
        Assert.Single(r.Nation.Sum.Minimum);
    }

    [Fact]
    public void Reconcile_MunicipalityInTwoDeals_IsAnOverlapWithItsPublishedNumber()
    {
        var a = Deal("WD18", "Amersfoort", 50, DealTotalPrecision.Rounded, null, ("GM0203", "PV25"), ("GM0307", "PV26"));
        var b = Deal("WD19", "Foodvalley", 30, DealTotalPrecision.Rounded, null, ("GM0203", "PV25")) with
        {
            Numbers = [new PublishedNumber(new MunicipalityCode("GM0203"), 12, "bron")],
        };

        var overlap = Assert.Single(Reconciliation.Overlaps([a, b]));

        Assert.Equal("GM0203", overlap.Municipality.Value);
        Assert.Equal(["WD18", "WD19"], overlap.DealIds);
        Assert.Equal(12, overlap.PublishedHomes);
        Assert.Equal("WD19", overlap.PublishedIn);
    }

    [Fact]
    public void Reconcile_CrossBorderDeal_IsNotInTheProvinceSumAndMakesItNotAssessable()
    {
        var own = Deal("WD01", "Binnen", 40, DealTotalPrecision.Exact, null, ("GM0001", "PV20"));
        var cross = Deal("WD03", "Over de grens", 50, DealTotalPrecision.Exact, null, ("GM0002", "PV20"), ("GM0003", "PV22"));
        var province = new ProvinceFigures(new ProvinceCode("PV20"), "Groningen", null, new PublishedFigure(90, "test", "bron"), null);

        var p = Assert.Single(Reconciliation.Reconcile([own, cross], National, [province]).Provinces);

        Assert.Equal(40, p.Line.Sum.Known);
        Assert.Equal(90, p.WithCrossBorderWhole);
        Assert.Equal("WD03", Assert.Single(p.CrossBorder).Id);
        Assert.Equal(ReconciliationVerdict.NotAssessable, p.Line.Verdict);
    }

    [Theory]
    [InlineData("exact", true, DealTotalPrecision.Exact)]
    [InlineData("exact (rounded in source)", true, DealTotalPrecision.Rounded)]
    [InlineData("approximate (\"ongeveer 75.000\")", true, DealTotalPrecision.Rounded)]
    [InlineData("approximate lower bound (\"zo'n tienduizend\", \"ondergrens\")", true, DealTotalPrecision.Minimum)]
    [InlineData("minimum (\"minimaal\")", true, DealTotalPrecision.Minimum)]
    [InlineData("exact (bruto; netto 16,142)", true, DealTotalPrecision.Exact)]
    [InlineData("not found", false, DealTotalPrecision.Unknown)]
    public void Classify_ShippedWording_GivesPrecision(string wording, bool hasNumber, DealTotalPrecision expected) =>
        Assert.Equal(expected, DealPrecisions.Classify(wording, hasNumber));

    [Fact]
    public void DealTotal_NumberWithUnknownPrecision_Throws() =>
        Assert.Throws<ArgumentException>(() => new DealTotal(5, DealTotalPrecision.Unknown, ""));
}
