using System.Net;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>The VHP page: the municipality's editor saves all years at once and sees the check; others read; errors keep what was typed.</summary>
public sealed class HousingProgrammePageTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_SavesAllYears_AndSeesTheShortfallAgainstTheComputedDistribution()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var session = new EditSession(app);
        await session.SignInAsync(ede);
        await session.GetAsync("/gemeente/GM0228/vhp");
        Assert.Contains("berekende verdeling, nog geen vastgestelde afspraak", session.TextOf("grondslag-doelen"), StringComparison.Ordinal);
        Assert.Contains("aanname", session.TextOf("grondslag-doelen"), StringComparison.Ordinal);

        var changes = Enumerable.Range(0, 9).SelectMany(i => new (string, string?)[]
        {
            ($"Form.Years[{i}].SocialRent", "265"), ($"Form.Years[{i}].MiddleRent", "250"), ($"Form.Years[{i}].FreeOwnership", "285"),
        }).ToArray();
        using var saved = await session.PostAsync("vhp", changes);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await session.GetAsync(saved.Headers.Location!.PathAndQuery);

        Assert.Equal("sociale huur 2.385 2.391 6 tekort 6", session.TextOf("vhp-toets").Split("Oordeel ")[1].Split(" middensegment")[0]);
        Assert.Contains("VHP_BELOW_AGREEMENT", session.TextOf("bevindingen"), StringComparison.Ordinal);
        Assert.Contains("6 te weinig", session.TextOf("bevindingen"), StringComparison.Ordinal);
        Assert.Equal("265", session.InputValue("vhp-0-sociale-huur"));
    }

    [Fact]
    public async Task InvalidNumbers_AreShownPerField_NothingIsStored_AndOthersOnlyRead()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        var ede = await TestAccounts.CreateAsync(db, "GM0228", AccountRole.Editor);
        var barneveld = await TestAccounts.CreateAsync(db, "GM0203", AccountRole.Editor);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        using var session = new EditSession(app);
        await session.SignInAsync(ede);
        await session.GetAsync("/gemeente/GM0228/vhp");
        using var invalid = await session.PostAsync("vhp", ("Form.Years[0].SocialRent", "-5"), ("Form.Years[1].MiddleRent", "veel"), ("Form.Years[2].SocialRent", "1.234"));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("negatief", session.ErrorFor("vhp-0-sociale-huur"), StringComparison.Ordinal);
        Assert.Contains("geen getal", session.ErrorFor("vhp-1-middenhuur"), StringComparison.Ordinal);
        Assert.Equal("veel", session.InputValue("vhp-1-middenhuur"));
        await using (var check = db.Context())
        {
            Assert.Equal(0, await check.HousingProgrammes.CountAsync(Ct));
        }

        using var other = new EditSession(app);
        await other.SignInAsync(barneveld);
        await other.GetAsync("/gemeente/GM0228/vhp");
        Assert.Contains("u leest mee", other.TextOf("wie-mag-bewerken"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"vhp-0-sociale-huur\"", other.RawHtml, StringComparison.Ordinal);

        using var anonymous = new EditSession(app);
        using var redirect = await anonymous.GetAsync("/gemeente/GM0228/vhp");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
    }
}
