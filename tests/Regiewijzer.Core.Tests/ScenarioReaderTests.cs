using System.Globalization;
using System.Text;
using CsCheck;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Xunit;

namespace Regiewijzer.Core.Tests;

public class ScenarioReaderTests
{
    /// <summary>Mostly valid values, with every kind of invalid one mixed in.</summary>
    private static Gen<string> Mostly(string[] valid, string[] invalid) =>
        Gen.Frequency((40, Gen.OneOf(valid)), (1, Gen.OneOf(invalid)));

    private static readonly string[] BadCounts = ["2147483648", "-1", "5380.0", "1e3", "\"5380\"", "null", "true", "[]", "{}"];

    private static readonly Gen<string> Task = Mostly(["100", "100", "5380", "5380", "60000", "0", "1", "3", "-0"], [.. BadCounts, "2147483647"]);

    private static readonly Gen<string> Stock = Mostly(["100", "5380", "60000", "2147483647"], [.. BadCounts, "0"]);

    private static readonly Gen<string> Small = Mostly(["0", "1", "3", "10", "30"], BadCounts);

    private static readonly Gen<string> Share = Mostly(
        ["\"2/3\"", "\"3/10\"", "\"0.3\"", "\"0\"", "\"1/5\"", "\"1\"", "\"999/1000\"", "\"0.41\""],
        ["\"1/0\"", "\"3/2\"", "\"0,3\"", "\"-1/2\"", "\"\"", "0.3", "null"]);

    /// <summary>
    /// Lagging thresholds up to 1/2 (and the invalid ones): above 1/2 the catch-up need of a stock near int.MaxValue no
    /// longer fits an int (see <see cref="DistributionTests"/>, the skipped overflow test).
    /// </summary>
    private static readonly Gen<string> Threshold = Mostly(
        ["\"3/10\"", "\"0.3\"", "\"0\"", "\"1/5\"", "\"1/2\"", "\"0.41\""],
        ["\"1\"", "\"1/0\"", "\"3/2\"", "\"0,3\"", "\"-1/2\"", "\"\"", "0.3", "null"]);

    /// <summary>Exempted floors: at most the law's floors, or not.</summary>
    private static readonly Gen<string> Floor = Mostly(
        ["\"0\"", "\"1/10\"", "\"0.2\"", "\"1/5\""],
        ["\"1/3\"", "\"1\"", "\"0,1\"", "0.1", "null"]);

    private static readonly Gen<string> Code = Gen.Frequency(
        (20, Gen.Int[0, 9999].Select(n => "\"GM" + n.ToString("D4", CultureInfo.InvariantCulture) + "\"")),
        (1, Gen.OneOf("\"GM0001\"", "\"gm0001\"", "\"GM12\"", "\"XX0001\"", "7", "null")));

    private static readonly Gen<string> Municipality = Gen.Select(
        Gen.Select(Code, Stock, Small, Task),
        Gen.Select(Gen.Int[0, 40], Small, Small, Small),
        Gen.Select(Floor, Floor, Small, Small),
        (a, b, c) =>
        {
            var (code, stock, social, task) = a;
            var (flags, cs, cm, cf) = b;
            var (es, em, ks, km) = c;
            var fields = new List<string>();
            if (flags != 1)
            {
                fields.Add($"\"code\": {code}");
            }

            fields.Add($"\"stock\": {stock}");
            fields.Add($"\"socialStock\": {social}");
            fields.Add($"\"task\": {task}");
            if ((flags & 2) != 0)
            {
                fields.Add($"\"contracted\": {{ \"social\": {cs}, \"middle\": {cm}, \"free\": {cf} }}");
            }

            if ((flags & 4) != 0)
            {
                fields.Add($"\"exemption\": {{ \"socialFloor\": {es}, \"middleFloor\": {em} }}");
            }

            if ((flags & 8) != 0)
            {
                fields.Add($"\"commitment\": {{ \"social\": {ks}, \"middle\": {km} }}");
            }

            if (flags == 11)
            {
                fields.Add("\"colour\": \"red\"");
            }

            return "{ " + string.Join(", ", fields) + " }";
        });

    private static readonly Gen<string> Document = Gen.Select(
        Mostly(["1"], ["2", "\"1\"", "1.0"]),
        Mostly(["\"proportional\"", "\"lagging-first\"", "\"gap-weighted\""], ["\"random\"", "null"]),
        Gen.Select(Share, Share, Threshold, Share, Share),
        Gen.Int[0, 31],
        Municipality.Array[1, 4],
        (version, key, norms, flags, municipalities) =>
        {
            var text = new StringBuilder("{ ");
            if (flags != 31)
            {
                text.Append(CultureInfo.InvariantCulture, $"\"formatVersion\": {version}, ");
            }

            if ((flags & 2) != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\"key\": {key}, ");
            }

            if ((flags & 4) != 0)
            {
                var (a, s, t, fs, fm) = norms;
                text.Append(CultureInfo.InvariantCulture, $"\"norms\": {{ \"affordableShare\": {a}, \"socialShare\": {s}, \"laggingThreshold\": {t}, \"socialFloor\": {fs}, \"middleFloor\": {fm} }}, ");
            }

            if (flags == 8)
            {
                text.Append("\"period\": { \"from\": 2030, \"to\": 2022 }, ");
            }

            text.Append("\"municipalities\": [ ").Append(string.Join(", ", municipalities)).Append(" ] }");
            return flags == 30 ? text.ToString()[..^3] : text.ToString();
        });

    [Fact]
    public void Read_AnyDocument_NeverThrowsAndWhatItAcceptsCanBeDistributed()
    {
        var valid = 0;
        var invalid = 0;

        Document.Sample(json =>
        {
            var read = ScenarioReader.Read(json);

            if (read.IsValid)
            {
                Interlocked.Increment(ref valid);
                var scenario = read.Scenario!;
                Assert.Empty(Distribution.Validate(scenario.Region, scenario.Norms));
                var result = Distribution.Distribute(scenario.Region, scenario.Norms);
                Assert.Contains("\"region\"", ScenarioWriter.WriteResult(result), StringComparison.Ordinal);
            }
            else
            {
                Interlocked.Increment(ref invalid);
                Assert.Null(read.Scenario);
                Assert.NotEmpty(read.Errors);
                Assert.All(read.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
                Assert.All(read.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            }
        }, iter: 3000);

        Assert.True(valid > 300, $"only {valid} valid documents");
        Assert.True(invalid > 300, $"only {invalid} invalid documents");
    }

    [Fact]
    public void Read_SeveralErrors_ReportsAllOfThemInDocumentOrder()
    {
        const string json = """
            { "formatVersion": 3, "key": "random",
              "municipalities": [ { "code": "GM12", "stock": 0, "socialStock": 1, "task": "5" }, { "code": "GM0001", "task": 1 } ] }
            """;

        var read = ScenarioReader.Read(json);

        Assert.Equal(
            ["$.formatVersion", "$.key", "$.municipalities[0].code", "$.municipalities[0].task", "$.municipalities[0].stock", "$.municipalities[0].socialStock", "$.municipalities[1].stock", "$.municipalities[1].socialStock"],
            read.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Read_NormsAtTheLaw_GiveTheLawsNormSet()
    {
        var read = ScenarioReader.Read("""{ "formatVersion": 1, "norms": { "socialShare": "0.3", "affordableShare": "4/6" }, "municipalities": [ { "code": "GM0001", "stock": 10, "socialStock": 1, "task": 10 } ] }""");

        Assert.Same(Norms.NormSets.Law2026, read.Scenario!.Norms);
    }

    [Fact]
    public void Read_OptionalFieldsAbsent_TakeTheirDefaults()
    {
        var read = ScenarioReader.Read("""{ "formatVersion": 1, "municipalities": [ { "code": "GM0001", "stock": 10, "socialStock": 1, "task": 10 } ] }""");

        var scenario = read.Scenario!;
        Assert.Null(scenario.Name);
        Assert.Null(scenario.Period);
        Assert.Equal(DistributionKey.Proportional, scenario.Region.Key);
        var m = Assert.Single(scenario.Region.Municipalities);
        Assert.Equal("GM0001", m.Name);
        Assert.Equal(SegmentCounts.None, m.Contracted);
        Assert.Null(m.Exemption);
        Assert.Null(m.Commitment);
    }
}
