using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Cli;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Quality;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>Data-quality findings on the shipped data, and a province's correction of a flagged input (issue 14).</summary>
public sealed class DataQualityTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Editor(string organisation, OrganisationKind kind, string? province) =>
        new($"test-{organisation}", $"Bewerker {organisation}", [new Grant(new OrganisationRef(organisation, kind, province), AccountRole.Editor)]);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Shipped_RenswoudeAmelandAndOpmeer_HaveAnImplausibleCorporationShare(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();

        var report = await CheckDataQuality.RunAsync(db, Ct);

        Assert.Equal(["GM0060", "GM0339", "GM0432"], report.Findings.Where(f => f.Code == DataQualityCode.LowCorporationShare).Select(f => f.Municipality.Value));
        Assert.Contains("0,0%", report.Of("GM0339").Single().Message, StringComparison.Ordinal);
        Assert.Empty(report.Corrected);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Correction_ByTheProvince_WinsInTheDistributionAndIsAudited(Provider provider)
    {
        await using var database = await databases.CreateSeededAsync(provider);
        await using var db = database.Context();
        var region = await db.Regions.FirstAsync(r => r.Id == "WD19", Ct);
        var before = (await DistributeRegion.RunAsync(db, region, store: false, ct: Ct)).Result!.Municipalities.Single(m => m.Code.Value == "GM0339");
        var version = (await db.Stock.AsNoTracking().Where(s => s.MunicipalityCode == "GM0339").OrderByDescending(s => s.ReferenceYear).FirstAsync(Ct)).Version;
        Assert.Equal(LaggingSegment.Social, before.Lagging);

        var outcome = await CorrectStock.RunAsync(db, Editor("PV26", OrganisationKind.Province, "PV26"), "GM0339", 700, "Jaarverslag Woningbedrijf Renswoude (testwaarde)", version, TimeProvider.System, Ct);

        Assert.True(outcome.Succeeded, outcome.Reason);
        await using var read = database.Context();
        var after = (await DistributeRegion.RunAsync(read, await read.Regions.FirstAsync(r => r.Id == "WD19", Ct), store: false, ct: Ct)).Result!.Municipalities.Single(m => m.Code.Value == "GM0339");
        Assert.Equal((700, LaggingSegment.Middle), (after.Input.SocialStock, after.Lagging)); // 700 of 2.195 is 31,9%: no longer lagging in social rent
        var report = await CheckDataQuality.RunAsync(read, Ct);
        Assert.Empty(report.Of("GM0339"));
        var corrected = Assert.Single(report.Corrected);
        Assert.Equal(("Renswoude", 700, 0, "PV26"), (corrected.Name, corrected.Stock.SocialStock, corrected.Stock.ReferenceSocialStock, corrected.Stock.CorrectedBy));
        var audit = await read.AuditEntries.Where(e => e.ObjectType == "voorraad" && e.ObjectId == "GM0339").ToListAsync(Ct);
        var entry = Assert.Single(audit);
        Assert.Equal(("test-PV26", "PV26"), (entry.ActorId, entry.OrganisationId));
        Assert.Contains("700", entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GM0339", OrganisationKind.Municipality, "PV26")] // Renswoude itself
    [InlineData("PV25", OrganisationKind.Province, "PV25")] // Gelderland, not Renswoude's province
    public async Task Correction_ByAnyoneButTheProvince_IsRefused(string organisation, OrganisationKind kind, string province)
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();

        var outcome = await CorrectStock.RunAsync(db, Editor(organisation, kind, province), "GM0339", 700, "Jaarverslag van de corporatie", 0, TimeProvider.System, Ct);

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Contains("provincie Utrecht", outcome.Reason, StringComparison.Ordinal);
        Assert.False(await db.Stock.AnyAsync(s => s.ReferenceSocialStock != null, Ct));
    }

    [Theory]
    [InlineData(-1, "Jaarverslag van de corporatie", "socialStock")]
    [InlineData(2_196, "Jaarverslag van de corporatie", "socialStock")] // more than the stock
    [InlineData(null, "Jaarverslag van de corporatie", "socialStock")]
    [InlineData(700, "kort", "source")]
    [InlineData(700, null, "source")]
    public async Task Correction_Invalid_SaysWhichFieldInDutch(int? social, string? source, string field)
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var db = database.Context();

        var outcome = await CorrectStock.RunAsync(db, Editor("PV26", OrganisationKind.Province, "PV26"), "GM0339", social, source, 0, TimeProvider.System, Ct);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([field], outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Pages_ShowTheFindingAndTheProvinceCorrectsOnTheWeb()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var utrecht = await TestAccounts.CreateAsync(database, "PV26", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(database.Options, Ct);
        using var user = new EditSession(app);

        await user.GetAsync("/gemeente/GM0339");
        Assert.Contains("Onwaarschijnlijk laag aandeel corporatiewoningen", user.Html, StringComparison.Ordinal);
        Assert.Contains("STOCK_SHARE_IMPLAUSIBLE", user.Html, StringComparison.Ordinal);
        await user.GetAsync("/regio/WD19");
        Assert.Contains("Invoer met een signaal", user.Html, StringComparison.Ordinal);
        Assert.Contains("data-municipality=\"GM0339\"", user.RawHtml, StringComparison.Ordinal);
        await user.GetAsync("/bronnen");
        Assert.Contains("data-municipality=\"GM0060\"", user.RawHtml, StringComparison.Ordinal);
        Assert.Contains("data-municipality=\"GM0432\"", user.RawHtml, StringComparison.Ordinal);

        await user.SignInAsync(utrecht);
        await user.GetAsync("/gemeente/GM0339/correctie");
        using var saved = await user.PostAsync("correctie", ("Form.SocialStock", "700"), ("Form.Source", "Jaarverslag Woningbedrijf Renswoude (testwaarde)"));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        await user.GetAsync("/gemeente/GM0339");
        Assert.Contains("Gecorrigeerd", user.Html, StringComparison.Ordinal);
        Assert.Contains("Jaarverslag Woningbedrijf Renswoude", user.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("STOCK_SHARE_IMPLAUSIBLE", user.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Kwaliteit_ListsTheFindings()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exit = CliApp.Run(["kwaliteit", .. database.CliArgs], stdout, stderr);

        Assert.True(exit == CliApp.Ok, stderr.ToString());
        var text = stdout.ToString();
        foreach (var name in new[] { "Renswoude (GM0339)", "Ameland (GM0060)", "Opmeer (GM0432)" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains("STOCK_SHARE_IMPLAUSIBLE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ImportOfStock_ReportsTheFindingsOfTheImportedMunicipalities()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"voorraad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "gemeentecode;peiljaar;woningvoorraad;corporatiewoningen\nGM0228;2025;53000;0\n", Ct);
        try
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);

            var exit = CliApp.Run(["import", "stock", "--bestand", file, .. database.CliArgs], stdout, stderr);

            Assert.True(exit == CliApp.Ok, stderr.ToString());
            Assert.Contains("Signaal: Ede (GM0228), Onwaarschijnlijk laag aandeel corporatiewoningen (STOCK_SHARE_IMPLAUSIBLE)", stdout.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Renswoude", stdout.ToString(), StringComparison.Ordinal); // only the imported municipalities
        }
        finally
        {
            File.Delete(file);
        }
    }
}
