using System.Net;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The existing edit pages under issue 6's rules: others read, only the municipality's (or province's) editors change.</summary>
public sealed class AuthorisationPagesTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanAndRealisationPages_OtherOrganisations_ReadOnly_CreatePageForbidden()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        var gelderland = await TestAccounts.CreateAsync(db, "PV25", AccountRole.Administrator);
        int id;
        await using (var read = db.Context())
        {
            id = await read.Plans.Where(p => p.MunicipalityCode == "GM0228").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        }

        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        foreach (var account in new[] { barneveld, gelderland })
        {
            using var user = new EditSession(app);
            await user.SignInAsync(account);

            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/plan/{id}")).StatusCode);
            Assert.Contains("Alleen bewerkers van Ede wijzigen haar plannen", user.TextOf("alleen-lezen"), StringComparison.Ordinal);
            Assert.DoesNotContain("<form id=\"plan\"", user.RawHtml, StringComparison.Ordinal);
            Assert.Contains("<fieldset disabled", user.RawHtml, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/gemeente/GM0228/realisaties/2023")).StatusCode);
            Assert.Contains("Alleen bewerkers van Ede wijzigen haar realisaties", user.TextOf("alleen-lezen"), StringComparison.Ordinal);
            Assert.DoesNotContain("<form id=\"realisatie\"", user.RawHtml, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/gemeente/GM0228/plannen/nieuw")).StatusCode);
            Assert.Contains("Geen toegang", user.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Trajectory_MunicipalityPreviewsOnly_ForgedSaveIsForbidden_ProvinceOfAMemberSaves()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Administrator);
        var utrecht = await TestAccounts.CreateAsync(db, "PV26", AccountRole.Editor); // Veenendaal and Renswoude lie in Utrecht
        var holland = await TestAccounts.CreateAsync(db, "PV27", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        using var municipality = new EditSession(app);
        await municipality.SignInAsync(ede);
        await municipality.GetAsync("/regio/WD19/traject");
        Assert.Contains("Alleen bewerkers van een provincie waarin Regio Foodvalley ligt", municipality.TextOf("alleen-lezen"), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"opslaan\"", municipality.RawHtml, StringComparison.Ordinal);
        using (var forged = await municipality.PostAsync("traject", ("Actie", "opslaan"), ("Form.Weights[2030]", "5")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using var other = new EditSession(app);
        await other.SignInAsync(holland);
        await other.GetAsync("/regio/WD19/traject");
        using (var forged = await other.PostAsync("traject", ("Actie", "opslaan")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        await using (var check = db.Context())
        {
            Assert.False(await check.TrajectoryWeights.AnyAsync(Ct));
        }

        using var province = new EditSession(app);
        await province.SignInAsync(utrecht);
        await province.GetAsync("/regio/WD19/traject");
        Assert.Contains("value=\"opslaan\"", province.RawHtml, StringComparison.Ordinal);
        using var save = await province.PostAsync("traject", ("Actie", "opslaan"), ("Form.Weights[2030]", "2"));
        Assert.Equal(HttpStatusCode.Found, save.StatusCode);
        await using var after = db.Context();
        Assert.Equal(9, await after.TrajectoryWeights.CountAsync(w => w.RegionId == "WD19", Ct));
        var entry = await after.AuditEntries.Where(e => e.ObjectType == "traject" && e.ObjectId == "WD19").FirstAsync(Ct);
        Assert.Equal((utrecht.Id, "PV26"), (entry.ActorId, entry.OrganisationId));
    }
}
