using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// Writes every explanation of the national input (35 regions × 3 keys × 2 levels, plus a variant of each region with
/// contracted homes, exemptions and commitments) to a file: every step's line, its text, values, rule and source, and
/// prints the file's size and SHA-256. Two builds that print the same hash wrote the same explanations, byte for byte:
/// the check to run before and after changing how explanations are written.
/// </summary>
internal static class ExplanationDump
{
    public static int Run(string[] args, TextWriter o)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "regiewijzer-uitleg.txt");
        var regions = NationalInput.Load();
        var norms = NormSets.Law2026;
        using (var file = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            foreach (var variant in new[] { false, true })
            {
                foreach (var key in new[] { DistributionKey.Proportional, DistributionKey.LaggingFirst, DistributionKey.GapWeighted })
                {
                    foreach (var levels in new[] { DistributionLevels.ProvinceAndRegion, DistributionLevels.Region })
                    {
                        foreach (var region in regions)
                        {
                            var input = region.Input with { Key = key, Levels = levels };
                            if (variant)
                            {
                                input = input with { Municipalities = [.. input.Municipalities.Select(Vary)] };
                            }

                            Write(file, Distribution.Distribute(input, norms), $"{region.Id} {key} {levels} {(variant ? "variant" : "plain")}");
                        }
                    }
                }
            }
        }

        var bytes = File.ReadAllBytes(path);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}"));
        return 0;
    }

    /// <summary>Every third municipality with contracted homes, every fifth with an exemption, every seventh with a commitment.</summary>
    private static MunicipalityInput Vary(MunicipalityInput m, int index)
    {
        if (index % 3 == 0)
        {
            m = m with { Contracted = new SegmentCounts(m.Task / 10, m.Task / 12, m.Task / 15) };
        }

        if (index % 5 == 1)
        {
            m = m with { Exemption = new Exemption(new Fraction(1, 5), new Fraction(1, 4)) };
        }

        if (index % 7 == 2)
        {
            m = m with { Commitment = new Commitment(m.Task / 3, m.Task / 4) };
        }

        return m;
    }

    private static void Write(StreamWriter file, RegionDistribution region, string heading)
    {
        file.WriteLine($"# {heading}");
        foreach (var m in region.Municipalities)
        {
            file.WriteLine($"## {m.Code.Value}");
            foreach (var step in Explanation.For(region, m))
            {
                file.WriteLine(step.ToString());
                file.WriteLine($"  {step.Number}|{step.Title}|{step.Text}|{step.Rule}|{step.Source}");
                foreach (var value in step.Values)
                {
                    file.WriteLine($"  - {value.Name} = {value.Value}");
                }
            }
        }
    }
}
