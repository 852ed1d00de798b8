using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>/gemeente/{code}/plannen a page at a time (issue 19): a page of PlanPages.DefaultSize rows, links between pages, totals over all plans.</summary>
public sealed partial class PlanListPagingTests(TestDatabases databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<tr id=\"plan-(\\d+)\" data-id=")]
    private static partial Regex PlanRowTag();

    private static async Task<int> AddPlansAsync(TestDatabase db, int count)
    {
        await using var context = db.Context();
        for (var i = 0; i < count; i++)
        {
            var plan = new PlanRow
            {
                MunicipalityCode = "GM0228", Code = string.Create(CultureInfo.InvariantCulture, $"PAG-{i:D4}"), Name = $"Pagina-plan {i}",
                Status = "1b", PriceLevelYear = 2024, Source = "test",
            };
            plan.Deliveries.Add(new PlanDeliveryRow { Year = 2027, SocialRent = i % 7, MiddleRent = 3, FreeOwnership = i });
            context.Plans.Add(plan);
        }

        await context.SaveChangesAsync(Ct);
        return await context.Plans.CountAsync(p => p.MunicipalityCode == "GM0228", Ct);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task PlanList_ShowsOnePageAndTotalsOverAllPlans(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        var total = await AddPlansAsync(db, 250);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var pages = (total + PlanPages.DefaultSize - 1) / PlanPages.DefaultSize;
        Assert.True(pages >= 3, $"{total} plans");

        var first = await app.Client.GetStringAsync(new Uri("/gemeente/GM0228/plannen", UriKind.Relative), Ct);
        Assert.Equal(PlanPages.DefaultSize, PlanRowTag().Count(first));
        Assert.Contains($"Pagina 1 van {pages}", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/gemeente/GM0228/plannen?pagina=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var last = await app.Client.GetStringAsync(new Uri($"/gemeente/GM0228/plannen?pagina={pages}", UriKind.Relative), Ct);
        Assert.Equal(total - ((pages - 1) * PlanPages.DefaultSize), PlanRowTag().Count(last));
        Assert.Contains("rel=\"prev\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);

        // Every plan on exactly one page, in code order; beyond the last page shows the last page.
        var ids = new List<int>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await app.Client.GetStringAsync(new Uri($"/gemeente/GM0228/plannen?pagina={page}", UriKind.Relative), Ct);
            ids.AddRange(PlanRowTag().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        }

        await using var context = db.Context();
        var all = await context.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.MunicipalityCode == "GM0228").ToListAsync(Ct);
        Assert.Equal(all.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => p.Id), ids);
        var beyond = await app.Client.GetStringAsync(new Uri($"/gemeente/GM0228/plannen?pagina={pages + 5}", UriKind.Relative), Ct);
        Assert.Contains($"Pagina {pages} van {pages}", beyond, StringComparison.Ordinal);

        // The footer totals are over all plans, on every page.
        var free = all.Sum(p => p.Deliveries.Sum(d => (long)d.FreeOwnership));
        var grand = all.Sum(p => p.Deliveries.Sum(d => (long)d.SocialRent + d.MiddleRent + d.AffordableOwnership + d.FreeRent + d.FreeOwnership + d.UnknownSegment));
        foreach (var html in new[] { first, last })
        {
            var footer = html[html.IndexOf("<tfoot>", StringComparison.Ordinal)..html.IndexOf("</tfoot>", StringComparison.Ordinal)];
            Assert.Contains($"alle {Format.Count(total)} plannen", footer, StringComparison.Ordinal);
            Assert.Contains($">{Format.Count(free)}<", footer, StringComparison.Ordinal);
            Assert.Contains($">{Format.Count(grand)}<", footer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PlanList_AfterSaving_OpensThePageWithThatPlan()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await AddPlansAsync(db, 250);
        await using var context = db.Context();
        var ordered = (await context.Plans.AsNoTracking().Where(p => p.MunicipalityCode == "GM0228").Select(p => new { p.Id, p.Code }).ToListAsync(Ct))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var target = ordered[(2 * PlanPages.DefaultSize) + 3];
        await using var app = await RunningApp.StartAsync(db.Options, Ct);

        var html = await app.Client.GetStringAsync(new Uri($"/gemeente/GM0228/plannen?opgeslagen={target.Id}", UriKind.Relative), Ct);

        Assert.Contains("Pagina 3 van", html, StringComparison.Ordinal);
        Assert.Contains($"<tr id=\"plan-{target.Id}\" data-id=\"{target.Id}\" class=\"rw-changed\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bevestiging\"", html, StringComparison.Ordinal);
    }
}
