using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Editing;

/// <summary>Breadcrumbs of the edit pages: region and municipality, then the page's own items.</summary>
internal static class EditCrumbs
{
    public static IReadOnlyList<(string? Href, string Text)> Municipality(MunicipalityRow municipality, params (string? Href, string Text)[] rest)
    {
        var region = municipality.Membership?.Region;
        IEnumerable<(string?, string)> start = region is null
            ? [($"/gemeente/{municipality.Code}", municipality.Name)]
            : [("/regios", "Woningbouwregio's"), ($"/regio/{region.Id}", region.Name), ($"/gemeente/{municipality.Code}", municipality.Name)];
        return [.. start, .. rest];
    }
}
