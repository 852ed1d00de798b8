using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// One browser-like user of the edit pages over HTTP: its own cookies (antiforgery), no automatic redirects (to see the
/// post/redirect/get), forms posted with every field as the page rendered it plus changes.
/// </summary>
internal sealed partial class EditSession : IDisposable
{
    private readonly HttpClient _client;
    private readonly CookieContainer? _cookies;

    public EditSession(RunningApp app)
    {
        _cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = app.Address };
    }

    /// <summary>A session over a given client (e.g. through a reverse proxy); the session disposes it.</summary>
    public EditSession(HttpClient client)
    {
        _client = client;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The Cookie header this session sends to <paramref name="address"/> (to replay it elsewhere).</summary>
    public string Cookies(Uri address) => _cookies?.GetCookieHeader(address) ?? string.Empty;

    /// <summary>The page as last received, attribute values still encoded.</summary>
    public string RawHtml { get; private set; } = "";

    /// <summary>The page as last received, decoded (for text assertions).</summary>
    public string Html => WebUtility.HtmlDecode(RawHtml);

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        RawHtml = await response.Content.ReadAsStringAsync(Ct);
        return response;
    }

    /// <summary>Signs in through the sign-in page (the session keeps the cookie); returns the answer to the form post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        await GetAsync("/aanmelden");
        return await PostAsync("aanmelden", ("Input.Email", email), ("Input.Password", password));
    }

    /// <summary>Signs in as a test account and checks that it worked (redirect away from the sign-in page).</summary>
    public async Task SignInAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var response = await SignInAsync(account.Email, account.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect || response.StatusCode == HttpStatusCode.Found || (int)response.StatusCode == 303,
            $"sign-in of {account.Email}: {(int)response.StatusCode} {Html[..Math.Min(Html.Length, 500)]}");
    }

    /// <summary>Posts form <paramref name="formId"/> of the last page to its action, with changes (name → value; null removes a field).</summary>
    public async Task<HttpResponseMessage> PostAsync(string formId, params (string Name, string? Value)[] changes)
    {
        var form = RawForm(formId);
        var action = WebUtility.HtmlDecode(ActionPattern().Match(form).Groups[1].Value);
        var fields = FormFields(form);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                fields.Remove(name);
            }
            else
            {
                fields[name] = value;
            }
        }

        return await PostToAsync(action, fields);
    }

    /// <summary>Posts exactly these fields to a path (e.g. without the antiforgery token).</summary>
    public async Task<HttpResponseMessage> PostToAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
        RawHtml = await response.Content.ReadAsStringAsync(Ct);
        return response;
    }

    /// <summary>The fields of form <paramref name="formId"/> as the page rendered them.</summary>
    public Dictionary<string, string> Fields(string formId) => FormFields(RawForm(formId));

    /// <summary>The value attribute of the input with this id (decoded).</summary>
    public string InputValue(string id)
    {
        var input = Regex.Match(RawHtml, $"<input[^>]*id=\"{Regex.Escape(id)}\"[^>]*>").Value;
        Assert.False(string.IsNullOrEmpty(input), $"no input #{id}");
        return WebUtility.HtmlDecode(ValuePattern().Match(input).Groups[1].Value);
    }

    /// <summary>The text of element id="fout-{id}", or null.</summary>
    public string? ErrorFor(string id)
    {
        var m = Regex.Match(RawHtml, $"id=\"fout-{Regex.Escape(id)}\">([^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    /// <summary>The text of the element with this id, tags removed and white space collapsed.</summary>
    public string TextOf(string id)
    {
        var html = RawHtml;
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element #{id}");
        var tag = html.LastIndexOf('<', start);
        var name = Regex.Match(html[(tag + 1)..], "^[a-z0-9]+").Value;
        var end = html.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(WhiteSpace().Replace(TagPattern().Replace(html[(html.IndexOf('>', start) + 1)..end], " "), " ").Trim());
    }

    public void Dispose() => _client.Dispose();

    private string RawForm(string id)
    {
        var start = RawHtml.IndexOf($"<form id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form #{id}");
        return RawHtml[start..(RawHtml.IndexOf("</form>", start, StringComparison.Ordinal) + 7)];
    }

    /// <summary>Inputs (checkboxes only when checked), the selected option of each select, and textareas.</summary>
    private static Dictionary<string, string> FormFields(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form))
        {
            var name = NamePattern().Match(input.Value);
            var checkbox = input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal);
            if (name.Success && (!checkbox || input.Value.Contains(" checked", StringComparison.Ordinal)))
            {
                fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(ValuePattern().Match(input.Value).Groups[1].Value);
            }
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = WebUtility.HtmlDecode(SelectedPattern().Match(select.Groups[2].Value).Groups[1].Value);
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            fields[WebUtility.HtmlDecode(area.Groups[1].Value)] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        return fields;
    }

    [GeneratedRegex("<form [^>]*action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

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

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]*)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
