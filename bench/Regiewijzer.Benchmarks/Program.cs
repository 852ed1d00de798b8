using System.Globalization;
using BenchmarkDotNet.Running;
using Regiewijzer.Benchmarks;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;

// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --check
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --dump [file]
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --loop [proportional|lagging-first|gap-weighted] [seconds] [explain]
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --forecast [repeat] [full]
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --forecast-loop [threads] [seconds]
// dotnet run -c Release --project bench/Regiewijzer.Benchmarks -- --rapport [repeat]
if (args.Length > 0 && args[0] == "--check")
{
    return Check.Run(Console.Out);
}

if (args.Length > 0 && args[0] == "--dump")
{
    return ExplanationDump.Run(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--loop")
{
    return Loop.Run(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--forecast-loop")
{
    return ForecastTiming.Loop(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--rapport")
{
    return ReportTiming.Run(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--forecast")
{
    return ForecastTiming.Run(args.Skip(1).ToArray(), Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(DistributionBenchmarks).Assembly).Run(args);
return 0;

/// <summary>
/// Sanity check of the national benchmark input without BenchmarkDotNet: coverage of the 342
/// municipalities and the outcome per region with each key.
/// </summary>
internal static class Check
{
    public static int Run(TextWriter o)
    {
        var dataDirectory = NationalInput.FindDataDirectory();
        var regions = NationalInput.Load(dataDirectory);
        var norms = NormSets.Law2026;
        var inv = CultureInfo.InvariantCulture;
        var (knownTotal, knownStock) = NationalInput.NationalRatio(regions);
        o.WriteLine(string.Create(inv, $"data: {dataDirectory}"));
        o.WriteLine(string.Create(inv, $"benchmark-only national ratio for regions without a total: {knownTotal} / {knownStock} = {(decimal)knownTotal / knownStock:0.000000} homes per dwelling"));
        o.WriteLine();

        var codes = regions.SelectMany(r => r.Input.Municipalities).Select(m => m.Code).ToList();
        var distinct = codes.Distinct().Count();
        var ok = codes.Count == 342 && distinct == 342 && regions.Length == 35;

        foreach (var key in new[] { DistributionKey.Proportional, DistributionKey.LaggingFirst, DistributionKey.GapWeighted })
        {
            o.WriteLine(string.Create(inv, $"key {key}"));
            o.WriteLine(string.Create(inv, $"{"id",-4} {"region",-45} {"n",3} {"origin P/S/R",12} {"task",7} {"RS",6} {"social",6} {"RA",6} {"afford",6} {"meets",5} {"max social/task",-40}"));
            long task = 0, social = 0, affordable = 0, requiredSocial = 0, requiredAffordable = 0;
            var meets = 0;
            var signals = 0;
            long maxDenominatorBits = 0;
            (Fraction Share, string Where) nationalMax = (Fraction.Zero, "-");
            foreach (var r in regions)
            {
                var d = Distribution.Distribute(r.Input with { Key = key }, norms);
                task += d.Task;
                social += d.Social;
                affordable += d.Affordable;
                requiredSocial += d.RequiredSocial;
                requiredAffordable += d.RequiredAffordable;
                meets += d.MeetsNorms ? 1 : 0;
                signals += d.Findings.Count(f => f.Code == Regiewijzer.Core.Compliance.FindingCode.HighSocialShare);
                foreach (var m in d.Municipalities)
                {
                    foreach (var exact in new[] { m.SocialWeight, m.ExactSocialPass1, m.ExactSocialPass2, m.ExactRegionalMiddle })
                    {
                        maxDenominatorBits = Math.Max(maxDenominatorBits, exact.Denominator.GetBitLength());
                    }
                }

                var max = d.Municipalities.Where(m => m.Task > 0)
                    .Select(m => (Share: new Fraction(m.Social, m.Task), Where: string.Create(inv, $"{m.Name} ({m.Code}) {m.Social}/{m.Task}")))
                    .MaxBy(x => x.Share);
                if (max.Share > nationalMax.Share)
                {
                    nationalMax = (max.Share, $"{max.Where} in {r.Name}");
                }

                var origins = string.Create(inv, $"{r.Origins.Values.Count(v => v == TaskOrigin.Published)}/{r.Origins.Values.Count(v => v == TaskOrigin.SpreadByStock)}/{r.Origins.Values.Count(v => v == TaskOrigin.NationalRatio)}");
                var name = r.Name.Length > 45 ? r.Name[..44] + "…" : r.Name;
                o.WriteLine(string.Create(inv, $"{r.Id,-4} {name,-45} {d.Municipalities.Length,3} {origins,12} {d.Task,7} {d.RequiredSocial,6} {d.Social,6} {d.RequiredAffordable,6} {d.Affordable,6} {(d.MeetsNorms ? "yes" : "NO"),5} {Percent(max.Share),6} {max.Where}"));
            }

            o.WriteLine(string.Create(inv, $"national: {regions.Length} regions, {codes.Count} municipality entries ({distinct} distinct), task {task}, social {social} (RS {requiredSocial}), affordable {affordable} (RA {requiredAffordable}), {meets}/{regions.Length} regions meet the norms, {signals} HIGH_SOCIAL_SHARE signals, largest denominator of a weight or exact part {maxDenominatorBits} bits"));
            o.WriteLine(string.Create(inv, $"max municipal social share: {Percent(nationalMax.Share)} {nationalMax.Where}"));
            o.WriteLine();
        }

        var rotterdam = regions.Single(r => r.Id == "WD26");
        o.WriteLine(string.Create(inv, $"{rotterdam.Name} (domain.md §5: 'the default key asks up to 56% social rent of a suburb'):"));
        foreach (var key in new[] { DistributionKey.Proportional, DistributionKey.LaggingFirst, DistributionKey.GapWeighted })
        {
            var d = Distribution.Distribute(rotterdam.Input with { Key = key }, norms);
            var line = string.Join(", ", d.Municipalities.OrderByDescending(m => new Fraction(m.Social, Math.Max(1, m.Task)))
                .Take(3)
                .Select(m => string.Create(inv, $"{m.Name} {Percent(new Fraction(m.Social, m.Task))} ({m.Social}/{m.Task}, s={Percent(m.StockShare)})")));
            o.WriteLine(string.Create(inv, $"  {key}: {line}"));
        }

        o.WriteLine();
        o.WriteLine(ok ? "coverage OK: 35 regions, 342 municipalities, each exactly once" : "coverage FAILED");
        return ok ? 0 : 1;
    }

    private static string Percent(Fraction share) =>
        (share * 100).ToDecimal(1).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// Profiling helper (no BenchmarkDotNet): distributes all 35 regions with one key in a loop for a
/// number of seconds, e.g. under `perf record` with DOTNET_PerfMapEnabled=1.
/// </summary>
internal static class Loop
{
    public static int Run(string[] args, TextWriter o)
    {
        var key = (args.Length > 0 ? args[0] : "proportional") switch
        {
            "proportional" => DistributionKey.Proportional,
            "lagging-first" => DistributionKey.LaggingFirst,
            "gap-weighted" => DistributionKey.GapWeighted,
            var other => throw new ArgumentException($"unknown key '{other}'", nameof(args)),
        };
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var inputs = NationalInput.Load().Select(r => r.Input with { Key = key }).ToArray();
        var explain = args.Length > 2 && args[2] == "explain";
        var norms = NormSets.Law2026;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long calls = 0;
        long social = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var input in inputs)
            {
                var region = Distribution.Distribute(input, norms);
                social += region.Social;
                if (explain)
                {
                    // As benchmark D: every municipality's explanation, each step as its line.
                    foreach (var m in region.Municipalities)
                    {
                        foreach (var step in Explanation.For(region, m))
                        {
                            social += step.ToString().Length;
                        }
                    }
                }
            }

            calls++;
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}: {calls} national runs in {watch.Elapsed.TotalSeconds:0.0} s = {watch.Elapsed.TotalMilliseconds * 1000 / calls:0.0} us per run ({(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / calls:0.0} us processor time), {GC.CollectionCount(0) / (double)calls:0.00} gen0 and {GC.CollectionCount(1) / (double)calls:0.00} gen1 collections per run (checksum {social})"));
        return 0;
    }
}
