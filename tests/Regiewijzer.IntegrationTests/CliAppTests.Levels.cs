using Regiewijzer.Cli;
using Regiewijzer.Core;
using Regiewijzer.Data.Features;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The norms at every level at once (domain.md §5b) on the shipped data: `toets --nationaal` and `toets --provincie`.</summary>
public sealed partial class CliAppTests
{
    [Fact]
    public async Task ToetsNationaal_ShippedData_NoProvincialShortfallTheProvinceAwareDistributionCanAvoid()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        CountryCheck check;
        await using (var db = database.Context())
        {
            check = await CheckCountry.RunAsync(db, TestContext.Current.CancellationToken);
        }

        var (exit, stdout, stderr) = Run(database, "toets", "--nationaal");

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Equal(12, check.Levels.Length);
        var crossing = check.Regions.Where(r => r.Result is { } result && result.Parts.Length >= 2).ToList();
        Assert.NotEmpty(crossing);
        Assert.All(crossing, r => Assert.True(r.Result!.PlacedPerPart, r.Question.Region.Name));
        foreach (var level in check.Levels)
        {
            // Every part of a region across the border meets its own norms unless its municipalities' rooms do not allow it.
            foreach (var part in level.Parts)
            {
                var region = check.Regions.Single(r => r.Question.Region.Id == part.RegionId).Result!;
                var infeasible = region.Findings.Any(f => f.CodeText.StartsWith("PROVINCE_PART_", StringComparison.Ordinal) && f.Message.Contains($"({part.Province.Value},", StringComparison.Ordinal));
                Assert.Equal(part.Infeasible, infeasible);
                if (!part.Infeasible)
                {
                    Assert.True(part.Social >= part.RequiredSocial && part.Affordable >= part.RequiredAffordable, $"{part.RegionName} in {part.Province.Name}");
                }
            }

            // A province still short is explained: a part or a region that cannot reach the norm within its rooms.
            if (!level.Now.MeetsNorms)
            {
                var regionsShort = check.Regions.Any(r => r.Result is { MeetsNorms: false } && r.Question.Region.Provinces.Contains(level.Name, StringComparison.Ordinal));
                Assert.True(level.Parts.Any(p => p.Infeasible) || regionsShort, $"{level.Name} falls short without an infeasible part or region");
                Assert.Contains($"Tekort {level.Name}", stdout, StringComparison.Ordinal);
            }

            var row = Assert.Single(stdout.Split('\n'), l => l.StartsWith($"| {level.Name} ", StringComparison.Ordinal) && l.Contains(Format.Count(level.RegionOnly.Social), StringComparison.Ordinal));
            Assert.Contains(Format.Count(level.Now.Social), row, StringComparison.Ordinal);
            Assert.Contains(check.MissingFrom(level.Now) > 0 ? "niet te beoordelen" : level.RegionOnly.MeetsNorms ? "voldoet" : "tekort", row, StringComparison.Ordinal);
        }

        // The comparison shows what region-only does: provinces that only the province-aware distribution brings to the norms.
        Assert.Contains(check.Levels, l => !l.RegionOnly.MeetsNorms && l.Now.MeetsNorms);
        Assert.Contains("Norm per provincie: verdeling alleen op regioniveau tegenover verdeling per provinciaal deel", stdout, StringComparison.Ordinal);
        Assert.Contains("Regio's over een provinciegrens", stdout, StringComparison.Ordinal);
        foreach (var part in check.Levels.SelectMany(l => l.Parts).Where(p => p.ShortRegionOnly && !p.Infeasible))
        {
            Assert.Contains(check.Levels, l => l.Code == part.Province.Value && (l.RegionOnly.SocialShortfall > 0 || l.RegionOnly.AffordableShortfall > 0 || l.Now.MeetsNorms));
        }
    }

    [Fact]
    public async Task ToetsProvincie_NoordHolland_ShowsTheRegionsAcrossItsBorderAndWhatChanges()
    {
        await using var database = await databases.CreateSeededAsync(Provider.Sqlite);
        CountryCheck check;
        await using (var db = database.Context())
        {
            check = await CheckCountry.RunAsync(db, TestContext.Current.CancellationToken);
        }

        var (exit, stdout, stderr) = Run(database, "toets", "--provincie", "PV27");

        Assert.True(exit == CliApp.Ok, stderr);
        var level = check.Levels.Single(l => l.Code == "PV27");
        Assert.NotEmpty(level.Parts);
        foreach (var part in level.Parts)
        {
            var line = Assert.Single(stdout.Split('\n'), l => l.Contains(part.RegionName[..Math.Min(12, part.RegionName.Length)], StringComparison.Ordinal) && l.Contains(Format.Count(part.Task), StringComparison.Ordinal));
            Assert.Contains(Format.Count(part.SocialRegionOnly), line, StringComparison.Ordinal);
            Assert.Contains(Format.Count(part.Social), line, StringComparison.Ordinal);
            Assert.Contains(Format.Count(part.RequiredSocial), line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("| Nederland ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("| Utrecht ", stdout, StringComparison.Ordinal);
    }
}
