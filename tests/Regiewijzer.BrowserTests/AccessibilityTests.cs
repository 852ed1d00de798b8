using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>axe-core finds no serious or critical violations on the main pages (the what-if page with a computed result).</summary>
public sealed class AccessibilityTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Pages.Main), MemberType = typeof(Pages))]
    public async Task MainPage_HasNoSeriousOrCriticalAxeViolations(string path, string slug)
    {
        await using var session = await app.OpenAsync($"{nameof(MainPage_HasNoSeriousOrCriticalAxeViolations)}-{slug}");
        await session.GotoAsync(path);
        if (slug == "wat-als")
        {
            await WhatIfForm.ExemptSocialAsync(session, "GM0228", "20");
        }

        await session.ScreenshotAsync("axe");
        // Only violations carry all their nodes; passes would be serialised node by node for nothing.
        var result = await session.Page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var minor in result.Violations.Except(serious))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{path}: minor axe finding {Describe(minor)}");
        }

        Assert.True(serious.Count == 0, $"{path}: {serious.Count} serious/critical axe violations:\n{string.Join("\n", serious.Select(Describe))}");
    }

    private static string Describe(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}" +
        (v.Nodes.Length > 5 ? $" and {v.Nodes.Length - 5} more" : string.Empty) +
        (v.Nodes.FirstOrDefault() is { } first ? $"\n    e.g. {first.Html}\n    {string.Join("; ", first.Any.Concat(first.All).Concat(first.None).Select(c => c.Message))}" : string.Empty);
}
