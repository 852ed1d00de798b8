using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Regiewijzer.Core;
using Regiewijzer.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Issue 11, findings 1, 7 and 10 replayed against the real app: a scenario with a number of a million digits, uploads
/// above the host's body limit (with and without Content-Length), and the security headers on every kind of response.
/// </summary>
[Collection(ApiGroup.Name)]
public sealed partial class HostileRequestTests(ApiApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostScenario_ShareWithAMillionDigits_Is422NamingThePath()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        var scenario = $$"""
            { "formatVersion": 1, "norms": { "socialShare": "0.{{new string('3', 1_000_000)}}" },
              "municipalities": [ { "code": "GM0228", "stock": 52436, "socialStock": 11012, "task": 7000 } ] }
            """;

        using var response = await api.PostJsonAsync("/api/v1/verdelingen", scenario);

        var problem = await ApiClient.AssertProblemAsync(response, (HttpStatusCode)422, "ongeldig-scenario");
        var (name, reason) = Assert.Single(ApiClient.InvalidParams(problem));
        Assert.Equal("$.norms.socialShare", name);
        Assert.Contains($"hooguit {Fraction.MaxLength} tekens", reason, StringComparison.Ordinal);
        Assert.True(reason.Length < 200, reason); // the number is not echoed back
    }

    [Fact]
    public async Task Upload_AboveTheBodyLimit_GetsADutchPageNamingTheLimit()
    {
        var client = await HttpAsync();
        using var form = Upload(new ByteArrayContent(new byte[RequestLimits.MaxBodyBytes + 1]));

        using var response = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), form, Ct);

        await AssertTooLargePageAsync(response);
    }

    [Fact]
    public async Task Upload_ChunkedAboveTheBodyLimit_GetsADutchPageNamingTheLimit()
    {
        // Without Content-Length the host only finds out while reading the form: this was the empty 400.
        var client = await HttpAsync();
        using var form = Upload(new StreamContent(new ZeroStream(RequestLimits.MaxBodyBytes + (2 * 1024 * 1024))));
        form.Headers.ContentLength = null;

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/monitoring/import", UriKind.Relative)) { Content = form };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Ct);

        await AssertTooLargePageAsync(response);
    }

    [Fact]
    public async Task ApiPost_AboveTheBodyLimit_IsADutch413Problem()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);
        using var body = new ByteArrayContent(new byte[RequestLimits.MaxBodyBytes + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await api.SendAsync(HttpMethod.Post, "/api/v1/verdelingen", body);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "verzoek-te-groot");
        Assert.Contains(Format.Count(RequestLimits.MaxBodyBytes), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPost_BodyTheFrameworkCannotBind_IsADutch400Problem()
    {
        var api = await apps.ClientAsync(Provider.Sqlite);

        using var response = await api.PostJsonAsync("/api/v1/aanmelden", "{ niet: json");

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldig-verzoek");
        Assert.Equal("Ongeldig verzoek", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regio/WD01")]
    [InlineData("/gemeente/GM0228")]
    [InlineData("/regio/WD01/wat-als")]
    [InlineData("/voortgang")]
    [InlineData("/aanmelden")]
    [InlineData("/api")]
    [InlineData("/api/v1/provincies")]
    [InlineData("/api/v1/openapi.json")]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    [InlineData("/bestaat-niet")]
    [InlineData("/api/v1/bestaat-niet")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var client = await HttpAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task ErrorAnswers_CarryTheSecurityHeaders()
    {
        var client = await HttpAsync();
        using var form = Upload(new ByteArrayContent(new byte[RequestLimits.MaxBodyBytes + 1]));

        using var tooLarge = await client.PostAsync(new Uri("/monitoring/import", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(tooLarge.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(tooLarge.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regio/WD01")]
    [InlineData("/gemeente/GM0228")]
    [InlineData("/regio/WD01/wat-als")]
    [InlineData("/voortgang")]
    [InlineData("/provincie/PV25")]
    [InlineData("/api")]
    public async Task Pages_HaveNoScriptTheCspWouldBlock(string path)
    {
        var client = await HttpAsync();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);

        foreach (Match script in ScriptTag().Matches(html))
        {
            var attributes = script.Groups["attributes"].Value;
            Assert.True(
                attributes.Contains("src=", StringComparison.Ordinal) || attributes.Contains("type=\"application/json\"", StringComparison.Ordinal),
                $"{path}: inline script <script{attributes}>");
        }

        Assert.DoesNotMatch(EventHandler(), html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpClient> HttpAsync() => (await apps.ClientAsync(Provider.Sqlite)).Http;

    private static MultipartFormDataContent Upload(HttpContent file)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { new StringContent("plannen-inlezen"), "_handler" }, { file, "Bestand", "plannen.csv" } };
        return form;
    }

    private static async Task AssertTooLargePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Het verzoek is te groot", html, StringComparison.Ordinal);
        Assert.Contains($"hooguit {Format.Count(RequestLimits.MaxBodyBytes / (1024 * 1024))} MB", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    /// <summary>A read-only stream of zeros of a given length that does not say its length: sent chunked.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
