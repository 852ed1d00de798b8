using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Regiewijzer.IntegrationTests.Web;

/// <summary>
/// Issue 11, finding 11: the official linter of the Dutch API Design Rules (Spectral with the ruleset of
/// Logius-standaarden/API-Design-Rules, media/linter.yaml; copied to tools/api-linter/ruleset.yaml with its source)
/// on the live /api/v1/openapi.json reports no errors. Spectral is the pinned npm package of tools/api-linter
/// (package.json and package-lock.json), installed with `npm ci` into its node_modules (gitignored) on first use.
/// The ruleset uses only Spectral's built-in functions: it runs without network access beyond the npm registry.
/// </summary>
[Collection(ApiGroup.Name)]
public sealed class ApiLinterTests(ApiApps apps)
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    [Fact]
    public async Task OpenApiDocument_PassesTheDutchApiDesignRulesLinter()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = await apps.ClientAsync(Provider.Sqlite);
        var document = await api.GetJsonTextAsync("/api/v1/openapi.json");
        var folder = LinterFolder();
        await EnsureInstalledAsync(folder, ct);
        var file = Path.Combine(Path.GetTempPath(), $"regiewijzer-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document, ct);
        try
        {
            var spectral = Path.Combine(folder, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
            var (exit, output, error) = await RunAsync(folder, "node", [spectral, "lint", "--ruleset", "ruleset.yaml", "--format", "json", "--quiet", "--fail-severity", "error", file], ct);

            var results = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Select(r => (Severity: r.GetProperty("severity").GetInt32(), Code: r.GetProperty("code").GetString(), Message: r.GetProperty("message").GetString(), Path: string.Join(".", r.GetProperty("path").EnumerateArray().Select(p => p.ToString()))))
                .ToList();
            var errors = results.Where(r => r.Severity == 0).ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} errors:\n{string.Join("\n", errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"))}\n{error}");
            Assert.Equal(0, exit);

            // The one warning allowed: the server URL follows the request, which is plain http on loopback in tests.
            Assert.All(results.Where(r => r.Severity == 1), r => Assert.Equal("nlgov:servers-use-https", r.Code));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>tools/api-linter of the repository, found upwards from the test's output folder.</summary>
    private static string LinterFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "api-linter");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tools/api-linter not found above {AppContext.BaseDirectory}");
    }

    /// <summary>`npm ci` when node_modules is missing or older than the lockfile.</summary>
    private static async Task EnsureInstalledAsync(string folder, CancellationToken ct)
    {
        await Install.WaitAsync(ct);
        try
        {
            var marker = Path.Combine(folder, "node_modules", ".package-lock.json");
            if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json")))
            {
                return;
            }

            var (exit, output, error) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], ct);
            Assert.True(exit == 0, $"npm ci in {folder} failed ({exit.ToString(CultureInfo.InvariantCulture)}):\n{output}\n{error}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string folder, string program, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }
}
