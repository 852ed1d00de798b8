using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Drives the what-if page (/regio/{id}/wat-als) over HTTP as a browser would: GET the page (antiforgery cookie and
/// token), then post its forms with the values the page rendered plus changes.
/// </summary>
internal sealed partial class WhatIfSession(HttpClient client, string regionId)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Path => $"/regio/{regionId}/wat-als";

    /// <summary>The page as last received (HTML-decoded, for text assertions).</summary>
    public string Html => WebUtility.HtmlDecode(RawHtml);

    /// <summary>The page as last received (attribute values still encoded, for reading forms).</summary>
    public string RawHtml { get; private set; } = "";

    public async Task<HttpResponseMessage> OpenAsync()
    {
        var response = await client.GetAsync(new Uri(Path, UriKind.Relative), Ct);
        RawHtml = await response.Content.ReadAsStringAsync(Ct);
        return response;
    }

    /// <summary>Posts form "wat-als" with every field as the page shows it, changed by <paramref name="changes"/> (name → value).</summary>
    public async Task<HttpResponseMessage> CalculateAsync(params (string Name, string Value)[] changes)
    {
        var fields = FormFields(RawForm("wat-als"));
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        var response = await client.PostAsync(new Uri(Path, UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
        RawHtml = await response.Content.ReadAsStringAsync(Ct);
        return response;
    }

    /// <summary>Posts form "wat-als-downloads" (the computed scenario) to one of its download addresses.</summary>
    public Task<HttpResponseMessage> DownloadAsync(string file)
    {
        var fields = FormFields(RawForm("wat-als-downloads"));
        return client.PostAsync(new Uri($"/download/regio/{regionId}/wat-als/{file}", UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>Uploads a scenario file through form "scenario-laden".</summary>
    public async Task<HttpResponseMessage> LoadAsync(byte[] file, string fileName = "scenario.json")
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(RawForm("scenario-laden")))
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "Bestand", fileName);
        var response = await client.PostAsync(new Uri(Path, UriKind.Relative), content, Ct);
        RawHtml = await response.Content.ReadAsStringAsync(Ct);
        return response;
    }

    /// <summary>The value attribute of the input with this id (as rendered, decoded).</summary>
    public string InputValue(string id)
    {
        var input = Regex.Match(RawHtml, $"<input[^>]*id=\"{Regex.Escape(id)}\"[^>]*>").Value;
        Assert.False(string.IsNullOrEmpty(input), $"no input #{id}");
        return WebUtility.HtmlDecode(ValuePattern().Match(input).Groups[1].Value);
    }

    /// <summary>The text of element id="fout-{id}", or null.</summary>
    public string? ErrorFor(string id)
    {
        var html = Html;
        var m = Regex.Match(html, $"id=\"fout-{Regex.Escape(id)}\">([^<]*)<");
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The rows (by data-code) of table id, each as the texts of its cells.</summary>
    public Dictionary<string, string[]> Rows(string tableId)
    {
        var html = Html;
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table #{tableId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return RowPattern().Matches(table).ToDictionary(
            m => m.Groups[1].Value,
            m => CellPattern().Matches(m.Groups[2].Value).Select(c => Text(c.Groups[1].Value)).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The HTML of row data-code in table id (to check classes), decoded.</summary>
    public string RowHtml(string tableId, string code)
    {
        var start = RawHtml.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Regex.Match(RawHtml[start..], $"<tr data-code=\"{code}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value);
    }

    /// <summary>The text of the element with this id, tags removed and white space collapsed.</summary>
    public string TextOf(string id)
    {
        var html = Html;
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element #{id}");
        var tag = html.LastIndexOf('<', start);
        var name = Regex.Match(html[(tag + 1)..], "^[a-z0-9]+").Value;
        var end = html.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        return Text(html[(html.IndexOf('>', start) + 1)..end]);
    }

    private static string Text(string html) => WhiteSpace().Replace(TagPattern().Replace(html, " "), " ").Trim();

    private string RawForm(string id)
    {
        var start = RawHtml.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form #{id}");
        return RawHtml[start..RawHtml.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    /// <summary>Inputs (name → value) and the selected option of each select of a form.</summary>
    private static Dictionary<string, string> FormFields(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form))
        {
            var name = NamePattern().Match(input.Value);
            if (name.Success && !input.Value.Contains("type=\"file\"", StringComparison.Ordinal))
            {
                fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(ValuePattern().Match(input.Value).Groups[1].Value);
            }
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = WebUtility.HtmlDecode(SelectedPattern().Match(select.Groups[2].Value).Groups[1].Value);
        }

        return fields;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NamePattern();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("<select[^>]*name=\"([^\"]*)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("<tr [^>]*data-code=\"(GM[0-9]{4}|regio)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
