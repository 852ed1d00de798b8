using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;
using Regiewijzer.BrowserTests;
using Regiewijzer.Web;
using Xunit;

[assembly: AssemblyFixture(typeof(BrowserApp))]

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Once per test run: the real web app (Kestrel on a free loopback port, a fresh seeded SQLite file) and one
/// headless Debian Chromium driven by Playwright. Each test opens its own browser context with <see cref="OpenAsync"/>.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Directory.CreateTempSubdirectory("regiewijzer-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The password of the accounts below.</summary>
    public const string Password = "browser-test-wachtwoord-lang";

    /// <summary>An editor of Renswoude (GM0339: used by no other browser test), for the plan and realisation pages.</summary>
    public const string RenswoudeEditor = "renswoude@browsertest.nl";

    /// <summary>An editor of the province of Utrecht (Foodvalley crosses into it), for the trajectory page.</summary>
    public const string UtrechtEditor = "utrecht@browsertest.nl";

    /// <summary>An administrator at the Rijk, for the audit and account administration pages.</summary>
    public const string RijkAdministrator = "rijk@browsertest.nl";

    /// <summary>How long a test waits for a page, an element or a navigation (ms).</summary>
    public const float Timeout = 45_000;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Full-page screenshots of the states the tests check, named after the test.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Console.WriteLine($"Browser test screenshots: {ScreenshotFolder}");

        _app = await WebApp.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Database:Provider", "sqlite",
            "--Database:ConnectionString", $"Data Source={Path.Combine(_directory, "regiewijzer.db")}",
            "--Logging:LogLevel:Default", "Warning",
            "--Monitoring:WarmUp", "false", // prepared at the first request, not beside the page loads
        ]); // WebApp serves the static assets from the build output in every environment

        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
        await CreateAccountAsync(RenswoudeEditor, "GM0339", AccountRole.Editor);
        await CreateAccountAsync(UtrechtEditor, "PV26", AccountRole.Editor);
        await CreateAccountAsync(RijkAdministrator, "RIJK", AccountRole.Administrator);

        if (!File.Exists(ChromiumPath))
        {
            return; // every test reports it through RequireBrowser()
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A new browser context and page on the app. Without Chromium the test fails under CI=true and is skipped elsewhere.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(string testName, int width = 1280, int height = 900)
    {
        var browser = RequireBrowser();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "nl-NL",
            AcceptDownloads = true,
        });
        // Generous: on a busy 2-core machine (CI) a page with charts can take many seconds to load; a real hang still fails.
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page, testName);
    }

    /// <summary>Signs in on /aanmelden as one of the accounts above, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/aanmelden");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#wachtwoord").FillAsync(Password);
        await page.Locator("form#aanmelden button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#afmelden")).ToBeVisibleAsync();
    }

    private async Task CreateAccountAsync(string email, string organisation, AccountRole role)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegiewijzerDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountRow>>();
        var result = await CreateAccount.RunAsync(users, db, email, "Browsertest " + organisation, Password, organisation, role, DateTimeOffset.UtcNow);
        if (!result.Created)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    private IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        var message = $"Chromium is missing at {ChromiumPath}: install it with `apt-get install chromium` (test.sh does this as root).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the system
        }
    }
}
