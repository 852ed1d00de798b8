using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Regiewijzer.IntegrationTests.Web;
using Xunit;

namespace Regiewijzer.IntegrationTests.Governance;

/// <summary>
/// OpenID Connect sign-in by configuration: without Authentication:Oidc:Authority there is none; with it, the sign-in
/// page offers it and the challenge reads the provider's discovery document and sends the browser to its
/// authorization endpoint (code flow with PKCE). The provider here is a real HTTP server serving a discovery document.
/// </summary>
public sealed class OidcTests(TestDatabases databases)
{
    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutConfiguration_NoExternalSignIn()
    {
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct);
        var page = await app.Client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative), Ct);
        Assert.DoesNotContain("aanmelden-extern", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAuthority_ChallengeRedirectsToTheProvidersAuthorizationEndpoint()
    {
        await using var provider = await StartProviderAsync();
        await using var db = await databases.CreateSeededAsync(Provider.Sqlite);
        await using var app = await RunningApp.StartAsync(db.Options, Ct,
            "--Authentication:Oidc:Authority", provider.Urls.First(),
            "--Authentication:Oidc:ClientId", "regiewijzer-test",
            "--Authentication:Oidc:DisplayName", "Test-IdP",
            "--Authentication:Oidc:RequireHttpsMetadata", "false");

        var page = await app.Client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative), Ct);
        Assert.Contains("Aanmelden met Test-IdP", page, StringComparison.Ordinal);

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var challenge = await client.GetAsync(new Uri("/aanmelden/extern?returnUrl=/account", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(provider.Urls.First() + "/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("regiewijzer-test", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(app.Address, "/signin-oidc").ToString(), query["redirect_uri"]);
        Assert.Contains("openid", query["scope"]!.Split(' '));
    }

    private static async Task<WebApplication> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = builder.Build();
        provider.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var issuer = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/jwks",
                ["response_types_supported"] = Code,
                ["subject_types_supported"] = Public,
                ["id_token_signing_alg_values_supported"] = Rs256,
            });
        });
        provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await provider.StartAsync(Ct);
        return provider;
    }
}
