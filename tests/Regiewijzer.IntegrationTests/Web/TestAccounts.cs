using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>An account made for a test: sign in with <see cref="Email"/> and <see cref="Password"/>.</summary>
public sealed record TestAccount(string Id, string Email, string Password, string Organisation, AccountRole Role);

/// <summary>
/// Accounts in a test database, made the way the CLI makes the first administrator (<see cref="CreateAccount"/>), and
/// API clients that signed in with them through POST /api/v1/aanmelden (bearer token).
/// </summary>
public static class TestAccounts
{
    public const string Password = "test-wachtwoord-lang-genoeg";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Makes an account with one role; a second call for the same organisation and role gives another account.</summary>
    public static async Task<TestAccount> CreateAsync(TestDatabase database, string organisation, AccountRole role, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        email ??= $"{role.ToString().ToLowerInvariant()}.{organisation.ToLowerInvariant()}.{Guid.NewGuid():N}@test.nl";
        await using var db = database.Context();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<RegiewijzerDb>(db);
        services.AddAccountStore();
        await using var provider = services.BuildServiceProvider();
        var result = await CreateAccount.RunAsync(provider.GetRequiredService<UserManager<AccountRow>>(), db, email, "Test " + organisation, Password, organisation, role, DateTimeOffset.UtcNow, Ct);
        Assert.True(result.Created, string.Join("; ", result.Errors));
        return new TestAccount(result.AccountId!, email, Password, organisation, role);
    }

    /// <summary>An HTTP client for <paramref name="app"/> that sends the account's bearer token.</summary>
    public static async Task<HttpClient> ApiClientAsync(RunningApp app, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(account);
        var client = new HttpClient { BaseAddress = app.Address };
        var token = await TokenAsync(client, account.Email, account.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the API and returns the access token (fails the test if sign-in fails).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/v1/aanmelden", new { email, password }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }
}
