using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>The API test classes share one running app per provider (starting one costs 1-2 s); the tests only read or compute.</summary>
[CollectionDefinition(Name)]
public sealed class ApiGroup : ICollectionFixture<ApiApps>
{
    public const string Name = "api";
}

/// <summary>One seeded database and one real app (Kestrel on loopback) per provider, started on first use.</summary>
public sealed class ApiApps(TestDatabases databases) : IAsyncLifetime
{
    private readonly Dictionary<Provider, Lazy<Task<(TestDatabase Db, RunningApp App)>>> _apps = new()
    {
        [Provider.Sqlite] = new(() => StartAsync(databases, Provider.Sqlite)),
        [Provider.Postgres] = new(() => StartAsync(databases, Provider.Postgres)),
    };

    public async Task<ApiClient> ClientAsync(Provider provider) => new((await _apps[provider].Value).App.Client);

    public async Task<RunningApp> AppAsync(Provider provider) => (await _apps[provider].Value).App;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // A start that failed (PostgreSQL not available) has already failed its tests with the reason.
        foreach (var lazy in _apps.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            var (db, app) = await lazy.Value;
            await app.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    private static async Task<(TestDatabase, RunningApp)> StartAsync(TestDatabases databases, Provider provider)
    {
        var db = await databases.CreateSeededAsync(provider);
        return (db, await RunningApp.StartAsync(db.Options));
    }
}

/// <summary>Small helpers over the app's HttpClient: relative URIs, JSON bodies, problem+json checks.</summary>
public sealed class ApiClient(HttpClient client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app's client itself, for pages and static files.</summary>
    public HttpClient Http => client;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null) =>
        client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content }, Ct);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request, Ct);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)));

    /// <summary>GET, expect 200 application/json with the API-Version header, and return the body.</summary>
    public async Task<string> GetJsonTextAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertVersion(response);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    public async Task<JsonElement> GetJsonAsync(string path) => Parse(await GetJsonTextAsync(path));

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static void AssertVersion(HttpResponseMessage response) =>
        Assert.Equal("1.0.0", Assert.Single(response.Headers.GetValues("API-Version")));

    /// <summary>Expect an RFC 9457 problem with this status, a type that the page /api explains, and the request path as instance.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSlug)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertVersion(response);
        var problem = Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.EndsWith($"/api#probleem-{typeSlug}", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, problem.GetProperty("instance").GetString());
        return problem;
    }

    /// <summary>The invalidParams of a problem as (name, reason).</summary>
    public static List<(string Name, string Reason)> InvalidParams(JsonElement problem) =>
        [.. problem.GetProperty("invalidParams").EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("reason").GetString()!))];
}
