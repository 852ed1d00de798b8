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

    /// <summary>Plans of Ede with a status, a year and segments that vary: PAG-i has status 1b for even i, 2a for odd i; year 2027 when i % 3 == 0, else 2029; social rent when i % 4 == 0.</summary>
    private static async Task AddVariedPlansAsync(TestDatabase db, int count)
    {
        await using var context = db.Context();
        for (var i = 0; i < count; i++)
        {
            var plan = new PlanRow
            {
                MunicipalityCode = "GM0228", Code = string.Create(CultureInfo.InvariantCulture, $"FIL-{i:D4}"), Name = $"Filterplan {count - i:D4}",
                Status = i % 2 == 0 ? "1b" : "2a", PriceLevelYear = 2024, Source = "test",
            };
            plan.Deliveries.Add(new PlanDeliveryRow { Year = i % 3 == 0 ? 2027 : 2029, SocialRent = i % 4 == 0 ? 5 : 0, FreeOwnership = i + 1 });
            context.Plans.Add(plan);
        }

        await context.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task PlanList_FiltersByStatusYearAndSegment_SortsAndTotalsOverAllMatchingPlans(Provider provider)
    {
        await using var db = await databases.CreateSeededAsync(provider);
        await AddVariedPlansAsync(db, 600);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        await using var context = db.Context();
        var plans = await context.Plans.AsNoTracking().Include(p => p.Deliveries).Where(p => p.MunicipalityCode == "GM0228").ToListAsync(Ct);
        static long Homes(PlanRow p) => p.Deliveries.Sum(d => (long)d.SocialRent + d.MiddleRent + d.AffordableOwnership + d.FreeRent + d.FreeOwnership + d.UnknownSegment);

        // Status 1b, delivering in 2027, with social rent, the most homes first: every matching plan once, over the pages.
        var matching = plans.Where(p => p.Status == "1b" && p.Deliveries.Any(d => d.Year == 2027) && p.Deliveries.Any(d => d.SocialRent > 0))
            .OrderByDescending(Homes).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        Assert.True(matching.Count > 10, $"{matching.Count} matching plans"); // 50: FIL-0000, FIL-0012, ...
        const string filter = "status=1b&jaar=2027&segment=sociale-huur&sorteer=woningen&volgorde=aflopend";
        var ids = new List<int>();
        var pages = (matching.Count + PlanPages.DefaultSize - 1) / PlanPages.DefaultSize;
        string? first = null;
        for (var page = 1; page <= pages; page++)
        {
            var html = await app.Client.GetStringAsync(new Uri($"/gemeente/GM0228/plannen?{filter}" + (page > 1 ? $"&pagina={page}" : ""), UriKind.Relative), Ct);
            first ??= html;
            ids.AddRange(PlanRowTag().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        }

        Assert.NotNull(first);
        Assert.Equal(matching.Select(p => p.Id), ids);
        Assert.Contains($"{Format.Count(matching.Count)} van {Format.Count(plans.Count)} met planstatus 1b, met oplevering in 2027, met woningen in sociale huur", first, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\">Totaal", first, StringComparison.Ordinal);
        Assert.Contains("<option value=\"sociale-huur\" selected", first, StringComparison.Ordinal);

        // The footer's totals are over the matching plans only (not this page's, not all plans').
        var footer = first[first.IndexOf("<tfoot>", StringComparison.Ordinal)..first.IndexOf("</tfoot>", StringComparison.Ordinal)];
        Assert.Contains($">{Format.Count(matching.Sum(p => p.Deliveries.Sum(d => (long)d.SocialRent)))}<", footer, StringComparison.Ordinal);
        Assert.Contains($">{Format.Count(matching.Sum(Homes))}<", footer, StringComparison.Ordinal);
        Assert.DoesNotContain($">{Format.Count(plans.Sum(Homes))}<", footer, StringComparison.Ordinal);

        // By name, ascending, status 2a only: more than a page, and the page links keep the filter.
        var named = plans.Where(p => p.Status == "2a").OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true)).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var byName = await app.Client.GetStringAsync(new Uri("/gemeente/GM0228/plannen?status=2a&sorteer=naam", UriKind.Relative), Ct);
        Assert.Equal(named.Take(PlanPages.DefaultSize).Select(p => p.Id), PlanRowTag().Matches(byName).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("href=\"/gemeente/GM0228/plannen?status=2a&amp;sorteer=naam&amp;pagina=2\" rel=\"next\"", byName, StringComparison.Ordinal);

        // Nothing matches: said so; a value that is not understood: a Dutch note and that filter off.
        var none = await app.Client.GetStringAsync(new Uri("/gemeente/GM0228/plannen?status=4b&jaar=2027", UriKind.Relative), Ct);
        Assert.Contains("Geen plannen van Ede met planstatus 4b, met oplevering in 2027.", none, StringComparison.Ordinal);
        Assert.Equal(0, PlanRowTag().Count(none));
        var wrong = await app.Client.GetStringAsync(new Uri("/gemeente/GM0228/plannen?status=9z&jaar=twintig", UriKind.Relative), Ct);
        Assert.Contains("Planstatus ‘9z’ bestaat niet (kies 1a tot en met 4b); op status is niet gefilterd.", System.Net.WebUtility.HtmlDecode(wrong), StringComparison.Ordinal);
        Assert.Contains("Jaar ‘twintig’ is geen jaartal; op jaar is niet gefilterd.", System.Net.WebUtility.HtmlDecode(wrong), StringComparison.Ordinal);
        Assert.Equal(PlanPages.DefaultSize, PlanRowTag().Count(wrong));
    }
}
