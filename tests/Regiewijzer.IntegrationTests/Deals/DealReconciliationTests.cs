using System.Globalization;
using Regiewijzer.Cli;
using Regiewijzer.Core.Deals;
using Regiewijzer.Data.Features.Deals;
using Xunit;

namespace Regiewijzer.IntegrationTests.Deals;

/// <summary>The woondeals as seeded from the shipped data: reconciliation figures, deal against the law, the CLI.</summary>
public sealed class DealReconciliationTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Reconcile_ShippedData_30KnownTotalsSumTo883036AndFiveUnknownDealsAreNamed(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();

        var deals = await LoadDeals.AllAsync(db, Ct);
        var r = await ReconcileDeals.RunAsync(db, Ct);

        Assert.Equal(35, deals.Count);
        Assert.Equal(883_036, r.Nation.Sum.Known);
        Assert.Equal(30, r.Nation.Sum.KnownCount);
        Assert.Equal(["WD06", "WD08", "WD11", "WD28", "WD29"], r.Nation.Sum.Unknown.Select(d => d.Id));
        Assert.Equal(936_349, r.Nation.Published!.Homes);
        Assert.False(r.Nation.Published.Verified);
        Assert.Equal(936_349 - 883_036, r.Nation.Gap);
        Assert.Equal(ReconciliationVerdict.NotAssessable, r.Nation.Verdict);
        Assert.Equal(["Barneveld", "Mook en Middelaar", "Nijkerk", "Uitgeest"], r.Nation.Overlaps.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(5_380 + 3_857, r.Nation.DoubleCountedPublished);
        Assert.Equal(["WD20", "WD34"], r.Nation.Overlaps.Single(o => o.Name == "Mook en Middelaar").DealIds);

        // Each deal's total and precision come from the shipped file, including the three Frisian totals of December 2026.
        Assert.Equal((2_600, DealTotalPrecision.Minimum), Total(deals, "WD07"));
        Assert.Equal((4_680, DealTotalPrecision.Exact), Total(deals, "WD09"));
        Assert.Equal((100_000, DealTotalPrecision.Rounded), Total(deals, "WD26"));
        Assert.Equal(9, deals.Single(d => d.Id == "WD18").Parties.Length); // seven in the partition + Barneveld and Nijkerk
        Assert.Contains(deals.Single(d => d.Id == "WD18").Parties, p => p.Name == "Barneveld");
        Assert.Equal(31, deals.Sum(d => d.Numbers.Length));
        Assert.Equal(6, deals.Count(d => d.Split is not null));

        // No province is judged while part of it is missing.
        var zuidHolland = r.Provinces.Single(p => p.Figures.Name == "Zuid-Holland");
        Assert.Equal(ReconciliationVerdict.NotAssessable, zuidHolland.Line.Verdict);
        Assert.Equal(247_896, zuidHolland.Line.Published!.Homes);
        Assert.Equal(205_500, zuidHolland.Line.Sum.Known);
        Assert.Equal(ReconciliationVerdict.Matches, r.Provinces.Single(p => p.Figures.Name == "Zeeland").Line.Verdict);
        Assert.Equal(ReconciliationVerdict.Differs, r.Provinces.Single(p => p.Figures.Name == "Noord-Brabant").Line.Verdict);
        Assert.Equal(130_600 - 127_425, r.Provinces.Single(p => p.Figures.Name == "Noord-Brabant").Line.Gap);
        var gelderland = r.Provinces.Single(p => p.Figures.Name == "Gelderland");
        Assert.Equal(["WD18", "WD19", "WD20"], gelderland.CrossBorder.Select(d => d.Id));
        Assert.Contains(gelderland.Line.Overlaps, o => o.Name == "Barneveld");
    }

    [Fact]
    public async Task AgainstLaw_ShippedRotterdamAndZeeland()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();

        var rotterdam = await ReconcileDeals.AgainstLawAsync(db, "wd26", Ct);
        var zeeland = await ReconcileDeals.AgainstLawAsync(db, "WD35", Ct);

        Assert.Equal((28_000, 30_000, 2_000), (rotterdam!.Social!.Agreed, rotterdam.Social.Required, rotterdam.Social.Shortfall));
        Assert.Equal((57_000, 66_667, 9_667), (rotterdam.Affordable!.Agreed, rotterdam.Affordable.Required, rotterdam.Affordable.Shortfall));
        Assert.True(zeeland!.MeetsLaw);
        Assert.Equal(11_370, zeeland.Affordable!.Agreed);
        Assert.Null(await ReconcileDeals.AgainstLawAsync(db, "WD99", Ct));
    }

    [Fact]
    public async Task Cli_WoondealsAfstemmingWetEnLijst()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);

        var (exit, stdout, stderr) = Run(database, "woondeals", "afstemming");
        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("883.036 woningen uit 30 van de 35 woondeals", stdout, StringComparison.Ordinal);
        Assert.Contains("Dit is niet de landelijke opgave", stdout, StringComparison.Ordinal);
        Assert.Contains("Midden-Holland (WD28)", stdout, StringComparison.Ordinal);
        Assert.Contains("Mook en Middelaar (WD20 en WD34)", stdout, StringComparison.Ordinal);
        Assert.Contains("Oordeel: niet te beoordelen", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = Run(database, "woondeals", "wet", "WD26");
        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("Regio Rotterdam: 28.000 sociale huur afgesproken, de wet vraagt 30.000: 2.000 meer.", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = Run(database, "woondeals", "lijst");
        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("WD35", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = Run(database, "woondeals", "wet", "WD99");
        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("onbekende woondeal 'WD99'", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = Run(database, "woondeals", "afstemming", "--provincie", "Atlantis");
        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("onbekende provincie 'Atlantis'", stderr, StringComparison.Ordinal);
    }

    private static (int? Homes, DealTotalPrecision Precision) Total(IReadOnlyList<Deal> deals, string id)
    {
        var d = deals.Single(x => x.Id == id);
        return (d.Total.Homes, d.Total.Precision);
    }

    private static (int Exit, string Stdout, string Stderr) Run(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run([.. args, .. database.CliArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
