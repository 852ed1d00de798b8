using Regiewijzer.Core;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.Web.Downloads;

namespace Regiewijzer.Web.Components.Pages.Regions;

/// <summary>Downloads of a region's and a municipality's tables.</summary>
internal static class RegionDownloads
{
    public static readonly IReadOnlyList<string> ExplanationColumns = ["stap", "titel", "toelichting", "waarden", "regel", "bron"];

    public static readonly IReadOnlyList<string> PlaceColumns =
        ["rang", "code", "gemeente", "opgave", "aandeel_corporatie", "achterblijvend", "sociale_huur", "aandeel_sociale_huur", "aandeel_betaalbaar"];

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/regio/{id}/verdeling.{extension}", Distribution);
        group.MapGet("/gemeente/{code}/uitleg.{extension}", Explanation);
        group.MapGet("/gemeente/{code}/plaats-in-regio.{extension}", Place);
    }

    private static async Task<IResult> Distribution(string id, string extension, RegiewijzerDb db, CountryCache country, CancellationToken ct)
    {
        if (!Known(extension))
        {
            return UnknownExtension(extension);
        }

        var facts = await RegionFacts.LoadAsync(db, await country.GetAsync(ct).ConfigureAwait(false), id, ct).ConfigureAwait(false);
        if (facts is null)
        {
            return NotFound($"Geen woningbouwregio met de code {id}.");
        }

        if (facts.Outcome.Result is not { } result)
        {
            return NotFound(facts.Outcome.NotDistributed!);
        }

        return DownloadEndpoints.File(ExportDistribution.Table(result), extension, $"verdeling-{facts.Region.Id}") ?? UnknownExtension(extension);
    }

    private static async Task<IResult> Explanation(string code, string extension, RegiewijzerDb db, CancellationToken ct)
    {
        if (!Known(extension))
        {
            return UnknownExtension(extension);
        }

        var facts = await LoadMunicipality.RunAsync(db, code, ct).ConfigureAwait(false);
        if (facts is null)
        {
            return NotFound($"Geen gemeente met de code {code}.");
        }

        if (facts.Distribution is not { } mine)
        {
            return NotFound($"{facts.Municipality.Name} heeft geen doelen: geen regio of geen opgave bekend.");
        }

        var rows = facts.Region!.Result!.Explain(mine.Code)
            .Select(s => (IReadOnlyList<object?>)[s.Number, s.Title, s.Text, string.Join("; ", s.Values.Select(v => $"{v.Name} = {v.Value}")), s.Rule, s.Source])
            .ToList();
        var table = new TableData($"Uitleg {facts.Municipality.Name}", ExplanationColumns, rows);
        return DownloadEndpoints.File(table, extension, $"uitleg-{facts.Municipality.Code}") ?? UnknownExtension(extension);
    }

    private static async Task<IResult> Place(string code, string extension, RegiewijzerDb db, CancellationToken ct)
    {
        if (!Known(extension))
        {
            return UnknownExtension(extension);
        }

        var facts = await LoadMunicipality.RunAsync(db, code, ct).ConfigureAwait(false);
        if (facts is null)
        {
            return NotFound($"Geen gemeente met de code {code}.");
        }

        if (facts.Region?.Result is not { } result)
        {
            return NotFound($"{facts.Municipality.Name} ligt niet in een regio met een verdeling.");
        }

        var rows = PlaceInRegion.Rank(result)
            .Select((m, i) => (IReadOnlyList<object?>)
            [
                i + 1, m.Code.Value, m.Name, m.Task, m.StockShare.ToDecimal(4), m.Lagging.Dutch(), m.Social, Share(m.Social, m.Task), Share(m.Affordable, m.Task),
            ])
            .ToList();
        var table = new TableData($"Plaats in {result.Name}", PlaceColumns, rows);
        return DownloadEndpoints.File(table, extension, $"plaats-in-regio-{facts.Municipality.Code}") ?? UnknownExtension(extension);
    }

    private static decimal? Share(int part, int whole) => whole == 0 ? null : new Fraction(part, whole).ToDecimal(4);

    private static bool Known(string extension) =>
        string.Equals(extension, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, "xlsx", StringComparison.OrdinalIgnoreCase);

    private static IResult UnknownExtension(string extension) => NotFound($"Onbekend bestandstype '{extension}': kies csv of xlsx.");

    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
